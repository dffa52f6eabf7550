#include "ObjectApi.h"

#include "backend/LocalBackend.h"
#include "backend/ObjectName.h"
#include "crypto/Crypto.h"

#include <QDirIterator>
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

// Maps storage errors to HTTP. Details stay in the server's log, not in the answer.
ApiResponse fromError(const Error &e)
{
    switch (e.code) {
    case ErrorCode::NotFound:
        return reply(404, "not found");
    case ErrorCode::AlreadyExists:
        return reply(409, "object exists");
    case ErrorCode::InvalidArgument:
        return reply(400, "bad request");
    case ErrorCode::Corrupt:
        return reply(416, "range not satisfiable");
    case ErrorCode::Permanent:
        if (e.message.contains(QStringLiteral("No space")) ||
            e.message.contains(QStringLiteral("quota")))
            return reply(507, "insufficient storage");
        return reply(500, "storage error");
    default:
        return reply(500, "storage error");
    }
}

// Objects whose name is the SHA-256 of their bytes; the server checks before storing.
bool contentAddressed(const QString &name)
{
    return name.startsWith(QStringLiteral("packs/")) || name.startsWith(QStringLiteral("index/")) ||
           name.startsWith(QStringLiteral("generations/"));
}

std::optional<std::pair<qint64, qint64>> parseRange(const std::string &header)
{
    static const QRegularExpression re(QStringLiteral("\\Abytes=(\\d{1,18})-(\\d{1,18})\\z"));
    const auto m = re.match(QString::fromStdString(header));
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 first = m.captured(1).toLongLong();
    const qint64 last = m.captured(2).toLongLong();
    if (last < first || last - first >= (qint64(1) << 31))
        return std::nullopt;
    return std::make_pair(first, last - first + 1);
}

} // namespace

ObjectApi::ObjectApi(ServerConfig config, ClientStore &clients)
    : m_config(std::move(config))
    , m_clients(clients)
{}

ObjectApi::~ObjectApi() = default;

std::optional<ObjectApi::Route> ObjectApi::route(const std::string &method,
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
    if (method == "GET" && (target == "/v1/objects" || target.rfind(listing, 0) == 0)) {
        const QString prefix = target == "/v1/objects"
                                   ? QString()
                                   : QString::fromStdString(target.substr(listing.size()));
        if (!objectname::validatePrefix(prefix))
            return std::nullopt;
        return Route{true, prefix};
    }
    if (target.rfind(objects, 0) != 0)
        return std::nullopt;
    const QString name = QString::fromStdString(target.substr(objects.size()));
    if (!objectname::validate(name))
        return std::nullopt;
    return Route{false, name};
}

std::optional<ApiResponse> ObjectApi::precheck(const std::string &method, const std::string &target,
                                               const std::string &authorization,
                                               std::optional<quint64> contentLength)
{
    if (method != "GET" && method != "HEAD" && method != "PUT" && method != "DELETE")
        return reply(405, "method not allowed");
    const std::string bearer = "Bearer ";
    if (authorization.rfind(bearer, 0) != 0 ||
        !m_clients.authenticate(QByteArray::fromStdString(authorization.substr(bearer.size()))))
        return reply(401, "missing or invalid access token");
    if (!route(method, target))
        return reply(400, "invalid object name");
    if (method == "PUT" && contentLength && *contentLength > quint64(m_config.maxBodyBytes))
        return reply(413, "object too large");
    if (method == "PUT" && !contentLength)
        return reply(411, "length required");
    return std::nullopt;
}

std::shared_ptr<LocalBackend> ObjectApi::backendFor(const ClientAccount &account)
{
    QMutexLocker lock(&m_mutex);
    auto &b = m_backends[account.id];
    if (!b)
        b = std::make_shared<LocalBackend>(m_config.clientsDir() + QLatin1Char('/') + account.id, 2,
                                           0);
    return b;
}

qint64 ObjectApi::usage(const ClientAccount &account, LocalBackend &backend)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_usage.find(account.id);
    if (it != m_usage.end())
        return *it;
    qint64 total = 0;
    QDirIterator files(backend.location(), QDir::Files | QDir::Hidden,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        total += files.fileInfo().size();
    }
    m_usage.insert(account.id, total);
    return total;
}

