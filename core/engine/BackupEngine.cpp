#include "BackupEngine.h"

#include "StatAhead.h"
#include "crypto/Crypto.h"
#include "repo/Repository.h"
#include "support/CacheDir.h"
#include "support/Fd.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace obnam {

namespace {

constexpr qint64 kBatchBytes = 4 * 1024 * 1024;
constexpr int kBatchesInFlight = 2;
constexpr int kBatchChunks = 1024;
constexpr qsizetype kMaxPending = 4096;
// How far ahead of the reader the kernel is asked to fetch files of the same directory: a
// cold tree is read about twice as fast with many reads in flight than with one.
constexpr qint64 kReadAheadBytes = 32 * 1024 * 1024;
constexpr int kReadAheadFiles = 64;
const QByteArray kCacheTagName = QByteArrayLiteral("CACHEDIR.TAG");
const QByteArray kCacheTagSignature =
    QByteArrayLiteral("Signature: 8a477f597d28d172789f06886806bc55");

QByteArray join(const QByteArray &dir, const QByteArray &name)
{
    return dir.endsWith('/') ? QByteArray(dir + name) : QByteArray(dir + '/' + name);
}

QString display(const QByteArray &path)
{
    return QString::fromLocal8Bit(path);
}

// Same entry as far as change detection goes: the rule Obnam uses.
bool unchanged(const FileEntry &now, const FileEntry &before)
{
    return before.reason != Reason::FileError && now.kind == before.kind &&
           now.size == before.size && now.mode == before.mode && now.mtimeNs == before.mtimeNs &&
           now.ctimeNs == before.ctimeNs && before.ctimeNs != kCtimeUnknown &&
           now.inode == before.inode && now.target == before.target;
}

// Extended attributes cannot change without changing the inode's ctime, so an entry with the
// same inode and ctime as in the previous generation has the attributes recorded there.
bool sameInodeState(const FileEntry &now, const FileEntry &before)
{
    return before.reason != Reason::FileError && now.kind == before.kind &&
           now.inode == before.inode && now.ctimeNs == before.ctimeNs &&
           before.ctimeNs != kCtimeUnknown;
}

// Stored paths must be ones a restore can recreate below its target: no empty, "." or ".."
// components. Roots are cleaned; relative roots that climb out of the working directory
// become absolute.
QByteArray normalizeRoot(const QByteArray &root)
{
    QString s = QDir::cleanPath(QFile::decodeName(root));
    if (s == QStringLiteral(".") || s == QStringLiteral("..") ||
        s.startsWith(QStringLiteral("../")))
        s = QDir::cleanPath(QDir::current().absoluteFilePath(s));
    return QFile::encodeName(s);
}

} // namespace

BackupEngine::BackupEngine(Repository &repository, BackupOptions options, QObject *parent)
    : QObject(parent)
    , m_repo(repository)
    , m_options(std::move(options))
    , m_writer(repository)
{
    m_options.roots = walkedRoots(m_options.roots);
    for (const QString &glob : std::as_const(m_options.excludes)) {
        const QString re = QRegularExpression::wildcardToRegularExpression(
            glob, QRegularExpression::UnanchoredWildcardConversion);
        const bool wholePath = glob.contains(QLatin1Char('/'));
        // A relative pattern with a '/' may start at any directory: "(.../)pattern".
        const QString prefix = wholePath && !glob.startsWith(QLatin1Char('/'))
                                   ? QStringLiteral("(?:.*/)?")
                                   : QString();
        m_patterns.append({glob,
                           QRegularExpression(QStringLiteral("\\A") + prefix +
                                              QStringLiteral("(?:") + re + QStringLiteral(")\\z")),
                           wholePath});
    }
    m_patternHits.fill(0, m_patterns.size());
}

QList<QByteArray> BackupEngine::walkedRoots(QList<QByteArray> roots)
{
    for (QByteArray &root : roots)
        root = normalizeRoot(root);
    return roots;
}

BackupEngine::~BackupEngine()
{
    // A failed or cancelled run may leave a batch on the pool; its tasks use the repository.
    for (InFlightBatch &batch : m_inFlight)
        batch.future.waitForFinished();
}

