#include "GenerationStore.h"

#include "crypto/Compression.h"
#include "crypto/Crypto.h"
#include "repo/ChunkWriter.h"
#include "repo/Repository.h"
#include "support/CacheDir.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <functional>

#include <cstring>
#include <memory>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include <sys/stat.h>

namespace obnam::generationstore {

namespace {

// Hashing and compressing runs on a pool of its own, one thread per core, never QtConcurrent's
// global pool: a window runs whole operations on the global pool, and a blocking map nested in
// one of its threads could wait for threads that are all busy waiting too.
QThreadPool &hashingPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(QThread::idealThreadCount());
        return p;
    }();
    return *pool;
}

std::function<PreparedChunk(const QByteArray &)> preparer(const Repository &repo,
                                                          int compressionLevel)
{
    return [&repo, compressionLevel](const QByteArray &data) {
        QByteArray id = repo.chunkId(data);
        // Data seen before (an unchanged generation database, a copied or partly changed
        // file) is stored once: compressing it again would only be thrown away. The index
        // only grows while a backup holds the lock, so it still has the chunk at add().
        if (repo.index().contains(id))
            return PreparedChunk{std::move(id), {}, quint32(data.size())};
        return PreparedChunk{std::move(id), compression::pack(data, compressionLevel),
                             quint32(data.size())};
    };
}

} // namespace

QList<PreparedChunk> prepareChunks(const Repository &repo, const QList<QByteArray> &chunks,
                                   int compressionLevel)
{
    const auto prepare = preparer(repo, compressionLevel);
    if (chunks.size() == 1)
        return {prepare(chunks.first())};
    return QtConcurrent::blockingMapped<QList<PreparedChunk>>(&hashingPool(), chunks, prepare);
}

QFuture<PreparedChunk> prepareChunksAsync(const Repository &repo, QList<QByteArray> chunks,
                                          int compressionLevel)
{
    // Each chunk's plain bytes are let go as soon as it is prepared, not when the whole batch
    // is: a batch's plain and prepared forms would otherwise both wait to be collected.
    auto plain = std::make_shared<std::vector<QByteArray>>(std::make_move_iterator(chunks.begin()),
                                                           std::make_move_iterator(chunks.end()));
    chunks.clear();
    QList<qsizetype> indices(qsizetype(plain->size()));
    std::iota(indices.begin(), indices.end(), qsizetype(0));
    return QtConcurrent::mapped(&hashingPool(), std::move(indices),
                                [plain, prepare = preparer(repo, compressionLevel)](qsizetype i) {
                                    const QByteArray data = std::exchange((*plain)[size_t(i)], {});
                                    return prepare(data);
                                });
}

namespace {

// Reads a database file and cuts it into the repository's chunks, handing them on a few
// megabytes at a time, through a window of two maximal chunks: the database of a million
// files is hundreds of megabytes and must not be held whole.
Status forEachChunkBatch(const Repository &repo, const QString &path,
                         const std::function<Status(QList<QByteArray> &)> &take)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot read generation database: ") +
                             file.errorString(),
                         path);
    const qint64 expected = file.size();
    const Chunker &chunker = repo.chunker();
    const qsizetype maxChunk = chunker.params().maxSize;
    const qsizetype window = 2 * maxChunk;
    constexpr qsizetype kBatchBytes = 4 * 1024 * 1024;
    QByteArray buf(window, Qt::Uninitialized);
    qsizetype filled = 0;
    qint64 total = 0;
    bool eof = false;
    QList<QByteArray> batch;
    qsizetype batchBytes = 0;
    while (!eof || filled > 0) {
        while (!eof && filled < window) {
            const qint64 n = file.read(buf.data() + filled, window - filled);
            if (n < 0)
                return makeError(
                    ErrorCode::Io,
                    QCoreApplication::translate("obnam", "cannot read generation database: ") +
                        file.errorString(),
                    path);
            eof = n == 0;
            filled += qsizetype(n);
            total += n;
        }
        qsizetype pos = 0;
        while (filled - pos > 0 && (eof || filled - pos >= maxChunk)) {
            const qsizetype n =
                chunker.cut(reinterpret_cast<const uchar *>(buf.constData()) + pos, filled - pos);
            batch.append(QByteArray(buf.constData() + pos, n));
            batchBytes += n;
            pos += n;
        }
        if (pos > 0) {
            std::memmove(buf.data(), buf.constData() + pos, size_t(filled - pos));
            filled -= pos;
        }
        if (batchBytes >= kBatchBytes) {
            if (auto s = take(batch); !s)
                return s;
            batch.clear();
            batchBytes = 0;
        }
    }
    if (total != expected)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "short read of generation database"),
                         path);
    if (batch.isEmpty())
        return {};
    return take(batch);
}

// Whether a cached database is the one the (authenticated) generation record names: cut
// into chunks again, its chunk ids (keyed MACs of the bytes) must be the record's, in order.
// A file changed by anyone without the keys, or by a flipped bit, is not.
// Cached databases this process has verified or written, by path, with the file's identity:
// opening one again (a browser going back to a generation, the search index after a backup)
// needs no second hashing. Any other file under that name (downloaded again, replaced) is
// another inode, and any write to the file itself changes its ctime.
struct FileIdentity
{
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = -1;
    qint64 ctimeNs = 0;
    bool operator==(const FileIdentity &) const = default;
};

std::optional<FileIdentity> identityOf(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return FileIdentity{quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_size),
                        qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
}

