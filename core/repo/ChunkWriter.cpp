#include "ChunkWriter.h"

#include <QCoreApplication>

#include "Repository.h"
#include "backend/ObjectName.h"
#include "support/CrashPoint.h"

namespace obnam {

ChunkWriter::ChunkWriter(Repository &repository, int maxInFlight)
    : m_repo(repository)
    , m_maxInFlight(maxInFlight > 0 ? maxInFlight : repository.backend().preferredWritesInFlight())
    , m_builder(repository.keys().dataKey, repository.config().repositoryId)
{
    // A pack is sealed once it reaches packSize, so it ends at most one chunk (plus its
    // framing) beyond that.
    m_builder.setExpectedSize(qsizetype(repository.config().packSize) +
                              qsizetype(repository.config().chunker.maxSize) + 64 * 1024);
    m_sinceIndex.start();
}

ChunkWriter::~ChunkWriter()
{
    // A writer abandoned mid-backup (failure, cancel) still records what it stored, so the
    // next backup can reuse it; what cannot be recorded is forgotten, never half-believed.
    (void)waitForUploads(0);
    if (!m_unindexed.isEmpty() && !writeIndex())
        forgetUnindexed();
}

void ChunkWriter::forgetUnindexed()
{
    QList<QByteArray> ids;
    for (const IndexedPack &p : std::as_const(m_unindexed))
        ids.append(p.packId);
    m_repo.index().removePacks(ids);
    m_unindexed.clear();
}

bool ChunkWriter::has(const QByteArray &chunkId) const
{
    return m_open.contains(chunkId) || m_uploading.contains(chunkId) ||
           (!m_ignoreIndex && m_repo.index().contains(chunkId));
}

Status ChunkWriter::add(const QByteArray &chunkId, const QByteArray &packed, quint32 plainLength)
{
    if (has(chunkId)) {
        ++m_stats.reusedChunks;
        return {};
    }
    // compression::pack() output is never empty: empty means "known, not compressed", and
    // a chunk that was known must still be.
    if (packed.isEmpty())
        return makeError(ErrorCode::Permanent,
                         QCoreApplication::translate(
                             "obnam", "a chunk prepared as stored is not in the repository"),
                         QStringLiteral("chunk ") + QString::fromLatin1(chunkId.toHex()));
    m_builder.add(chunkId, packed, plainLength);
    m_open.insert(chunkId);
    ++m_stats.newChunks;
    m_stats.newPlainBytes += plainLength;
    if (m_builder.size() >= qsizetype(m_repo.config().packSize))
        return sealPack();
    return {};
}

Status ChunkWriter::sealPack()
{
    if (m_builder.isEmpty())
        return {};
    PackBuilder::Finished f = m_builder.finish();
    const QString name = objectname::pack(QString::fromLatin1(f.packId.toHex()));
    m_stats.storedBytes += f.bytes.size();
    ++m_stats.packsWritten;
    IndexedPack indexed{f.packId, f.salt, std::move(f.entries)};
    crashpoint::hit("pack-write-before");
    Upload upload{m_repo.backend().putHashed(name, f.bytes, PutMode::CreateOnly, f.packId), indexed,
                  qint64(f.bytes.size())};
    // Visible to has() at once, so later duplicates in this backup are not packed again; the
    // repository's index learns of the pack only once it is stored.
    m_uploading.unite(m_open);
    m_open.clear();
    m_uploads.append(std::move(upload));
    return waitForUploads(m_maxInFlight - 1);
}

Status ChunkWriter::waitForUploads(int keep)
{
    Status first;
    while (m_uploads.size() > keep) {
        Upload u = m_uploads.takeFirst();
        Status s = u.future.result();
        for (const PackEntry &e : std::as_const(u.pack.entries))
            m_uploading.remove(e.chunkId);
        // An identical pack already stored is as good as ours.
        if (!s && s.error().code != ErrorCode::AlreadyExists) {
            if (first)
                first = s;
            continue;
        }
        // Believe the storage only once it shows the pack: a write acknowledged but not kept
        // (a lying disk, a broken proxy) must fail this backup, not a restore years later.
        if (Status held = m_repo.verifyStored(
                objectname::pack(QString::fromLatin1(u.pack.packId.toHex())), u.size);
            !held) {
            if (first)
                first = held;
            continue;
        }
        crashpoint::hit("pack-write-after");
        if (m_ignoreIndex)
            m_stored.append(u.pack); // only a repack needs the list; a backup may be huge
        m_repo.index().addPack(u.pack);
        m_unindexed.append(std::move(u.pack));
    }
    if (!first)
        return first;
    if (m_unindexed.size() >= Repository::kPacksPerIndexObject ||
        (!m_unindexed.isEmpty() && m_sinceIndex.elapsed() >= kIndexIntervalMs))
        return writeIndex();
    return {};
}

Status ChunkWriter::writeIndex()
{
    if (m_unindexed.isEmpty())
        return {};
    crashpoint::hit("index-write-before");
    auto name = m_repo.putObject(ObjectType::Index, QStringLiteral("index"),
                                 ChunkIndex::serialize(m_unindexed));
    if (!name)
        return name.error();
    crashpoint::hit("index-write-after");
    ++m_stats.indexObjectsWritten;
    m_unindexed.clear();
    m_sinceIndex.restart();
    return {};
}

Status ChunkWriter::flush()
{
    if (auto s = sealPack(); !s) {
        (void)waitForUploads(0); // the first error is the one to report
        return s;
    }
    if (auto s = waitForUploads(0); !s)
        return s;
    return writeIndex();
}

} // namespace obnam