void BackupEngine::warn(const QByteArray &path, const QString &message)
{
    ItemWarning w{display(path), message};
    m_result.warnings.append(w);
    Q_EMIT warning(w);
}

void BackupEngine::report(Phase phase, bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && now - m_lastReport < 100)
        return;
    m_lastReport = now;
    m_progress.phase = phase;
    m_progress.elapsedSeconds = double(now) / 1000.0;
    m_progress.bytesUploaded = m_writer.stats().storedBytes;
    // The total is what the metadata read-ahead has found; until it has seen everything, the
    // previous generation's size is the better guess when it is bigger. Never less than what
    // is done already: the read-ahead's count is a lower bound.
    if (!m_progress.bytesTotalFinal && m_statAhead) {
        const bool all = m_statAhead->finished();
        const qint64 found = m_statAhead->bytesFound();
        m_progress.bytesTotal = qMax(all ? found : qMax(found, m_previousBytes), m_progress.bytes);
        m_progress.bytesTotalFinal = all;
    }
    m_rate.add(m_progress.elapsedSeconds, m_progress.bytes);
    m_progress.bytesPerSecond = m_rate.rate();
    m_progress.etaSeconds = m_rate.eta(m_progress.bytesTotal);
    Q_EMIT progress(m_progress);
}

bool BackupEngine::excluded(const QByteArray &path) const
{
    if (m_patterns.isEmpty())
        return false;
    const QString full = display(path);
    const QString name = full.section(QLatin1Char('/'), -1);
    for (qsizetype i = 0; i < m_patterns.size(); ++i) {
        if (m_patterns[i].re.match(m_patterns[i].wholePath ? full : name).hasMatch()) {
            ++m_patternHits[i];
            return true;
        }
    }
    return false;
}

