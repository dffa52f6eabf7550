#include "LocalBackend.h"

#include "ObjectName.h"
#include "crypto/Crypto.h"
#include "support/Fd.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace obnam {

namespace {

const QString kTempPrefix = QStringLiteral(".tmp-");

Error errnoError(int err, const QString &what, const QString &path)
{
    ErrorCode code = ErrorCode::Io;
    switch (err) {
    case ENOENT:
        code = ErrorCode::NotFound;
        break;
    case EEXIST:
        code = ErrorCode::AlreadyExists;
        break;
    case ENOSPC:
    case EDQUOT:
        return makeError(ErrorCode::NoSpace,
                         what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)),
                         path, Remedy::FreeSpace);
    case EACCES:
    case EPERM:
    case EROFS:
        code = ErrorCode::Permanent;
        break;
    case EINTR:
    case EAGAIN:
        code = ErrorCode::Transient;
        break;
    default:
        break;
    }
    return makeError(code, what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)),
                     path);
}

Status fsyncDir(const QByteArray &dir)
{
    Fd fd(::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        return errnoError(errno, QCoreApplication::translate("obnam", "cannot open directory"),
                          QString::fromLocal8Bit(dir));
    if (::fsync(fd.get()) != 0)
        return errnoError(errno, QCoreApplication::translate("obnam", "cannot sync directory"),
                          QString::fromLocal8Bit(dir));
    return {};
}

// Creates the directories of `rel` below root. A directory is durable only once its parent
// is synced, so each one this call creates has its parent fsynced.
Status makeDirs(const QString &root, const QString &rel)
{
    // The repository directory itself is made on the first write (init). It is the owner's
    // alone, whatever the umask: object names are not secret, but nobody else needs them.
    if (!QFileInfo::exists(root)) {
        const QString parent = QFileInfo(root).absolutePath();
        if (!QDir().mkpath(parent) ||
            (::mkdir(QFile::encodeName(root).constData(), 0700) != 0 && errno != EEXIST))
            return makeError(
                ErrorCode::Permanent,
                QCoreApplication::translate("obnam", "cannot create repository directory"), root);
        if (auto s = fsyncDir(QFile::encodeName(parent)); !s)
            return s;
    }
    QString path = root;
    for (const QString &part : rel.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const QString parent = path;
        path += QLatin1Char('/') + part;
        const QByteArray native = QFile::encodeName(path);
        if (::mkdir(native.constData(), 0700) == 0) {
            if (auto s = fsyncDir(QFile::encodeName(parent)); !s)
                return s;
        } else if (errno != EEXIST) {
            return errnoError(
                errno, QCoreApplication::translate("obnam", "cannot create directory"), path);
        }
    }
    return {};
}

// Moves temp to target unless target exists, atomically where the file system allows:
// link() first; renameat2(RENAME_NOREPLACE) where hard links are not supported (FAT, exFAT,
// many SMB mounts); a check-then-rename as the last resort.
int createOnly(const QByteArray &temp, const QByteArray &target)
{
    if (::link(temp.constData(), target.constData()) == 0)
        return 0;
    if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS && errno != EMLINK)
        return -1;
    if (::renameat2(AT_FDCWD, temp.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) ==
        0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    struct stat st
    {};
    if (::lstat(target.constData(), &st) == 0) {
        errno = EEXIST;
        return -1;
    }
    return ::rename(temp.constData(), target.constData());
}

// Exactly `length` bytes at `offset` of an open file, or why not.
Result<QByteArray> readExactly(int fd, qint64 offset, qint64 length, const QString &path)
{
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pread(fd, out.data() + done, size_t(length - done), offset + done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errnoError(errno, QCoreApplication::translate("obnam", "cannot read object"),
                              path);
        }
        if (n == 0)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate(
                    "obnam", "object is shorter than expected (wanted %1 bytes at offset %2)")
                    .arg(length)
                    .arg(offset),
                path);
        done += n;
    }
    return out;
}

