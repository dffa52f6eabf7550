#pragma once

#include <QByteArray>
#include <QString>

#include <limits>

namespace obnam {

enum class FileKind : int
{
    Regular = 0,
    Directory = 1,
    Symlink = 2,
    Socket = 3,
    Fifo = 4,
    BlockDevice = 5,
    CharDevice = 6,
};

// Why an entry is in a generation; Obnam's vocabulary.
enum class Reason : int
{
    New = 0,
    Changed = 1,
    Unchanged = 2,
    FileError = 3, // could not be read: recorded so that it is never restored as empty
};

QString reasonName(Reason reason);
// ls-style one-letter kind: '-' regular, 'd', 'l', 's', 'p', 'b', 'c'.
QChar kindLetter(FileKind kind);

// Stored as an entry's ctime when part of its metadata (its extended attributes) could not be
// read: no later backup mistakes the entry for unchanged. ctime is never restored.
inline constexpr qint64 kCtimeUnknown = std::numeric_limits<qint64>::min();

// One row of a generation's files table: everything needed to restore the entry exactly.
struct FileEntry
{
    qint64 fileId = 0;
    QByteArray path; // raw bytes as the file system gave them; not necessarily UTF-8
    FileKind kind = FileKind::Regular;
    quint32 mode = 0; // permission bits and set-id/sticky bits
    quint32 uid = 0;
    quint32 gid = 0;
    QString user;
    QString group;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    qint64 ctimeNs = 0;
    qint64 atimeNs = 0;
    quint64 inode = 0;
    quint64 device = 0;
    quint64 nlink = 0;
    quint64 rdev = 0;  // device number for block and character devices
    QByteArray target; // symlink target, raw bytes
    QByteArray xattrs; // serialized by xattr::serialize
    Reason reason = Reason::New;
    bool cachedir = false; // directory holds a CACHEDIR.TAG and its contents were skipped
    // Not in the generation itself: a folder above a backed-up root ("/home" above
    // "/home/u/Documents"), which GenerationDb::children() lists so that a tree can be walked
    // from the top. Only its path and kind mean anything.
    bool onTheWay = false;
};

} // namespace obnam
