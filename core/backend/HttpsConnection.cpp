#include "HttpsConnection.h"

#include "support/SharedPromise.h"

#include <QNetworkAccessManager>

#include <memory>

namespace obnam {

HttpsConnection::HttpsConnection(HttpsSettings settings, HttpsConnection::NamFactory namFactory)
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
    const SharedPromise<HttpOutcome> promise;
    QFuture<HttpOutcome> future = promise.future();
    QMetaObject::invokeMethod(
        m_worker,
        [this, spec = std::move(spec), promise]() mutable {
            if (!m_nam) {
                m_nam = m_namFactory ? m_namFactory(m_worker) : new QNetworkAccessManager(m_worker);
                m_nam->setAutoDeleteReplies(false);
            }
            const auto sentSoFar = std::make_shared<qint64>(0);
            auto *job = new NetworkJob(
                m_nam, m_settings, std::move(spec),
                [this, promise, sentSoFar](const HttpOutcome &o) {
                    m_inFlight -= *sentSoFar;
                    if (o.status >= 200 && o.status < 300)
                        m_uploaded += *sentSoFar;
                    promise.finish(o);
                },
                m_worker);
            connect(job, &NetworkJob::progress, m_worker, [this, sentSoFar](qint64 sent, qint64) {
                m_inFlight += sent - *sentSoFar;
                *sentSoFar = sent;
            });
            job->start();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace obnam
