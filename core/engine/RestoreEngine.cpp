#include "RestoreEngine.h"

#include "ReadRuns.h"
#include "RestoreFile.h"

#include "crypto/Crypto.h"
#include "engine/FsMeta.h"
#include "gen/ChunkCursor.h"
#include "repo/Repository.h"
#include "support/Fd.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace obnam {

namespace {

// Data runs this far ahead of naming (one window's files being fetched and written while the
// ones before it are given their metadata and names): enough to keep many reads in flight on
// a cold cache or a server. Memory does not grow with it: a read task holds its run of a pack
// (readruns::Limits::maxLength, or one longer chunk) only while it runs, so at most one run
// per fetching thread is in memory.
constexpr qint64 kWindowBytes = 16 * 1024 * 1024;
constexpr qsizetype kWindowEntries = 512;
// Descriptors kept for everything else the process has open.
constexpr rlim_t kSpareDescriptors = 256;

// A staged file holds two descriptors (itself and its directory) until it is named, and two
// windows of files are staged at a time. Raises the soft limit as far as that needs and the
// hard limit allows (for the rest of the process: the raised limit only lets it open more),
// and returns how many entries a window may then have. The spare descriptors cover the
// packs the local backend keeps open (two each), the database and the process's own.
qsizetype windowEntriesForDescriptors()
{
    struct rlimit lim
    {};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return 64;
    const rlim_t wanted = kSpareDescriptors + 4 * rlim_t(kWindowEntries);
    if (lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur < wanted) {
        struct rlimit raised = lim;
        raised.rlim_cur = lim.rlim_max == RLIM_INFINITY ? wanted : qMin(wanted, lim.rlim_max);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            lim = raised;
    }
    if (lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur >= wanted)
        return kWindowEntries;
    // Under a very low limit, keep half of it spare and restore a few files at a time.
    const rlim_t spare = qMin(kSpareDescriptors, lim.rlim_cur / 2);
    return qBound(qsizetype(4), qsizetype((lim.rlim_cur - spare) / 4), kWindowEntries);
}

QString display(const QByteArray &path)
{
    return QString::fromLocal8Bit(path);
}

Error errnoError(const QString &what, const QByteArray &path, int err = errno)
{
    return makeError(err == ENOSPC || err == EDQUOT ? ErrorCode::NoSpace : ErrorCode::Io,
                     what + QStringLiteral(": ") + fsmeta::errnoText(err), display(path));
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
bool selected(const QList<QByteArray> &selection, const QByteArray &path)
{
    if (selection.isEmpty())
        return true;
    for (const QByteArray &p : selection) {
        const QByteArray base = p.size() > 1 && p.endsWith('/') ? p.chopped(1) : p;
        if (path == base ||
            (path.startsWith(base) && (base.endsWith('/') || path.at(base.size()) == '/')))
            return true;
    }
    return false;
}

bool aboveSelected(const QList<QByteArray> &selection, const QByteArray &path)
{
    for (const QByteArray &p : selection) {
        if (p.size() > path.size() && p.startsWith(path) &&
            (path.endsWith('/') || p.at(path.size()) == '/'))
            return true;
    }
    return false;
}

QByteArray besideName(const QByteArray &rel, const std::function<bool(const QByteArray &)> &isTaken)
{
    const qsizetype slash = rel.lastIndexOf('/');
    const QByteArray dir = rel.first(slash + 1);
    const QByteArray name = rel.sliced(slash + 1);
    // The suffix stays last, so the copy still opens with the same application; a leading
    // dot (".bashrc") is no suffix.
    qsizetype dot = name.lastIndexOf('.');
    if (dot <= 0)
        dot = name.size();
    const QByteArray stem = name.first(dot);
    const QByteArray suffix = name.sliced(dot);
    for (int n = 1;; ++n) {
        const QByteArray mark =
            n == 1 ? QByteArray(" (restored)") : " (restored " + QByteArray::number(n) + ")";
        const QByteArray candidate = dir + stem + mark + suffix;
        if (!isTaken(candidate))
            return candidate;
    }
}

} // namespace restorepath

RestoreEngine::RestoreEngine(Repository &repository, GenerationRecord generation,
                             RestoreOptions options, QObject *parent)
    : QObject(parent)
    , m_repo(repository)
    , m_generation(std::move(generation))
    , m_options(std::move(options))
{
    // Chunk tasks read, verify and write; one more of them than the backend's reads in flight,
    // so that the cores stay busy while a read waits for the disk (the thread naming files
    // mostly waits for their data). For a local repository, one per core and one more: on two
    // cores three were faster than two, four or six (measured on `medium`).
    m_fetchPool.setMaxThreadCount(qMax(2, m_repo.backend().preferredReadsInFlight()) + 1);
    m_windowEntries = windowEntriesForDescriptors();
}

RestoreEngine::~RestoreEngine()
{
    // After an early return the chunk tasks of up to two windows may still be queued: they
    // end at once instead of filling files that will never be named.
    m_cancelled.store(true, std::memory_order_relaxed);
    m_fetchPool.waitForDone();
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
    m_rate.add(m_progress.elapsedSeconds, m_progress.bytes);
    m_progress.bytesPerSecond = m_rate.rate();
    m_progress.etaSeconds = m_rate.eta(m_progress.bytesTotal);
    Q_EMIT progress(m_progress);
}

bool RestoreEngine::selected(const QByteArray &path) const
{
    return restorepath::selected(m_options.paths, path);
}

bool RestoreEngine::aboveSelected(const QByteArray &path) const
{
    return restorepath::aboveSelected(m_options.paths, path);
}

bool RestoreEngine::taken(const QByteArray &rel) const
{
    struct stat st
    {};
    return ::fstatat(m_root, rel.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

void RestoreEngine::stop(Error why)
{
    if (stopped())
        return;
    m_result.stoppedBy = std::move(why);
    // Queued chunk work ends at once: its files will not be named.
    m_cancelled.store(true, std::memory_order_relaxed);
}

Result<RestoreResult> RestoreEngine::run()
{
    m_clock.start();
    m_asRoot = ::geteuid() == 0;
    m_progress.phase = Phase::Fetching;
    report(true);
    auto opened = generationstore::open(m_repo, m_generation, m_options.cacheDir, &control());
    if (!opened)
        return opened.error();
    const GenerationDb &db = **opened;

    // Check every path before writing anything: a hostile generation is refused whole.
    Status hostile;
    qint64 matched = 0;
    qint64 matchedSelected = 0;
    auto checked = forEachEntry(db, [&](const FileEntry &e) {
        const bool chosen = selected(e.path);
        if (!chosen && !(e.kind == FileKind::Directory && aboveSelected(e.path)))
            return true;
        ++matched;
        matchedSelected += chosen ? 1 : 0;
        if (restorepath::isFileSystemRoot(e.path))
            return true; // a backup of "/": its entry stands for the target itself
        if (restorepath::relative(e.path).isEmpty()) {
            hostile = makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate(
                    "obnam", "generation contains a path that would escape the target directory"),
                display(e.path));
            return false;
        }
        if (e.kind == FileKind::Regular)
            m_progress.bytesTotal += e.size;
        return true;
    });
    if (!checked)
        return checked.error();
    if (!hostile)
        return hostile.error();
    if (matchedSelected == 0 && !m_options.paths.isEmpty())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "no such path in the generation"),
                         display(m_options.paths.first()));
    m_progress.filesTotal = matched;
    m_progress.bytesTotalFinal = true;

