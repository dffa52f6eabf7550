#include "FsMeta.h"

#include <QCoreApplication>

#include "support/Bytes.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace obnam::fsmeta {

namespace {

FileKind kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return FileKind::Directory;
    if (S_ISLNK(mode))
        return FileKind::Symlink;
    if (S_ISSOCK(mode))
        return FileKind::Socket;
    if (S_ISFIFO(mode))
        return FileKind::Fifo;
    if (S_ISBLK(mode))
        return FileKind::BlockDevice;
    if (S_ISCHR(mode))
        return FileKind::CharDevice;
    return FileKind::Regular;
}

qint64 ns(const struct timespec &t)
{
    return qint64(t.tv_sec) * 1000000000LL + t.tv_nsec;
}

} // namespace

QString NameCache::user(quint32 uid)
{
    auto it = m_users.constFind(uid);
    if (it != m_users.cend())
        return *it;
    struct passwd pw
    {};
    struct passwd *result = nullptr;
    char buf[4096];
    QString name;
    if (getpwuid_r(uid, &pw, buf, sizeof buf, &result) == 0 && result)
        name = QString::fromLocal8Bit(result->pw_name);
    m_users.insert(uid, name);
    return name;
}

QString NameCache::group(quint32 gid)
{
    auto it = m_groups.constFind(gid);
    if (it != m_groups.cend())
        return *it;
    struct group gr
    {};
    struct group *result = nullptr;
    char buf[4096];
    QString name;
    if (getgrgid_r(gid, &gr, buf, sizeof buf, &result) == 0 && result)
        name = QString::fromLocal8Bit(result->gr_name);
    m_groups.insert(gid, name);
    return name;
}

FileEntry fromStat(const QByteArray &path, const struct stat &st, NameCache &names)
{
    FileEntry e;
    e.path = path;
    e.kind = kindOf(st.st_mode);
    e.mode = quint32(st.st_mode & 07777);
    e.uid = st.st_uid;
    e.gid = st.st_gid;
    e.user = names.user(st.st_uid);
    e.group = names.group(st.st_gid);
    e.size = e.kind == FileKind::Regular ? qint64(st.st_size) : 0;
    e.mtimeNs = ns(st.st_mtim);
    e.ctimeNs = ns(st.st_ctim);
    e.atimeNs = ns(st.st_atim);
    e.inode = st.st_ino;
    e.device = st.st_dev;
    e.nlink = st.st_nlink;
    e.rdev = (e.kind == FileKind::BlockDevice || e.kind == FileKind::CharDevice) ? st.st_rdev : 0;
    return e;
}

Result<FileEntry> lstatEntry(const QByteArray &path, NameCache &names)
{
    struct stat st
    {};
    if (::lstat(path.constData(), &st) != 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, errnoText(errno),
                         QString::fromLocal8Bit(path));
    FileEntry e = fromStat(path, st, names);
    if (e.kind == FileKind::Symlink) {
        QByteArray target(qsizetype(st.st_size > 0 ? st.st_size : 256) + 1, Qt::Uninitialized);
        const ssize_t n = ::readlink(path.constData(), target.data(), size_t(target.size()));
        if (n < 0)
            return makeError(ErrorCode::Io, errnoText(errno), QString::fromLocal8Bit(path));
        target.truncate(n);
        e.target = target;
    }
    return e;
}

Result<QByteArray> readXattrs(const QByteArray &path)
{
    ssize_t size = ::llistxattr(path.constData(), nullptr, 0);
    if (size < 0) {
        if (errno == ENOTSUP || errno == ENOSYS)
            return QByteArray();
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot list extended attributes: ") +
                             errnoText(errno),
                         QString::fromLocal8Bit(path));
    }
    if (size == 0)
        return QByteArray();
    QByteArray list(qsizetype(size), Qt::Uninitialized);
    size = ::llistxattr(path.constData(), list.data(), size_t(list.size()));
    if (size < 0)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot list extended attributes: ") +
                             errnoText(errno),
                         QString::fromLocal8Bit(path));
    list.truncate(size);
    QList<QPair<QByteArray, QByteArray>> attrs;
    for (const QByteArray &name : list.split('\0')) {
        if (name.isEmpty())
            continue;
        const ssize_t vsize = ::lgetxattr(path.constData(), name.constData(), nullptr, 0);
        if (vsize < 0)
            continue; // vanished between list and get
        QByteArray value(qsizetype(vsize), Qt::Uninitialized);
        const ssize_t got =
            ::lgetxattr(path.constData(), name.constData(), value.data(), size_t(value.size()));
        if (got < 0)
            continue;
        value.truncate(got);
        attrs.append({name, value});
    }
    return serializeXattrs(attrs);
}

QByteArray serializeXattrs(const QList<QPair<QByteArray, QByteArray>> &attrs)
{
    ByteWriter w;
    for (const auto &[name, value] : attrs) {
        w.u32(quint32(name.size()));
        w.raw(name);
        w.u32(quint32(value.size()));
        w.raw(value);
    }
    return w.take();
}

Result<QList<QPair<QByteArray, QByteArray>>> parseXattrs(const QByteArray &blob)
{
    ByteReader r(blob);
    QList<QPair<QByteArray, QByteArray>> out;
    while (r.ok() && !r.atEnd()) {
        const QByteArray name = r.raw(r.u32());
        const QByteArray value = r.raw(r.u32());
        if (r.ok())
            out.append({name, value});
    }
    if (!r.ok())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "extended attributes are malformed"));
    return out;
}

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

int openForReading(const QByteArray &path, int flags)
{
    const int base = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | flags;
    const int fd = ::open(path.constData(), base | O_NOATIME);
    if (fd >= 0 || errno != EPERM)
        return fd;
    return ::open(path.constData(), base);
}

} // namespace obnam::fsmeta
