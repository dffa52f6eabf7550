#pragma once

#include "GenerationStore.h"
#include "Progress.h"
#include "RestoreFile.h"
#include "repo/ChunkIndex.h"
#include "repo/GenerationRecord.h"
#include "support/OperationControl.h"
#include "support/RateEstimator.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>

namespace obnam {

class ChunkCursor;
class Repository;

struct RestoreOptions
{
    QString target;          // directory under which every backed-up path is recreated
    QList<QByteArray> paths; // only these stored paths and what is below them; empty = all
    // What to do where an entry's place under the target is taken. Refuse: the target must be
    // empty (or new). The others restore into any target; directories that exist are merged
    // (and keep their own metadata when skipping or keeping both).
    enum class Existing
    {
        Refuse,
        Overwrite, // replace what is there
        Skip,      // leave what is there; the entry is not restored
        KeepBoth,  // restore beside it as "name (restored).ext"
    };
    Existing existing = Existing::Refuse;
    QString cacheDir;
    // Called between creating a symbolic link, FIFO, socket or device node and setting its
    // metadata: lets tests swap the entry there, as a hostile local user racing the restore
    // would.
    std::function<void(const QByteArray &rel)> afterNodeCreated;
};

struct RestoreResult
{
    qint64 files = 0;
    qint64 bytes = 0;
    QList<QByteArray> skipped;                    // stored paths left alone (Existing::Skip)
    QList<QPair<QByteArray, QByteArray>> besides; // stored path, where it went (KeepBoth)
    QList<ItemWarning> warnings; // e.g. entries that were unreadable at backup time
    QList<ItemWarning> errors;   // entries that could not be restored; the restore failed
    // Set when the restore ended early: the target's file system filled up, or cancel().
    // `files` then counts what was restored before.
    std::optional<Error> stoppedBy;
    double durationSeconds = 0;
};

// Recreates a generation under a target directory. Every path component is opened with
// O_NOFOLLOW relative to the target, so no entry of any generation, however crafted, can
// create or follow anything outside it. Regular files are written under a temporary name and
// renamed into place only after every chunk has been verified.
class RestoreEngine : public QObject, public Controllable
{
    Q_OBJECT

public:
    RestoreEngine(Repository &repository, GenerationRecord generation, RestoreOptions options,
                  QObject *parent = nullptr);
    ~RestoreEngine() override;

    Result<RestoreResult> run();
    // The control this run obeys (its own unless given one before run()): cancel stops at the
    // next entry, what is already named stays and files being written are dropped whole
    // (RestoreResult::stoppedBy says Cancelled); pause holds the walk and every chunk task
    // before its next read, so nothing is read or written until resume.
    // (setControl(), control() and cancel() come from Controllable.)

Q_SIGNALS:
    void progress(const obnam::RestoreProgress &progress);
    // An entry restored with a caveat (it could not be read at backup time).
    void warning(const obnam::ItemWarning &warning);
    // An entry that could not be restored; the restore goes on with the others.
    void itemFailed(const obnam::ItemWarning &error);

private:
    // An entry to restore; a regular file's data is being fetched and written in the
    // background from the time its window is dispatched.
    struct Planned
    {
        FileEntry entry;
        QByteArray rel;
        std::optional<Result<QList<QByteArray>>> chunkIds; // a file whose data this entry holds
        Status staged; // what went wrong creating it, reported when its window is named
        std::shared_ptr<restorefile::StagedFile> file;
        // One per chunk: the read that fetches, verifies and writes it, and the chunk's place
        // among that read's outcomes.
        QList<QPair<QFuture<QList<Status>>, qsizetype>> chunks;
    };
    // A chunk of a staged file, waiting for its window's reads to be planned.
    struct Piece
    {
        ChunkLocation location;
        qint64 at = 0;         // in the file
        qsizetype planned = 0; // the file's index in its window
        std::shared_ptr<restorefile::StagedFile> file;
        QByteArray path; // as stored, for messages
    };
    // The directory openParent() returned last, and its path below the target.
    struct ParentCache
    {
        Fd fd;
        QByteArray rel;
    };

