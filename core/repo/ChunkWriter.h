#pragma once

#include "ChunkIndex.h"
#include "Pack.h"
#include "support/Result.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QList>
#include <QSet>

namespace obnam {

class Repository;

struct ChunkWriterStats
{
    qint64 newChunks = 0;
    qint64 reusedChunks = 0;
    qint64 newPlainBytes = 0;
    qint64 storedBytes = 0; // bytes of packs written
    qint64 packsWritten = 0;
    qint64 indexObjectsWritten = 0;
};

// Turns chunks into packs and index objects. One producer thread calls add(); finished packs
// upload in the background with up to `maxInFlight` writes outstanding. The order of durable
// writes is what makes a backup crash-safe: a pack is stored before any index object names it,
// and flush() writes the index objects before the caller commits a generation.
class ChunkWriter
{
public:
    // maxInFlight 0: as many as the repository's backend prefers.
    explicit ChunkWriter(Repository &repository, int maxInFlight = 0);
    ~ChunkWriter();
    ChunkWriter(const ChunkWriter &) = delete;
    ChunkWriter &operator=(const ChunkWriter &) = delete;

    // True when the repository (or this writer) already holds the chunk.
    bool has(const QByteArray &chunkId) const;
    // Stores the chunk unless it is already there. `packed` is compression::pack() output, or
    // empty for a chunk the index held when it was prepared (an error if it is not there).
    Status add(const QByteArray &chunkId, const QByteArray &packed, quint32 plainLength);
    // Seals the open pack, waits for every upload and writes the index object(s).
    Status flush();

    const ChunkWriterStats &stats() const { return m_stats; }
    // Repacking (prune) copies chunks the index already holds: only this writer's own
    // chunks then count as present.
    void setIgnoreIndex(bool ignore) { m_ignoreIndex = ignore; }
    // Every pack this writer stored, with its entries (recorded with setIgnoreIndex only).
    const QList<IndexedPack> &storedPacks() const { return m_stored; }

private:
    Status sealPack();
    Status waitForUploads(int keep);
    Status writeIndex();
    void forgetUnindexed();

    struct Upload
    {
        QFuture<Status> future;
        IndexedPack pack;
        qint64 size = 0;
    };

    Repository &m_repo;
    int m_maxInFlight;
    PackBuilder m_builder;
    QSet<QByteArray> m_open;      // chunks in the pack being built
    QSet<QByteArray> m_uploading; // chunks in packs whose upload has not finished
    QList<Upload> m_uploads;
    QList<IndexedPack> m_unindexed; // uploaded, not yet in an index object
    QList<IndexedPack> m_stored;
    ChunkWriterStats m_stats;
    bool m_ignoreIndex = false;
    // Since the last index object: a slow backup indexes what it stored at least this often,
    // so that a crash costs at most that much work even before kPacksPerIndexObject packs.
    QElapsedTimer m_sinceIndex;
    static constexpr qint64 kIndexIntervalMs = 5 * 60 * 1000;
};

} // namespace obnam
