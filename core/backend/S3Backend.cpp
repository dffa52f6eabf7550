#include "S3Backend.h"

#include "HttpsBackend.h"
#include "ObjectName.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QXmlStreamReader>

#include <optional>

namespace obnam {

namespace {

QList<s3::Header> queryPairs(const QUrl &url)
{
    QList<s3::Header> pairs;
    const QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    if (query.isEmpty())
        return pairs;
    for (const QByteArray &item : query.split('&')) {
        const qsizetype eq = item.indexOf('=');
        const QByteArray name = eq < 0 ? item : item.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        pairs.append(
            {QByteArray::fromPercentEncoding(name), QByteArray::fromPercentEncoding(value)});
    }
    return pairs;
}

// An ETag as S3 sends it is quoted ("…"); the digests it is compared with are not.
QByteArray unquoted(const QByteArray &etag)
{
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        return etag.mid(1, etag.size() - 2);
    return etag;
}

} // namespace

// The <Code> of an S3 error document.
QString S3Backend::errorCode(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("Error"))
            continue;
        if (xml.name() == QLatin1String("Code"))
            return xml.readElementText();
        xml.skipCurrentElement();
    }
    return {};
}

S3Settings S3Settings::at(const s3::Address &address)
{
    S3Settings settings;
    settings.endpoint = address.endpoint;
    settings.bucket = address.bucket;
    settings.prefix = address.prefix;
    return settings;
}

S3Backend::S3Backend(S3Settings settings, HttpsConnection::NamFactory namFactory)
    : m_settings(std::move(settings))
{
    HttpsSettings http = m_settings.http;
    QUrl base = m_settings.endpoint;
    if (!m_settings.pathStyle)
        base.setHost(m_settings.bucket + QLatin1Char('.') + base.host());
    base.setPath({});
    http.baseUrl = base;
    m_connection = std::make_shared<HttpsConnection>(std::move(http), std::move(namFactory));
}

S3Backend::S3Backend(S3Settings settings, std::shared_ptr<HttpsConnection> connection)
    : m_settings(std::move(settings))
    , m_connection(std::move(connection))
{}

std::shared_ptr<S3Backend> S3Backend::below(const QString &subPrefix) const
{
    S3Settings settings = m_settings;
    settings.prefix += subPrefix;
    return std::shared_ptr<S3Backend>(new S3Backend(std::move(settings), m_connection));
}

S3Backend::~S3Backend()
{
    // Requests in flight end at their next step (an upload sends only its abort, a listing
    // asks for no further page), and their continuations, which use this object, are waited
    // for. Not on the connection's own thread, which runs them: there nothing can be in the
    // middle of one, and waiting would wait on itself.
    m_closing = true;
    if (!m_connection->isNetworkThread())
        m_inFlight.waitUntilIdle();
}

Error S3Backend::closingError(const QString &name)
{
    return makeError(ErrorCode::Cancelled,
                     QCoreApplication::translate("obnam", "the S3 connection was closed"), name);
}

std::shared_ptr<void> S3Backend::InFlight::hold()
{
    std::lock_guard lock(m_mutex);
    ++m_count;
    return std::shared_ptr<void>(nullptr, [this](void *) {
        std::lock_guard released(m_mutex);
        if (--m_count == 0)
            m_idle.notify_all();
    });
}

void S3Backend::InFlight::waitUntilIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_count == 0; });
}

QString S3Backend::location() const
{
    return QStringLiteral("s3://%1/%2 (%3)")
        .arg(m_settings.bucket, m_settings.prefix, m_settings.endpoint.toString());
}

QString S3Backend::objectPath(const QString &key) const
{
    if (m_settings.pathStyle)
        return QLatin1Char('/') + m_settings.bucket + QLatin1Char('/') + key;
    return QLatin1Char('/') + key;
}

