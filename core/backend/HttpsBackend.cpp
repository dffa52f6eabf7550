#include "HttpsBackend.h"

#include "ObjectName.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

namespace obnam {

// ---------------------------------------------------------------------------------------
// NetworkJob

NetworkJob::NetworkJob(QNetworkAccessManager *nam, const HttpsSettings &settings, Spec spec,
                       std::function<void(const HttpOutcome &)> done, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_settings(settings)
    , m_spec(std::move(spec))
    , m_done(std::move(done))
    , m_backoffMs(settings.initialBackoffMs)
{}

void NetworkJob::start()
{
    attempt();
}

void NetworkJob::attempt()
{
    ++m_attempt;
    m_certificateRefused = false;
    QUrl url = m_settings.baseUrl;
    const qsizetype query = m_spec.path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? m_spec.path : m_spec.path.left(query));
    if (query >= 0)
        url.setQuery(m_spec.path.mid(query + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_settings.accessToken);
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_spec.range.isEmpty())
        request.setRawHeader("Range", m_spec.range);
    if (m_spec.createOnly)
        request.setRawHeader("If-None-Match", "*");
    if (m_spec.method == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/octet-stream"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!m_settings.caFile.isEmpty())
        tls.setCaCertificates(QSslCertificate::fromPath(m_settings.caFile));
    request.setSslConfiguration(tls);

    QNetworkReply *reply = m_spec.method == "PUT"
                               ? m_nam->sendCustomRequest(request, m_spec.method, m_spec.body)
                               : m_nam->sendCustomRequest(request, m_spec.method);
    reply->setParent(this);
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError> &errors) { onSslErrors(reply, errors); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void NetworkJob::onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
    if (!m_settings.verifyTls) {
        reply->ignoreSslErrors(errors);
        return;
    }
    if (!m_settings.pinnedSha256.isEmpty()) {
        const QByteArray digest =
            reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256);
        if (digest == m_settings.pinnedSha256) {
            reply->ignoreSslErrors(errors);
            return;
        }
    }
    m_certificateRefused = true;
    QStringList why;
    for (const QSslError &e : errors)
        why.append(e.errorString());
    m_outcome.errorString =
        QStringLiteral("the server's TLS certificate is not trusted (%1); trust it with "
                       "server_ca_file or pin it with server_cert_sha256")
            .arg(why.join(QStringLiteral("; ")));
}

bool NetworkJob::retryable(const HttpOutcome &o) const
{
    if (m_certificateRefused)
        return false;
    if (o.status >= 500)
        return o.status != 501 && o.status != 505 && o.status != 507;
    if (o.status == 0) {
        switch (o.networkError) {
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::ProtocolUnknownError:
        case QNetworkReply::ProtocolInvalidOperationError:
            return false;
        default:
            return true;
        }
    }
    return false;
}

void NetworkJob::onFinished(QNetworkReply *reply)
{
    HttpOutcome o;
    o.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    o.body = reply->readAll();
    o.objectSize = reply->rawHeader("X-Object-Size");
    o.networkError = reply->error();
    o.errorString = m_certificateRefused ? m_outcome.errorString : reply->errorString();
    reply->deleteLater();
    m_outcome = o;
    if (retryable(o) && m_attempt < m_settings.maxAttempts) {
        QTimer::singleShot(m_backoffMs, this, [this] { attempt(); });
        m_backoffMs *= 2;
        return;
    }
    m_done(m_outcome);
    deleteLater(); // a job reports once, then goes
}

// ---------------------------------------------------------------------------------------
// HttpsConnection

HttpsConnection::HttpsConnection(HttpsSettings settings,
                                 std::function<QNetworkAccessManager *(QObject *parent)> namFactory)
    : m_settings(std::move(settings))
    , m_namFactory(std::move(namFactory))
{
    m_thread.setObjectName(QStringLiteral("obnam-network"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

HttpsConnection::~HttpsConnection()
{
    m_thread.quit();
    m_thread.wait();
}

QFuture<HttpOutcome> HttpsConnection::send(NetworkJob::Spec spec)
{
    auto promise = std::make_shared<QPromise<HttpOutcome>>();
    promise->start();
    QFuture<HttpOutcome> future = promise->future();
    QMetaObject::invokeMethod(
        m_worker,
        [this, spec = std::move(spec), promise]() mutable {
            if (!m_nam) {
                m_nam = m_namFactory ? m_namFactory(m_worker) : new QNetworkAccessManager(m_worker);
                m_nam->setAutoDeleteReplies(false);
            }
            auto *job = new NetworkJob(
                m_nam, m_settings, std::move(spec),
                [promise](const HttpOutcome &o) {
                    promise->addResult(o);
                    promise->finish();
                },
                m_worker);
            job->start();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace obnam

// ---------------------------------------------------------------------------------------
// HttpsBackend

namespace obnam {

namespace {

QString objectPath(const QString &name)
{
    return QStringLiteral("/v1/objects/") + name;
}

} // namespace

HttpsBackend::HttpsBackend(HttpsSettings settings,
                           std::function<QNetworkAccessManager *(QObject *parent)> namFactory)
    : m_connection(std::make_unique<HttpsConnection>(std::move(settings), std::move(namFactory)))
{}

HttpsBackend::~HttpsBackend() = default;

QString HttpsBackend::location() const
{
    return m_connection->settings().baseUrl.toString();
}

Error HttpsBackend::toError(const HttpOutcome &o, const QString &name)
{
    const QString server = QString::fromUtf8(o.body).trimmed();
    switch (o.status) {
    case 0:
        if (o.errorString.contains(QStringLiteral("certificate")) ||
            o.networkError == QNetworkReply::SslHandshakeFailedError)
            return makeError(ErrorCode::Permanent,
                             QStringLiteral("TLS certificate problem: ") + o.errorString, name);
        return makeError(ErrorCode::Transient,
                         QStringLiteral("cannot reach the server: ") + o.errorString, name);
    case 400:
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the server refused the request: ") + server, name);
    case 401:
        return makeError(ErrorCode::Permanent,
                         QStringLiteral("the server refused the access token"), name);
    case 403:
        return makeError(ErrorCode::Permanent,
                         QStringLiteral("the server does not allow this: ") + server, name);
    case 404:
        return makeError(ErrorCode::NotFound, QStringLiteral("no such object"), name);
    case 409:
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("object exists"), name);
    case 413:
        return makeError(ErrorCode::Permanent,
                         QStringLiteral("the object is larger than the server accepts"), name);
    case 416:
        return makeError(ErrorCode::Corrupt, QStringLiteral("object is shorter than expected"),
                         name);
    case 507:
        return makeError(ErrorCode::Permanent,
                         QStringLiteral("the server is out of storage: ") + server, name);
    default:
        break;
    }
    if (o.status >= 500)
        return makeError(ErrorCode::Transient,
                         QStringLiteral("server error %1: %2").arg(o.status).arg(server), name);
    return makeError(ErrorCode::Permanent,
                     QStringLiteral("unexpected HTTP status %1").arg(o.status), name);
}

QFuture<Status> HttpsBackend::put(const QString &name, const QByteArray &data, PutMode mode)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Status>(valid);
    return m_connection->send({"PUT", objectPath(name), data, {}, mode == PutMode::CreateOnly})
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
    return m_connection->send({"GET", objectPath(name), {}, {}, false})
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
            makeError(ErrorCode::InvalidArgument, QStringLiteral("invalid range"), name));
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
    return m_connection->send({"GET", objectPath(name), {}, range, false})
        .then([name, length](const HttpOutcome &o) -> Result<QByteArray> {
            if (o.status == 206 && o.body.size() == length)
                return o.body;
            if (o.status == 206 || o.status == 200)
                return makeError(ErrorCode::Corrupt,
                                 QStringLiteral("object is shorter than expected"), name);
            return toError(o, name);
        });
}

QFuture<Result<qint64>> HttpsBackend::stat(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<qint64>>(valid.error());
    return m_connection->send({"HEAD", objectPath(name), {}, {}, false})
        .then([name](const HttpOutcome &o) -> Result<qint64> {
            if (o.status != 200)
                return toError(o, name);
            bool ok = false;
            const qint64 size = o.objectSize.toLongLong(&ok);
            if (!ok)
                return makeError(ErrorCode::Corrupt, QStringLiteral("server sent no object size"),
                                 name);
            return size;
        });
}

QFuture<Result<QStringList>> HttpsBackend::list(const QString &prefix)
{
    if (auto valid = objectname::validatePrefix(prefix); !valid)
        return ready<Result<QStringList>>(valid.error());
    return m_connection
        ->send({"GET", QStringLiteral("/v1/objects?prefix=") + prefix, {}, {}, false})
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
                    return makeError(ErrorCode::Corrupt,
                                     QStringLiteral("server listed an invalid name"), name);
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
    return m_connection->send({"DELETE", objectPath(name), {}, {}, false})
        .then([name](const HttpOutcome &o) -> Status {
            if (o.status == 204 || o.status == 200)
                return {};
            return toError(o, name);
        });
}

} // namespace obnam
