#pragma once

#include "gen/GenerationDb.h"
#include "repo/GenerationRecord.h"
#include "support/OperationControl.h"
#include "support/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>

#include <memory>

namespace obnam {

class ChunkWriter;
class Repository;

// A chunk ready for a pack: its id and its compressed form, or only its id when the
// repository's index already holds it (`packed` empty: compressing it would be wasted).
struct PreparedChunk
{
    QByteArray id;
    QByteArray packed;
    quint32 plainLength = 0;
};

// Moves generation databases between local files and the repository. Downloaded databases
// live in a cache directory (<cache>/generations/<id>.db): a cache, so deleting it loses
// nothing; a later command reuses what is there instead of downloading again.
namespace generationstore {

// Hashes and compresses chunks on QtConcurrent's global pool, in input order. A chunk the
// index already holds is not compressed.
QList<PreparedChunk> prepareChunks(const Repository &repo, const QList<QByteArray> &chunks,
                                   int compressionLevel);
// The same without waiting: the results arrive in input order while the caller goes on.
QFuture<PreparedChunk> prepareChunksAsync(const Repository &repo, QList<QByteArray> chunks,
                                          int compressionLevel);

// Chunks a finished database file into the repository. Returns its chunk ids.
Result<QList<QByteArray>> storeDatabase(Repository &repo, ChunkWriter &writer, const QString &path,
                                        int compressionLevel);

// The generation's database as a local file, downloaded and verified if not cached. With a
// control, a download can be cancelled (ErrorCode::Cancelled, nothing left behind) or paused
// between chunks.
Result<QString> fetchDatabase(Repository &repo, const GenerationRecord &record,
                              const QString &cacheDir, OperationControl *control = nullptr);

// Tells the store that the file at `path` is a generation database this process wrote (a
// backup's new one, moved into the cache): fetchDatabase() takes it without hashing it again.
void adoptDatabase(const QString &path);

// fetchDatabase() and GenerationDb::openReadOnly() in one.
Result<std::unique_ptr<GenerationDb>> open(Repository &repo, const GenerationRecord &record,
                                           const QString &cacheDir,
                                           OperationControl *control = nullptr);

// How much of the cache the generation databases may fill: the ones looked at most recently
// (browsed, restored from, compared) stay within it, the others are downloaded again if ever
// needed.
inline constexpr qint64 kDatabaseCacheBytes = qint64(1) << 30;

// Removes cached databases, least recently used first, until the rest fit `limitBytes`;
// `keepId`'s stays whatever its size (a backup keeps the one it just made: the next backup
// needs it).
void trimCache(const QString &cacheDir, const QString &keepId,
               qint64 limitBytes = kDatabaseCacheBytes);

} // namespace generationstore
} // namespace obnam
