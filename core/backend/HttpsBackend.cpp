#include "HttpsBackend.h"

#include <QCoreApplication>

#include "ObjectName.h"

namespace obnam {

namespace {

QString objectPath(const QString &name)
{
    return QStringLiteral("/v1/objects/") + name;
}

} // namespace

HttpsBackend::HttpsBackend(HttpsSettings settings, HttpsConnection::NamFactory namFactory)
    : m_connection(std::make_unique<HttpsConnection>(std::move(settings), std::move(namFactory)))
{}

HttpsBackend::~HttpsBackend() = default;

QString HttpsBackend::location() const
{
    return m_connection->settings().baseUrl.toString();
}

Error HttpsBackend::toError(const HttpOutcome &o, const QString &objectName)
{
    const QString server = QString::fromUtf8(o.body).trimmed();
    // "config" in a message reads like the user's configuration file: name the object.
    const QString name =
        objectName == QStringLiteral("config")
            ? QCoreApplication::translate("obnam", "the repository's config object")
            : objectName;
    // The server's address is named when known; two messages, so each reads whole in a
    // translation.
    const auto aboutServer = [&o](const char *withAddress, const char *without) {
        return o.server.isEmpty()
                   ? QCoreApplication::translate("obnam", without).arg(o.errorString)
                   : QCoreApplication::translate("obnam", withAddress).arg(o.server, o.errorString);
    };
    switch (o.status) {
    case 0:
        if (o.tooLarge)
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("obnam",
                                                         "the server sent more than was asked "
                                                         "for: %1")
                                 .arg(o.errorString),
                             name);
        // The object does not matter when the server cannot be reached at all.
        if (o.certificateRefused || o.networkError == QNetworkReply::SslHandshakeFailedError)
            return makeError(
                ErrorCode::Permanent,
                aboutServer(
                    QT_TRANSLATE_NOOP("obnam", "TLS certificate problem with the server at %1: %2"),
                    QT_TRANSLATE_NOOP("obnam", "TLS certificate problem with the server: %1")),
                QString(), o.pinMismatch ? Remedy::None : Remedy::TrustCertificate);
        return makeError(
            ErrorCode::Transient,
            aboutServer(QT_TRANSLATE_NOOP("obnam", "cannot reach the server at %1: %2"),
                        QT_TRANSLATE_NOOP("obnam", "cannot reach the server: %1")));
    case 400:
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "the server refused the request: ") +
                             server,
                         name);
    case 401:
        return makeError(
            ErrorCode::Permanent,
            QCoreApplication::translate("obnam", "the server refused the access token"), name);
    case 403:
        return makeError(ErrorCode::Permanent,
                         QCoreApplication::translate("obnam", "the server does not allow this: ") +
                             server,
                         name);
    case 404:
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "no such object"), name);
    case 409:
        return makeError(ErrorCode::AlreadyExists,
                         QCoreApplication::translate("obnam", "object exists"), name);
    case 413:
        return makeError(
            ErrorCode::Permanent,
            QCoreApplication::translate("obnam", "the object is larger than the server accepts"),
            name);
    case 416:
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "object is shorter than expected"),
                         name);
    case 507:
        return makeError(ErrorCode::NoSpace,
                         QCoreApplication::translate("obnam", "the server is out of storage: ") +
                             server,
                         name, Remedy::FreeSpace);
    default:
        break;
    }
    if (o.status >= 500)
        return makeError(
            ErrorCode::Transient,
            QCoreApplication::translate("obnam", "server error %1: %2").arg(o.status).arg(server),
            name);
    // Never followed: the access token would go along to wherever it points.
    if (o.status >= 300 && o.status < 400)
        return makeError(ErrorCode::Permanent,
                         QCoreApplication::translate("obnam",
                                                     "the server redirects to %1, which is not "
                                                     "followed: set server_url to the address "
                                                     "that answers")
                             .arg(o.location.isEmpty() ? QStringLiteral("another address")
                                                       : QString::fromUtf8(o.location)),
                         name);
    return makeError(
        ErrorCode::Permanent,
        QCoreApplication::translate("obnam", "unexpected HTTP status %1").arg(o.status), name);
}