NetworkJob::Spec S3Backend::spec(const QByteArray &method, const QString &key, const QString &query,
                                 const QByteArray &body, QByteArray payloadSha256) const
{
    NetworkJob::Spec s;
    s.method = method;
    s.path = objectPath(key);
    if (!query.isEmpty())
        s.path += QLatin1Char('?') + query;
    s.body = body;
    // Each attempt is signed when it is sent: a retry a minute later carries its own time.
    const s3::Credentials credentials = m_settings.credentials;
    const QByteArray region = m_settings.region;
    const QByteArray payload =
        payloadSha256.isEmpty() ? s3::sha256Hex(body) : std::move(payloadSha256);
    s.sign = [credentials, region, payload, method](const QUrl &url,
                                                    const QList<s3::Header> &headers) {
        s3::SigningRequest r;
        r.method = method;
        r.host = s3::hostHeader(url);
        r.path = url.path(QUrl::FullyDecoded).toUtf8();
        r.query = queryPairs(url);
        r.headers = headers;
        r.payloadSha256 = payload;
        const s3::Signature signature =
            s3::sign(r, credentials, region, "s3", QDateTime::currentDateTimeUtc());
        return signature.headers.mid(headers.size());
    };
    return s;
}

Error S3Backend::toError(const HttpOutcome &o, const QString &name)
{
    if (o.status == 0 || o.status >= 500)
        return HttpsBackend::toError(o, name);
    const QString code = errorCode(o.body);
    const auto error = [&](ErrorCode c, const QString &message) {
        return makeError(c, message, name);
    };
    if (o.status == 404 && code == QStringLiteral("NoSuchBucket"))
        return error(ErrorCode::Permanent,
                     QCoreApplication::translate("obnam", "the S3 bucket does not exist"));
    if (o.status == 404)
        return error(ErrorCode::NotFound, QCoreApplication::translate("obnam", "no such object"));
    if (o.status == 412)
        return error(ErrorCode::AlreadyExists,
                     QCoreApplication::translate("obnam", "object exists"));
    // Two conditional writes of one name racing, or a conflicting operation still running:
    // nothing was stored by this request, and trying again is what S3 asks for.
    if (o.status == 409 && (code == QStringLiteral("ConditionalRequestConflict") ||
                            code == QStringLiteral("OperationAborted")))
        return error(ErrorCode::Transient,
                     QCoreApplication::translate("obnam", "the S3 store answered %1 %2")
                         .arg(o.status)
                         .arg(code));
    if (o.status == 403 || o.status == 401)
        return error(ErrorCode::Permanent,
                     QCoreApplication::translate("obnam", "the S3 store refused the request (%1): "
                                                          "check the access key, the secret key "
                                                          "and the bucket's permissions")
                         .arg(code.isEmpty() ? QString::number(o.status) : code));
    return error(ErrorCode::Permanent,
                 QCoreApplication::translate("obnam", "the S3 store answered %1 %2")
                     .arg(o.status)
                     .arg(code));
}

QFuture<Status> S3Backend::put(const QString &name, const QByteArray &data, PutMode mode)
{
    return putHashed(name, data, mode, {});
}

QFuture<Status> S3Backend::putHashed(const QString &name, const QByteArray &data, PutMode mode,
                                     const QByteArray &sha256)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Status>(valid);
    // Each part of a multipart upload is signed with its own hash.
    if (data.size() > m_settings.multipartThreshold)
        return putMultipart(name, data, mode);
    NetworkJob::Spec s = spec("PUT", m_settings.prefix + name, {}, data,
                              sha256.size() == 32 ? sha256.toHex() : QByteArray());
    s.createOnly = mode == PutMode::CreateOnly;
    SharedPromise<Status> promise;
    m_connection->send(std::move(s))
        .then([this, hold = m_inFlight.hold(), name, data, promise](const HttpOutcome &o) {
            if (o.status == 200 || o.status == 201 || o.status == 204) {
                promise.finish({});
                return;
            }
            const Error refused = toError(o, name);
            if (o.status != 412 || o.attempts < 2 || m_closing) {
                promise.finish(refused);
                return;
            }
            confirmOwnWrite(name, etagOf(data), [promise, refused](bool stored) {
                promise.finish(stored ? Status{} : Status(refused));
            });
        });
    return promise.future();
}