QMutex verifiedMutex;
QHash<QString, FileIdentity> verified;

void rememberVerified(const QString &path)
{
    if (auto id = identityOf(path)) {
        QMutexLocker lock(&verifiedMutex);
        verified.insert(path, *id);
    }
}

bool verifiedBefore(const QString &path)
{
    const auto id = identityOf(path);
    QMutexLocker lock(&verifiedMutex);
    const auto known = verified.constFind(path);
    return id && known != verified.cend() && *known == *id;
}

bool matchesRecord(const Repository &repo, const GenerationRecord &record, const QString &path)
{
    qsizetype next = 0;
    const auto compare = [&](QList<QByteArray> &batch) -> Status {
        const QList<QByteArray> ids = QtConcurrent::blockingMapped<QList<QByteArray>>(
            &hashingPool(), batch,
            [&repo](const QByteArray &chunk) { return repo.chunkId(chunk); });
        for (const QByteArray &id : ids) {
            if (next >= record.dbChunks.size() || id != record.dbChunks.at(next))
                return makeError(ErrorCode::Corrupt, QString());
            ++next;
        }
        return {};
    };
    return forEachChunkBatch(repo, path, compare) && next == record.dbChunks.size();
}

} // namespace

Result<QList<QByteArray>> storeDatabase(Repository &repo, ChunkWriter &writer, const QString &path,
                                        int compressionLevel)
{
    QList<QByteArray> ids;
    const auto store = [&](QList<QByteArray> &batch) -> Status {
        for (const PreparedChunk &c : prepareChunks(repo, batch, compressionLevel)) {
            if (auto s = writer.add(c.id, c.packed, c.plainLength); !s)
                return s;
            ids.append(c.id);
        }
        return {};
    };
    if (auto s = forEachChunkBatch(repo, path, store); !s)
        return s.error();
    return ids;
}

Result<QString> fetchDatabase(Repository &repo, const GenerationRecord &record,
                              const QString &cacheDir, OperationControl *control)
{
    const QString dir = cacheDir + QStringLiteral("/generations");
    const QString path = dir + QLatin1Char('/') + record.id + QStringLiteral(".db");
    // A cached copy is used only when it is exactly what the record names; anything else is
    // a cache miss, downloaded again.
    if (QFileInfo(path).size() == record.dbSize &&
        (verifiedBefore(path) || matchesRecord(repo, record, path))) {
        // Used now: the cache keeps the most recently used databases.
        QFile(path).setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        rememberVerified(path);
        return path;
    }
    if (auto made = cachedir::makePrivatePath(dir); !made)
        return made.error();
    const QString temp =
        path + QStringLiteral(".part-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    QFile out(temp);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("obnam", "cannot create file: ") + out.errorString(), temp);
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    qint64 written = 0;
    for (const QByteArray &id : record.dbChunks) {
        if (control && !control->proceed()) {
            out.remove();
            return makeError(ErrorCode::Cancelled,
                             QCoreApplication::translate(
                                 "obnam", "fetching the generation database was cancelled"),
                             record.id);
        }
        auto chunk = repo.readChunk(id);
        if (!chunk) {
            out.remove();
            return Error{chunk.error().code,
                         QStringLiteral("generation %1 database: ").arg(record.id) +
                             chunk.error().message,
                         chunk.error().path};
        }
        written += chunk->size();
        if (written > record.dbSize) {
            out.remove();
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("obnam", "generation database is larger than recorded"),
                record.id);
        }
        if (out.write(*chunk) != chunk->size()) {
            const QString why = out.errorString();
            out.remove();
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("obnam", "cannot write cached database: ") + why, temp);
        }
    }
    if (written != record.dbSize) {
        out.remove();
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "generation database is smaller than recorded"),
            record.id);
    }
    out.close();
    if (!QFile::rename(temp, path)) {
        QFile::remove(path);
        if (!QFile::rename(temp, path)) {
            QFile::remove(temp);
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("obnam", "cannot place cached database"),
                             path);
        }
    }
    rememberVerified(path);
    return path;
}

void adoptDatabase(const QString &path)
{
    rememberVerified(path);
}

Result<std::unique_ptr<GenerationDb>> open(Repository &repo, const GenerationRecord &record,
                                           const QString &cacheDir, OperationControl *control)
{
    auto path = fetchDatabase(repo, record, cacheDir, control);
    if (!path)
        return path.error();
    auto db = GenerationDb::openReadOnly(*path);
    if (!db)
        return Error{db.error().code,
                     db.error().message + QStringLiteral(" (generation %1)").arg(record.id),
                     db.error().path};
    return db;
}

void trimCache(const QString &cacheDir, const QString &keepId, qint64 limitBytes)
{
    QDir dir(cacheDir + QStringLiteral("/generations"));
    const QString keep = keepId + QStringLiteral(".db");
    // Only finished databases (<id>.db), newest use first: a download in progress by another
    // process is a temporary file of another name and stays.
    const QFileInfoList cached =
        dir.entryInfoList({QStringLiteral("*.db")}, QDir::Files | QDir::NoDotAndDotDot, QDir::Time);
    qint64 used = 0;
    for (const QFileInfo &f : cached) {
        if (f.fileName() == keep)
            used += f.size();
    }
    for (const QFileInfo &f : cached) {
        if (f.fileName() == keep)
            continue;
        if (used + f.size() <= limitBytes)
            used += f.size();
        else
            dir.remove(f.fileName());
    }
}

} // namespace obnam::generationstore