bool BackupEngine::isCacheDir(const QByteArray &dir) const
{
    const QByteArray tag = join(dir, kCacheTagName);
    Fd fd(::open(tag.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0)
        return false;
    struct stat st
    {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    QByteArray head(kCacheTagSignature.size(), Qt::Uninitialized);
    const ssize_t n = ::read(fd.get(), head.data(), size_t(head.size()));
    return n == kCacheTagSignature.size() && head == kCacheTagSignature;
}

Result<BackupResult> BackupEngine::run()
{
    m_clock.start();
    const QDateTime started = QDateTime::currentDateTimeUtc();
    if (m_options.roots.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "no backup roots given"));
    // Every root must exist before anything is written.
    for (const QByteArray &root : std::as_const(m_options.roots)) {
        struct stat st
        {};
        if (::lstat(root.constData(), &st) != 0)
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate(
                                 "obnam", "backup root does not exist or cannot be examined: ") +
                                 fsmeta::errnoText(errno),
                             display(root));
    }

    // Known by inode, so that another path to the same directory (a symbolic link in the
    // configuration, a bind mount) is recognised too.
    for (qsizetype i = 0; i < m_options.ownPaths.size(); ++i) {
        struct stat st
        {};
        if (::stat(m_options.ownPaths[i].constData(), &st) == 0 && S_ISDIR(st.st_mode))
            m_ownDirs.insert({quint64(st.st_dev), quint64(st.st_ino)}, i);
    }

    GenerationRecord parent;
    if (!m_options.full) {
        auto latest = m_repo.resolveGeneration(QStringLiteral("latest"));
        if (latest) {
            parent = *latest;
            auto db = generationstore::open(m_repo, parent, m_options.cacheDir, &control());
            if (!db)
                return db.error();
            m_previous = std::make_unique<PreviousGeneration>(std::move(*db));
            m_previousBytes = parent.totalBytes;
            m_progress.bytesTotal = parent.totalBytes;
        } else if (latest.error().code != ErrorCode::NotFound) {
            return latest.error();
        }
    }

    const QString scratch = m_options.cacheDir + QStringLiteral("/tmp");
    if (auto made = cachedir::makePrivatePath(scratch); !made)
        return made.error();
    const QString dbPath = scratch + QStringLiteral("/new-") +
                           QString::fromLatin1(crypto::randomBytes(8).toHex()) +
                           QStringLiteral(".db");
    struct Cleanup
    {
        QString path;
        ~Cleanup() { QFile::remove(path); }
    } cleanup{dbPath};
    auto db = GenerationDb::create(dbPath);
    if (!db)
        return db.error();
    m_db = std::move(*db);

    {
        // Runs ahead of the walk for as long as the walk lasts.
        const std::shared_ptr<StatAhead> statAhead =
            m_options.statAhead
                ? std::exchange(m_options.statAhead, {})
                : std::make_shared<StatAhead>(m_options.roots, m_options.oneFileSystem);
        m_statAhead = statAhead.get();
        for (const QByteArray &root : std::as_const(m_options.roots)) {
            if (auto s = backupRoot(root); !s) {
                m_statAhead = nullptr;
                if (s.error().code == ErrorCode::Cancelled)
                    keepStored();
                return s.error();
            }
        }
        m_statAhead = nullptr;
    }
    if (auto s = flushBatch(true); !s)
        return s.error();
    Q_ASSERT(m_pending.isEmpty());
    // A rule that excluded nothing is most likely mistyped: say so, in this backup.
    for (qsizetype i = 0; i < m_patterns.size(); ++i) {
        if (m_patternHits[i] == 0 && !m_options.quietExcludes.contains(m_patterns[i].text))
            warn(m_patterns[i].text.toLocal8Bit(),
                 QCoreApplication::translate("obnam",
                                             "exclude pattern matched nothing in this backup"));
    }
    // Every entry is stored: the previous generation (and its page cache) can go before the
    // new database is packed, which is this backup's peak of memory when nothing changed.
    m_previous.reset();

    report(Phase::Committing, true);
    QJsonArray roots;
    for (const QByteArray &root : std::as_const(m_options.roots))
        roots.append(display(root));
    const QDateTime finished = QDateTime::currentDateTimeUtc();
    const QList<QPair<QString, QString>> meta{
        {QStringLiteral("chunk_id_kind"), QStringLiteral("hmac-sha256")},
        {QStringLiteral("client_name"), m_options.clientName},
        {QStringLiteral("hostname"), QHostInfo::localHostName()},
        {QStringLiteral("roots"),
         QString::fromUtf8(QJsonDocument(roots).toJson(QJsonDocument::Compact))},
        {QStringLiteral("started"), started.toString(Qt::ISODateWithMs)},
        {QStringLiteral("finished"), finished.toString(Qt::ISODateWithMs)},
        {QStringLiteral("program_version"), QStringLiteral(OBNAM_VERSION)},
        {QStringLiteral("file_count"), QString::number(m_result.fileCount)},
        {QStringLiteral("total_bytes"), QString::number(m_result.totalBytes)},
        {QStringLiteral("parent"), parent.id},
    };
    for (const auto &[key, value] : meta) {
        if (auto s = m_db->setMeta(key, value); !s)
            return s.error();
    }
    if (auto s = m_db->finish(); !s)
        return s.error();
    m_db.reset();

    auto dbChunks =
        generationstore::storeDatabase(m_repo, m_writer, dbPath, m_options.compressionLevel);
    if (!dbChunks)
        return dbChunks.error();
    // Packs and index first, the generation record last: it must never point at anything
    // that is not durably stored.
    if (auto s = m_writer.flush(); !s)
        return s.error();
    GenerationRecord record;
    record.dbChunks = *dbChunks;
    record.dbSize = QFileInfo(dbPath).size();
    record.clientName = m_options.clientName;
    record.hostname = QHostInfo::localHostName();
    record.started = started;
    record.finished = QDateTime::currentDateTimeUtc(); // when the data is durably stored
    record.fileCount = m_result.fileCount;
    record.totalBytes = m_result.totalBytes;
    record.parent = parent.id;
    auto id = m_repo.commitGeneration(record);
    if (!id)
        return id.error();
    m_result.generationId = *id;
    m_result.stats = m_writer.stats();
    m_result.durationSeconds = double(m_clock.elapsed()) / 1000.0;

    // Keep the new database in the cache so the next incremental backup needs no download.
    const QString cached =
        m_options.cacheDir + QStringLiteral("/generations/") + *id + QStringLiteral(".db");
    static_cast<void>(
        cachedir::makePrivatePath(m_options.cacheDir + QStringLiteral("/generations")));
    if (QFile::rename(dbPath, cached)) {
        generationstore::adoptDatabase(cached);
        generationstore::trimCache(m_options.cacheDir, *id);
    }
    report(Phase::Done, true);
    return m_result;
}

