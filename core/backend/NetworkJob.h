#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace obnam {

struct HttpsSettings
{
    QUrl baseUrl;                  // https://host:port
    QByteArray accessToken;        // bearer token; never logged
    QString caFile;                // PEM bundle to trust instead of the system store
    QByteArray pinnedSha256;       // raw SHA-256 of the server certificate's DER form
    bool verifyTls = true;         // false accepts any certificate (documented as unsafe)
    int transferTimeoutMs = 60000; // no bytes moving for this long fails the attempt
    // Bytes a second an attempt must also average: it may take transferTimeoutMs plus a second
    // for every this many bytes moved, so a server that trickles cannot hold a backup for
    // ever. 0: no floor.
    qint64 minTransferRate = 500;
    // The most any answer may hold when nothing narrower applies (no range, no
    // Spec::maxResponseBytes): more than any object a repository writes (packs are at most
    // 1 GiB and one chunk), so that a server sending without end cannot fill memory.
    qint64 maxResponseBytes = qint64(2) << 30;
    int maxAttempts = 5;        // tries per request for network errors and 5xx
    int initialBackoffMs = 250; // doubled after each failed try
};

// What one HTTP exchange produced.
struct HttpOutcome
{
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    QByteArray objectSize;     // X-Object-Size
    QByteArray etag;           // ETag (an S3 part's, for completing a multipart upload)
    QByteArray contentRange;   // Content-Range of a 206 or 416: "bytes A-B/TOTAL", "bytes */TOTAL"
    qint64 contentLength = -1; // Content-Length of the answer, when it had one
    QByteArray location;       // Location of a redirect, which is never followed
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    int attempts = 0;
    QString server; // host:port the request went to, for messages
    // The TLS certificate was refused: not trusted, or (pinMismatch) not the pinned one.
    bool certificateRefused = false;
    bool pinMismatch = false;
    // The answer was cut off for being larger than the request could want (a range's length,
    // Spec::maxResponseBytes): a broken or hostile server, not worth another try.
    bool tooLarge = false;
};

// One request, like ownCloud's AbstractNetworkJob: it owns its reply, cuts off a transfer
// that stops moving, retries network errors and 5xx with exponential backoff, and reports
// once, then deletes itself.
class NetworkJob : public QObject
{
    Q_OBJECT

public:
    struct Spec
    {
        QByteArray method;
        QString path; // below the base URL, e.g. "/v1/objects/config"
        QByteArray body;
        QByteArray range; // "bytes=a-b" or empty
        bool createOnly = false;
        // Signs each attempt anew (an S3 signature holds the time it was made): given the
        // URL and the headers so far, returns the headers to add, Authorization among them.
        // Without it the settings' bearer token is sent.
        std::function<QList<QPair<QByteArray, QByteArray>>(
            const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers)>
            sign;
        // The most an answer may hold; beyond it the transfer is cut off, so that a server
        // cannot fill memory. -1: the range's length (and a little for an error document)
        // when there is a range, else HttpsSettings::maxResponseBytes.
        qint64 maxResponseBytes = -1;
    };

    NetworkJob(QNetworkAccessManager *nam, const HttpsSettings &settings, Spec spec,
               std::function<void(const HttpOutcome &)> done, QObject *parent = nullptr);

    void start();
    QString errorString() const { return m_outcome.errorString; }

Q_SIGNALS:
    // Bytes moved by the current attempt, up and down (a retry starts again from zero).
    void progress(qint64 sent, qint64 received);

private:
    void attempt();
    void onFinished(QNetworkReply *reply);
    void onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);
    // Whether the server's certificate is the pinned one (true when nothing is pinned); if not,
    // notes the refusal and what the server showed.
    bool pinHolds(QNetworkReply *reply);
    // The most the answer in `reply` may hold (see Spec::maxResponseBytes).
    qint64 responseLimit(QNetworkReply *reply) const;
    bool retryable(const HttpOutcome &o) const;
    // (Re)starts the watchdog for whichever ends first: the transfer timeout without progress,
    // or what the bytes moved so far allow at the settings' minimum rate.
    void armWatchdog();
    qint64 rateBudgetMs() const;

    QNetworkAccessManager *m_nam;
    const HttpsSettings &m_settings;
    Spec m_spec;
    std::function<void(const HttpOutcome &)> m_done;
    HttpOutcome m_outcome;
    QTimer m_watchdog; // restarted whenever bytes move
    int m_attempt = 0;
    int m_backoffMs;
    bool m_certificateRefused = false;
    bool m_pinMismatch = false;
    bool m_timedOut = false;
    bool m_tooSlow = false;
    bool m_rateBound = false; // the watchdog is armed for the minimum rate, not a stall
    QElapsedTimer m_clock;    // since the attempt began
    bool m_tooLarge = false;
    qint64 m_sent = 0;
    qint64 m_received = 0;
};

} // namespace obnam
