#pragma once

// Reading rows of a generation database, shared by the files that query it. Internal to gen/.

#include "FileEntry.h"
#include "support/Result.h"

#include <QLatin1String>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace obnam::genrow {

// The files table's columns in the order entryFromRow() reads them.
inline constexpr QLatin1String kFileColumns(
    "fileid, path, kind, mode, uid, gid, user, grp, size, mtime_ns, ctime_ns, atime_ns, inode,"
    " device, nlink, rdev, target, xattrs, reason, cachedir");

// Column access for entryFromRow(): a QSqlQuery row, or an SQLite statement's current row.
struct QueryRow
{
    const QSqlQuery &q;
    qint64 integer(int i) const { return q.value(i).toLongLong(); }
    QByteArray blob(int i) const { return q.value(i).toByteArray(); }
    QString text(int i) const { return q.value(i).toString(); }
};

struct StatementRow
{
    sqlite3_stmt *s;
    qint64 integer(int i) const { return sqlite3_column_int64(s, i); }
    QByteArray blob(int i) const
    {
        const void *data = sqlite3_column_blob(s, i);
        const int size = sqlite3_column_bytes(s, i); // after the pointer, as SQLite requires
        return data ? QByteArray(static_cast<const char *>(data), size) : QByteArray();
    }
    QString text(int i) const
    {
        const unsigned char *data = sqlite3_column_text(s, i);
        const int size = sqlite3_column_bytes(s, i);
        return data ? QString::fromUtf8(reinterpret_cast<const char *>(data), size) : QString();
    }
};

// One files row in kFileColumns order. The database may come from a damaged or hostile
// repository: kind and reason are range-checked, everything else is plain data.
template <typename Row> Result<FileEntry> entryFromRow(const Row &r)
{
    FileEntry e;
    e.fileId = r.integer(0);
    e.path = r.blob(1);
    const qint64 kind = r.integer(2);
    const qint64 reason = r.integer(18);
    if (kind < 0 || kind > int(FileKind::CharDevice) || reason < 0 ||
        reason > int(Reason::FileError) || e.path.isEmpty())
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("generation database has an invalid file row"),
                         QString::fromUtf8(e.path));
    e.kind = FileKind(kind);
    e.mode = quint32(r.integer(3));
    e.uid = quint32(r.integer(4));
    e.gid = quint32(r.integer(5));
    e.user = r.text(6);
    e.group = r.text(7);
    e.size = r.integer(8);
    e.mtimeNs = r.integer(9);
    e.ctimeNs = r.integer(10);
    e.atimeNs = r.integer(11);
    e.inode = quint64(r.integer(12));
    e.device = quint64(r.integer(13));
    e.nlink = quint64(r.integer(14));
    e.rdev = quint64(r.integer(15));
    e.target = r.blob(16);
    e.xattrs = r.blob(17);
    e.reason = Reason(reason);
    e.cachedir = r.integer(19) != 0;
    return e;
}

} // namespace obnam::genrow
