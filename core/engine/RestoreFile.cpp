#include "RestoreFile.h"

#include <QCoreApplication>

#include "crypto/Crypto.h"
#include "engine/FsMeta.h"
#include "support/Fd.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace obnam::restorefile {

namespace {

constexpr qsizetype kSparseBlock = 4096;

QString display(const QByteArray &path)
{
    return QString::fromLocal8Bit(path);
}

Error errnoError(const QString &what, const QByteArray &path, int err = errno)
{
    return makeError(err == ENOSPC || err == EDQUOT ? ErrorCode::NoSpace : ErrorCode::Io,
                     what + QStringLiteral(": ") + fsmeta::errnoText(err), display(path));
}

bool allZero(const char *p, qsizetype n)
{
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] != 0)
            return false;
    }
    return true;
}

bool writeAll(int fd, const char *data, qsizetype n, qint64 at)
{
    qsizetype done = 0;
    while (done < n) {
        const ssize_t w = ::pwrite(fd, data + done, size_t(n - done), at + done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += w;
    }
    return true;
}

// Writes data at `offset`, leaving holes where whole blocks are zero; runs of blocks with data
// go out in one write each. The file's size is set once all of it is written.
bool writeSparse(int fd, const QByteArray &data, qint64 offset)
{
    qsizetype pos = 0;
    qsizetype run = 0; // start of the pending run of blocks with data
    while (pos < data.size()) {
        const qsizetype n = qMin(kSparseBlock, data.size() - pos);
        if (n == kSparseBlock && allZero(data.constData() + pos, n)) {
            if (pos > run && !writeAll(fd, data.constData() + run, pos - run, offset + run))
                return false;
            run = pos + n;
        }
        pos += n;
    }
    return pos <= run || writeAll(fd, data.constData() + run, pos - run, offset + run);
}

} // namespace

Status applyMetadata(const FileEntry &e, int fd, bool pathOnly, bool asRoot,
                     const struct stat *current)
{
    const bool symlink = e.kind == FileKind::Symlink;
    // Owner first: chown clears file capabilities (security.capability) and set-id bits.
    const bool ownerSet = current && current->st_uid == e.uid && current->st_gid == e.gid;
    if (asRoot && !ownerSet) {
        const int rc =
            pathOnly ? ::fchownat(fd, "", e.uid, e.gid, AT_EMPTY_PATH) : ::fchown(fd, e.uid, e.gid);
        if (rc != 0)
            return errnoError(QCoreApplication::translate("obnam", "cannot set owner"), e.path);
    }
    if (!pathOnly && !e.xattrs.isEmpty()) {
        auto attrs = fsmeta::parseXattrs(e.xattrs);
        if (!attrs)
            return Error{attrs.error().code, attrs.error().message, display(e.path)};
        for (const auto &[key, value] : std::as_const(*attrs)) {
            if (::fsetxattr(fd, key.constData(), value.constData(), size_t(value.size()), 0) != 0 &&
                errno != ENOTSUP && errno != EPERM)
                return errnoError(
                    QCoreApplication::translate("obnam", "cannot set extended attribute ") +
                        QString::fromLatin1(key),
                    e.path);
        }
    }
    // An access ACL among the attributes just set rewrites the mode bits: set them again.
    const bool modeSet =
        current && e.xattrs.isEmpty() && (current->st_mode & 07777) == (e.mode & 07777);
    if (!symlink && !modeSet) {
        // Linux has no fchmod() for a descriptor opened with O_PATH; its /proc entry leads to
        // the very inode the descriptor holds, never to whatever the name means by now.
        const QByteArray self = "/proc/self/fd/" + QByteArray::number(fd);
        const int rc =
            pathOnly ? ::chmod(self.constData(), mode_t(e.mode)) : ::fchmod(fd, mode_t(e.mode));
        if (rc != 0 && pathOnly && errno == ENOENT)
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate(
                                 "obnam", "cannot set permissions safely: /proc is not mounted"),
                             display(e.path));
        if (rc != 0)
            return errnoError(QCoreApplication::translate("obnam", "cannot set permissions"),
                              e.path);
    }
    struct timespec times[2];
    times[0].tv_sec = e.atimeNs / 1000000000LL;
    times[0].tv_nsec = e.atimeNs % 1000000000LL;
    times[1].tv_sec = e.mtimeNs / 1000000000LL;
    times[1].tv_nsec = e.mtimeNs % 1000000000LL;
    for (auto &t : times) {
        if (t.tv_nsec < 0) {
            t.tv_nsec += 1000000000LL;
            t.tv_sec -= 1;
        }
    }
    const int rc = pathOnly ? ::utimensat(fd, "", times, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)
                            : ::futimens(fd, times);
    if (rc != 0)
        return errnoError(QCoreApplication::translate("obnam", "cannot set times"), e.path);
    return {};
}

