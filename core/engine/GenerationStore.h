#pragma once

#include "gen/GenerationDb.h"
#include "repo/GenerationRecord.h"
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

// The generation's database as a local file, downloaded and verified if not cached.
Result<QString> fetchDatabase(Repository &repo, const GenerationRecord &record,
                              const QString &cacheDir);

// fetchDatabase() and GenerationDb::openReadOnly() in one.
Result<std::unique_ptr<GenerationDb>> open(Repository &repo, const GenerationRecord &record,
                                           const QString &cacheDir);

// Removes every cached database but `keepId`'s. A backup calls it with the generation it just
// made: the next backup needs only that one, and the cache stays the size of one database
// instead of growing by one per backup. Others are downloaded again if ever needed.
void keepOnlyCached(const QString &cacheDir, const QString &keepId);

} // namespace generationstore
} // namespace obnam