void BackupEngine::keepStored()
{
    for (InFlightBatch &batch : m_inFlight)
        batch.future.waitForFinished();
    // Seals the open pack and writes the index objects naming every pack stored: the next
    // backup finds these chunks and does not upload them again.
    (void)m_writer.flush();
}

Status BackupEngine::backupRoot(const QByteArray &root)
{
    struct stat st
    {};
    if (::lstat(root.constData(), &st) != 0)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "backup root vanished"),
                         display(root));
    FileEntry entry = fsmeta::fromStat(root, st, m_names);
    m_root = root;
    return walk(root, entry, st.st_dev);
}

Status BackupEngine::walk(const QByteArray &path, const FileEntry &entryIn, dev_t rootDevice,
                          const std::optional<std::optional<FileEntry>> &known)
{
    if (!proceed())
        return makeError(ErrorCode::Cancelled,
                         QCoreApplication::translate("obnam", "backup cancelled"));
    FileEntry entry = entryIn;
    if (entry.kind == FileKind::Symlink) {
        auto full = fsmeta::lstatEntry(path, m_names);
        if (!full) {
            warn(path, full.error().message);
            return {};
        }
        entry = *full;
    }
    // One lookup per path, in walk order: the previous entry decides whether the extended
    // attributes must be listed again and, later, whether the file must be read.
    std::optional<std::optional<FileEntry>> before = known;
    if (m_previous && !before) {
        auto found = m_previous->lookup(path);
        if (!found)
            return found.error();
        before = std::move(*found);
    }
    if (before && before->has_value() && sameInodeState(entry, **before)) {
        entry.xattrs = (*before)->xattrs;
    } else if (auto x = fsmeta::readXattrs(path); x) {
        entry.xattrs = *x;
    } else {
        warn(path, x.error().message);
        // Not known to be complete: the next backup must not take them from this entry.
        entry.ctimeNs = kCtimeUnknown;
    }

    if (entry.kind == FileKind::Regular)
        return backupRegular(std::move(entry), before);
    if (entry.kind != FileKind::Directory)
        return record(std::move(entry), before);

    // A directory: record it, then its children in name order.
    const bool otherDevice = m_options.oneFileSystem && entry.device != quint64(rootDevice);
    // Listed and examined already by StatAhead, most of the time: then it is not read again.
    std::optional<StatAhead::Listing> listing;
    if (!otherDevice && m_statAhead)
        listing = m_statAhead->take(path, m_root, entry.device, entry.inode, entry.ctimeNs);
    DIR *dir = otherDevice || listing ? nullptr : ::opendir(path.constData());
    if (!otherDevice && !listing && !dir) {
        warn(path, QCoreApplication::translate("obnam", "cannot read directory: ") +
                       fsmeta::errnoText(errno));
        entry.reason = Reason::FileError;
        return record(std::move(entry), before);
    }
    const struct DirCloser
    {
        DIR *dir;
        ~DirCloser()
        {
            if (dir)
                ::closedir(dir);
        }
    } closer{dir};
    // Each name with its lstat when StatAhead made it.
    QList<std::pair<QByteArray, std::optional<struct stat>>> names;
    bool hasTag = false;
    if (listing) {
        names.reserve(qsizetype(listing->size()));
        for (auto &[name, st] : *listing) {
            hasTag = hasTag || name == kCacheTagName;
            names.append({std::move(name), st});
        }
        listing.reset();
    } else if (dir) {
        errno = 0;
        while (struct dirent *d = ::readdir(dir)) {
            const QByteArray name(d->d_name);
            if (name == "." || name == "..")
                continue;
            hasTag = hasTag || name == kCacheTagName;
            names.append({name, std::nullopt});
        }
        if (errno != 0)
            warn(path, QCoreApplication::translate("obnam", "error while reading directory: ") +
                           fsmeta::errnoText(errno));
    }
    // Only a directory listing a tag file is opened to look for one.
    const bool cacheDir = hasTag && m_options.excludeCacheTagDirectories && isCacheDir(path);
    if (cacheDir)
        names.removeIf([](const auto &n) { return n.first != kCacheTagName; });
    entry.cachedir = cacheDir;
    if (auto s = record(entry, before); !s)
        return s;
    if (cacheDir && m_previous) {
        const QByteArray tag = join(path, kCacheTagName);
        auto tagBefore = m_previous->lookup(tag);
        if (tagBefore && !tagBefore->has_value())
            m_result.newCacheTags.append(tag);
    }
    std::sort(names.begin(), names.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Child> children;
    children.reserve(names.size());
    for (const auto &[name, seen] : std::as_const(names)) {
        const QByteArray child = join(path, name);
        if (excluded(child))
            continue;
        struct stat st
        {};
        if (seen) {
            st = *seen;
        } else if (::fstatat(::dirfd(dir), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
            // Relative to the open directory: no walk of the whole path for every child.
            warn(child, QCoreApplication::translate("obnam", "cannot examine: ") +
                            fsmeta::errnoText(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode) && !m_ownDirs.isEmpty()) {
            const auto own = m_ownDirs.constFind({quint64(st.st_dev), quint64(st.st_ino)});
            if (own != m_ownDirs.cend()) {
                m_result.skippedOwn.append({child, *own});
                continue;
            }
        }
        children.append(Child{fsmeta::fromStat(child, st, m_names), std::nullopt, false});
    }
    names.clear();
    qsizetype ahead = 0; // children[0, ahead) have been looked at by readAhead()
    qint64 bytesAhead = 0;
    for (qsizetype i = 0; i < children.size(); ++i) {
        readAhead(children, i, ahead, bytesAhead);
        const Child &c = children[i];
        if (c.toRead)
            bytesAhead -= qMin<qint64>(c.entry.size, kReadAheadBytes);
        if (auto s = walk(c.entry.path, c.entry, rootDevice, c.before); !s)
            return s;
    }
    return {};
}

void BackupEngine::readAhead(QList<Child> &children, qsizetype current, qsizetype &next,
                             qint64 &bytesAhead)
{
    int files = 0;
    while (next < children.size() && bytesAhead < kReadAheadBytes && files < kReadAheadFiles) {
        // The previous generation lists a subdirectory's whole tree before the entries after
        // it: asking for those now would make its scan set that tree aside (and past a bound
        // drop it and answer from the index, one query per file). They wait until the walk
        // has been through the subdirectory.
        if (m_previous && next >= current && children[next].entry.kind == FileKind::Directory)
            break;
        Child &c = children[next++];
        if (c.entry.kind != FileKind::Regular)
            continue;
        if (m_previous) {
            // The lookup the backup needs anyway, done now so that unchanged files, which
            // are never read, are not fetched either.
            auto found = m_previous->lookup(c.entry.path);
            if (!found)
                continue; // backupRegular() asks again and reports the error
            c.before = std::move(*found);
            if (c.before->has_value() && unchanged(c.entry, **c.before))
                continue;
        }
        if (c.entry.size == 0)
            continue;
        c.toRead = true;
        ++files;
        const qint64 length = qMin<qint64>(c.entry.size, kReadAheadBytes);
        bytesAhead += length;
        const int fd = fsmeta::openForReading(c.entry.path, O_NONBLOCK);
        if (fd < 0)
            continue; // reading it will report why
        // Starts the reads and returns: the kernel fetches while earlier files are chunked.
        ::posix_fadvise(fd, 0, length, POSIX_FADV_WILLNEED);
        ::close(fd);
    }
}

Status BackupEngine::record(FileEntry entry, const std::optional<std::optional<FileEntry>> &before)
{
    // Complete at once, but stored after the files walked before it, which may still be on
    // the pool: the database then lists everything in walk order, which is the order the
    // next backup's sequential scan of it expects.
    m_pending.append(PendingFile{std::move(entry), {}, 0, true, before});
    return insertCompleted();
}

Status BackupEngine::store(FileEntry entry, const QList<QByteArray> &ids,
                           const std::optional<std::optional<FileEntry>> &before)
{
    if (entry.reason != Reason::FileError && m_previous) {
        std::optional<FileEntry> previous;
        if (before) {
            previous = *before;
        } else {
            auto found = m_previous->lookup(entry.path);
            if (!found)
                return found.error();
            previous = std::move(*found);
        }
        if (!previous)
            entry.reason = Reason::New;
        else
            entry.reason = unchanged(entry, *previous) ? Reason::Unchanged : Reason::Changed;
    }
    ++m_result.fileCount;
    ++m_progress.files;
    m_progress.currentPath = entry.path;
    if (entry.kind == FileKind::Regular && entry.reason != Reason::FileError)
        m_result.totalBytes += entry.size;
    auto id = m_db->insertFile(entry, ids);
    if (!id)
        return id.error();
    report(Phase::Scanning);
    return {};
}

Status BackupEngine::backupRegular(FileEntry entry,
                                   const std::optional<std::optional<FileEntry>> &known)
{
    std::optional<std::optional<FileEntry>> previous;
    if (m_previous) {
        Result<std::optional<FileEntry>> before =
            known ? Result<std::optional<FileEntry>>(*known) : m_previous->lookup(entry.path);
        if (!before)
            return before.error();
        previous = *before;
        if (before->has_value() && unchanged(entry, **before)) {
            auto ids = m_previous->chunks((*before)->fileId);
            if (!ids)
                return ids.error();
            // Reuse only what the repository still holds; otherwise read the file again.
            const bool complete = std::all_of(ids->cbegin(), ids->cend(),
                                              [&](const QByteArray &c) { return m_writer.has(c); });
            if (complete) {
                m_progress.bytes += entry.size;
                entry.reason = Reason::Unchanged;
                m_pending.append(PendingFile{entry, *ids, 0, true, previous});
                return insertCompleted();
            }
        }
    }
    if (entry.size == 0) {
        // Empty when examined: nothing to read, so the file is not opened (five system calls
        // each, which dominated a tree of many empty files). Had it grown since, its new mtime
        // and size make the next backup read it.
        m_pending.append(PendingFile{entry, {}, 0, true, previous});
        return insertCompleted();
    }
    const qint64 owner = m_pendingBase + m_pending.size();
    m_pending.append(PendingFile{entry, {}, 0, false, previous});
    return readFile(owner, entry);
}

Status BackupEngine::readFile(qint64 owner, const FileEntry &entry)
{
    const auto fail = [&](const QString &message) {
        warn(entry.path, message);
        PendingFile &p = m_pending[owner - m_pendingBase];
        p.entry.reason = Reason::FileError;
        p.complete = true;
        return insertCompleted();
    };
    const int fd = fsmeta::openForReading(entry.path, O_NONBLOCK);
    if (fd < 0)
        return fail(QStringLiteral("cannot open file: ") + fsmeta::errnoText(errno));
    Fd guard(fd);
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_ino != entry.inode)
        return fail(QStringLiteral("file was replaced while being backed up"));
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);

    const Chunker &chunker = m_repo.chunker();
    const qsizetype maxChunk = chunker.params().maxSize;
    const qsizetype window = 2 * maxChunk;
    // One buffer for every file: allocating it per file cost a mapping, page faults and an
    // unmapping for each of thousands of small files.
    if (m_readBuffer.size() != window)
        m_readBuffer = QByteArray(window, Qt::Uninitialized);
    QByteArray &buf = m_readBuffer;
    qsizetype filled = 0;
    qint64 total = 0;
    bool eof = false;
    while (!eof || filled > 0) {
        while (!eof && filled < window) {
            const ssize_t n = ::read(fd, buf.data() + filled, size_t(window - filled));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return fail(QStringLiteral("read error: ") + fsmeta::errnoText(errno));
            }
            if (n == 0)
                eof = true;
            filled += n;
            total += n;
            m_progress.bytes += n;
            m_progress.bytesRead += n;
        }
        qsizetype pos = 0;
        while (filled - pos > 0 && (eof || filled - pos >= maxChunk)) {
            const qsizetype n =
                chunker.cut(reinterpret_cast<const uchar *>(buf.constData()) + pos, filled - pos);
            m_batch.append(BatchChunk{owner, QByteArray(buf.constData() + pos, n)});
            m_batchBytes += n;
            ++m_pending[owner - m_pendingBase].outstanding;
            pos += n;
        }
        if (pos > 0) {
            std::memmove(buf.data(), buf.constData() + pos, size_t(filled - pos));
            filled -= pos;
        }
        if (m_batchBytes >= kBatchBytes || m_batch.size() >= kBatchChunks) {
            if (auto s = flushBatch(); !s)
                return s;
        }
        if (!proceed())
            return makeError(ErrorCode::Cancelled,
                             QCoreApplication::translate("obnam", "backup cancelled"));
        report(Phase::Scanning);
    }
    PendingFile &p = m_pending[owner - m_pendingBase];
    p.entry.size = total; // what was read is what will be restored
    p.complete = true;
    return insertCompleted();
}

