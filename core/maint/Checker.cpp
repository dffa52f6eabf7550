#include "Checker.h"

#include "backend/ObjectName.h"
#include "crypto/Crypto.h"
#include "engine/GenerationStore.h"
#include "gen/GenerationDb.h"
#include "repo/ChunkIndex.h"
#include "repo/Pack.h"
#include "repo/Repository.h"
#include "support/Bytes.h"
#include "support/RateEstimator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace obnam {

namespace {

constexpr qint64 kPackPrefix = 4 + 1 + 16; // magic, version, salt

} // namespace

struct Checker::State
{
    CheckReport report;
    QElapsedTimer clock;
    QList<IndexedPack> packs;            // as the index describes them
    QSet<QByteArray> missingPacks;       // indexed but absent or too short
    QHash<QByteArray, QString> badChunk; // chunk id -> why it cannot be read
    QHash<QByteArray, qint64> packSize;  // pack id -> size, for indexed packs present
    QList<GenerationRecord> generations; // read once, at the start
    RateEstimator rate;                  // of the bytes read back
};

Checker::Checker(Repository &repository, CheckOptions options, QObject *parent)
    : QObject(parent)
    , m_repo(repository)
    , m_options(std::move(options))
{}

void Checker::report(State &state, Phase phase, qint64 done, qint64 total, qint64 bytes,
                     qint64 totalBytes)
{
    CheckProgress p;
    p.phase = phase;
    p.steps = done;
    p.stepsTotal = total;
    p.bytes = bytes;
    p.bytesTotal = totalBytes;
    p.bytesTotalFinal = true;
    p.elapsedSeconds = double(state.clock.elapsed()) / 1000.0;
    state.rate.add(p.elapsedSeconds, bytes);
    p.bytesPerSecond = state.rate.rate();
    p.etaSeconds = state.rate.eta(totalBytes);
    Q_EMIT progress(p);
}

Result<CheckReport> Checker::run()
{
    State state;
    state.clock.start();
    report(state, Phase::CheckingIndex, 0, 0);
    // Generations are listed first so that damaged records are known before the report.
    auto generations = m_repo.generations();
    if (!generations)
        return generations.error();
    state.generations = std::move(*generations);
    for (const Error &e : m_repo.damagedObjects())
        state.report.damaged.append(CheckFinding{e.path, e.message});
    auto keySlots = m_repo.verifyKeySlots();
    if (!keySlots)
        return keySlots.error();
    state.report.keySlots = keySlots->checked;
    for (const Error &e : std::as_const(keySlots->damaged))
        state.report.damaged.append(CheckFinding{e.path, e.message});
    auto indexNames = m_repo.backend().list(QStringLiteral("index/")).result();
    if (!indexNames)
        return indexNames.error();
    state.report.indexObjects = int(indexNames->size());

    if (auto s = checkPacks(state); !s)
        return s.error();
    if (m_options.readData != CheckOptions::ReadData::None) {
        if (auto s = readData(state); !s)
            return s.error();
    }
    if (auto s = checkGenerations(state); !s)
        return s.error();
    state.report.durationSeconds = double(state.clock.elapsed()) / 1000.0;
    report(state, Phase::Done, 1, 1);
    return state.report;
}

