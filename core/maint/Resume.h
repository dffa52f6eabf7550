#pragma once

#include "repo/Lock.h"
#include "support/Result.h"

#include <QList>

namespace obnam {

class Repository;

struct ResumeReport
{
    QList<LockInfo> staleLocksRemoved; // of this host's processes that are gone
    int packsAdopted = 0;              // stored by a dead backup, now indexed
    qint64 bytesAdopted = 0;
    int packsLeft = 0;     // unindexed packs that did not verify, or hold nothing new: for prune
    bool deferred = false; // another process holds a lock: packs are left for a later backup
};

// What a backup does first, holding its shared lock `own`: it removes the locks that this
// host's dead processes left behind, and when some lock was stale (a backup died: killed,
// crashed, powered off) and no other process holds a lock, it indexes the packs that dead
// backups stored but never named in an index object, so that their chunks are not uploaded
// again. Each such pack is read and must hash to its name and carry a header that
// authenticates under the repository's key; only chunks the index does not already hold are
// taken. Failures leave the packs to `prune`, never stop the backup.
Result<ResumeReport> resumeInterrupted(Repository &repo, const LockInfo &own);

} // namespace obnam
