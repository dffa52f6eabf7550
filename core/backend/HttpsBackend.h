#pragma once

#include "Backend.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QSslError>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

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
    int maxAttempts = 5;           // tries per request for network errors and 5xx
    int initialBackoffMs = 250;    // doubled after each failed try
};

// What one HTTP exchange produced.
struct HttpOutcome
{
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    QByteArray objectSize; // X-Object-Size
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
};

// One request, like ownCloud's AbstractNetworkJob: it owns its reply, applies the transfer
// timeout, retries network errors and 5xx with exponential backoff, and reports once.
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
    };

    NetworkJob(QNetworkAccessManager *nam, const HttpsSettings &settings, Spec spec,
               std::function<void(const HttpOutcome &)> done, QObject *parent = nullptr);

    void start();
    QString errorString() const { return m_outcome.errorString; }

private:
    void attempt();
    void onFinished(QNetworkReply *reply);
    void onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);
    bool retryable(const HttpOutcome &o) const;

    QNetworkAccessManager *m_nam;
    const HttpsSettings &m_settings;
    Spec m_spec;
    std::function<void(const HttpOutcome &)> m_done;
    HttpOutcome m_outcome;
    int m_attempt = 0;
    int m_backoffMs;
    bool m_certificateRefused = false;
};

// The one owner of the QNetworkAccessManager: it lives on its own thread with an event loop,
// and every request is posted to it, so callers on any thread get futures and no one blocks
// the network thread.
class HttpsConnection : public QObject
{
    Q_OBJECT

public:
    // `namFactory` lets tests substitute a scripted access manager.
    explicit HttpsConnection(
        HttpsSettings settings,
        std::function<QNetworkAccessManager *(QObject *parent)> namFactory = {});
    ~HttpsConnection() override;

    QFuture<HttpOutcome> send(NetworkJob::Spec spec);
    const HttpsSettings &settings() const { return m_settings; }

private:
    HttpsSettings m_settings;
    std::function<QNetworkAccessManager *(QObject *parent)> m_namFactory;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread; parent of the manager and jobs
    QNetworkAccessManager *m_nam = nullptr;
};

// Backend over obnam-server's /v1/ API.
class HttpsBackend final : public Backend
{
public:
    explicit HttpsBackend(HttpsSettings settings,
                          std::function<QNetworkAccessManager *(QObject *parent)> namFactory = {});
    ~HttpsBackend() override;

    QString location() const override;

    QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) override;
    QFuture<Result<QByteArray>> get(const QString &name) override;
    QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset,
                                         qint64 length) override;
    QFuture<Result<qint64>> stat(const QString &name) override;
    QFuture<Result<QStringList>> list(const QString &prefix) override;
    QFuture<Status> remove(const QString &name) override;

    // HTTP status and transport problems as the project's errors.
    static Error toError(const HttpOutcome &outcome, const QString &name);

private:
    std::unique_ptr<HttpsConnection> m_connection;
};

} // namespace obnam