    QDir target(m_options.target);
    if (target.exists() && m_options.existing == RestoreOptions::Existing::Refuse &&
        !target.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
             .isEmpty())
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate(
                "obnam", "restore target is not empty (use --overwrite to restore into it anyway)"),
            m_options.target);
    if (!QDir().mkpath(m_options.target))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot create restore target"),
                         m_options.target);
    m_root =
        ::open(QFile::encodeName(m_options.target).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_root < 0)
        return errnoError(QCoreApplication::translate("obnam", "cannot open restore target"),
                          QFile::encodeName(m_options.target));

    m_progress.phase = Phase::Restoring;
    Status failed;
    ChunkCursor chunks(db);
    auto walked = forEachEntry(db, [&](const FileEntry &e) {
        if (!proceed())
            stop(makeError(ErrorCode::Cancelled,
                           QCoreApplication::translate("obnam", "restore interrupted")));
        if (stopped())
            return false;
        if (!selected(e.path) && !(e.kind == FileKind::Directory && aboveSelected(e.path)))
            return true;
        if (restorepath::isFileSystemRoot(e.path))
            return true;
        if (e.reason == Reason::FileError) {
            // A directory that could not be read is restored as it was recorded, empty; a
            // file whose data was never read is not restored at all.
            const bool directory = e.kind == FileKind::Directory;
            ItemWarning w{display(e.path),
                          directory ? QStringLiteral("restored empty: its contents could not be "
                                                     "read when it was backed up")
                                    : QStringLiteral("not restored: it could not be read when "
                                                     "it was backed up")};
            m_result.warnings.append(w);
            Q_EMIT warning(w);
            if (!directory)
                return true;
        }
        failed = plan(chunks, e);
        return bool(failed);
    });
    if (!walked)
        return walked.error();
    if (!failed)
        return failed.error();
    // Entries collected after a stop were never created: they are dropped, not named.
    const bool dispatched = !stopped();
    if (dispatched)
        dispatch(m_window);
    restoreWindow(m_fetching);
    if (dispatched)
        restoreWindow(m_window);
    m_window.clear();

    // Directory metadata last, deepest first, so that restoring contents did not change their
    // times and read-only directories did not block their own contents. Sorted by path: walk
    // order puts a directory before its contents, but overlapping roots (or a hostile
    // generation) need not; in descending byte order every directory follows its subtree.
    std::sort(m_directories.begin(), m_directories.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    for (auto it = m_directories.crbegin(); it != m_directories.crend(); ++it) {
        QByteArray name;
        auto parent = openParent(it->second, &name, m_namingParent);
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
        if (auto s = restorefile::applyMetadata(it->first, dir.get(), false, m_asRoot); !s)
            m_result.errors.append({display(it->first.path), s.error().message});
    }
    m_result.files = m_restored;
    m_result.bytes = m_bytesWritten.load();
    m_result.durationSeconds = double(m_clock.elapsed()) / 1000.0;
    m_progress.phase = Phase::Done;
    report(true);
    return m_result;
}

