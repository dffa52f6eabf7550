#include "Resume.h"

#include "backend/ObjectName.h"
#include "crypto/Crypto.h"
#include "repo/ChunkIndex.h"
#include "repo/Pack.h"
#include "repo/Repository.h"
#include "support/CrashPoint.h"

#include <QSet>
#include <QSysInfo>

namespace obnam {

namespace {

// The packs a dead backup stored: listed, but in no index object.
Result<QStringList> unindexedPacks(Repository &repo)
{
    auto listed = repo.backend().list(QStringLiteral("packs/")).result();
    if (!listed)
        return listed.error();
    QSet<QString> indexed;
    for (const QByteArray &id : repo.index().packIds())
        indexed.insert(objectname::pack(QString::fromLatin1(id.toHex())));
    QStringList out;
    for (const QString &name : std::as_const(*listed)) {
        if (!indexed.contains(name))
            out.append(name);
    }
    return out;
}

} // namespace

Result<ResumeReport> resumeInterrupted(Repository &repo, const LockInfo &own)
{
    ResumeReport report;
    auto locks = RepositoryLock::list(repo);
    if (!locks)
        return locks.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool anyStale = false;
    bool othersLive = false;
    for (const LockInfo &l : std::as_const(*locks)) {
        if (l.id == own.id)
            continue;
        if (!l.isStale(now)) {
            othersLive = true;
            continue;
        }
        anyStale = true;
        // Only this host can know for sure that the holder is gone; another host's lock that
        // merely stopped being refreshed is left to 'unlock'.
        if (l.hostname != QSysInfo::machineHostName())
            continue;
        Status removed = repo.backend().remove(objectname::lock(l.id)).result();
        if (!removed && removed.error().code != ErrorCode::NotFound)
            return removed.error();
        report.staleLocksRemoved.append(l);
    }
    if (!anyStale)
        return report;
    if (othersLive) {
        // A live writer's packs are unindexed until it writes its index: not ours to take.
        report.deferred = true;
        return report;
    }

    auto candidates = unindexedPacks(repo);
    if (!candidates)
        return candidates.error();
    QList<IndexedPack> adopted;
    const auto writeIndex = [&]() -> Status {
        if (adopted.isEmpty())
            return {};
        crashpoint::hit("resume-index-write-before");
        auto name = repo.putObject(ObjectType::Index, QStringLiteral("index"),
                                   ChunkIndex::serialize(adopted));
        if (!name) {
            // Not durable: the backup must not reuse these chunks.
            QList<QByteArray> ids;
            for (const IndexedPack &p : std::as_const(adopted))
                ids.append(p.packId);
            repo.index().removePacks(ids);
            return name.error();
        }
        adopted.clear();
        return {};
    };
    for (const QString &name : std::as_const(*candidates)) {
        auto bytes = repo.backend().get(name).result();
        if (!bytes) {
            if (bytes.error().code == ErrorCode::NotFound)
                continue; // removed meanwhile
            return bytes.error();
        }
        const QString id = objectname::idOf(name);
        auto header =
            pack::parseHeader(repo.keys().dataKey, repo.config().repositoryId, *bytes, name);
        if (QString::fromLatin1(crypto::sha256(*bytes).toHex()) != id || !header) {
            ++report.packsLeft; // damaged, or cut short: prune removes it
            continue;
        }
        IndexedPack pack{QByteArray::fromHex(id.toLatin1()), header->salt, {}};
        for (const PackEntry &e : std::as_const(header->entries)) {
            if (!repo.index().contains(e.chunkId))
                pack.entries.append(e);
        }
        if (pack.entries.isEmpty()) {
            ++report.packsLeft;
            continue;
        }
        ++report.packsAdopted;
        report.bytesAdopted += bytes->size();
        // In the index at once, so that a chunk two dead backups both stored is taken once.
        repo.index().addPack(pack);
        adopted.append(std::move(pack));
        if (adopted.size() >= Repository::kPacksPerIndexObject) {
            if (auto s = writeIndex(); !s)
                return s.error();
        }
    }
    if (auto s = writeIndex(); !s)
        return s.error();
    return report;
}

} // namespace obnam