namespace {

bool hasKind(mode_t mode, FileKind kind)
{
    switch (kind) {
    case FileKind::Symlink:
        return S_ISLNK(mode);
    case FileKind::Fifo:
        return S_ISFIFO(mode);
    case FileKind::Socket:
        return S_ISSOCK(mode);
    case FileKind::BlockDevice:
        return S_ISBLK(mode);
    case FileKind::CharDevice:
        return S_ISCHR(mode);
    default:
        return false;
    }
}

} // namespace

Result<Fd> openCreatedNode(const FileEntry &e, int parent, const QByteArray &name,
                           struct stat *current)
{
    Fd node(::openat(parent, name.constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
    if (node.get() < 0)
        return errnoError(QCoreApplication::translate("obnam", "cannot open restored entry"),
                          e.path);
    if (::fstat(node.get(), current) != 0)
        return errnoError(QCoreApplication::translate("obnam", "cannot open restored entry"),
                          e.path);
    // What this process just created is of the recorded kind, its own, and has one name. A
    // name swapped meanwhile for a link, another user's node or a second name of some other
    // inode fails this, and nothing is changed.
    if (!hasKind(current->st_mode, e.kind) || current->st_uid != ::geteuid() ||
        current->st_nlink != 1)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "obnam", "not restored: the entry was replaced by something else "
                                      "while it was being restored"),
                         display(e.path));
    return node;
}

namespace {

// An unnamed file can be given a name through its descriptor with CAP_DAC_READ_SEARCH (root)
// or through /proc/self/fd. Without either (an unprivileged user where /proc is not mounted)
// it could never be named, so named temporary files are used instead.
bool unnamedFilesCanBeLinked()
{
    static const bool can = ::geteuid() == 0 || ::access("/proc/self/fd", X_OK) == 0;
    return can;
}

} // namespace

StagedFile::StagedFile(const QByteArray &path, Fd parent, bool overwrite)
    : m_path(path)
    , m_parent(std::move(parent))
    , m_overwrite(overwrite)
{}

Result<std::unique_ptr<StagedFile>> StagedFile::create(const FileEntry &e, Fd parent,
                                                       bool overwrite)
{
    std::unique_ptr<StagedFile> f(new StagedFile(e.path, std::move(parent), overwrite));
    const int dir = f->m_parent.get();
    // An unnamed file needs no rename and no clean-up, and nothing of it is left after a
    // crash. Nobody can open it by name while it is written, so it may have its permission
    // bits from the start; a named temporary file is private until it is complete.
    if (!overwrite && unnamedFilesCanBeLinked()) {
        f->m_fd.reset(::openat(dir, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode_t(e.mode & 0777)));
        if (f->m_fd.get() >= 0)
            return f;
        // Not every file system has unnamed files; anything else is a real error.
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
            return errnoError(QCoreApplication::translate("obnam", "cannot create file"), e.path);
    }
    f->m_temp = ".obnam-restore-" + crypto::randomBytes(6).toHex();
    f->m_fd.reset(::openat(dir, f->m_temp.constData(),
                           O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (f->m_fd.get() < 0) {
        const int err = errno;
        f->m_temp.clear(); // not created: nothing to remove
        return errnoError(QCoreApplication::translate("obnam", "cannot create file"), e.path, err);
    }
    return f;
}

StagedFile::~StagedFile()
{
    if (!m_temp.isEmpty() && !m_placed)
        ::unlinkat(m_parent.get(), m_temp.constData(), 0);
}

Status StagedFile::writeAt(qint64 offset, const QByteArray &data)
{
    if (!writeSparse(m_fd.get(), data, offset))
        return errnoError(QCoreApplication::translate("obnam", "cannot write"), m_path);
    return {};
}

Status StagedFile::finish(const FileEntry &e, const QByteArray &name, bool asRoot)
{
    const int fd = m_fd.get();
    struct stat now
    {};
    const bool known = ::fstat(fd, &now) == 0;
    // A file whose last block is a hole is shorter than recorded until its size is set.
    if (!known || now.st_size != e.size) {
        if (::ftruncate(fd, e.size) != 0)
            return errnoError(QCoreApplication::translate("obnam", "cannot set file size"), e.path);
        now.st_size = e.size;
    }
    if (auto s = applyMetadata(e, fd, false, asRoot, known ? &now : nullptr); !s)
        return s.error();
    int rc = 0;
    if (m_temp.isEmpty()) {
        rc = ::linkat(fd, "", m_parent.get(), name.constData(), AT_EMPTY_PATH);
        if (rc != 0 && errno == ENOENT) {
            // AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; /proc names the same inode.
            const QByteArray self = "/proc/self/fd/" + QByteArray::number(fd);
            rc = ::linkat(AT_FDCWD, self.constData(), m_parent.get(), name.constData(),
                          AT_SYMLINK_FOLLOW);
        }
    } else {
        rc = ::renameat2(m_parent.get(), m_temp.constData(), m_parent.get(), name.constData(),
                         m_overwrite ? 0 : RENAME_NOREPLACE);
    }
    if (rc != 0)
        return errnoError(
            QCoreApplication::translate("obnam", "cannot move restored file into place"), e.path);
    m_placed = true;
    return {};
}

} // namespace obnam::restorefile