    // Queues an entry; when a window of entries is full, starts its files' data and
    // restores the window before it, so data runs ahead of naming by one window.
    Status plan(ChunkCursor &chunks, const FileEntry &entry);
    static Status forEachEntry(const GenerationDb &db,
                               const std::function<bool(const FileEntry &)> &visit);
    // Creates the window's entries (createEntry()), then starts reading their files' chunks,
    // a run of neighbouring chunks of a pack at a time (readruns::coalesce()).
    void dispatch(QList<Planned> &window);
    // Creates the file's inode and adds its chunks to `pieces`, to be read by dispatch().
    Status stage(Planned &planned, qsizetype index, QList<Piece> &pieces);
    // Reads one run of a pack, then verifies and writes each of its chunks; says for each
    // (in the run's order) how that went.
    QList<Status> readRun(const QByteArray &packId, quint64 offset, quint64 length,
                          const QList<Piece> &pieces);
    // Creates the entry in walk order: a directory, link or special file whole, a regular
    // file unnamed with its data started. What goes wrong is kept in `staged`.
    Status createEntry(Planned &planned, qsizetype index, QList<Piece> &pieces);
    // Names the window's files (nameRegular()) and reports every entry's outcome, in order.
    void restoreWindow(QList<Planned> &window);
    // Once the file's data is written: gives it its metadata and name, or links a hard
    // link's later name to its first.
    Status nameRegular(Planned &planned);
    // The directory that will hold `rel`, created as needed, never through a symbolic link;
    // `name` receives the last component. The caller owns the returned descriptor.
    Result<int> openParent(const QByteArray &rel, QByteArray *name, ParentCache &cache);
    Result<int> openParentUncached(const QByteArray &rel, QByteArray *name);
    bool selected(const QByteArray &path) const;
    bool aboveSelected(const QByteArray &path) const;
    bool overwriting() const { return m_options.existing == RestoreOptions::Existing::Overwrite; }
    // Whether an entry's place under the target is taken (Skip, KeepBoth).
    bool taken(const QByteArray &rel) const;
    // Ends the restore early for `why`, once; later entries are not reported one by one.
    void stop(Error why);
    bool stopped() const { return m_result.stoppedBy.has_value(); }
    void report(bool force = false);

    Repository &m_repo;
    GenerationRecord m_generation;
    RestoreOptions m_options;
    int m_root = -1;
    ParentCache m_stagingParent; // dispatch() and restoreWindow() work on different windows
    ParentCache m_namingParent;
    qsizetype m_windowEntries = 0; // bounded by the descriptors the process may open
    bool m_asRoot = false;
    QHash<QPair<quint64, quint64>, QByteArray> m_links; // (device, inode) -> first restored path
    QSet<QPair<quint64, quint64>> m_plannedLinks;       // hard links whose data is already fetched
    QSet<QByteArray> m_plannedNames; // KeepBoth: every name given so far, taken or not
    QList<Planned> m_window;         // being collected
    qint64 m_windowBytes = 0;
    QList<Planned> m_fetching; // dispatched, restored when the next window is full
    QList<QPair<FileEntry, QByteArray>> m_directories;
    std::atomic<qint64> m_bytesWritten{0}; // the chunk tasks count in it
    std::atomic<bool> m_cancelled{false};  // set when the engine is destroyed or stops early
    qint64 m_restored = 0;                 // entries restored whole
    RestoreResult m_result;
    RestoreProgress m_progress;
    RateEstimator m_rate;
    QElapsedTimer m_clock;
    qint64 m_lastReport = -1000;
    // Last member, so it is destroyed (waiting for its tasks) before what they use.
    QThreadPool m_fetchPool;
};

namespace restorepath {
// The path below the target for a stored path: leading slashes dropped; empty, "." and ".."
// components refused. Empty result means the path is hostile.
QByteArray relative(const QByteArray &stored);
// "/" (any number of slashes): the entry of a backup of the whole file system.
bool isFileSystemRoot(const QByteArray &stored);
// Whether `path` is one of `selection` or below one; an empty selection takes everything.
bool selected(const QList<QByteArray> &selection, const QByteArray &path);
// A directory above a selected path (restoring /a/b/f alone still gives /a and /a/b their
// recorded metadata).
bool aboveSelected(const QList<QByteArray> &selection, const QByteArray &path);
// Where an entry goes beside a taken place: "dir/name (restored).ext", then "(restored 2)"
// and on, the first for which `isTaken` says no.
QByteArray besideName(const QByteArray &rel,
                      const std::function<bool(const QByteArray &)> &isTaken);
} // namespace restorepath

} // namespace obnam
