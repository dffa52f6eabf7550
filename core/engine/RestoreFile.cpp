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

Status applyMetadata(const FileEntry &e, int parent, const QByteArray &name, int fd, bool asRoot)
{
    const bool symlink = e.kind == FileKind::Symlink;
    // Owner first: chown clears file capabilities (security.capability) and set-id bits.
    if (asRoot) {
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
    if (!symlink) {
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

Status write(const RegularFile &file, std::atomic<qint64> &progress)
{
    const FileEntry &e = file.entry;
    const QByteArray temp = ".obnam-restore-" + crypto::randomBytes(6).toHex();
    Fd fd(::openat(file.parent, temp.constData(),
                   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (fd.get() < 0)
        return errnoError(QStringLiteral("cannot create file"), e.path);
    const auto discard = [&](Error error) {
        ::unlinkat(file.parent, temp.constData(), 0);
        return error;
    };
    qint64 offset = 0;
    qint64 written = 0; // the file's size so far: holes at its end do not count
    for (qsizetype i = 0; i < file.chunkCount; ++i) {
        const Result<QByteArray> data = file.chunk(i);
        if (!data)
            return discard(Error{data.error().code,
                                 data.error().message + QStringLiteral(" in ") + data.error().path,
                                 display(e.path)});
        if (!writeSparse(fd.get(), *data, offset, written))
            return discard(errnoError(QStringLiteral("cannot write"), e.path));
        progress.fetch_add(data->size(), std::memory_order_relaxed);
    }
    if (offset != e.size)
        return discard(makeError(ErrorCode::Corrupt,
                                 QStringLiteral("restored %1 bytes but the generation records %2")
                                     .arg(offset)
                                     .arg(e.size),
                                 display(e.path)));
    // Only a file that ends in a hole needs its size set.
    if (written != offset && ::ftruncate(fd.get(), offset) != 0)
        return discard(errnoError(QStringLiteral("cannot set file size"), e.path));
    if (auto s = applyMetadata(e, file.parent, temp, fd.get(), file.asRoot); !s)
        return discard(s.error());
    const unsigned flags = file.overwrite ? 0 : RENAME_NOREPLACE;
    if (::renameat2(file.parent, temp.constData(), file.parent, file.name.constData(), flags) != 0)
        return discard(errnoError(QStringLiteral("cannot move restored file into place"), e.path));
    return {};
}

} // namespace obnam::restorefile