QFuture<Status> HttpsBackend::put(const QString &name, const QByteArray &data, PutMode mode)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Status>(valid);
    return m_connection->send({"PUT", objectPath(name), data, {}, mode == PutMode::CreateOnly, {}})
        .then([name](const HttpOutcome &o) -> Status {
            if (o.status == 201 || o.status == 204 || o.status == 200)
                return {};
            return toError(o, name);
        });
}

QFuture<Result<QByteArray>> HttpsBackend::get(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<QByteArray>>(valid.error());
    return m_connection->send({"GET", objectPath(name), {}, {}, false, {}})
        .then([name](const HttpOutcome &o) -> Result<QByteArray> {
            if (o.status == 200)
                return o.body;
            return toError(o, name);
        });
}

QFuture<Result<QByteArray>> HttpsBackend::getRange(const QString &name, qint64 offset,
                                                   qint64 length)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<QByteArray>>(valid.error());
    if (offset < 0 || length < 0 || length > (qint64(1) << 31))
        return ready<Result<QByteArray>>(
            makeError(ErrorCode::InvalidArgument,
                      QCoreApplication::translate("obnam", "invalid range"), name));
    if (length == 0) {
        // HTTP cannot express an empty range; only the object's existence matters.
        return stat(name).then([name](const Result<qint64> &size) -> Result<QByteArray> {
            if (!size)
                return size.error();
            return QByteArray();
        });
    }
    const QByteArray range =
        "bytes=" + QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1);
    return m_connection->send({"GET", objectPath(name), {}, range, false, {}})
        .then([name, length](const HttpOutcome &o) -> Result<QByteArray> {
            if (o.status == 206 && o.body.size() == length)
                return o.body;
            if (o.status == 206 || o.status == 200)
                return makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("obnam", "object is shorter than expected"), name);
            return toError(o, name);
        });
}

QFuture<Result<qint64>> HttpsBackend::stat(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<qint64>>(valid.error());
    return m_connection->send({"HEAD", objectPath(name), {}, {}, false, {}})
        .then([name](const HttpOutcome &o) -> Result<qint64> {
            if (o.status != 200)
                return toError(o, name);
            bool ok = false;
            const qint64 size = o.objectSize.toLongLong(&ok);
            if (!ok)
                return makeError(ErrorCode::Corrupt,
                                 QCoreApplication::translate("obnam", "server sent no object size"),
                                 name);
            return size;
        });
}

QFuture<Result<QStringList>> HttpsBackend::list(const QString &prefix)
{
    if (auto valid = objectname::validatePrefix(prefix); !valid)
        return ready<Result<QStringList>>(valid.error());
    return m_connection
        ->send({"GET", QStringLiteral("/v1/objects?prefix=") + prefix, {}, {}, false, {}})
        .then([prefix](const HttpOutcome &o) -> Result<QStringList> {
            if (o.status != 200)
                return toError(o, prefix);
            QStringList names;
            for (const QByteArray &line : o.body.split('\n')) {
                if (line.isEmpty())
                    continue;
                const QString name = QString::fromLatin1(line);
                // A server that answers with names outside the language is not believed.
                if (!objectname::validate(name) || !name.startsWith(prefix))
                    return makeError(
                        ErrorCode::Corrupt,
                        QCoreApplication::translate("obnam", "server listed an invalid name"),
                        name);
                names.append(name);
            }
            names.sort();
            return names;
        });
}

QFuture<Status> HttpsBackend::remove(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Status>(valid);
    return m_connection->send({"DELETE", objectPath(name), {}, {}, false, {}})
        .then([name](const HttpOutcome &o) -> Status {
            if (o.status == 204 || o.status == 200)
                return {};
            return toError(o, name);
        });
}

} // namespace obnam
