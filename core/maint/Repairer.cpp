#include "Repairer.h"

#include "backend/ObjectName.h"
#include "crypto/Compression.h"
#include "crypto/Crypto.h"
#include "repo/ChunkIndex.h"
#include "repo/ChunkWriter.h"
#include "repo/Pack.h"
#include "repo/Repository.h"
#include "support/Bytes.h"
#include "support/CrashPoint.h"

#include <QCoreApplication>
#include <QSet>

namespace obnam {

Repairer::Repairer(Repository &repository, QObject *parent)
    : QObject(parent)
    , m_repo(repository)
{}

void Repairer::reportProgress(Phase phase, qint64 done, qint64 total)
{
    RepairProgress p;
    p.phase = phase;
    p.steps = done;
    p.stepsTotal = total;
    p.elapsedSeconds = double(m_clock.elapsed()) / 1000.0;
    Q_EMIT progress(p);
}

Result<RepairReport> Repairer::run()
{
    m_clock.start();
    Backend &backend = m_repo.backend();
    RepairReport report;
    auto packNames = backend.list(QStringLiteral("packs/")).result();
    if (!packNames)
        return packNames.error();
    auto oldIndex = backend.list(QStringLiteral("index/")).result();
    if (!oldIndex)
        return oldIndex.error();

    QList<IndexedPack> rebuilt;
    ChunkWriter salvageWriter(m_repo);
    salvageWriter.setIgnoreIndex(true);
    QSet<QByteArray> seen; // a chunk stored in two packs is indexed once
    QFuture<Result<QByteArray>> next;
    if (!packNames->isEmpty())
        next = backend.get(packNames->first());
    for (qsizetype i = 0; i < packNames->size(); ++i) {
        // Nothing is replaced until every pack was read: a cancel leaves the index as it was
        // (and any salvaged packs unindexed, for prune).
        if (!proceed()) {
            next.waitForFinished();
            return makeError(
                ErrorCode::Cancelled,
                QCoreApplication::translate("obnam", "repair cancelled; the index is unchanged"));
        }
        const QString name = packNames->at(i);
        reportProgress(Phase::ReadingPacks, i, packNames->size());
        Result<QByteArray> bytes = next.result();
        if (i + 1 < packNames->size())
            next = backend.get(packNames->at(i + 1));
        if (!bytes) {
            if (bytes.error().code != ErrorCode::NotFound)
                return bytes.error();
            continue; // removed meanwhile
        }
        ++report.packsRead;
        const QByteArray packId = QByteArray::fromHex(objectname::idOf(name).toLatin1());
        auto header =
            pack::parseHeader(m_repo.keys().dataKey, m_repo.config().repositoryId, *bytes, name);
        if (!header) {
            ++report.packsUnreadable;
            report.problems.append(name + QStringLiteral(": ") + header.error().message +
                                   QStringLiteral(" (its chunks are left out)"));
            continue;
        }
        // A pack whose bytes do not match its name is damaged even where its chunks still
        // verify: those are copied to a new pack, and the damaged one is left unindexed for
        // prune to remove.
        bool damaged = hex(crypto::sha256(*bytes)) != objectname::idOf(name);
        IndexedPack good{packId, header->salt, {}};
        QList<std::pair<QByteArray, QByteArray>> salvage; // chunk id, plaintext
        for (const PackEntry &e : std::as_const(header->entries)) {
            auto plain = m_repo.openChunk(ChunkLocation{packId, header->salt, e},
                                          bytes->mid(qsizetype(e.offset), qsizetype(e.length)));
            if (!plain) {
                damaged = true;
                ++report.chunksDropped;
                report.problems.append(name + QStringLiteral(": chunk ") + hex(e.chunkId) +
                                       QStringLiteral(": ") + plain.error().message +
                                       QStringLiteral(" (left out)"));
                continue;
            }
            if (seen.contains(e.chunkId))
                continue;
            seen.insert(e.chunkId);
            good.entries.append(e);
            salvage.append({e.chunkId, std::move(*plain)});
            ++report.chunksKept;
        }
        if (!damaged) {
            if (!good.entries.isEmpty())
                rebuilt.append(std::move(good));
            continue;
        }
        if (!report.problems.isEmpty() && !report.problems.last().startsWith(name))
            report.problems.append(name + QStringLiteral(": pack content does not match its name"));
        for (const auto &[id, plain] : std::as_const(salvage)) {
            if (auto s = salvageWriter.add(id, compression::pack(plain, 3), quint32(plain.size()));
                !s)
                return s.error();
            ++report.chunksSalvaged;
        }
        ++report.packsDamaged;
    }
    if (auto s = salvageWriter.flush(); !s)
        return s.error();
    rebuilt += salvageWriter.storedPacks();

    auto replaced = m_repo.replaceIndex(rebuilt, *oldIndex, "repair");
    if (!replaced)
        return replaced.error();
    report.indexObjectsWritten = replaced->written;
    report.indexObjectsDeleted = replaced->deleted;
    reportProgress(Phase::Done, packNames->size(), packNames->size());
    return report;
}

} // namespace obnam