Result<int> RestoreEngine::openParent(const QByteArray &rel, QByteArray *name, ParentCache &cache)
{
    // Entries come in walk order, so most share the previous entry's directory: reuse it
    // rather than open every component from the target down again.
    const qsizetype slash = rel.lastIndexOf('/');
    const QByteArray dir = slash < 0 ? QByteArray() : rel.first(slash);
    if (cache.fd.get() >= 0 && dir == cache.rel) {
        *name = rel.sliced(slash + 1);
        const int fd = ::dup(cache.fd.get());
        if (fd < 0)
            return errnoError(QCoreApplication::translate("obnam", "cannot open directory"), rel);
        return fd;
    }
    auto opened = openParentUncached(rel, name);
    if (opened) {
        cache.fd.reset(::dup(*opened));
        cache.rel = dir;
    }
    return opened;
}

Result<int> RestoreEngine::openParentUncached(const QByteArray &rel, QByteArray *name)
{
    QList<QByteArray> parts = rel.split('/');
    *name = parts.takeLast();
    int fd = ::dup(m_root);
    if (fd < 0)
        return errnoError(QCoreApplication::translate("obnam", "cannot open restore target"), rel);
    for (const QByteArray &part : std::as_const(parts)) {
        int next = ::openat(fd, part.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT) {
            if (::mkdirat(fd, part.constData(), 0700) != 0 && errno != EEXIST) {
                const int err = errno;
                ::close(fd);
                return errnoError(QCoreApplication::translate("obnam", "cannot create directory"),
                                  rel, err);
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
    Planned p{e, restorepath::relative(e.path), std::nullopt, {}, {}, {}};
    if (e.kind != FileKind::Directory &&
        (m_options.existing == RestoreOptions::Existing::Skip ||
         m_options.existing == RestoreOptions::Existing::KeepBoth)) {
        if (taken(p.rel)) {
            if (m_options.existing == RestoreOptions::Existing::Skip) {
                m_result.skipped.append(e.path);
                return {};
            }
            // Nor a name this restore gives another entry.
            p.rel = restorepath::besideName(p.rel, [this](const QByteArray &r) {
                return taken(r) || m_plannedNames.contains(r);
            });
            m_result.besides.append({e.path, p.rel});
        }
        if (m_options.existing == RestoreOptions::Existing::KeepBoth)
            m_plannedNames.insert(p.rel);
    }
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
    if (m_windowBytes < kWindowBytes && m_window.size() < m_windowEntries)
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
    QList<Piece> pieces;
    for (qsizetype i = 0; i < window.size(); ++i)
        window[i].staged = createEntry(window[i], i, pieces);

    QList<ChunkLocation> locations;
    locations.reserve(pieces.size());
    for (const Piece &piece : std::as_const(pieces))
        locations.append(piece.location);
    for (const readruns::Run &run : readruns::coalesce(locations)) {
        QList<Piece> mine;
        mine.reserve(run.pieces.size());
        for (const qsizetype i : run.pieces)
            mine.append(pieces[i]);
        const QFuture<QList<Status>> read = QtConcurrent::run(
            &m_fetchPool, [this, packId = run.packId, offset = run.offset, length = run.length,
                           mine]() { return readRun(packId, offset, length, mine); });
        for (qsizetype k = 0; k < mine.size(); ++k)
            window[mine[k].planned].chunks.append(qMakePair(read, k));
    }
}

Status RestoreEngine::stage(Planned &p, qsizetype index, QList<Piece> &pieces)
{
    if (!*p.chunkIds)
        return p.chunkIds->error();
    const QList<QByteArray> ids = std::move(p.chunkIds->value());
    // Every chunk's place in the file, from the lengths the index records. Each chunk is
    // checked to have exactly its recorded length when it is read, so no write lands
    // anywhere but where the generation says. The tasks read from these locations rather
    // than look each chunk up again.
    QList<ChunkLocation> locations;
    QList<qint64> offsets;
    locations.reserve(ids.size());
    offsets.reserve(ids.size());
    qint64 size = 0;
    for (const QByteArray &id : ids) {
        auto location = m_repo.index().find(id);
        if (!location)
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("obnam", "chunk %1 is not in the repository's index")
                    .arg(QString::fromLatin1(id.toHex())),
                display(p.entry.path));
        offsets.append(size);
        size += location->entry.plainLength;
        locations.append(std::move(*location));
    }
    if (size != p.entry.size)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "obnam", "its chunks hold %1 bytes but the generation records %2")
                             .arg(size)
                             .arg(p.entry.size),
                         display(p.entry.path));
    QByteArray name;
    auto parent = openParent(p.rel, &name, m_stagingParent);
    if (!parent)
        return parent.error();
    auto created = restorefile::StagedFile::create(p.entry, Fd(*parent), overwriting());
    if (!created)
        return created.error();
    p.file = std::move(*created);
    for (qsizetype i = 0; i < locations.size(); ++i)
        pieces.append(Piece{std::move(locations[i]), offsets[i], index, p.file, p.entry.path});
    return {};
}