Status Checker::checkPacks(State &state)
{
    auto listed = m_repo.backend().list(QStringLiteral("packs/")).result();
    if (!listed)
        return listed.error();
    QSet<QString> present(listed->cbegin(), listed->cend());
    state.packs = m_repo.index().packs();
    state.report.packs = int(listed->size());

    // Sizes of the indexed packs, asked for all at once so a server answers them in parallel.
    QList<QFuture<Result<qint64>>> sizes;
    for (const IndexedPack &p : std::as_const(state.packs))
        sizes.append(present.contains(objectname::pack(hex(p.packId)))
                         ? m_repo.backend().stat(objectname::pack(hex(p.packId)))
                         : ready<Result<qint64>>(makeError(ErrorCode::NotFound, QString())));
    QSet<QString> indexed;
    // Packs the index names but the storage lacks were left out of the index when it loaded.
    for (const IndexedPack &p : m_repo.missingPacks()) {
        const QString name = objectname::pack(hex(p.packId));
        qsizetype lost = 0;
        for (const PackEntry &e : p.entries) {
            if (m_repo.index().contains(e.chunkId))
                continue; // stored again since, by a later backup
            ++lost;
            state.badChunk.insert(e.chunkId, QStringLiteral("its pack %1 is missing").arg(name));
        }
        if (lost > 0)
            state.report.damaged.append(CheckFinding{
                name, QStringLiteral("pack is missing; %1 of its %2 chunks are stored nowhere else")
                          .arg(lost)
                          .arg(p.entries.size())});
        else
            state.report.notes.append(
                QStringLiteral("%1 is missing, but every chunk of it was stored again since; "
                               "a repair removes it from the index")
                    .arg(name));
    }
    for (qsizetype i = 0; i < state.packs.size(); ++i) {
        const IndexedPack &p = state.packs[i];
        const QString name = objectname::pack(hex(p.packId));
        indexed.insert(name);
        report(state, Phase::CheckingPacks, i, state.packs.size());
        const Result<qint64> size = sizes[i].result();
        if (!size) {
            if (size.error().code != ErrorCode::NotFound)
                return size.error();
            state.missingPacks.insert(p.packId);
            state.report.damaged.append(CheckFinding{
                name, QStringLiteral("pack is missing; the index names %1 chunks in it")
                          .arg(p.entries.size())});
            for (const PackEntry &e : p.entries)
                state.badChunk.insert(e.chunkId,
                                      QStringLiteral("its pack %1 is missing").arg(name));
            continue;
        }
        state.packSize.insert(p.packId, *size);
        for (const PackEntry &e : p.entries) {
            ++state.report.chunks;
            if (qint64(e.offset) < kPackPrefix || qint64(e.offset) + qint64(e.length) > *size) {
                state.report.damaged.append(CheckFinding{
                    name,
                    QStringLiteral("index entry for chunk %1 lies outside the pack (%2 bytes)")
                        .arg(hex(e.chunkId))
                        .arg(*size)});
                state.badChunk.insert(e.chunkId,
                                      QStringLiteral("its index entry lies outside %1").arg(name));
            }
        }
    }
    qsizetype orphans = 0;
    for (const QString &name : std::as_const(*listed))
        orphans += indexed.contains(name) ? 0 : 1;
    if (orphans > 0)
        state.report.notes.append(
            QStringLiteral("%1 pack(s) are in no index object: left by an interrupted backup, "
                           "unused, removed by prune")
                .arg(orphans));
    return {};
}

Status Checker::readData(State &state)
{
    QList<const IndexedPack *> selected;
    for (const IndexedPack &p : std::as_const(state.packs)) {
        if (!state.packSize.contains(p.packId))
            continue; // missing: already reported
        switch (m_options.readData) {
        case CheckOptions::ReadData::All:
            selected.append(&p);
            break;
        case CheckOptions::ReadData::Fraction:
            selected.append(&p); // narrowed below
            break;
        case CheckOptions::ReadData::Slice: {
            // The first four bytes of a pack id are uniform, so slices are even and stable:
            // running 1/n .. n/n on n days reads every pack once.
            const quint32 lead = (quint32(quint8(p.packId[0])) << 24) |
                                 (quint32(quint8(p.packId[1])) << 16) |
                                 (quint32(quint8(p.packId[2])) << 8) | quint32(quint8(p.packId[3]));
            if (int(lead % quint32(m_options.slices)) == m_options.slice - 1)
                selected.append(&p);
            break;
        }
        case CheckOptions::ReadData::None:
            break;
        }
    }
    if (m_options.readData == CheckOptions::ReadData::Fraction && !selected.isEmpty()) {
        // Exactly the share asked for, rounded up: 10 % of five packs is one pack, not a coin
        // toss for each that may read none and still say all is well.
        const qsizetype wanted =
            qBound(qsizetype(1), qsizetype(std::ceil(m_options.fraction * double(selected.size()))),
                   selected.size());
        std::shuffle(selected.begin(), selected.end(), *QRandomGenerator::global());
        selected.resize(wanted);
    }
    qint64 totalBytes = 0;
    for (const IndexedPack *p : std::as_const(selected))
        totalBytes += state.packSize.value(p->packId);

    // One pack downloading while the previous one is verified.
    QFuture<Result<QByteArray>> next;
    if (!selected.isEmpty())
        next = m_repo.backend().get(objectname::pack(hex(selected[0]->packId)));
    for (qsizetype i = 0; i < selected.size(); ++i) {
        const IndexedPack &p = *selected[i];
        const QString name = objectname::pack(hex(p.packId));
        Result<QByteArray> bytes = next.result();
        if (i + 1 < selected.size())
            next = m_repo.backend().get(objectname::pack(hex(selected[i + 1]->packId)));
        report(state, Phase::ReadingData, i, selected.size(), state.report.bytesRead, totalBytes);
        if (!proceed()) {
            next.waitForFinished();
            return makeError(ErrorCode::Cancelled,
                             QCoreApplication::translate("obnam", "check cancelled"));
        }
        const auto damage = [&](const QString &why) {
            state.report.damaged.append(CheckFinding{name, why});
            for (const PackEntry &e : p.entries)
                if (!state.badChunk.contains(e.chunkId))
                    state.badChunk.insert(e.chunkId, name + QStringLiteral(": ") + why);
        };
        if (!bytes) {
            if (bytes.error().code != ErrorCode::NotFound &&
                bytes.error().code != ErrorCode::Corrupt)
                return bytes.error();
            damage(bytes.error().message);
            continue;
        }
        ++state.report.packsRead;
        state.report.bytesRead += bytes->size();
        if (hex(crypto::sha256(*bytes)) != objectname::idOf(name)) {
            // The pack is damaged, but its chunks may still authenticate one by one: only
            // those that do not are lost, so only they mark files as affected.
            state.report.damaged.append(
                CheckFinding{name, QStringLiteral("pack content does not match its name")});
        }
        auto header =
            pack::parseHeader(m_repo.keys().dataKey, m_repo.config().repositoryId, *bytes, name);
        if (!header)
            state.report.damaged.append(CheckFinding{name, header.error().message});
        QHash<QByteArray, PackEntry> inHeader;
        if (header)
            for (const PackEntry &e : std::as_const(header->entries))
                inHeader.insert(e.chunkId, e);
        for (const PackEntry &e : p.entries) {
            if (header) {
                const auto it = inHeader.constFind(e.chunkId);
                if (it == inHeader.cend() || it->offset != e.offset || it->length != e.length) {
                    state.report.damaged.append(CheckFinding{
                        name, QStringLiteral("the index and the pack header disagree about "
                                             "chunk %1")
                                  .arg(hex(e.chunkId))});
                }
            }
            const ChunkLocation location{p.packId, p.salt, e};
            auto plain =
                m_repo.openChunk(location, bytes->mid(qsizetype(e.offset), qsizetype(e.length)));
            if (!plain) {
                state.report.damaged.append(CheckFinding{name, plain.error().message +
                                                                   QStringLiteral(" (chunk ") +
                                                                   hex(e.chunkId) + u')'});
                state.badChunk.insert(e.chunkId, plain.error().message);
            }
        }
    }
    report(state, Phase::ReadingData, selected.size(), selected.size(), state.report.bytesRead,
           totalBytes);
    return {};
}