// Reads of at least this many bytes bypass the page cache. A restore reads each chunk once:
// through the cache, every large one cost a page allocation and a copy per 4 KiB, and pushed
// the restored files' pages out (cold `medium` restore, median of 4: 4.3 s -> 3.7 s, system
// time 4.1 -> 2.8 s). Smaller chunks sit together in a pack and are better served by the
// kernel's read-ahead.
constexpr qint64 kDirectReadMin = 256 * 1024;
// Offsets, lengths and buffers of direct reads are aligned to this: it covers the logical
// block sizes of disks (512 bytes or 4 KiB).
constexpr qint64 kDirectAlign = 4096;

// `length` bytes at `offset`, read with O_DIRECT into an aligned buffer that covers them and
// then moved to its start. Empty when the caller should read through the page cache instead:
// the file system refused the alignment (`refused` is then set) or returned less than whole
// blocks before the end of the range (the end of the file, or a file system that does not
// read in blocks), which the buffered read then reports or completes.
std::optional<Result<QByteArray>> readDirect(int fd, qint64 offset, qint64 length,
                                             const QString &path, bool &refused)
{
    const qint64 start = offset & ~(kDirectAlign - 1);
    const qint64 end = (offset + length + kDirectAlign - 1) & ~(kDirectAlign - 1);
    QByteArray buffer(qsizetype(end - start + kDirectAlign), Qt::Uninitialized);
    char *aligned = reinterpret_cast<char *>((quintptr(buffer.data()) + kDirectAlign - 1) &
                                             ~quintptr(kDirectAlign - 1));
    qint64 done = 0;
    while (start + done < offset + length) {
        const ssize_t n = ::pread(fd, aligned + done, size_t(end - start - done), start + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EINVAL) {
            refused = true;
            return std::nullopt;
        }
        if (n < 0)
            return errnoError(errno, QCoreApplication::translate("obnam", "cannot read object"),
                              path);
        done += n;
        if ((n == 0 || n % kDirectAlign != 0) && start + done < offset + length)
            return std::nullopt;
    }
    std::memmove(buffer.data(), aligned + (offset - start), size_t(length));
    buffer.truncate(qsizetype(length));
    return buffer;
}