void S3Backend::confirmOwnWrite(const QString &name, const QByteArray &expectedEtag,
                                std::function<void(bool stored)> done)
{
    m_connection->send(spec("HEAD", m_settings.prefix + name))
        .then([hold = m_inFlight.hold(), expectedEtag, done](const HttpOutcome &o) {
            done(o.status == 200 && unquoted(o.etag) == expectedEtag);
        });
}

QByteArray S3Backend::etagOf(const QByteArray &data)
{
    // A single-part object's ETag is the MD5 of its bytes, in hex.
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray S3Backend::multipartEtagOf(const QList<QByteArray> &partEtags)
{
    // A multipart object's: the MD5 of its parts' MD5s, then "-" and the number of parts.
    QByteArray digests;
    for (const QByteArray &part : partEtags)
        digests += QByteArray::fromHex(unquoted(part));
    return QCryptographicHash::hash(digests, QCryptographicHash::Md5).toHex() + '-' +
           QByteArray::number(partEtags.size());
}

QFuture<Result<QByteArray>> S3Backend::get(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<QByteArray>>(valid.error());
    return m_connection->send(spec("GET", m_settings.prefix + name))
        .then([name](const HttpOutcome &o) -> Result<QByteArray> {
            if (o.status == 200)
                return o.body;
            return toError(o, name);
        });
}

QFuture<Result<QByteArray>> S3Backend::getRange(const QString &name, qint64 offset, qint64 length)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<QByteArray>>(valid.error());
    if (offset < 0 || length < 0 || length > (qint64(1) << 31))
        return ready<Result<QByteArray>>(
            makeError(ErrorCode::InvalidArgument,
                      QCoreApplication::translate("obnam", "invalid range"), name));
    if (length == 0) {
        // HTTP cannot express an empty range; only the object's existence and size matter.
        return stat(name).then([name, offset](const Result<qint64> &size) -> Result<QByteArray> {
            if (!size)
                return size.error();
            if (*size < offset)
                return makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("obnam", "object is shorter than expected"), name);
            return QByteArray();
        });
    }
    NetworkJob::Spec s = spec("GET", m_settings.prefix + name);
    s.range = "bytes=" + QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1);
    // A range past the end is 416, one that runs over it a shorter 206: a short object.
    return m_connection->send(std::move(s))
        .then([name, length](const HttpOutcome &o) -> Result<QByteArray> {
            if (o.status == 206 && o.body.size() == length)
                return o.body;
            if (o.status == 206 || o.status == 200 || o.status == 416)
                return makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("obnam", "object is shorter than expected"), name);
            return toError(o, name);
        });
}

QFuture<Result<S3Backend::Part>> S3Backend::readPart(const QString &name, qint64 offset,
                                                     qint64 length)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<Part>>(valid.error());
    if (offset < 0 || length == 0 || length < -1)
        return ready<Result<Part>>(makeError(ErrorCode::InvalidArgument,
                                             QCoreApplication::translate("obnam", "invalid range"),
                                             name));
    NetworkJob::Spec s = spec("GET", m_settings.prefix + name);
    if (offset > 0 || length > 0)
        s.range = "bytes=" + QByteArray::number(offset) + '-' +
                  (length > 0 ? QByteArray::number(offset + length - 1) : QByteArray());
    return m_connection->send(std::move(s))
        .then([name, offset](const HttpOutcome &o) -> Result<Part> {
            // A 200 is the whole object, whatever was asked for (a store that ignores Range).
            if (o.status == 200)
                return Part{o.body, o.body.size(), 0};
            if (o.status != 206 && o.status != 416)
                return toError(o, name);
            // "bytes A-B/TOTAL" or "bytes */TOTAL": the total is after the slash.
            bool ok = false;
            const qsizetype slash = o.contentRange.lastIndexOf('/');
            const qint64 total = slash < 0 ? -1 : o.contentRange.mid(slash + 1).toLongLong(&ok);
            if (!ok || total < 0)
                return makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("obnam", "the S3 store sent no object size"), name);
            return Part{o.status == 206 ? o.body : QByteArray(), total, offset};
        });
}

