#pragma once

#include "Session.h"
#include "gen/FileEntry.h"
#include "repo/GenerationRecord.h"

#include <QFuture>
#include <QList>

namespace obnam::client {

// One generation's entry for a path.
struct FileVersion
{
    GenerationRecord generation;
    FileEntry entry;
    QByteArray content; // a regular file's chunk ids, hashed: equal exactly for equal content
};

// One version that really differs from the one before it, and the generations that hold it.
struct DistinctVersion
{
    FileVersion first;     // where it first appears
    GenerationRecord last; // the last generation of the run that holds it unchanged
    int generations = 0;   // how many generations in that run
};

// A path's entries across every generation that has it, oldest first: its history. The
// generations' databases are fetched (or taken from the cache) and looked up in parallel on a
// worker pool; the answer arrives as a future. `session` must outlive it.
QFuture<Result<QList<FileVersion>>> fileHistory(Session &session, const QByteArray &path);

// A history folded into the versions that really differ: a new version starts where the kind,
// size, modification time, symlink target or content changes. A path that is absent from some
// generations and comes back unchanged is still one version.
QList<DistinctVersion> distinctVersions(const QList<FileVersion> &history);

} // namespace obnam::client
