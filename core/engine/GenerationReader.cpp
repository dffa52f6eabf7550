#include "GenerationReader.h"

#include "GenerationStore.h"
#include "gen/GenerationDb.h"

#include <QPromise>
#include <QThread>

namespace obnam {

GenerationReader::GenerationReader()
    : m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("obnam generation reader"));
    m_context->moveToThread(m_thread);
    m_thread->start();
}

GenerationReader::~GenerationReader()
{
    if (QThread::currentThread() == m_thread) {
        // The last owner let go on the reader's own thread (an open that failed, a
        // continuation that ran there): it cannot wait for itself, so it ends on its own.
        m_db.reset();
        delete m_context;
        QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        m_thread->quit();
        return;
    }
    // The database is closed where it was opened, after every query handed over before.
    QMetaObject::invokeMethod(
        m_context, [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

template <typename T, typename Query> QFuture<T> GenerationReader::ask(Query query)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_context,
        [this, promise, query] {
            promise->addResult(query(*m_db));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<Result<std::shared_ptr<GenerationReader>>>
GenerationReader::start(std::function<Result<QString>()> locate)
{
    std::shared_ptr<GenerationReader> reader(new GenerationReader);
    auto promise = std::make_shared<QPromise<Result<std::shared_ptr<GenerationReader>>>>();
    auto future = promise->future();
    promise->start();
    QObject *context = reader->m_context;
    QMetaObject::invokeMethod(
        context,
        [reader, promise, locate]() mutable {
            auto path = locate();
            auto db = path ? GenerationDb::openReadOnly(*path)
                           : Result<std::unique_ptr<GenerationDb>>(path.error());
            if (!db) {
                promise->addResult(db.error());
            } else {
                reader->m_db = std::move(*db);
                promise->addResult(reader);
            }
            promise->finish();
            reader.reset(); // may be the last reference: the destructor handles this thread
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<Result<std::shared_ptr<GenerationReader>>> GenerationReader::open(const QString &path)
{
    return start([path]() -> Result<QString> { return path; });
}

QFuture<Result<std::shared_ptr<GenerationReader>>>
GenerationReader::open(Repository &repository, const GenerationRecord &generation,
                       const QString &cacheDir, OperationControl *control)
{
    return start([&repository, generation, cacheDir, control] {
        return generationstore::fetchDatabase(repository, generation, cacheDir, control);
    });
}

QFuture<Result<QList<FileEntry>>> GenerationReader::children(const QByteArray &directory)
{
    return ask<Result<QList<FileEntry>>>(
        [directory](GenerationDb &db) { return db.children(directory); });
}

QFuture<Result<std::optional<FileEntry>>> GenerationReader::entry(const QByteArray &path)
{
    return ask<Result<std::optional<FileEntry>>>(
        [path](GenerationDb &db) { return db.lookup(path); });
}

QFuture<Result<QList<QPair<QString, QString>>>> GenerationReader::meta()
{
    return ask<Result<QList<QPair<QString, QString>>>>(
        [](GenerationDb &db) { return db.allMeta(); });
}

} // namespace obnam