QList<Status> RestoreEngine::readRun(const QByteArray &packId, quint64 offset, quint64 length,
                                     const QList<Piece> &pieces)
{
    QList<Status> outcome(pieces.size());
    // A piece that fails fails its file; later pieces of that file are then skipped.
    const auto fail = [&](qsizetype k, Error why) {
        pieces[k].file->markFailed();
        why.path = display(pieces[k].path);
        outcome[k] = std::move(why);
    };
    const auto stopped = [] {
        return makeError(ErrorCode::Cancelled,
                         QCoreApplication::translate("obnam", "restore stopped"));
    };
    const auto readError = [](const Error &e) {
        return Error{e.code, e.message + QStringLiteral(" in ") + e.path, {}};
    };
    if (m_cancelled.load(std::memory_order_relaxed) || !proceed()) {
        for (qsizetype k = 0; k < pieces.size(); ++k)
            fail(k, stopped());
        return outcome;
    }
    // Files that have already failed need nothing more (their failing chunk reported it).
    if (std::all_of(pieces.cbegin(), pieces.cend(),
                    [](const Piece &piece) { return piece.file->failed(); }))
        return outcome;
    const Result<QByteArray> blob = m_repo.readPackRange(packId, offset, length);
    // A run that cannot be read whole because the pack is cut short is read a chunk at a time,
    // so that only the chunks past its end fail their files. A missing pack or an unreachable
    // store would fail each of those reads the same way: then the run fails as one.
    const bool onePieceAtATime =
        !blob && pieces.size() > 1 && blob.error().code == ErrorCode::Corrupt;
    if (!blob && !onePieceAtATime) {
        for (qsizetype k = 0; k < pieces.size(); ++k)
            fail(k, readError(blob.error()));
        return outcome;
    }
    for (qsizetype k = 0; k < pieces.size(); ++k) {
        const Piece &piece = pieces[k];
        if (m_cancelled.load(std::memory_order_relaxed)) {
            fail(k, stopped());
            continue;
        }
        if (piece.file->failed())
            continue;
        const PackEntry &entry = piece.location.entry;
        QByteArray sealed;
        if (onePieceAtATime) {
            auto own = m_repo.readPackRange(packId, entry.offset, entry.length);
            if (!own) {
                fail(k, readError(own.error()));
                continue;
            }
            sealed = std::move(*own);
        } else if (entry.offset < offset || entry.offset - offset > quint64(blob->size()) ||
                   quint64(blob->size()) - (entry.offset - offset) < entry.length) {
            // Each piece lies inside its run by construction; checked, so that no index,
            // however damaged, can make a slice reach outside what was read.
            fail(k, makeError(ErrorCode::Corrupt,
                              QCoreApplication::translate(
                                  "obnam", "chunk %1 lies outside what was read of its pack")
                                  .arg(QString::fromLatin1(entry.chunkId.toHex()))));
            continue;
        } else {
            sealed = blob->sliced(qsizetype(entry.offset - offset), entry.length);
        }
        const Result<QByteArray> data = m_repo.openChunk(piece.location, std::move(sealed));
        if (!data) {
            fail(k, readError(data.error()));
            continue;
        }
        // openChunk() checks the length too; checked here, no write can reach past the place
        // this chunk was given, whatever the repository does.
        if (data->size() != qsizetype(entry.plainLength)) {
            fail(k, makeError(ErrorCode::Corrupt,
                              QCoreApplication::translate(
                                  "obnam", "chunk %1 is not as long as the index says")
                                  .arg(QString::fromLatin1(entry.chunkId.toHex()))));
            continue;
        }
        if (auto s = piece.file->writeAt(piece.at, *data); !s) {
            // The write's own path (the file being written) stays in its error.
            piece.file->markFailed();
            outcome[k] = std::move(s);
            continue;
        }
        m_bytesWritten.fetch_add(data->size(), std::memory_order_relaxed);
    }
    return outcome;
}

