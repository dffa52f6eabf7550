#include "RestoreEngine.h"

#include "RestoreFile.h"

#include "crypto/Crypto.h"
#include "engine/FsMeta.h"
#include "gen/ChunkCursor.h"
#include "repo/Repository.h"
#include "support/Fd.h"

#include <QDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace obnam {

namespace {

// Fetching runs this far ahead of writing (one window being fetched while the one before it
// is written): enough to keep many reads in flight on a cold cache or a server, bounded so
// that memory does not grow with the size of the generation.
constexpr qint64 kWindowBytes = 16 * 1024 * 1024;
constexpr int kWindowEntries = 512;
// Chunks of one file fetched ahead of the one being written (about 8 MiB): a large file is
// fetched as it is written instead of all at once, so memory does not grow with file size.
constexpr qsizetype kFileAheadChunks = 8;

QString display(const QByteArray &path)
{
    return QString::fromLocal8Bit(path);
}

Error errnoError(const QString &what, const QByteArray &path, int err = errno)
{
    return makeError(ErrorCode::Io, what + QStringLiteral(": ") + fsmeta::errnoText(err),
                     display(path));
}

} // namespace

namespace restorepath {
bool isFileSystemRoot(const QByteArray &stored)
{
    return !stored.isEmpty() && stored.count('/') == stored.size();
}

QByteArray relative(const QByteArray &stored)
{
    qsizetype start = 0;
    while (start < stored.size() && stored[start] == '/')
        ++start;
    const QByteArray rel = stored.mid(start);
    if (rel.isEmpty() || rel.contains('\0'))
        return {};
    for (const QByteArray &part : rel.split('/')) {
        if (part.isEmpty() || part == "." || part == "..")
            return {};
    }
    return rel;
}
} // namespace restorepath

RestoreEngine::RestoreEngine(Repository &repository, GenerationRecord generation,
                             RestoreOptions options, QObject *parent)
    : QObject(parent)
    , m_repo(repository)
    , m_generation(std::move(generation))
    , m_options(std::move(options))
{
    m_fetchPool.setMaxThreadCount(qMax(2, m_repo.backend().preferredReadsInFlight()));
}

RestoreEngine::~RestoreEngine()
{
    m_fetchPool.waitForDone();
    if (m_parentFd >= 0)
        ::close(m_parentFd);
    if (m_root >= 0)
        ::close(m_root);
}

void RestoreEngine::report(bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && now - m_lastReport < 100)
        return;
    m_lastReport = now;
    m_progress.bytes = m_bytesWritten.load(std::memory_order_relaxed);
    m_progress.elapsedSeconds = double(now) / 1000.0;
    Q_EMIT progress(m_progress);
}

bool RestoreEngine::selected(const QByteArray &path) const
{
    if (m_options.paths.isEmpty())
        return true;
    for (const QByteArray &p : m_options.paths) {
        const QByteArray base = p.size() > 1 && p.endsWith('/') ? p.chopped(1) : p;
        if (path == base ||
            (path.startsWith(base) && (base.endsWith('/') || path.at(base.size()) == '/')))
            return true;
    }
    return false;
}

