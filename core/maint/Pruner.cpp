#include "Pruner.h"

#include "backend/ObjectName.h"
#include "crypto/Compression.h"
#include "engine/GenerationStore.h"
#include "gen/GenerationDb.h"
#include "repo/ChunkIndex.h"
#include "repo/ChunkWriter.h"
#include "repo/Repository.h"
#include "support/Bytes.h"
#include "support/CrashPoint.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

namespace obnam {

namespace {

Error abortWith(const QString &why, const QString &path = {},
                Remedy remedy = Remedy::CheckRepository)
{
    return makeError(
        ErrorCode::Corrupt,
        QCoreApplication::translate("obnam", "prune stopped before deleting anything: ") + why,
        path, remedy);
}

} // namespace

Pruner::Pruner(Repository &repository, PruneOptions options, QObject *parent)
    : QObject(parent)
    , m_repo(repository)
    , m_options(std::move(options))
{}

Result<PruneReport> Pruner::run()
{
    QElapsedTimer clock;
    clock.start();
    const auto step = [&](Phase phase, qint64 done, qint64 total) {
        PruneProgress p;
        p.phase = phase;
        p.steps = done;
        p.stepsTotal = total;
        p.elapsedSeconds = double(clock.elapsed()) / 1000.0;
        Q_EMIT progress(p);
    };
    PruneReport report;
    Backend &backend = m_repo.backend();

    // 1. Prove what is referenced. Any doubt stops here, before anything is touched.
    auto generations = m_repo.generations();
    if (!generations)
        return generations.error();
    for (const Error &e : m_repo.damagedObjects())
        return abortWith(QCoreApplication::translate(
                             "obnam", "a damaged object makes the references unknowable (%1)")
                             .arg(e.message),
                         e.path, Remedy::RepairRepository);
    if (const auto missing = m_repo.missingPacks(); !missing.isEmpty())
        return abortWith(QCoreApplication::translate(
                             "obnam", "the index names %1 pack(s) the storage does not hold")
                             .arg(missing.size()),
                         objectname::pack(hex(missing.first().packId)), Remedy::RepairRepository);
    report.generations = int(generations->size());
    QSet<QByteArray> referenced;
    for (qsizetype g = 0; g < generations->size(); ++g) {
        step(Phase::Referencing, g, generations->size());
        if (!proceed())
            return makeError(ErrorCode::Cancelled,
                             QCoreApplication::translate("obnam", "prune cancelled; nothing was "
                                                                  "changed"));
        const GenerationRecord &record = generations->at(g);
        for (const QByteArray &id : record.dbChunks)
            referenced.insert(id);
        auto db = generationstore::open(m_repo, record, m_options.cacheDir, &control());
        if (!db)
            return abortWith(
                QCoreApplication::translate("obnam", "generation %1 cannot be read: %2")
                    .arg(record.id, db.error().message),
                db.error().path);
        if (auto s = (*db)->forEachChunkId([&](const QByteArray &id) { referenced.insert(id); });
            !s)
            return abortWith(s.error().message, objectname::generation(record.id));
    }
    const ChunkIndex &index = m_repo.index();
    for (const QByteArray &id : std::as_const(referenced))
        if (!index.contains(id))
            return abortWith(QCoreApplication::translate(
                                 "obnam", "chunk %1 is used by a generation but is in no "
                                          "index object")
                                 .arg(hex(id)),
                             {}, Remedy::RepairRepository);
    report.referencedChunks = referenced.size();

    // 2. Compare the storage's listing with the index, and plan.
    step(Phase::Planning, 0, 1);
    auto listedPacks = backend.list(QStringLiteral("packs/")).result();
    if (!listedPacks)
        return listedPacks.error();
    auto oldIndex = backend.list(QStringLiteral("index/")).result();
    if (!oldIndex)
        return oldIndex.error();
    const QSet<QString> listed(listedPacks->cbegin(), listedPacks->cend());
    report.packs = int(listed.size());
    const QList<IndexedPack> packs = index.packs();
    QSet<QString> indexed;
    QList<IndexedPack> keep, repack;
    QStringList remove; // pack names
    for (const IndexedPack &p : packs) {
        const QString name = objectname::pack(hex(p.packId));
        indexed.insert(name);
        if (!listed.contains(name))
            return abortWith(QCoreApplication::translate(
                                 "obnam", "the index names a pack the storage does not list"),
                             name);
        qint64 live = 0, total = 0;
        for (const PackEntry &e : p.entries) {
            total += e.length;
            if (referenced.contains(e.chunkId))
                live += e.length;
        }
        if (live == 0) {
            remove.append(name);
            report.bytesDeleted += total;
            ++report.packsDeleted;
        } else if (total > 0 && double(total - live) / double(total) > m_options.repackThreshold) {
            repack.append(p);
            remove.append(name);
            report.bytesDeleted += total;
            ++report.packsRepacked;
        } else {
            keep.append(p);
        }
    }
    // A pack in no index object cannot hold anything a generation uses: a backup writes its
    // index objects before its generation record, and our exclusive lock keeps backups out.
    for (const QString &name : std::as_const(*listedPacks)) {
        if (!indexed.contains(name)) {
            remove.append(name);
            ++report.orphanPacks;
            // The index does not know its size: ask the storage, so the report counts it.
            if (auto size = backend.stat(name).result(); size) {
                report.bytesDeleted += *size;
                report.orphanBytes += *size;
            }
        }
    }
    if (m_options.dryRun) {
        report.durationSeconds = double(clock.elapsed()) / 1000.0;
        return report;
    }

    // 3. Copy the live chunks of mostly-empty packs into new packs.
    ChunkWriter writer(m_repo);
    writer.setIgnoreIndex(true);
    for (qsizetype i = 0; i < repack.size(); ++i) {
        step(Phase::Repacking, i, repack.size());
        // Packs written so far are in no index: the next prune removes them.
        if (!proceed())
            return makeError(ErrorCode::Cancelled,
                             QCoreApplication::translate("obnam", "prune cancelled; nothing was "
                                                                  "removed"));
        for (const PackEntry &e : std::as_const(repack[i].entries)) {
            if (!referenced.contains(e.chunkId))
                continue;
            auto plain = m_repo.readChunk(e.chunkId);
            if (!plain)
                return abortWith(QCoreApplication::translate(
                                     "obnam", "a live chunk cannot be read for repacking: ") +
                                     plain.error().message,
                                 plain.error().path);
            if (auto s =
                    writer.add(e.chunkId, compression::pack(*plain, m_options.compressionLevel),
                               quint32(plain->size()));
                !s)
                return s.error();
        }
    }
    if (auto s = writer.flush(); !s)
        return s.error();
    report.bytesWritten = writer.stats().storedBytes;

    // 4. One new index for everything kept, then the old index objects go.
    QList<IndexedPack> all = keep + writer.storedPacks();
    // The last point where a cancel changes nothing. Replacing the index is not interrupted:
    // it writes the new index objects, then removes the old ones.
    if (!proceed())
        return makeError(
            ErrorCode::Cancelled,
            QCoreApplication::translate("obnam", "prune cancelled; nothing was removed"));
    step(Phase::Indexing, 0, 1);
    auto replaced = m_repo.replaceIndex(all, *oldIndex, "prune");
    if (!replaced)
        return replaced.error();
    report.indexObjectsWritten = replaced->written;
    report.indexObjectsDeleted = replaced->deleted;

    // 5. Now no index names them: delete the packs.
    for (qsizetype i = 0; i < remove.size(); ++i) {
        step(Phase::Deleting, i, remove.size());
        // No index names these packs any more: stopping leaves them for the next prune.
        if (!proceed())
            return makeError(ErrorCode::Cancelled,
                             QCoreApplication::translate(
                                 "obnam", "prune cancelled after it rewrote the index; %1 "
                                          "packs it had still to delete are left for the next "
                                          "prune")
                                 .arg(remove.size() - i));
        crashpoint::hit("prune-pack-delete-before");
        if (auto s = backend.remove(remove[i]).result();
            !s && s.error().code != ErrorCode::NotFound)
            return s.error();
        crashpoint::hit("prune-pack-delete-after");
    }
    // Files of writes that a killed process never finished (named temporary files, on file
    // systems without unnamed ones); a day old, so that no running write loses its file.
    if (auto freed = backend.removeStaleTemporaries(kStaleTemporarySeconds); freed) {
        report.temporaryBytes = *freed;
        report.bytesDeleted += *freed;
    }
    report.durationSeconds = double(clock.elapsed()) / 1000.0;
    step(Phase::Done, 1, 1);
    return report;
}

} // namespace obnam