void RestoreEngine::restoreWindow(QList<Planned> &window)
{
    for (Planned &p : window) {
        Status s = p.staged;
        if (s && p.entry.kind == FileKind::Regular)
            s = nameRegular(p);
        // A chunk task that saw the control cancelled fails its file; that is the stop, not
        // a problem with the file.
        if (!s && !stopped() && cancelled())
            stop(makeError(ErrorCode::Cancelled,
                           QCoreApplication::translate("obnam", "restore interrupted")));
        if (s && !stopped()) {
            ++m_restored;
        } else if (!s && !stopped()) {
            ItemWarning w{display(p.entry.path), s.error().message};
            if (s.error().code == ErrorCode::NoSpace) {
                // Every later write would fail the same way: one message, not hundreds.
                w.message += QStringLiteral(" (restore stopped)");
                stop(Error{ErrorCode::NoSpace, s.error().message, w.path});
            }
            m_result.errors.append(w);
            Q_EMIT itemFailed(w);
        } else if (s) {
            ++m_restored; // named before the stop was noticed: it is whole
        }
        p.chunks.clear();
        p.file.reset();
        ++m_progress.files;
        m_progress.currentPath = p.entry.path;
        report();
    }
    window.clear();
}

Status RestoreEngine::createEntry(Planned &planned, qsizetype index, QList<Piece> &pieces)
{
    const FileEntry &e = planned.entry;
    if (e.kind == FileKind::Regular)
        return planned.chunkIds ? stage(planned, index, pieces) : Status{};
    const QByteArray &rel = planned.rel;
    QByteArray name;
    auto parent = openParent(rel, &name, m_stagingParent);
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
                return errnoError(QCoreApplication::translate("obnam", "cannot create directory"),
                                  e.path);
            // A folder that was there keeps its own mode and times unless overwriting.
            if (m_options.existing == RestoreOptions::Existing::Skip ||
                m_options.existing == RestoreOptions::Existing::KeepBoth)
                return {};
        }
        m_directories.append({e, rel});
        return {};
    }

    if (overwriting()) {
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
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "unknown entry kind"),
                         display(e.path));
    }
    if (rc != 0) {
        const char *what =
            e.kind == FileKind::Symlink  ? QT_TRANSLATE_NOOP("obnam", "cannot create symbolic link")
            : e.kind == FileKind::Fifo   ? QT_TRANSLATE_NOOP("obnam", "cannot create named pipe")
            : e.kind == FileKind::Socket ? QT_TRANSLATE_NOOP("obnam", "cannot create socket")
                                         : QT_TRANSLATE_NOOP("obnam", "cannot create device node");
        return errnoError(QCoreApplication::translate("obnam", what), e.path);
    }
    if (m_options.afterNodeCreated)
        m_options.afterNodeCreated(rel);
    struct stat current
    {};
    auto node = restorefile::openCreatedNode(e, p, name, &current);
    if (!node)
        return node.error();
    return restorefile::applyMetadata(e, node->get(), true, m_asRoot, &current);
}

