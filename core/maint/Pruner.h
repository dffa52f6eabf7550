#pragma once

#include "engine/Progress.h"
#include "support/OperationControl.h"
#include "support/Result.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

namespace obnam {

class Repository;

struct PruneOptions
{
    // A pack whose unreferenced share of bytes is above this is rewritten with only its live
    // chunks; below it, the pack is kept whole (rewriting costs a download and an upload).
    double repackThreshold = 0.5;
    bool dryRun = false;
    QString cacheDir;
    int compressionLevel = 3;
};

struct PruneReport
{
    int generations = 0;
    qint64 referencedChunks = 0;
    int packs = 0;
    int packsDeleted = 0;  // nothing in them is referenced
    int packsRepacked = 0; // live chunks copied to new packs, then deleted
    int orphanPacks = 0;   // in no index object: left by an interrupted backup
    qint64 orphanBytes = 0;
    qint64 temporaryBytes = 0; // unfinished writes of killed processes, over a day old
    int indexObjectsWritten = 0;
    int indexObjectsDeleted = 0;
    qint64 bytesDeleted = 0;
    qint64 bytesWritten = 0;
    double durationSeconds = 0;
};

// Removes what no generation references. It first proves that: every generation record and
// database must read, every chunk they use must be in the index, and every pack the index
// names must exist; any doubt aborts before anything is deleted. Durable order: new packs,
// then the new index, then old index objects, then packs. A crash at any point leaves every
// kept generation whole (at worst with unindexed packs the next prune removes).
class Pruner : public QObject, public Controllable
{
    Q_OBJECT

public:
    Pruner(Repository &repository, PruneOptions options, QObject *parent = nullptr);
    Result<PruneReport> run();
    static constexpr qint64 kStaleTemporarySeconds = 24 * 3600;

Q_SIGNALS:
    void progress(const obnam::PruneProgress &progress);

private:
    Repository &m_repo;
    PruneOptions m_options;
};

} // namespace obnam