Status BackupEngine::flushBatch(bool drain)
{
    if (!m_batch.isEmpty()) {
        // A few batches on the pool at a time: the pool always has the next one queued while
        // this thread reads, and memory stays bounded by kBatchesInFlight + 1 batches.
        if (m_inFlight.size() >= kBatchesInFlight) {
            if (auto s = collectInFlight(); !s)
                return s;
        }
        QList<QByteArray> data;
        QList<qint64> owners;
        data.reserve(m_batch.size());
        owners.reserve(m_batch.size());
        for (BatchChunk &c : m_batch) {
            data.append(std::move(c.data));
            owners.append(c.owner);
        }
        m_batch.clear();
        m_batchBytes = 0;
        m_inFlight.append(InFlightBatch{
            std::move(owners), generationstore::prepareChunksAsync(m_repo, std::move(data),
                                                                   m_options.compressionLevel)});
    }
    while (drain && !m_inFlight.isEmpty()) {
        if (auto s = collectInFlight(); !s)
            return s;
    }
    return insertCompleted();
}

Status BackupEngine::collectInFlight()
{
    if (m_inFlight.isEmpty())
        return {};
    const InFlightBatch batch = m_inFlight.takeFirst(); // oldest first: files complete in order
    const QList<PreparedChunk> prepared = batch.future.results();
    for (qsizetype i = 0; i < prepared.size(); ++i) {
        if (auto s = m_writer.add(prepared[i].id, prepared[i].packed, prepared[i].plainLength); !s)
            return s;
        PendingFile &p = m_pending[batch.owners[i] - m_pendingBase];
        p.ids.append(prepared[i].id);
        --p.outstanding;
    }
    return insertCompleted();
}

Status BackupEngine::insertCompleted()
{
    while (!m_pending.isEmpty() && m_pending.first().complete &&
           m_pending.first().outstanding == 0) {
        PendingFile p = m_pending.takeFirst();
        ++m_pendingBase;
        if (p.entry.reason == Reason::FileError)
            p.ids.clear();
        if (auto s = store(std::move(p.entry), p.ids, p.before); !s)
            return s;
    }
    // Entries wait here behind a file whose chunks are still on the pool; after new data
    // and then a long run of unchanged files, that would be the rest of the tree. Past a
    // bound the pool is drained so the queue can empty.
    if (m_pending.size() >= kMaxPending && m_pending.first().complete && !m_draining) {
        m_draining = true;
        Status s = flushBatch(true);
        m_draining = false;
        return s;
    }
    return {};
}

} // namespace obnam
