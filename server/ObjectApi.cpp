#include "ObjectApi.h"

#include "HttpServer.h"
#include "backend/ObjectName.h"

#include <QRegularExpression>

namespace obnam::server {

namespace {

ApiResponse reply(int status, std::string body = {})
{
    ApiResponse r;
    r.status = status;
    r.body = body.empty() ? std::string() : body + "\n";
    return r;
}

// The status and short text a storage error is answered with.
ApiResponse statusFor(const Error &e)
{
    switch (e.code) {
    case ErrorCode::NotFound:
        return reply(404, "not found");
    case ErrorCode::AlreadyExists:
        return reply(409, "object exists");
    case ErrorCode::InvalidArgument:
        return reply(400, "bad request");
    case ErrorCode::NoSpace:
        return reply(507, "insufficient storage");
    case ErrorCode::Transient:
        // The object store or the database cannot be reached now: the client retries.
        return reply(503, "storage unavailable");
    default:
        return reply(500, "storage error");
    }
}

// An answer and the error behind it: the client sees the status and its short text, the
// server's log the error itself.
ApiResponse failed(ApiResponse r, const Error &cause)
{
    r.cause = cause.toString().toStdString();
    return r;
}

ApiResponse fromError(const Error &e)
{
    return failed(statusFor(e), e);
}

// Objects whose name is the SHA-256 of their bytes; the server checks before storing.
bool contentAddressed(const QString &name)
{
    return name.startsWith(QStringLiteral("packs/")) || name.startsWith(QStringLiteral("index/")) ||
           name.startsWith(QStringLiteral("generations/"));
}

// "bytes=FIRST-LAST" or "bytes=FIRST-": the first byte and, if given, the last.
std::optional<std::pair<quint64, std::optional<quint64>>> parseRange(const std::string &header)
{
    static const QRegularExpression re(QStringLiteral("\\Abytes=(\\d{1,18})-(\\d{0,18})\\z"));
    const auto m = re.match(QString::fromStdString(header));
    if (!m.hasMatch())
        return std::nullopt;
    const quint64 first = m.captured(1).toULongLong();
    if (m.capturedLength(2) == 0)
        return std::make_pair(first, std::optional<quint64>());
    const quint64 last = m.captured(2).toULongLong();
    if (last < first)
        return std::nullopt;
    return std::make_pair(first, std::optional<quint64>(last));
}

} // namespace

ObjectApi::ObjectApi(ServerConfig config, AccountStore &clients, ObjectStore &objects)
    : m_config(std::move(config))
    , m_clients(clients)
    , m_objects(objects)
{}

ObjectApi::~ObjectApi() = default;

std::optional<Admission> ObjectApi::route(const std::string &method,
                                          const std::string &target) const
{
    static const std::string objects = "/v1/objects/";
    static const std::string listing = "/v1/objects?prefix=";
    if (target.size() > 512)
        return std::nullopt;
    // The object language has no characters that need escaping: anything escaped is refused.
    for (char c : target) {
        if (c == '%' || c == '\\' || c == '\0' || static_cast<unsigned char>(c) < 0x21 ||
            static_cast<unsigned char>(c) > 0x7e)
            return std::nullopt;
    }
    Admission a;
    if (method == "GET" && (target == "/v1/objects" || target.rfind(listing, 0) == 0)) {
        a.list = true;
        a.name = target == "/v1/objects" ? QString()
                                         : QString::fromStdString(target.substr(listing.size()));
        if (!objectname::validatePrefix(a.name))
            return std::nullopt;
        return a;
    }
    if (target.rfind(objects, 0) != 0)
        return std::nullopt;
    a.name = QString::fromStdString(target.substr(objects.size()));
    if (!objectname::validate(a.name))
        return std::nullopt;
    return a;
}

std::variant<ApiResponse, Admission> ObjectApi::admit(const std::string &method,
                                                      const std::string &target,
                                                      const std::string &authorization,
                                                      std::optional<quint64> contentLength)
{
    if (method != "GET" && method != "HEAD" && method != "PUT" && method != "DELETE")
        return reply(405, "method not allowed");
    const std::string bearer = "Bearer ";
    std::optional<Caller> caller;
    if (authorization.rfind(bearer, 0) == 0) {
        auto found =
            m_clients.authenticate(QByteArray::fromStdString(authorization.substr(bearer.size())));
        // The accounts cannot be read (the database is down): the client retries later, and
        // keeps its token.
        if (!found)
            return failed(reply(503, "the account store is unavailable"), found.error());
        caller = std::move(*found);
    }
    if (!caller)
        return reply(401, "missing or invalid access token");
    auto admission = route(method, target);
    if (!admission)
        return reply(400, "invalid object name");
    admission->caller = std::move(*caller);
    if (method != "PUT")
        return std::move(*admission);
    if (!contentLength)
        return reply(411, "length required");
    if (*contentLength > quint64(m_config.maxBodyBytes))
        return reply(413, "object too large");
    if (auto refused = holdQuota(*admission, qint64(*contentLength)))
        return std::move(*refused);
    return std::move(*admission);
}

std::optional<ApiResponse> ObjectApi::holdQuota(Admission &admission, qint64 length)
{
    const ClientAccount &account = admission.caller.account;
    if (m_clients.keepsUsage()) {
        // Held in the database, atomically, so that instances cannot pass a quota together:
        // the upload's bytes are held until it ends; what it stored is counted by then.
        auto reserved = m_clients.reserve(account.id, length, account.quotaBytes);
        if (!reserved)
            return failed(reply(503, "the account store is unavailable"), reserved.error());
        if (!*reserved)
            return reply(507, "quota exceeded");
        admission.quotaHold = std::shared_ptr<void>(
            this, [this, id = account.id, client = account.name, length](void *) {
                logUnlessCounted(client, m_clients.release(id, length));
            });
        return std::nullopt;
    }
    if (account.quotaBytes <= 0)
        return std::nullopt;
    const qint64 used = usage(account);
    QMutexLocker lock(&m_mutex);
    qint64 &reserved = m_reserved[account.id];
    // Uploads in progress count as if stored: many at once cannot pass the quota together.
    if (used + reserved + length > account.quotaBytes)
        return reply(507, "quota exceeded");
    reserved += length;
    admission.quotaHold = std::shared_ptr<void>(this, [this, id = account.id, length](void *) {
        QMutexLocker unlock(&m_mutex);
        m_reserved[id] -= length;
    });
    return std::nullopt;
}

std::unique_ptr<UploadSpool> ObjectApi::spoolFor(const Admission &admission, quint64 length)
{
    return m_objects.spool(admission.caller.account, length);
}

qint64 ObjectApi::usage(const ClientAccount &account)
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_usage.constFind(account.id);
        if (it != m_usage.cend())
            return *it;
    }
    const auto counted = m_objects.usage(account);
    const qint64 total = counted ? *counted : 0;
    QMutexLocker lock(&m_mutex);
    return *m_usage.insert(account.id, total);
}

