#include "CachingBackend.h"

#include "ObjectName.h"
#include "crypto/Crypto.h"
#include "support/CacheDir.h"
#include "support/Fd.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <fcntl.h>
#include <unistd.h>

namespace obnam {

namespace {

// A copy larger than this is not trusted to be one of the small objects the cache is for.
constexpr qint64 kMaxCopySize = 256 * 1024 * 1024;
// A temporary copy this old belongs to a writer that died before renaming it.
constexpr qint64 kStaleTempSeconds = 3600;

} // namespace

CachingBackend::CachingBackend(std::shared_ptr<Backend> inner, QString cacheDir,
                               QStringList prefixes)
    : m_inner(std::move(inner))
    , m_dir(std::move(cacheDir))
    , m_prefixes(std::move(prefixes))
{
    // Threads here mostly wait for the network; as many as the inner backend likes in flight.
    m_pool.setMaxThreadCount(qMax(2, m_inner->preferredReadsInFlight()));
}

CachingBackend::~CachingBackend()
{
    m_pool.waitForDone();
}

bool CachingBackend::cached(const QString &name) const
{
    if (!objectname::validate(name))
        return false;
    for (const QString &p : m_prefixes)
        if (name.startsWith(p) && name.indexOf(QLatin1Char('/'), p.size()) < 0)
            return true;
    return false;
}

QString CachingBackend::copyPath(const QString &name) const
{
    return m_dir + QLatin1Char('/') + name; // validated: no "..", no absolute names
}

std::optional<QByteArray> CachingBackend::readCopy(const QString &name) const
{
    const QString path = copyPath(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxCopySize)
        return std::nullopt;
    const QByteArray data = file.readAll();
    file.close();
    if (QString::fromLatin1(crypto::sha256(data).toHex()) != objectname::idOf(name)) {
        QFile::remove(path); // damaged, cut short by a crash, or not ours: fetch it again
        return std::nullopt;
    }
    return data;
}

void CachingBackend::storeCopy(const QString &name, const QByteArray &data) const
{
    if (QString::fromLatin1(crypto::sha256(data).toHex()) != objectname::idOf(name))
        return; // not content-addressed after all: a copy could never be used
    const QString path = copyPath(name);
    const QString dir = path.section(QLatin1Char('/'), 0, -2);
    if (!cachedir::makePrivatePath(dir))
        return;
    // Written under a temporary name and renamed, so a reader sees a whole copy or none.
    const QByteArray temp = QFile::encodeName(dir + QStringLiteral("/.tmp-") +
                                              QString::fromLatin1(crypto::randomBytes(8).toHex()));
    Fd fd(::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.get() < 0)
        return;
    const bool written = writeAll(fd.get(), data) && ::close(fd.release()) == 0;
    if (!written || ::rename(temp.constData(), QFile::encodeName(path).constData()) != 0)
        ::unlink(temp.constData());
}

void CachingBackend::forgetMissing(const QString &prefix, const QStringList &present) const
{
    const QSet<QString> keep(present.cbegin(), present.cend());
    QDir dir(copyPath(prefix));
    const QStringList copies = dir.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &id : copies) {
        if (!id.startsWith(QLatin1Char('.'))) {
            if (!keep.contains(prefix + id))
                dir.remove(id);
            continue;
        }
        // A temporary file is left to its writer (perhaps another process) unless it is old
        // enough that the writer must have died.
        if (QFileInfo(dir.filePath(id)).lastModified().secsTo(QDateTime::currentDateTime()) >
            kStaleTempSeconds)
            dir.remove(id);
    }
}

QFuture<Status> CachingBackend::put(const QString &name, const QByteArray &data, PutMode mode)
{
    if (!cached(name))
        return m_inner->put(name, data, mode);
    return QtConcurrent::run(&m_pool, [this, name, data, mode]() -> Status {
        Status s = m_inner->put(name, data, mode).result();
        if (s) // what this client wrote, it need not download again
            storeCopy(name, data);
        return s;
    });
}

QFuture<Status> CachingBackend::putHashed(const QString &name, const QByteArray &data, PutMode mode,
                                          const QByteArray &sha256)
{
    // Packs are never cached here: what is cached goes through put().
    if (!cached(name))
        return m_inner->putHashed(name, data, mode, sha256);
    return put(name, data, mode);
}

QFuture<Result<QByteArray>> CachingBackend::get(const QString &name)
{
    if (!cached(name))
        return m_inner->get(name);
    return QtConcurrent::run(&m_pool, [this, name]() -> Result<QByteArray> {
        if (auto copy = readCopy(name)) {
            m_hits.fetchAndAddRelaxed(1);
            return *copy;
        }
        m_misses.fetchAndAddRelaxed(1);
        Result<QByteArray> fetched = m_inner->get(name).result();
        if (fetched)
            storeCopy(name, *fetched);
        return fetched;
    });
}

QFuture<Result<QByteArray>> CachingBackend::getRange(const QString &name, qint64 offset,
                                                     qint64 length)
{
    return m_inner->getRange(name, offset, length);
}

Result<QByteArray> CachingBackend::readRangeNow(const QString &name, qint64 offset, qint64 length)
{
    return m_inner->readRangeNow(name, offset, length);
}

QFuture<Result<qint64>> CachingBackend::stat(const QString &name)
{
    return m_inner->stat(name);
}

QFuture<Result<QStringList>> CachingBackend::list(const QString &prefix)
{
    if (!m_prefixes.contains(prefix))
        return m_inner->list(prefix);
    return QtConcurrent::run(&m_pool, [this, prefix]() -> Result<QStringList> {
        Result<QStringList> names = m_inner->list(prefix).result();
        if (names)
            forgetMissing(prefix, *names);
        return names;
    });
}

QFuture<Status> CachingBackend::remove(const QString &name)
{
    if (cached(name))
        QFile::remove(copyPath(name));
    return m_inner->remove(name);
}

} // namespace obnam