Status Checker::checkGenerations(State &state)
{
    const QList<GenerationRecord> *generations = &state.generations;
    state.report.generations = int(generations->size());
    const ChunkIndex &index = m_repo.index();
    for (qsizetype g = 0; g < generations->size(); ++g) {
        const GenerationRecord &record = generations->at(g);
        const QString genName = objectname::generation(record.id);
        report(state, Phase::CheckingGenerations, g, generations->size());
        if (!proceed())
            return makeError(ErrorCode::Cancelled,
                             QCoreApplication::translate("obnam", "check cancelled"));
        QString dbProblem;
        for (const QByteArray &id : record.dbChunks) {
            if (state.badChunk.contains(id))
                dbProblem =
                    QStringLiteral("database chunk %1: %2").arg(hex(id), state.badChunk[id]);
            else if (!index.contains(id))
                dbProblem = QStringLiteral("database chunk %1 is not in the index").arg(hex(id));
        }
        if (!dbProblem.isEmpty()) {
            state.report.damaged.append(CheckFinding{genName, dbProblem});
            state.report.affected.append(
                AffectedFile{record.id, QByteArray(), QStringLiteral("the whole generation")});
            continue;
        }
        auto db = generationstore::open(m_repo, record, m_options.cacheDir, &control());
        if (!db) {
            if (db.error().code == ErrorCode::Transient)
                return db.error();
            state.report.damaged.append(CheckFinding{genName, db.error().message});
            state.report.affected.append(
                AffectedFile{record.id, QByteArray(), QStringLiteral("the whole generation")});
            continue;
        }
        Status walked = (*db)->forEachFile([&](const FileEntry &entry) {
            ++state.report.filesChecked;
            if (entry.kind != FileKind::Regular || entry.reason == Reason::FileError)
                return true;
            auto chunks = (*db)->chunks(entry.fileId);
            if (!chunks) {
                state.report.affected.append(
                    AffectedFile{record.id, entry.path, chunks.error().message});
                return true;
            }
            for (const QByteArray &id : std::as_const(*chunks)) {
                QString why;
                if (state.badChunk.contains(id))
                    why = QStringLiteral("chunk %1: %2").arg(hex(id), state.badChunk[id]);
                else if (!index.contains(id))
                    why = QStringLiteral("chunk %1 is not in the index").arg(hex(id));
                if (!why.isEmpty()) {
                    state.report.affected.append(AffectedFile{record.id, entry.path, why});
                    break; // one reason per file is enough to name it
                }
            }
            return true;
        });
        if (!walked) {
            state.report.damaged.append(CheckFinding{genName, walked.error().message});
            state.report.affected.append(
                AffectedFile{record.id, QByteArray(), QStringLiteral("the whole generation")});
        }
    }
    report(state, Phase::CheckingGenerations, generations->size(), generations->size());
    return {};
}

} // namespace obnam