Result<QByteArray> readRange(const QString &path, qint64 offset, qint64 length, bool whole)
{
    const QByteArray native = QFile::encodeName(path);
    Fd fd(::open(native.constData(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return errnoError(errno, QCoreApplication::translate("obnam", "cannot open object"), path);
    if (whole) {
        struct stat st
        {};
        if (::fstat(fd.get(), &st) != 0)
            return errnoError(errno, QCoreApplication::translate("obnam", "cannot stat object"),
                              path);
        offset = 0;
        length = st.st_size;
    }
    return readExactly(fd.get(), offset, length, path);
}

// Moves the synced file tempNative into place as `name`: link() refuses an existing name
// atomically (create-only), rename() replaces atomically. The temporary name is gone after.
Status placeTemp(const QString &root, const QString &name, const QByteArray &tempNative,
                 PutMode mode)
{
    const QString finalPath = root + QLatin1Char('/') + name;
    const QByteArray finalNative = QFile::encodeName(finalPath);
    const int rc = mode == PutMode::CreateOnly
                       ? createOnly(tempNative, finalNative)
                       : ::rename(tempNative.constData(), finalNative.constData());
    Status status;
    if (rc != 0)
        status = errnoError(errno,
                            mode == PutMode::CreateOnly ? QStringLiteral("cannot create object")
                                                        : QStringLiteral("cannot replace object"),
                            name);
    ::unlink(tempNative.constData()); // after link(), or on failure; no-op after rename()
    if (!status)
        return status;
    return fsyncDir(QFile::encodeName(finalPath.section(QLatin1Char('/'), 0, -2)));
}

// Writes data to an unnamed file (O_TMPFILE) and gives it its name only when it is whole and
// synced: a process killed while writing leaves nothing behind, where a named temporary file
// would stay until pruned. Nothing (no value) where the file system or a missing /proc does
// not allow it; the caller then uses a named temporary file.
std::optional<Status> putUnnamed(const QString &root, const QString &name, const QString &dir,
                                 const QByteArray &tempNative, const QByteArray &data, PutMode mode)
{
    const QByteArray dirNative = QFile::encodeName(dir);
    Fd fd(::open(dirNative.constData(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600));
    if (fd.get() < 0)
        return std::nullopt; // EOPNOTSUPP, EISDIR or EINVAL: no unnamed files here
    if (!writeAll(fd.get(), data))
        return errnoError(errno, QCoreApplication::translate("obnam", "cannot write"),
                          root + QLatin1Char('/') + name);
    if (::fsync(fd.get()) != 0)
        return errnoError(errno, QCoreApplication::translate("obnam", "cannot sync"),
                          root + QLatin1Char('/') + name);
    const QByteArray self = "/proc/self/fd/" + QByteArray::number(fd.get());
    const QByteArray finalNative = QFile::encodeName(root + QLatin1Char('/') + name);
    // Create-only: link() refuses a taken name atomically. Overwrite: a temporary name for an
    // instant, then an atomic rename over the old object.
    const QByteArray &linkTo = mode == PutMode::CreateOnly ? finalNative : tempNative;
    if (::linkat(AT_FDCWD, self.constData(), AT_FDCWD, linkTo.constData(), AT_SYMLINK_FOLLOW) !=
        0) {
        if (errno == ENOENT && ::access("/proc/self/fd", X_OK) != 0)
            return std::nullopt; // no /proc: cannot be named
        return errnoError(errno,
                          mode == PutMode::CreateOnly ? QStringLiteral("cannot create object")
                                                      : QStringLiteral("cannot replace object"),
                          name);
    }
    if (mode == PutMode::Overwrite &&
        ::rename(tempNative.constData(), finalNative.constData()) != 0) {
        const int err = errno;
        ::unlink(tempNative.constData());
        return errnoError(err, QCoreApplication::translate("obnam", "cannot replace object"), name);
    }
    return fsyncDir(dirNative);
}

} // namespace

LocalBackend::LocalBackend(QString root, int ioThreads, int openPacks)
    : m_root(QDir::cleanPath(std::move(root)))
    , m_openPackLimit(qMax(0, openPacks))
{
    m_pool.setMaxThreadCount(ioThreads);
}

LocalBackend::~LocalBackend()
{
    m_pool.waitForDone();
}

QFuture<Status> LocalBackend::put(const QString &name, const QByteArray &data, PutMode mode)
{
    return QtConcurrent::run(&m_pool, [root = m_root, name, data, mode]() -> Status {
        if (auto valid = objectname::validate(name); !valid)
            return valid;
        const QString finalPath = root + QLatin1Char('/') + name;
        const QString dir = finalPath.section(QLatin1Char('/'), 0, -2);
        if (auto made = makeDirs(root, name.section(QLatin1Char('/'), 0, -2)); !made)
            return made;
        const QString tempPath = dir + QLatin1Char('/') + kTempPrefix +
                                 QString::fromLatin1(crypto::randomBytes(8).toHex());
        const QByteArray tempNative = QFile::encodeName(tempPath);
        if (auto unnamed = putUnnamed(root, name, dir, tempNative, data, mode))
            return *unnamed;
        Fd fd(::open(tempNative.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
        if (fd.get() < 0)
            return errnoError(errno,
                              QCoreApplication::translate("obnam", "cannot create temporary file"),
                              tempPath);
        Status status =
            writeAll(fd.get(), data)
                ? Status{}
                : errnoError(errno, QCoreApplication::translate("obnam", "cannot write"), tempPath);
        if (status && ::fsync(fd.get()) != 0)
            status =
                errnoError(errno, QCoreApplication::translate("obnam", "cannot sync"), tempPath);
        if (status && ::close(fd.release()) != 0)
            status =
                errnoError(errno, QCoreApplication::translate("obnam", "cannot close"), tempPath);
        if (!status) {
            ::unlink(tempNative.constData());
            return status;
        }
        return placeTemp(root, name, tempNative, mode);
    });
}

Status LocalBackend::createRoot()
{
    return makeDirs(m_root, QString());
}

Status LocalBackend::placeFile(const QString &name, const QString &tempPath, PutMode mode)
{
    if (auto valid = objectname::validate(name); !valid)
        return valid;
    if (auto made = makeDirs(m_root, name.section(QLatin1Char('/'), 0, -2)); !made)
        return made;
    return placeTemp(m_root, name, QFile::encodeName(tempPath), mode);
}

Result<qint64> LocalBackend::removeStaleTemporaries(qint64 olderThanSeconds)
{
    qint64 freed = 0;
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-olderThanSeconds);
    QDirIterator it(m_root, {kTempPrefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.lastModified().toUTC() >= before)
            continue; // perhaps another process's write in progress
        if (QFile::remove(info.filePath()))
            freed += info.size();
    }
    return freed;
}

Result<Fd> LocalBackend::openObject(const QString &name, qint64 *size)
{
    if (auto valid = objectname::validate(name); !valid)
        return valid.error();
    const QByteArray native = QFile::encodeName(m_root + QLatin1Char('/') + name);
    Fd fd(::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0)
        return errnoError(errno, QCoreApplication::translate("obnam", "cannot open object"), name);
    struct stat st
    {};
    if (::fstat(fd.get(), &st) != 0)
        return errnoError(errno, QCoreApplication::translate("obnam", "cannot stat object"), name);
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "object is not a regular file"),
                         name);
    *size = qint64(st.st_size);
    return fd;
}

QFuture<Result<QByteArray>> LocalBackend::get(const QString &name)
{
    return QtConcurrent::run(&m_pool, [root = m_root, name]() -> Result<QByteArray> {
        if (auto valid = objectname::validate(name); !valid)
            return valid.error();
        auto r = readRange(root + QLatin1Char('/') + name, 0, 0, true);
        if (!r)
            return Error{r.error().code, r.error().message, name};
        return r;
    });
}

Result<QByteArray> LocalBackend::readRangeNow(const QString &name, qint64 offset, qint64 length)
{
    if (auto valid = objectname::validate(name); !valid)
        return valid.error();
    // No object comes near 2^62 bytes: offsets beyond are nonsense from a damaged index, and
    // aligning them must not overflow.
    if (offset < 0 || length < 0 || length > (qint64(1) << 31) || offset > (qint64(1) << 62))
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "invalid range"), name);
    if (m_openPackLimit > 0 && name.startsWith(QStringLiteral("packs/"))) {
        auto pack = openPack(name);
        if (!pack)
            return pack.error();
        if (length >= kDirectReadMin && (*pack)->direct.get() >= 0 &&
            m_directWorks.load(std::memory_order_relaxed)) {
            bool refused = false;
            if (auto read = readDirect((*pack)->direct.get(), offset, length, name, refused))
                return *read;
            if (refused)
                m_directWorks.store(false, std::memory_order_relaxed);
        }
        return readExactly((*pack)->buffered.get(), offset, length, name);
    }
    auto r = readRange(m_root + QLatin1Char('/') + name, offset, length, false);
    if (!r)
        return Error{r.error().code, r.error().message, name};
    return r;
}

