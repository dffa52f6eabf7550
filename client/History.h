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
};

// A path's entries across every generation that has it, oldest first: its history. The
// generations' databases are fetched (or taken from the cache) and looked up in parallel on a
// worker pool; the answer arrives as a future. `session` must outlive it.
QFuture<Result<QList<FileVersion>>> fileHistory(Session &session, const QByteArray &path);

} // namespace obnam::client
