#include "RestoreFile.h"

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
    return makeError(ErrorCode::Io, what + QStringLiteral(": ") + fsmeta::errnoText(err),
                     display(path));
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

// Writes data at the file offset, leaving holes where whole blocks are zero. Runs of blocks
// with data go out in one write each; `written` becomes the end of the last byte written.
bool writeSparse(int fd, const QByteArray &data, qint64 &offset, qint64 &written)
{
    const qint64 start = offset;
    qsizetype pos = 0;
    qsizetype run = 0; // start of the pending run of blocks with data
    while (pos < data.size()) {
        const qsizetype n = qMin(kSparseBlock, data.size() - pos);
        if (n == kSparseBlock && allZero(data.constData() + pos, n)) {
            if (pos > run && !writeAll(fd, data.constData() + run, pos - run, start + run))
                return false;
            if (pos > run)
                written = start + pos;
            run = pos + n;
        }
        pos += n;
    }
    if (pos > run && !writeAll(fd, data.constData() + run, pos - run, start + run))
        return false;
    if (pos > run)
        written = start + pos;
    offset = start + data.size();
    return true;
}

} // namespace

Status applyMetadata(const FileEntry &e, int parent, const QByteArray &name, int fd, bool asRoot,
                     const struct stat *current)
{
    const bool symlink = e.kind == FileKind::Symlink;
    // Owner first: chown clears file capabilities (security.capability) and set-id bits.
    const bool ownerSet = current && current->st_uid == e.uid && current->st_gid == e.gid;
    if (asRoot && !ownerSet) {
        const int rc =
            fd >= 0 ? ::fchown(fd, e.uid, e.gid)
                    : ::fchownat(parent, name.constData(), e.uid, e.gid, AT_SYMLINK_NOFOLLOW);
        if (rc != 0)
            return errnoError(QStringLiteral("cannot set owner"), e.path);
    }
    if (fd >= 0 && !e.xattrs.isEmpty()) {
        auto attrs = fsmeta::parseXattrs(e.xattrs);
        if (!attrs)
            return Error{attrs.error().code, attrs.error().message, display(e.path)};
        for (const auto &[key, value] : std::as_const(*attrs)) {
            if (::fsetxattr(fd, key.constData(), value.constData(), size_t(value.size()), 0) != 0 &&
                errno != ENOTSUP && errno != EPERM)
                return errnoError(QStringLiteral("cannot set extended attribute ") +
                                      QString::fromLatin1(key),
                                  e.path);
        }
    }
    // An access ACL among the attributes just set rewrites the mode bits: set them again.
    const bool modeSet =
        current && e.xattrs.isEmpty() && (current->st_mode & 07777) == (e.mode & 07777);
    if (!symlink && !modeSet) {
        const int rc = fd >= 0 ? ::fchmod(fd, mode_t(e.mode))
                               : ::fchmodat(parent, name.constData(), mode_t(e.mode), 0);
        if (rc != 0)
            return errnoError(QStringLiteral("cannot set permissions"), e.path);
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
    const int rc = fd >= 0 ? ::futimens(fd, times)
                           : ::utimensat(parent, name.constData(), times, AT_SYMLINK_NOFOLLOW);
    if (rc != 0)
        return errnoError(QStringLiteral("cannot set times"), e.path);
    return {};
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

// Where the data goes before it is given its name: an unnamed file in the target directory
// (O_TMPFILE) when the name is new, else a temporary name beside it. An unnamed file needs no
// rename and no clean-up; nothing of it is left after a crash.
class Staging
{
public:
    // `mode`: permission bits an unnamed file may have from the start (nobody can open it by
    // name while it is written); a named temporary file is private until it is complete.
    Staging(int parent, bool overwrite, mode_t mode)
        : m_parent(parent)
    {
        if (!overwrite && unnamedFilesCanBeLinked()) {
            m_fd.reset(::openat(parent, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode));
            if (m_fd.get() >= 0)
                return;
            // Not every file system has unnamed files; anything else is a real error.
            if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
                return;
        }
        m_temp = ".obnam-restore-" + crypto::randomBytes(6).toHex();
        m_fd.reset(::openat(parent, m_temp.constData(),
                            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    }
    ~Staging()
    {
        if (!m_temp.isEmpty() && !m_placed)
            ::unlinkat(m_parent, m_temp.constData(), 0);
    }
    Staging(const Staging &) = delete;
    Staging &operator=(const Staging &) = delete;

    int fd() const { return m_fd.get(); }
    // The name applyMetadata() may use for calls without a descriptor: none are made for a
    // regular file, but the temporary name is the right one if they were.
    const QByteArray &tempName() const { return m_temp; }

    // Gives the file its name; never replaces an existing entry unless `overwrite`.
    bool place(const QByteArray &name, bool overwrite)
    {
        int rc = 0;
        if (m_temp.isEmpty()) {
            rc = ::linkat(m_fd.get(), "", m_parent, name.constData(), AT_EMPTY_PATH);
            if (rc != 0 && errno == ENOENT) {
                // AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; /proc names the same inode.
                const QByteArray self = "/proc/self/fd/" + QByteArray::number(m_fd.get());
                rc = ::linkat(AT_FDCWD, self.constData(), m_parent, name.constData(),
                              AT_SYMLINK_FOLLOW);
            }
        } else {
            rc = ::renameat2(m_parent, m_temp.constData(), m_parent, name.constData(),
                             overwrite ? 0 : RENAME_NOREPLACE);
        }
        m_placed = rc == 0;
        return m_placed;
    }

private:
    int m_parent;
    Fd m_fd;
    QByteArray m_temp;
    bool m_placed = false;
};

} // namespace

Status write(const RegularFile &file, std::atomic<qint64> &progress)
{
    const FileEntry &e = file.entry;
    Staging staged(file.parent, file.overwrite, mode_t(e.mode & 0777));
    if (staged.fd() < 0)
        return errnoError(QStringLiteral("cannot create file"), e.path);
    const int fd = staged.fd();
    qint64 offset = 0;
    qint64 written = 0; // the file's size so far: holes at its end do not count
    for (qsizetype i = 0; i < file.chunkCount; ++i) {
        const Result<QByteArray> data = file.chunk(i);
        if (!data)
            return Error{data.error().code,
                         data.error().message + QStringLiteral(" in ") + data.error().path,
                         display(e.path)};
        if (!writeSparse(fd, *data, offset, written))
            return errnoError(QStringLiteral("cannot write"), e.path);
        progress.fetch_add(data->size(), std::memory_order_relaxed);
    }
    if (offset != e.size)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("restored %1 bytes but the generation records %2")
                             .arg(offset)
                             .arg(e.size),
                         display(e.path));
    // Only a file that ends in a hole needs its size set.
    if (written != offset && ::ftruncate(fd, offset) != 0)
        return errnoError(QStringLiteral("cannot set file size"), e.path);
    struct stat now
    {};
    const bool known = ::fstat(fd, &now) == 0;
    if (auto s = applyMetadata(e, file.parent, staged.tempName(), fd, file.asRoot,
                               known ? &now : nullptr);
        !s)
        return s.error();
    if (!staged.place(file.name, file.overwrite))
        return errnoError(QStringLiteral("cannot move restored file into place"), e.path);
    return {};
}

} // namespace obnam::restorefile
