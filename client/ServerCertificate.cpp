#include "ServerCertificate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslSocket>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace obnam::client {

namespace {

// Blocking waits are fine here: this runs on a worker of its own, never on a window's thread.
Result<ServerCertificate> fetch(const QUrl &url, int timeoutMs)
{
    if (url.scheme() != QLatin1String("https") || url.host().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "a server address starts with https:// and names a host"),
                         url.toString());
    QSslSocket socket;
    ServerCertificate result;
    result.trusted = true;
    // Whatever it presents is read, not trusted: the verdict is reported, never acted on.
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&](const QList<QSslError> &errors) {
        result.trusted = false;
        for (const QSslError &e : errors)
            result.problems.append(e.errorString());
        socket.ignoreSslErrors();
    });
    socket.connectToHostEncrypted(url.host(), quint16(url.port(443)));
    if (!socket.waitForEncrypted(timeoutMs)) {
        const QString why = socket.errorString();
        return makeError(
            ErrorCode::Transient,
            QCoreApplication::translate("obnam", "cannot reach the server at %1: %2")
                .arg(url.host() + QLatin1Char(':') + QString::number(url.port(443)), why));
    }
    const QSslCertificate certificate = socket.peerCertificate();
    socket.disconnectFromHost();
    if (certificate.isNull())
        return makeError(
            ErrorCode::Permanent,
            QCoreApplication::translate("obnam", "the server presented no certificate"),
            url.toString());
    result.sha256 = certificate.digest(QCryptographicHash::Sha256);
    result.subject = certificate.subjectInfo(QSslCertificate::CommonName).join(QLatin1Char(' '));
    result.expires = certificate.expiryDate();
    return result;
}

} // namespace

QString ServerCertificate::fingerprint() const
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QFuture<Result<ServerCertificate>> fetchServerCertificate(const QUrl &url, int timeoutMs)
{
    // Its own pool: a caller's pool may be busy with hashing, and this must answer promptly.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(2);
        return p;
    }();
    return QtConcurrent::run(pool, [url, timeoutMs] { return fetch(url, timeoutMs); });
}

Result<QByteArray> parseFingerprint(const QString &text)
{
    QString hex = text.trimmed().toLower();
    hex.remove(QRegularExpression(QStringLiteral("[:\\s]")));
    static const QRegularExpression sha256(QStringLiteral("\\A[0-9a-f]{64}\\z"));
    if (!sha256.match(hex).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam",
                             "a SHA-256 fingerprint is 64 hexadecimal digits (colons allowed); "
                             "obnam-server prints it when it starts"));
    return QByteArray::fromHex(hex.toLatin1());
}

} // namespace obnam::client
