#pragma once

#include "NetworkJob.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>

namespace obnam {

// The one owner of the QNetworkAccessManager: it lives on its own thread with an event loop,
// and every request is posted to it, so callers on any thread get futures and no one blocks
// the network thread. Qt opens up to six connections per host, so six requests from the
// engine's upload window really are in flight at once.
class HttpsConnection : public QObject
{
    Q_OBJECT

public:
    using NamFactory = std::function<QNetworkAccessManager *(QObject *parent)>;
    // `namFactory` lets tests substitute a scripted access manager.
    explicit HttpsConnection(HttpsSettings settings, NamFactory namFactory = {});
    ~HttpsConnection() override;

    QFuture<HttpOutcome> send(NetworkJob::Spec spec);
    // Whether the caller runs on the connection's thread, where replies and the continuations
    // attached to them run.
    bool isNetworkThread() const { return QThread::currentThread() == &m_thread; }
    const HttpsSettings &settings() const { return m_settings; }
    // Bytes that reached the server in finished, successful requests, and bytes sent by
    // requests still in flight: for progress displays and tests.
    qint64 bytesUploaded() const { return m_uploaded.load(); }
    qint64 bytesInFlight() const { return m_inFlight.load(); }

private:
    HttpsSettings m_settings;
    NamFactory m_namFactory;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread; parent of the manager and jobs
    QNetworkAccessManager *m_nam = nullptr;
    std::atomic<qint64> m_uploaded{0};
    std::atomic<qint64> m_inFlight{0};
};

} // namespace obnam