Result<RestoreResult> RestoreEngine::run()
{
    m_clock.start();
    m_asRoot = ::geteuid() == 0;
    m_progress.phase = QStringLiteral("fetching");
    report(true);
    auto opened = generationstore::open(m_repo, m_generation, m_options.cacheDir);
    if (!opened)
        return opened.error();
    const GenerationDb &db = **opened;

    // Check every path before writing anything: a hostile generation is refused whole.
    Status hostile;
    qint64 matched = 0;
    auto checked = forEachEntry(db, [&](const FileEntry &e) {
        if (!selected(e.path))
            return true;
        ++matched;
        if (restorepath::isFileSystemRoot(e.path))
            return true; // a backup of "/": its entry stands for the target itself
        if (restorepath::relative(e.path).isEmpty()) {
            hostile = makeError(
                ErrorCode::Corrupt,
                QStringLiteral("generation contains a path that would escape the target directory"),
                display(e.path));
            return false;
        }
        if (e.kind == FileKind::Regular)
            m_progress.totalBytes += e.size;
        return true;
    });
    if (!checked)
        return checked.error();
    if (!hostile)
        return hostile.error();
    if (matched == 0 && !m_options.paths.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such path in the generation"),
                         display(m_options.paths.first()));
    m_progress.totalFiles = matched;

    QDir target(m_options.target);
    if (target.exists() && !m_options.overwrite &&
        !target.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
             .isEmpty())
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral(
                "restore target is not empty (use --overwrite to restore into it anyway)"),
            m_options.target);
    if (!QDir().mkpath(m_options.target))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create restore target"),
                         m_options.target);
    m_root =
        ::open(QFile::encodeName(m_options.target).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_root < 0)
        return errnoError(QStringLiteral("cannot open restore target"),
                          QFile::encodeName(m_options.target));

    m_progress.phase = QStringLiteral("restoring");
    Status failed;
    ChunkCursor chunks(db);
    auto walked = forEachEntry(db, [&](const FileEntry &e) {
        if (!selected(e.path))
            return true;
        if (restorepath::isFileSystemRoot(e.path))
            return true;
        if (e.reason == Reason::FileError) {
            ItemWarning w{
                display(e.path),
                QStringLiteral("not restored: it could not be read when it was backed up")};
            m_result.warnings.append(w);
            Q_EMIT warning(w);
            return true;
        }
        failed = plan(chunks, e);
        return bool(failed);
    });
    if (!walked)
        return walked.error();
    if (!failed)
        return failed.error();
    dispatch(m_window);
    restoreWindow(m_fetching);
    restoreWindow(m_window);

    // Directory metadata last, deepest first, so that restoring contents did not change their
    // times and read-only directories did not block their own contents. Sorted by path: walk
    // order puts a directory before its contents, but overlapping roots (or a hostile
    // generation) need not; in descending byte order every directory follows its subtree.
    std::sort(m_directories.begin(), m_directories.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    for (auto it = m_directories.crbegin(); it != m_directories.crend(); ++it) {
        QByteArray name;
        auto parent = openParent(it->second, &name);
        if (!parent) {
            m_result.errors.append({display(it->first.path), parent.error().message});
            continue;
        }
        Fd parentFd(*parent);
        Fd dir(::openat(parentFd.get(), name.constData(),
                        O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (dir.get() < 0) {
            m_result.errors.append(
                {display(it->first.path), QStringLiteral("cannot open restored directory")});
            continue;
        }
        if (auto s =
                restorefile::applyMetadata(it->first, parentFd.get(), name, dir.get(), m_asRoot);
            !s)
            m_result.errors.append({display(it->first.path), s.error().message});
    }
    m_result.files = m_progress.files;
    m_result.bytes = m_bytesWritten.load();
    m_result.durationSeconds = double(m_clock.elapsed()) / 1000.0;
    m_progress.phase = QStringLiteral("done");
    report(true);
    return m_result;
}

Result<int> RestoreEngine::openParent(const QByteArray &rel, QByteArray *name)
{
    // Entries come in walk order, so most share the previous entry's directory: reuse it
    // rather than open every component from the target down again.
    const qsizetype slash = rel.lastIndexOf('/');
    const QByteArray dir = slash < 0 ? QByteArray() : rel.first(slash);
    if (m_parentFd >= 0 && dir == m_parentRel) {
        *name = rel.sliced(slash + 1);
        const int fd = ::dup(m_parentFd);
        if (fd < 0)
            return errnoError(QStringLiteral("cannot open directory"), rel);
        return fd;
    }
    auto opened = openParentUncached(rel, name);
    if (opened) {
        if (m_parentFd >= 0)
            ::close(m_parentFd);
        m_parentFd = ::dup(*opened);
        m_parentRel = dir;
    }
    return opened;
}

Result<int> RestoreEngine::openParentUncached(const QByteArray &rel, QByteArray *name)
{
    QList<QByteArray> parts = rel.split('/');
    *name = parts.takeLast();
    int fd = ::dup(m_root);
    for (const QByteArray &part : std::as_const(parts)) {
        int next = ::openat(fd, part.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT) {
            if (::mkdirat(fd, part.constData(), 0700) != 0 && errno != EEXIST) {
                const int err = errno;
                ::close(fd);
                return errnoError(QStringLiteral("cannot create directory"), rel, err);
            }
            next = ::openat(fd, part.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        const int err = errno;
        ::close(fd);
        if (next < 0)
            return makeError(
                ErrorCode::Io,
                err == ELOOP || err == ENOTDIR
                    ? QStringLiteral("refusing to restore through a symbolic link or non-directory")
                    : QStringLiteral("cannot open directory: ") + fsmeta::errnoText(err),
                display(rel));
        fd = next;
    }
    return fd;
}

Status RestoreEngine::forEachEntry(const GenerationDb &db,
                                   const std::function<bool(const FileEntry &)> &visit)
{
    // In file id order, the order the backup walked and packed: the chunk lists come from one
    // sequential scan beside it, and the packs are read in the order they were written.
    auto stream = db.streamFiles();
    if (!stream)
        return stream.error();
    for (;;) {
        auto row = (*stream)->next();
        if (!row)
            return row.error();
        if (!*row || !visit(**row))
            return {};
    }
}

Status RestoreEngine::plan(ChunkCursor &chunks, const FileEntry &e)
{
    Planned p{e, restorepath::relative(e.path), std::nullopt, {}};
    if (e.kind == FileKind::Regular) {
        const auto linkKey = qMakePair(e.device, e.inode);
        // The second name of a hard link is a link to the first, not a second copy.
        if (e.nlink <= 1 || !m_plannedLinks.contains(linkKey)) {
            if (e.nlink > 1)
                m_plannedLinks.insert(linkKey);
            // A selective restore visits a few files: indexed queries beat scanning the
            // chunk lists of everything before them.
            p.chunkIds = m_options.paths.isEmpty() ? chunks.chunks(e.fileId)
                                                   : chunks.database().chunks(e.fileId);
            m_windowBytes += e.size;
        }
    }
    m_window.append(std::move(p));
    if (m_windowBytes < kWindowBytes && m_window.size() < kWindowEntries)
        return {};
    dispatch(m_window);
    restoreWindow(m_fetching);
    m_fetching = std::move(m_window);
    m_window.clear();
    m_windowBytes = 0;
    return {};
}

void RestoreEngine::dispatch(QList<Planned> &window)
{
    for (Planned &p : window)
        fetchAhead(p, kFileAheadChunks);
}

void RestoreEngine::fetchAhead(Planned &p, qsizetype upTo)
{
    if (!p.chunkIds || !*p.chunkIds)
        return;
    const QList<QByteArray> &ids = p.chunkIds->value();
    p.chunks.reserve(ids.size());
    for (qsizetype i = p.chunks.size(); i < qMin(upTo, ids.size()); ++i)
        p.chunks.append(
            QtConcurrent::run(&m_fetchPool, [this, id = ids[i]] { return m_repo.readChunk(id); }));
}

void RestoreEngine::restoreWindow(QList<Planned> &window)
{
    for (Planned &p : window) {
        auto s = restoreEntry(p);
        if (!s) {
            ItemWarning w{display(p.entry.path), s.error().message};
            m_result.errors.append(w);
            Q_EMIT warning(w);
        }
        p.chunks.clear(); // the data is written; let it go
        ++m_progress.files;
        report();
    }
    window.clear();
}

Status RestoreEngine::restoreEntry(Planned &planned)
{
    const FileEntry &e = planned.entry;
    const QByteArray &rel = planned.rel;
    QByteArray name;
    auto parent = openParent(rel, &name);
    if (!parent)
        return parent.error();
    Fd parentFd(*parent);
    const int p = parentFd.get();

    if (e.kind == FileKind::Directory) {
        if (::mkdirat(p, name.constData(), 0700) != 0) {
            struct stat st
            {};
            if (errno != EEXIST || ::fstatat(p, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
                !S_ISDIR(st.st_mode))
                return errnoError(QStringLiteral("cannot create directory"), e.path);
        }
        m_directories.append({e, rel});
        return {};
    }
    if (e.kind == FileKind::Regular)
        return restoreRegular(planned, parentFd.release(), name);

    if (m_options.overwrite) {
        struct stat st
        {};
        if (::fstatat(p, name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
            ::unlinkat(p, name.constData(), 0);
    }
    int rc = 0;
    switch (e.kind) {
    case FileKind::Symlink:
        rc = ::symlinkat(e.target.constData(), p, name.constData());
        break;
    case FileKind::Fifo:
        rc = ::mkfifoat(p, name.constData(), 0600);
        break;
    case FileKind::Socket:
        rc = ::mknodat(p, name.constData(), S_IFSOCK | 0600, 0);
        break;
    case FileKind::BlockDevice:
    case FileKind::CharDevice:
        rc = ::mknodat(p, name.constData(),
                       (e.kind == FileKind::BlockDevice ? S_IFBLK : S_IFCHR) | 0600, dev_t(e.rdev));
        break;
    default:
        return makeError(ErrorCode::Corrupt, QStringLiteral("unknown entry kind"), display(e.path));
    }
    if (rc != 0)
        return errnoError(QStringLiteral("cannot create ") + kindLetter(e.kind), e.path);
    return restorefile::applyMetadata(e, p, name, -1, m_asRoot);
}

Status RestoreEngine::restoreRegular(Planned &planned, int parent, const QByteArray &name)
{
    Fd parentFd(parent);
    const FileEntry &e = planned.entry;
    const auto linkKey = qMakePair(e.device, e.inode);
    if (e.nlink > 1) {
        if (const auto first = m_links.constFind(linkKey); first != m_links.cend()) {
            if (m_options.overwrite)
                ::unlinkat(parentFd.get(), name.constData(), 0);
            QByteArray firstName;
            auto firstParent = openParent(*first, &firstName);
            if (!firstParent)
                return firstParent.error();
            Fd fp(*firstParent);
            if (::linkat(fp.get(), firstName.constData(), parentFd.get(), name.constData(), 0) != 0)
                return errnoError(QStringLiteral("cannot create hard link"), e.path);
            return {};
        }
    }
    if (planned.chunkIds && !*planned.chunkIds)
        return planned.chunkIds->error();

    const qsizetype count = planned.chunkIds ? planned.chunkIds->value().size() : 0;
    const restorefile::RegularFile file{e,
                                        parentFd.get(),
                                        name,
                                        count,
                                        [this, &planned](qsizetype i) {
                                            fetchAhead(planned, i + kFileAheadChunks);
                                            Result<QByteArray> data = planned.chunks[i].result();
                                            planned.chunks[i] =
                                                ChunkFuture(); // written next: its memory can go
                                            return data;
                                        },
                                        m_options.overwrite,
                                        m_asRoot};
    // Written here, in walk order: writing files on more threads was slower, as creating
    // inodes in one directory serializes in the file system and the threads spun on its locks.
    if (auto s = restorefile::write(file, m_bytesWritten); !s)
        return s;
    if (e.nlink > 1)
        m_links.insert(linkKey, planned.rel);
    report();
    return {};
}

} // namespace obnam