std::shared_ptr<LocalBackend::OpenPack> LocalBackend::findOpenPack(const QString &name)
{
    for (qsizetype i = m_openPacks.size() - 1; i >= 0; --i) {
        if (m_openPacks[i].first == name) {
            m_openPacks.move(i, m_openPacks.size() - 1);
            return m_openPacks.last().second;
        }
    }
    return {};
}

Result<std::shared_ptr<LocalBackend::OpenPack>> LocalBackend::openPack(const QString &name)
{
    {
        QMutexLocker lock(&m_packsMutex);
        if (auto fd = findOpenPack(name))
            return fd;
    }
    const QByteArray native = QFile::encodeName(m_root + QLatin1Char('/') + name);
    auto fd = std::make_shared<OpenPack>();
    fd->buffered.reset(::open(native.constData(), O_RDONLY | O_CLOEXEC));
    if (fd->buffered.get() < 0)
        return errnoError(errno, QCoreApplication::translate("obnam", "cannot open object"), name);
    // Chunks are read mostly in the order they were packed: a wider read-ahead window.
    ::posix_fadvise(fd->buffered.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    if (m_directWorks.load(std::memory_order_relaxed)) {
        fd->direct.reset(::open(native.constData(), O_RDONLY | O_CLOEXEC | O_DIRECT));
        if (fd->direct.get() < 0 && errno == EINVAL) // no direct I/O on this file system
            m_directWorks.store(false, std::memory_order_relaxed);
    }
    QMutexLocker lock(&m_packsMutex);
    // Another reader may have opened it meanwhile: keep one entry per pack.
    if (auto other = findOpenPack(name))
        return other;
    m_openPacks.append({name, fd});
    if (m_openPacks.size() > m_openPackLimit)
        m_openPacks.removeFirst(); // closed when its last reader is done with it
    return fd;
}

void LocalBackend::forgetPack(const QString &name)
{
    QMutexLocker lock(&m_packsMutex);
    m_openPacks.removeIf([&](const auto &p) { return p.first == name; });
}

QFuture<Result<QByteArray>> LocalBackend::getRange(const QString &name, qint64 offset,
                                                   qint64 length)
{
    return QtConcurrent::run(
        &m_pool, [this, name, offset, length] { return readRangeNow(name, offset, length); });
}

QFuture<Result<qint64>> LocalBackend::stat(const QString &name)
{
    return QtConcurrent::run(&m_pool, [root = m_root, name]() -> Result<qint64> {
        if (auto valid = objectname::validate(name); !valid)
            return valid.error();
        struct stat st
        {};
        const QByteArray native = QFile::encodeName(root + QLatin1Char('/') + name);
        if (::stat(native.constData(), &st) != 0)
            return errnoError(errno, QCoreApplication::translate("obnam", "cannot stat object"),
                              name);
        if (!S_ISREG(st.st_mode))
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("obnam", "object is not a regular file"),
                             name);
        return qint64(st.st_size);
    });
}