ApiResponse ObjectApi::handle(const ApiRequest &request)
{
    if (auto early = precheck(request.method, request.target, request.authorization,
                              request.method == "PUT" ? std::optional<quint64>(request.body.size())
                                                      : std::nullopt))
        return *early;
    const auto caller = m_clients.authenticate(
        QByteArray::fromStdString(request.authorization.substr(std::string("Bearer ").size())));
    const Route r = *route(request.method, request.target);
    auto backend = backendFor(caller->account);
    ApiResponse response;
    const auto done = [&](ApiResponse rsp) {
        rsp.client = caller->account.name.toStdString();
        return rsp;
    };

    if (r.list) {
        auto names = backend->list(r.name).result();
        if (!names)
            return done(names.error().code == ErrorCode::NotFound ? reply(200)
                                                                  : fromError(names.error()));
        response.status = 200;
        for (const QString &n : std::as_const(*names))
            response.body += n.toStdString() + "\n";
        return done(response);
    }
    if (request.method == "GET" || request.method == "HEAD") {
        if (request.method == "GET" && !request.range.empty()) {
            const auto range = parseRange(request.range);
            if (!range)
                return done(reply(400, "bad range"));
            auto data = backend->getRange(r.name, range->first, range->second).result();
            if (!data)
                return done(fromError(data.error()));
            response.status = 206;
            response.body = data->toStdString();
            response.contentType = "application/octet-stream";
            response.headers["Content-Range"] = "bytes " + std::to_string(range->first) + "-" +
                                                std::to_string(range->first + range->second - 1) +
                                                "/*";
            return done(response);
        }
        if (request.method == "HEAD") {
            auto size = backend->stat(r.name).result();
            if (!size)
                return done(fromError(size.error()));
            response.status = 200;
            response.headers["X-Object-Size"] = std::to_string(*size);
            return done(response);
        }
        auto data = backend->get(r.name).result();
        if (!data)
            return done(fromError(data.error()));
        response.status = 200;
        response.body = data->toStdString();
        response.contentType = "application/octet-stream";
        return done(response);
    }
    const bool mayChange = !caller->account.appendOnly || caller->admin;
    if (request.method == "DELETE") {
        if (!mayChange)
            return done(reply(403, "this client may not delete"));
        auto size = backend->stat(r.name).result();
        auto removed = backend->remove(r.name).result();
        if (!removed)
            return done(fromError(removed.error()));
        if (size) {
            QMutexLocker lock(&m_mutex);
            if (m_usage.contains(caller->account.id))
                m_usage[caller->account.id] -= *size;
        }
        return done(reply(204));
    }
    // PUT
    // A view, not a copy: the request outlives this synchronous handler, and a pack is large.
    const QByteArray body =
        QByteArray::fromRawData(request.body.data(), qsizetype(request.body.size()));
    if (contentAddressed(r.name) &&
        QString::fromLatin1(crypto::sha256(body).toHex()) != objectname::idOf(r.name))
        return done(reply(400, "content does not match the object name"));
    if (caller->account.quotaBytes > 0 &&
        usage(caller->account, *backend) + body.size() > caller->account.quotaBytes)
        return done(reply(507, "quota exceeded"));
    // Content-addressed objects never change; others may be replaced unless the client is
    // append-only (or asked for create-only).
    const bool createOnly = request.createOnly || contentAddressed(r.name) || !mayChange;
    auto stored =
        backend->put(r.name, body, createOnly ? PutMode::CreateOnly : PutMode::Overwrite).result();
    if (!stored) {
        if (stored.error().code == ErrorCode::AlreadyExists && !mayChange &&
            !contentAddressed(r.name) && !request.createOnly)
            return done(reply(403, "this client may not overwrite"));
        return done(fromError(stored.error()));
    }
    {
        QMutexLocker lock(&m_mutex);
        if (m_usage.contains(caller->account.id))
            m_usage[caller->account.id] += body.size();
    }
    return done(reply(201));
}

} // namespace obnam::server
