#pragma once

#include "GenerationStore.h"
#include "Progress.h"
#include "repo/GenerationRecord.h"

#include <atomic>
#include <functional>
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
    bool overwrite = false;  // allow a non-empty target and replace what is there
    QString cacheDir;
};

struct RestoreResult
{
    qint64 files = 0;
    qint64 bytes = 0;
    QList<ItemWarning> warnings; // e.g. entries that were unreadable at backup time
    QList<ItemWarning> errors;   // entries that could not be restored; the restore failed
    double durationSeconds = 0;
};

// Recreates a generation under a target directory. Every path component is opened with
// O_NOFOLLOW relative to the target, so no entry of any generation, however crafted, can
// create or follow anything outside it. Regular files are written under a temporary name and
// renamed into place only after every chunk has been verified.
class RestoreEngine : public QObject
{
    Q_OBJECT

public:
    RestoreEngine(Repository &repository, GenerationRecord generation, RestoreOptions options,
                  QObject *parent = nullptr);
    ~RestoreEngine() override;

    Result<RestoreResult> run();

Q_SIGNALS:
    void progress(const obnam::RestoreProgress &progress);
    void warning(const obnam::ItemWarning &warning);

private:
    using ChunkFuture = QFuture<Result<QByteArray>>;
    // An entry to restore, with its file's chunks already being fetched and verified.
    struct Planned
    {
        FileEntry entry;
        QByteArray rel;
        std::optional<Result<QList<QByteArray>>> chunkIds; // regular files with data to fetch
        QList<ChunkFuture> chunks;
    };

    // Queues an entry; when a window of entries is full, starts fetching its chunks and
    // restores the window before it, so fetching runs ahead of writing by one window.
    Status plan(ChunkCursor &chunks, const FileEntry &entry);
    static Status forEachEntry(const GenerationDb &db,
                               const std::function<bool(const FileEntry &)> &visit);
    void dispatch(QList<Planned> &window);
    // Starts fetching the file's chunks [fetched so far, upTo).
    void fetchAhead(Planned &planned, qsizetype upTo);
    void restoreWindow(QList<Planned> &window);
    Status restoreEntry(Planned &planned);
    // Writes the file, or links a hard link's second name to its first. Owns `parent`.
    Status restoreRegular(Planned &planned, int parent, const QByteArray &name);
    // The directory that will hold `rel`, created as needed, never through a symbolic link;
    // `name` receives the last component. The caller owns the returned descriptor.
    Result<int> openParent(const QByteArray &rel, QByteArray *name);
    Result<int> openParentUncached(const QByteArray &rel, QByteArray *name);
    bool selected(const QByteArray &path) const;
    void report(bool force = false);

    Repository &m_repo;
    GenerationRecord m_generation;
    RestoreOptions m_options;
    int m_root = -1;
    int m_parentFd = -1;    // the directory openParent() returned last, and its path
    QByteArray m_parentRel; // below the target
    bool m_asRoot = false;
    QHash<QPair<quint64, quint64>, QByteArray> m_links; // (device, inode) -> first restored path
    QSet<QPair<quint64, quint64>> m_plannedLinks;       // hard links whose data is already fetched
    QList<Planned> m_window;                            // being collected
    qint64 m_windowBytes = 0;
    QList<Planned> m_fetching; // dispatched, restored when the next window is full
    QList<QPair<FileEntry, QByteArray>> m_directories;
    std::atomic<qint64> m_bytesWritten{0}; // restorefile::write() counts in it
    RestoreResult m_result;
    RestoreProgress m_progress;
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
} // namespace restorepath

} // namespace obnam