QFuture<Result<qint64>> S3Backend::stat(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<qint64>>(valid.error());
    return m_connection->send(spec("HEAD", m_settings.prefix + name))
        .then([name](const HttpOutcome &o) -> Result<qint64> {
            if (o.status != 200)
                return toError(o, name);
            if (o.contentLength < 0)
                return makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("obnam", "the S3 store sent no object size"), name);
            return o.contentLength;
        });
}

QString S3Backend::bucketPath() const
{
    return m_settings.pathStyle ? QString(QLatin1Char('/') + m_settings.bucket)
                                : QStringLiteral("/");
}

QFuture<Result<QStringList>> S3Backend::list(const QString &prefix)
{
    return listWithSizes(prefix).then([](const Result<QList<Listed>> &listed) {
        if (!listed)
            return Result<QStringList>(listed.error());
        QStringList names;
        names.reserve(listed->size());
        for (const Listed &l : *listed)
            names.append(l.name);
        return Result<QStringList>(std::move(names));
    });
}

QFuture<Result<QList<S3Backend::Listed>>> S3Backend::listWithSizes(const QString &prefix)
{
    if (auto valid = objectname::validatePrefix(prefix); !valid)
        return ready<Result<QList<Listed>>>(valid.error());
    const SharedPromise<Result<QList<Listed>>> promise;
    listPage(prefix, {}, {}, promise);
    return promise.future();
}

// One page of ListObjectsV2 (up to 1,000 keys), then the next with its continuation token.
void S3Backend::listPage(const QString &prefix, const QString &token, QList<Listed> listed,
                         SharedPromise<Result<QList<Listed>>> promise)
{
    QString query =
        QStringLiteral("list-type=2&prefix=") + s3::queryValue(m_settings.prefix + prefix);
    if (!token.isEmpty())
        query += QStringLiteral("&continuation-token=") + s3::queryValue(token);
    NetworkJob::Spec s = spec("GET", {}, query);
    s.path = bucketPath() + QLatin1Char('?') + query;
    s.maxResponseBytes = 64 * 1024 * 1024; // a page of 1,000 keys is a few hundred KiB
    const qsizetype strip = m_settings.prefix.size();
    m_connection->send(std::move(s))
        .then([this, hold = m_inFlight.hold(), prefix, token, listed, promise,
               strip](const HttpOutcome &o) mutable {
            const auto finish = [&](const Result<QList<Listed>> &r) {
                promise.finish(r);
            };
            if (o.status != 200) {
                finish(toError(o, prefix));
                return;
            }
            QXmlStreamReader xml(o.body);
            bool truncated = false;
            QString next;
            // Each <Contents> is one object: its <Key> and <Size> are taken together, in
            // whatever order the store writes them.
            std::optional<Listed> object;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isEndElement() && xml.name() == QLatin1String("Contents") && object &&
                    (object->name.isEmpty() || object->name.endsWith(QLatin1Char('/')))) {
                    // A "folder" that a console or a file-system tool made (an empty object
                    // named like a directory): not an object of the repository.
                    object.reset();
                    continue;
                }
                if (xml.isEndElement() && xml.name() == QLatin1String("Contents") && object) {
                    // A store that lists names outside the language is not believed.
                    if (!objectname::validate(object->name) || !object->name.startsWith(prefix)) {
                        finish(makeError(ErrorCode::Corrupt,
                                         QCoreApplication::translate(
                                             "obnam", "the S3 store listed an invalid name"),
                                         m_settings.prefix + object->name));
                        return;
                    }
                    listed.append(*object);
                    object.reset();
                }
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("Contents")) {
                    object = Listed{};
                } else if (xml.name() == QLatin1String("Key") && object) {
                    object->name = xml.readElementText().mid(strip);
                } else if (xml.name() == QLatin1String("Size") && object) {
                    bool ok = false;
                    const qint64 size = xml.readElementText().toLongLong(&ok);
                    object->size = ok ? size : -1;
                } else if (xml.name() == QLatin1String("IsTruncated")) {
                    truncated = xml.readElementText() == QStringLiteral("true");
                } else if (xml.name() == QLatin1String("NextContinuationToken")) {
                    next = xml.readElementText();
                }
            }
            if (xml.hasError()) {
                finish(makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("obnam", "the S3 store's listing is not XML"),
                    prefix));
                return;
            }
            // A listing that says there is more but not how to get it, or that points back to
            // the page just read, would end short or never: neither is taken for the whole.
            if (truncated && (next.isEmpty() || next == token)) {
                finish(makeError(ErrorCode::Corrupt,
                                 QCoreApplication::translate(
                                     "obnam", "the S3 store's listing cannot be followed to its "
                                              "end (is it an S3 ListObjectsV2 endpoint?)"),
                                 prefix));
                return;
            }
            if (truncated && !next.isEmpty() && m_closing) {
                finish(closingError(prefix));
                return;
            }
            if (truncated && !next.isEmpty()) {
                listPage(prefix, next, listed, promise);
                return;
            }
            std::sort(listed.begin(), listed.end(),
                      [](const Listed &a, const Listed &b) { return a.name < b.name; });
            finish(listed);
        });
}