Status RestoreEngine::nameRegular(Planned &planned)
{
    const FileEntry &e = planned.entry;
    const QByteArray name = planned.rel.sliced(planned.rel.lastIndexOf('/') + 1);
    const auto linkKey = qMakePair(e.device, e.inode);
    if (e.nlink > 1) {
        if (const auto first = m_links.constFind(linkKey); first != m_links.cend()) {
            QByteArray sameName; // openParent() splits off the name computed above
            auto parent = openParent(planned.rel, &sameName, m_namingParent);
            if (!parent)
                return parent.error();
            Fd parentFd(*parent);
            if (overwriting())
                ::unlinkat(parentFd.get(), name.constData(), 0);
            QByteArray firstName;
            auto firstParent = openParent(*first, &firstName, m_namingParent);
            if (!firstParent)
                return firstParent.error();
            Fd fp(*firstParent);
            if (::linkat(fp.get(), firstName.constData(), parentFd.get(), name.constData(), 0) != 0)
                return errnoError(QCoreApplication::translate("obnam", "cannot create hard link"),
                                  e.path);
            return {};
        }
    }
    if (!planned.chunkIds)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate(
                             "obnam", "not restored: the file it is a hard link to could not be "
                                      "restored"),
                         display(e.path));
    // The first error wins; every chunk task is waited for, so none still writes to the file
    // when it is finished or removed.
    Status result;
    for (auto &[read, k] : planned.chunks) {
        Status s = read.result().at(k);
        if (result && !s)
            result = std::move(s);
    }
    planned.chunks.clear();
    if (!result)
        return result;
    if (auto s = planned.file->finish(e, name, m_asRoot); !s)
        return s;
    planned.file.reset();
    if (e.nlink > 1)
        m_links.insert(linkKey, planned.rel);
    report();
    return {};
}

} // namespace obnam
