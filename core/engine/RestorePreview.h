#pragma once

#include "RestoreEngine.h"

namespace obnam {

class OperationControl;

// What a restore would do, worked out without writing anything: which entries it would create,
// which would land where something already is (to be overwritten, skipped or kept beside it,
// as RestoreOptions::existing says), which it never restores, and whether the bytes fit.
struct RestorePreview
{
    QList<QByteArray> create;   // stored paths whose place under the target is free
    QList<QByteArray> existing; // stored paths of files, links and nodes whose place is taken
    QList<ItemWarning> skipped; // never restored: unreadable when they were backed up
    qint64 createBytes = 0;     // file data of `create` (a hard link's data counted once)
    qint64 existingBytes = 0;   // file data of `existing`
    qint64 freeBytes = -1;      // available on the target's file system; -1 when unknown
    QString volume;             // where that file system is mounted
    bool targetNotEmpty = false;

    // The file data the restore writes: a file that replaces another is written whole before
    // the old one goes, so overwriting needs its full size.
    qint64 bytesNeeded(RestoreOptions::Existing how) const
    {
        return createBytes + (how == RestoreOptions::Existing::Skip ? 0 : existingBytes);
    }
    bool fits(RestoreOptions::Existing how) const
    {
        return freeBytes < 0 || bytesNeeded(how) <= freeBytes;
    }
};

// Walks the generation's selected entries (options.paths) and looks at their places under
// options.target. Fetches the generation's database if need be.
Result<RestorePreview> previewRestore(Repository &repository, const GenerationRecord &generation,
                                      const RestoreOptions &options,
                                      OperationControl *control = nullptr);

} // namespace obnam