QFuture<Status> S3Backend::remove(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Status>(valid);
    // S3 deletes a missing key without complaint; the seam says NotFound, so look first.
    const SharedPromise<Status> promise;
    QFuture<Status> future = promise.future();
    const auto finish = [promise](const Status &st) {
        promise.finish(st);
    };
    stat(name).then([this, hold = m_inFlight.hold(), name, finish](const Result<qint64> &size) {
        if (!size) {
            finish(size.error());
            return;
        }
        m_connection->send(spec("DELETE", m_settings.prefix + name))
            .then([name, finish](const HttpOutcome &o) {
                if (o.status == 204 || o.status == 200)
                    finish(Status{});
                else
                    finish(toError(o, name));
            });
    });
    return future;
}

QFuture<Status> S3Backend::createBucket()
{
    const QString path = bucketPath();
    const SharedPromise<Status> promise;
    QFuture<Status> future = promise.future();
    const auto finish = [promise](const Status &st) {
        promise.finish(st);
    };
    // Look first: keys that may use a bucket but not create one (least privilege) are enough
    // for a bucket that exists.
    NetworkJob::Spec look = spec("HEAD", {});
    look.path = path;
    m_connection->send(std::move(look))
        .then([this, hold = m_inFlight.hold(), path, finish](const HttpOutcome &o) {
            if (o.status == 200) {
                finish(Status{});
                return;
            }
            if (o.status != 404) {
                finish(toError(o, m_settings.bucket));
                return;
            }
            // Outside us-east-1, S3 wants the region named in the request's body.
            const QByteArray body = m_settings.region == "us-east-1"
                                        ? QByteArray()
                                        : "<CreateBucketConfiguration><LocationConstraint>" +
                                              m_settings.region +
                                              "</LocationConstraint></CreateBucketConfiguration>";
            NetworkJob::Spec create = spec("PUT", {}, {}, body);
            create.path = path;
            m_connection->send(std::move(create))
                .then([this, hold = m_inFlight.hold(), finish](const HttpOutcome &made) {
                    if (made.status == 200 || made.status == 204 ||
                        errorCode(made.body) == QStringLiteral("BucketAlreadyOwnedByYou"))
                        finish(Status{});
                    else
                        finish(toError(made, m_settings.bucket));
                });
        });
    return future;
}

} // namespace obnam