QFuture<Result<QStringList>> LocalBackend::list(const QString &prefix)
{
    return QtConcurrent::run(&m_pool, [root = m_root, prefix]() -> Result<QStringList> {
        if (auto valid = objectname::validatePrefix(prefix); !valid)
            return valid.error();
        QStringList names;
        const QString base = root + QLatin1Char('/');
        const QString start = base + prefix;
        if (!QFileInfo(start).isDir()) {
            if (!QFileInfo::exists(root))
                return makeError(
                    ErrorCode::NotFound,
                    QCoreApplication::translate("obnam", "repository directory does not exist"),
                    root);
            return names;
        }
        QDirIterator it(start, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = it.next().mid(base.size());
            // Skip temporaries of interrupted writes and anything that is not an object.
            if (objectname::validate(rel))
                names.append(rel);
        }
        names.sort();
        return names;
    });
}

QFuture<Status> LocalBackend::remove(const QString &name)
{
    return QtConcurrent::run(&m_pool, [this, root = m_root, name]() -> Status {
        if (auto valid = objectname::validate(name); !valid)
            return valid;
        const QString path = root + QLatin1Char('/') + name;
        const bool removed = ::unlink(QFile::encodeName(path).constData()) == 0;
        const int err = errno;
        // Closed after the unlink, so that no read can open it again in between: its space is
        // freed now, not when this process ends.
        forgetPack(name);
        if (!removed)
            return errnoError(err, QCoreApplication::translate("obnam", "cannot remove object"),
                              name);
        return fsyncDir(QFile::encodeName(path.section(QLatin1Char('/'), 0, -2)));
    });
}

} // namespace obnam