void ObjectApi::addUsage(const QString &accountId, qint64 delta)
{
    // This process's own count; a store that keeps usage is told through noteStored() and
    // noteRemoved() instead.
    QMutexLocker lock(&m_mutex);
    auto it = m_usage.find(accountId);
    if (it != m_usage.end())
        *it += delta;
}

void ObjectApi::logUnlessCounted(const QString &clientName, const Status &counted)
{
    // The request itself has succeeded: the client is not told, and the account's usage is
    // off until `client recount`, which the log says.
    if (!counted)
        logLine("ERROR", "storage used by " + clientName.toStdString() +
                             " is not counted right (`client recount " + clientName.toStdString() +
                             "` corrects it): " + counted.error().toString().toStdString());
}

void ObjectApi::noteStored(const ClientAccount &account, const QString &name, qint64 bytes,
                           qint64 replacedBytes)
{
    if (m_clients.keepsUsage()) {
        logUnlessCounted(account.name,
                         m_clients.objectStored(account.id, name, bytes, replacedBytes));
        return;
    }
    addUsage(account.id, bytes - replacedBytes);
}

void ObjectApi::noteRemoved(const ClientAccount &account, const QString &name, qint64 bytes)
{
    if (m_clients.keepsUsage()) {
        logUnlessCounted(account.name, m_clients.objectRemoved(account.id, name, bytes));
        return;
    }
    if (bytes > 0)
        addUsage(account.id, -bytes);
}

