#include "NetworkJob.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <algorithm>
#include <limits>

namespace obnam {

NetworkJob::NetworkJob(QNetworkAccessManager *nam, const HttpsSettings &settings, Spec spec,
                       std::function<void(const HttpOutcome &)> done, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_settings(settings)
    , m_spec(std::move(spec))
    , m_done(std::move(done))
    , m_backoffMs(settings.initialBackoffMs)
{
    // Qt's own transfer timeout only covers its HTTP implementation; the job's watchdog covers
    // every reply, including a stalled one from a substituted access manager.
    m_watchdog.setSingleShot(true);
    m_watchdog.setTimerType(Qt::PreciseTimer);
    m_watchdog.setInterval(settings.transferTimeoutMs);
}

void NetworkJob::start()
{
    attempt();
}

void NetworkJob::attempt()
{
    ++m_attempt;
    m_certificateRefused = false;
    m_pinMismatch = false;
    m_timedOut = false;
    m_tooSlow = false;
    m_tooLarge = false;
    m_sent = m_received = 0;
    QUrl url = m_settings.baseUrl;
    const qsizetype query = m_spec.path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? m_spec.path : m_spec.path.left(query));
    if (query >= 0)
        url.setQuery(m_spec.path.mid(query + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Qt 6 follows redirects by default and sends every header along, the access token and
    // the S3 signature among them, to wherever the answer points. A repository has one
    // address: a redirect is reported, never followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!m_spec.range.isEmpty())
        headers.append(QPair<QByteArray, QByteArray>(QByteArray("Range"), m_spec.range));
    if (m_spec.createOnly)
        headers.append(QPair<QByteArray, QByteArray>(QByteArray("If-None-Match"), "*"));
    if (m_spec.method == "PUT")
        headers.append(
            QPair<QByteArray, QByteArray>(QByteArray("Content-Type"), "application/octet-stream"));
    else if (m_spec.method == "POST")
        headers.append(
            QPair<QByteArray, QByteArray>(QByteArray("Content-Type"), "application/xml"));
    if (m_spec.sign)
        headers += m_spec.sign(url, headers);
    else
        headers.append(QPair<QByteArray, QByteArray>(QByteArray("Authorization"),
                                                     "Bearer " + m_settings.accessToken));
    for (const auto &[name, value] : std::as_const(headers)) {
        // Host is Qt's to send (from the URL); a signature covers the same value.
        if (name.compare("Host", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!m_settings.caFile.isEmpty())
        tls.setCaCertificates(QSslCertificate::fromPath(m_settings.caFile));
    request.setSslConfiguration(tls);

    // HEAD through head(): as a custom verb, Qt would wait for the body a Content-Length
    // announces, which a HEAD answer never has.
    QNetworkReply *reply = m_spec.method == "HEAD" ? m_nam->head(request)
                           : m_spec.method == "PUT" || m_spec.method == "POST"
                               ? m_nam->sendCustomRequest(request, m_spec.method, m_spec.body)
                               : m_nam->sendCustomRequest(request, m_spec.method);
    reply->setParent(this);
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError> &errors) { onSslErrors(reply, errors); });
    // A pin holds also for a certificate the system (or server_ca_file) trusts, which raises
    // no sslErrors: checked once the connection is encrypted, before the request is sent.
    connect(reply, &QNetworkReply::encrypted, this, [this, reply] {
        if (!m_certificateRefused && !pinHolds(reply))
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) {
        m_sent = sent;
        armWatchdog();
        Q_EMIT progress(m_sent, m_received);
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        m_received = received;
        armWatchdog();
        Q_EMIT progress(m_sent, m_received);
        if (received > responseLimit(reply) && !m_tooLarge) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    m_watchdog.disconnect(this);
    connect(&m_watchdog, &QTimer::timeout, this, [this, reply] {
        m_timedOut = true;
        m_tooSlow = m_rateBound;
        reply->abort(); // finishes the reply with OperationCanceledError
    });
    m_clock.start();
    armWatchdog();
}

qint64 NetworkJob::rateBudgetMs() const
{
    if (m_settings.minTransferRate <= 0)
        return std::numeric_limits<qint64>::max();
    return m_settings.transferTimeoutMs + (m_sent + m_received) * 1000 / m_settings.minTransferRate;
}

void NetworkJob::armWatchdog()
{
    // Which limit the timer stands for decides the message when it fires: a stall, or a
    // transfer that moves too slowly on average (which needs something to have moved).
    const qint64 left = rateBudgetMs() - m_clock.elapsed();
    m_rateBound = m_sent + m_received > 0 && left < m_settings.transferTimeoutMs;
    m_watchdog.start(int(m_rateBound ? std::max<qint64>(left, 0) : m_settings.transferTimeoutMs));
}

void NetworkJob::onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
    if (!m_settings.verifyTls) {
        reply->ignoreSslErrors(errors);
        return;
    }
    if (!m_settings.pinnedSha256.isEmpty()) {
        if (pinHolds(reply))
            reply->ignoreSslErrors(errors);
        return;
    }
    m_certificateRefused = true;
    QStringList why;
    for (const QSslError &e : errors)
        why.append(e.errorString());
    m_outcome.errorString = QStringLiteral("the server's TLS certificate is not trusted (%1)")
                                .arg(why.join(QStringLiteral("; ")));
}

qint64 NetworkJob::responseLimit(QNetworkReply *reply) const
{
    if (m_spec.maxResponseBytes >= 0)
        return m_spec.maxResponseBytes;
    // "bytes=A-B": B - A + 1 bytes, and room for an error document instead. Not for a 200,
    // the whole object from a store that ignores Range, which its caller takes as such.
    const int status =
        reply ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    if (m_spec.range.startsWith("bytes=") && status != 200) {
        const QList<QByteArray> bounds = m_spec.range.mid(6).split('-');
        bool first = false;
        bool last = false;
        const qint64 a = bounds.value(0).toLongLong(&first);
        const qint64 b = bounds.value(1).toLongLong(&last);
        if (first && last && b >= a)
            return b - a + 1 + 64 * 1024;
    }
    return m_settings.maxResponseBytes;
}

bool NetworkJob::pinHolds(QNetworkReply *reply)
{
    if (m_settings.pinnedSha256.isEmpty())
        return true;
    const QByteArray digest =
        reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256);
    if (digest == m_settings.pinnedSha256)
        return true;
    // A pin is set and is not this certificate's: say so, with what the server showed, so
    // that a changed certificate (or a wrong pin) can be told from an attack.
    m_certificateRefused = true;
    m_pinMismatch = true;
    m_outcome.errorString =
        QStringLiteral("the server's TLS certificate does not match server_cert_sha256: it "
                       "presented %1")
            .arg(QString::fromLatin1(digest.toHex(':').toUpper()));
    return false;
}

bool NetworkJob::retryable(const HttpOutcome &o) const
{
    if (m_certificateRefused || o.tooLarge)
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
    o.etag = reply->rawHeader("ETag");
    o.location = reply->rawHeader("Location");
    o.contentRange = reply->rawHeader("Content-Range");
    if (reply->hasRawHeader("Content-Length")) {
        bool ok = false;
        const qint64 length = reply->rawHeader("Content-Length").toLongLong(&ok);
        o.contentLength = ok ? length : -1;
    }
    o.networkError = reply->error();
    o.attempts = m_attempt;
    o.server = reply->url().host() + QLatin1Char(':') + QString::number(reply->url().port(443));
    o.certificateRefused = m_certificateRefused;
    o.pinMismatch = m_pinMismatch;
    if (m_certificateRefused)
        o.errorString = m_outcome.errorString;
    else if (m_tooSlow)
        o.errorString = QStringLiteral("the transfer moved under %1 bytes a second on average")
                            .arg(m_settings.minTransferRate);
    else if (m_timedOut)
        o.errorString =
            QStringLiteral("no data moved for %1 s").arg(m_settings.transferTimeoutMs / 1000.0);
    else
        o.errorString = reply->errorString();
    if (m_timedOut)
        o.networkError = QNetworkReply::TimeoutError;
    if (m_tooLarge) {
        o.tooLarge = true;
        o.status = 0;
        o.body.clear();
        o.errorString = QStringLiteral("the answer was larger than the %1 bytes it may hold")
                            .arg(responseLimit(reply));
    }
    // An answer cut off after its head (the connection dropped, the watchdog or Qt's timeout
    // aborted it) is no answer: its status came with the head and its body is short. It is
    // tried again like any failed attempt, never taken for the whole object.
    const bool transportFailed = (o.networkError > QNetworkReply::NoError &&
                                  o.networkError < QNetworkReply::ContentAccessDenied) ||
                                 o.networkError == QNetworkReply::ProtocolFailure;
    const bool shortBody = o.status >= 200 && o.status < 300 && m_spec.method != "HEAD" &&
                           o.contentLength >= 0 && o.body.size() < o.contentLength;
    if (o.status != 0 && (transportFailed || shortBody)) {
        if (shortBody && !transportFailed) {
            o.networkError = QNetworkReply::RemoteHostClosedError;
            o.errorString = QStringLiteral("the answer ended after %1 of %2 bytes")
                                .arg(o.body.size())
                                .arg(o.contentLength);
        }
        o.status = 0;
        o.body.clear();
    }
    m_watchdog.stop();
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

} // namespace obnam
