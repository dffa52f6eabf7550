#pragma once

#include "gen/FileEntry.h"
#include "support/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>

#include <sys/stat.h>

namespace obnam::fsmeta {

// Metadata of `path` as lstat() sees it (symlinks are not followed), plus the symlink target
// and extended attributes. User and group names are looked up through `names`.
class NameCache
{
public:
    QString user(quint32 uid);
    QString group(quint32 gid);

private:
    QHash<quint32, QString> m_users;
    QHash<quint32, QString> m_groups;
};

FileEntry fromStat(const QByteArray &path, const struct stat &st, NameCache &names);
Result<FileEntry> lstatEntry(const QByteArray &path, NameCache &names);

// Reads all extended attributes of `path` without following a symlink. Attributes the file
// system does not support are simply absent.
Result<QByteArray> readXattrs(const QByteArray &path);

// xattrs column format: repeated (u32 name length, name, u32 value length, value).
QByteArray serializeXattrs(const QList<QPair<QByteArray, QByteArray>> &attrs);
Result<QList<QPair<QByteArray, QByteArray>>> parseXattrs(const QByteArray &blob);

// errno as text, for warnings that name a path.
QString errnoText(int err);

// open(2) with O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOATIME and `flags`: reading for a backup
// should not change access times. O_NOATIME is only allowed on one's own files, so on EPERM
// the open is tried again without it. Returns the descriptor, or -1 with errno set.
int openForReading(const QByteArray &path, int flags);

} // namespace obnam::fsmeta