ApiResponse ObjectApi::handle(const ApiRequest &request, const Admission &admission)
{
    const ClientAccount &account = admission.caller.account;
    ApiResponse response;
    if (admission.list) {
        auto names = m_objects.list(account, admission.name);
        if (!names) {
            response =
                names.error().code == ErrorCode::NotFound ? reply(200) : fromError(names.error());
        } else {
            for (const QString &n : std::as_const(*names))
                response.body += n.toStdString() + "\n";
        }
    } else if (request.method == "GET" || request.method == "HEAD") {
        response = get(request, admission);
    } else if (request.method == "DELETE") {
        const bool mayChange = !admission.caller.account.appendOnly || admission.caller.admin;
        if (!mayChange) {
            response = reply(403, "this client may not delete");
        } else {
            auto size = m_objects.stat(account, admission.name);
            auto removed = m_objects.remove(account, admission.name);
            response = removed ? reply(204) : fromError(removed.error());
            if (removed)
                noteRemoved(account, admission.name, size ? *size : -1);
        }
    } else {
        response = put(request, admission);
    }
    response.client = admission.caller.account.name.toStdString();
    return response;
}

ApiResponse ObjectApi::get(const ApiRequest &request, const Admission &admission)
{
    if (request.method == "HEAD") {
        auto size = m_objects.stat(admission.caller.account, admission.name);
        if (!size)
            return fromError(size.error());
        ApiResponse response;
        response.headers["X-Object-Size"] = std::to_string(*size);
        return response;
    }
    std::optional<std::pair<quint64, std::optional<quint64>>> range;
    if (!request.range.empty()) {
        range = parseRange(request.range);
        if (!range)
            return reply(400, "bad range");
    }
    // What the range asks for, so that object storage fetches only that.
    const qint64 first = range ? qint64(range->first) : 0;
    const qint64 wanted =
        range && range->second ? qint64(*range->second - range->first + 1) : qint64(-1);
    auto object = m_objects.open(admission.caller.account, admission.name, first, wanted);
    if (!object)
        return fromError(object.error());
    const qint64 size = object->size;
    ApiResponse response;
    response.contentType = "application/octet-stream";
    FileSlice slice{object->file, 0, quint64(size)};
    if (range) {
        // The object's size bounds the answer, whatever the range asks for: it is sent from
        // the file, never allocated.
        if (range->first >= quint64(size)) {
            ApiResponse refused = reply(416, "range not satisfiable");
            refused.headers["Content-Range"] = "bytes */" + std::to_string(size);
            return refused;
        }
        const quint64 last = qMin(range->second.value_or(quint64(size) - 1), quint64(size) - 1);
        slice.offset = range->first;
        slice.length = last - range->first + 1;
        response.status = 206;
        response.headers["Content-Range"] = "bytes " + std::to_string(range->first) + "-" +
                                            std::to_string(last) + "/" + std::to_string(size);
    }
    if (object->file) {
        response.file = std::move(slice);
        return response;
    }
    // From object storage: the part fetched is the slice, which the object's size bounds.
    const qint64 within = qint64(slice.offset) - object->partOffset;
    if (within < 0 || within + qint64(slice.length) > object->part.size())
        return reply(500, "storage error");
    response.body.assign(object->part.constData() + within, std::size_t(slice.length));
    return response;
}

ApiResponse ObjectApi::put(const ApiRequest &request, const Admission &admission)
{
    const ClientAccount &account = admission.caller.account;
    const bool mayChange = !account.appendOnly || admission.caller.admin;
    if (!request.upload)
        return reply(500, "storage error");
    if (contentAddressed(admission.name) &&
        request.upload->sha256Hex() != objectname::idOf(admission.name))
        return reply(400, "content does not match the object name");
    // Content-addressed objects never change; others may be replaced unless the client is
    // append-only (or asked for create-only).
    const bool createOnly = request.createOnly || contentAddressed(admission.name) || !mayChange;
    const auto replaced =
        createOnly ? Result<qint64>(qint64(0)) : m_objects.stat(account, admission.name);
    auto stored = m_objects.place(account, admission.name, *request.upload,
                                  createOnly ? PutMode::CreateOnly : PutMode::Overwrite);
    if (!stored) {
        if (stored.error().code == ErrorCode::AlreadyExists && !mayChange &&
            !contentAddressed(admission.name) && !request.createOnly)
            return reply(403, "this client may not overwrite");
        // The same bytes are stored already (the name is their hash). The instance that stored
        // them may have died before it counted them: counting again is a no-op where the
        // database knows the object, and counts it where it does not.
        if (stored.error().code == ErrorCode::AlreadyExists && contentAddressed(admission.name)) {
            const qint64 size = qint64(request.upload->size());
            noteStored(account, admission.name, size, size);
        }
        return fromError(stored.error());
    }
    noteStored(account, admission.name, qint64(request.upload->size()), replaced ? *replaced : 0);
    return reply(201);
}

} // namespace obnam::server
