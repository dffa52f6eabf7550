#pragma once

#include "gen/FileEntry.h"
#include "support/Result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>

#include <sys/stat.h>

namespace obnam::restorefile {

// Sets what lstat would show of an entry on the restored inode: owner (as root only), extended
// attributes, mode and times. With fd >= 0 through the descriptor, else on parent/name
// without following a symbolic link. `current`, when given, is the inode's state now: an
// owner or mode it already has is not set again (each change is a journalled inode update).
Status applyMetadata(const FileEntry &entry, int parent, const QByteArray &name, int fd,
                     bool asRoot, const struct stat *current = nullptr);

struct RegularFile
{
    const FileEntry &entry;
    int parent; // directory that receives it
    QByteArray name;
    qsizetype chunkCount = 0;
    // Chunk i of the file's data, fetched and verified; called once per chunk, in order.
    std::function<Result<QByteArray>(qsizetype)> chunk;
    bool overwrite = false;
    bool asRoot = false;
};

// Writes a regular file under a temporary name in its directory (whole zero blocks become
// holes), checks that its size is the recorded one, applies its metadata and only then
// renames it into place; on any failure the temporary file is removed. Adds the bytes
// written to `progress`. Safe to run on any thread.
Status write(const RegularFile &file, std::atomic<qint64> &progress);

} // namespace obnam::restorefile
