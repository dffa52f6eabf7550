#pragma once

#include "gen/FileEntry.h"
#include "support/Fd.h"
#include "support/Result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>

#include <sys/stat.h>

namespace obnam::restorefile {

// Sets what lstat would show of an entry on the restored inode that `fd` holds: owner (as
// root only), extended attributes, mode and times. Every change goes through the descriptor,
// never through a name that could meanwhile lead elsewhere. `pathOnly`: fd was opened with
// O_PATH (a symbolic link, FIFO, socket or device node, which are not opened for I/O), and
// extended attributes are not set. `current`, when given, is the inode's state now: an owner
// or mode it already has is not set again (each change is a journalled inode update).
Status applyMetadata(const FileEntry &entry, int fd, bool pathOnly, bool asRoot,
                     const struct stat *current = nullptr);

// Opens parent/name, a node this restore has just created for `entry`, with O_PATH and without
// following a link, and checks that it still is that node: of the entry's kind, owned by this
// process, with a single link. `current` receives its state.
Result<Fd> openCreatedNode(const FileEntry &entry, int parent, const QByteArray &name,
                           struct stat *current);

// A regular file being restored. It is created by the thread that creates entries (creating
// inodes in one directory from several threads contends for its lock), unnamed where the file
// system allows it, else under a temporary name beside its own. Its chunks are then written
// at their offsets by any thread in any order; finish() gives it its name once all are
// written and checked. Destroyed unfinished, it leaves nothing behind.
class StagedFile
{
public:
    // Takes over `parent`, the directory that is to receive the file.
    static Result<std::unique_ptr<StagedFile>> create(const FileEntry &entry, Fd parent,
                                                      bool overwrite);
    ~StagedFile();
    StagedFile(const StagedFile &) = delete;
    StagedFile &operator=(const StagedFile &) = delete;

    // Writes one chunk's data at `offset`; whole zero blocks become holes. Safe on any thread.
    Status writeAt(qint64 offset, const QByteArray &data);
    // A write failed: later chunks need not be fetched.
    void markFailed() { m_failed.store(true, std::memory_order_relaxed); }
    bool failed() const { return m_failed.load(std::memory_order_relaxed); }
    // Once every write is done: sets the recorded size, the metadata, and the name, never
    // replacing an existing entry unless the file was created to overwrite.
    Status finish(const FileEntry &entry, const QByteArray &name, bool asRoot);

private:
    StagedFile(const QByteArray &path, Fd parent, bool overwrite);

    QByteArray m_path; // as stored, for messages
    Fd m_parent;
    Fd m_fd;
    QByteArray m_temp; // empty for an unnamed file
    bool m_overwrite = false;
    bool m_placed = false;
    std::atomic<bool> m_failed{false};
};

} // namespace obnam::restorefile
