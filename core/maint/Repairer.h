#pragma once

#include "engine/Progress.h"
#include "support/OperationControl.h"
#include "support/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

namespace obnam {

class Repository;

struct RepairReport
{
    int packsRead = 0;
    int packsUnreadable = 0; // header does not authenticate: none of its chunks can be trusted
    qint64 chunksKept = 0;
    qint64 chunksDropped = 0;  // damaged: left out, so the next backup stores them again
    int packsDamaged = 0;      // bytes do not match the name, or some chunk failed
    qint64 chunksSalvaged = 0; // good chunks of damaged packs, copied to new packs
    int indexObjectsWritten = 0;
    int indexObjectsDeleted = 0;
    QStringList problems; // one line per damaged pack or chunk
};

// Rebuilds the index from the packs themselves: every pack is downloaded, its header
// authenticated and every chunk verified; only chunks that verify are indexed. The new index
// is written before the old index objects are removed, so a crash leaves a usable repository.
// Files that lose chunks are not filled with anything: `check` names them afterwards, and a
// restore of them fails loudly.
class Repairer : public QObject, public Controllable
{
    Q_OBJECT

public:
    explicit Repairer(Repository &repository, QObject *parent = nullptr);
    Result<RepairReport> run();

Q_SIGNALS:
    void progress(const obnam::RepairProgress &progress);

private:
    void reportProgress(Phase phase, qint64 done, qint64 total);

    Repository &m_repo;
    QElapsedTimer m_clock;
};

} // namespace obnam
