#pragma once

#include "GenerationStore.h"
#include "Progress.h"
#include "engine/FsMeta.h"
#include "engine/PreviousGeneration.h"
#include "repo/ChunkWriter.h"
#include "support/OperationControl.h"
#include "support/RateEstimator.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QRegularExpression>

#include <memory>
#include <optional>

namespace obnam {

class Repository;
class StatAhead;

struct BackupOptions
{
    QList<QByteArray> roots; // as the user named them; stored paths keep this form
    bool full = false;       // ignore the previous generation: read every file
    bool excludeCacheTagDirectories = true;
    // Globs. Without a '/', against each entry's name ("*.tmp"); starting with '/', against
    // the whole path ("/home/u/cache"); with a '/' elsewhere, against the end of the path at
    // any depth ("Documents/scratch" is every .../Documents/scratch). A pattern that matches
    // nothing in a backup is a warning of that backup, unless it is one of `quietExcludes`
    // (common exclusions offered to everyone: a computer without ~/Downloads is no mistake).
    QStringList excludes;
    QStringList quietExcludes;
    bool oneFileSystem = false;
    QString clientName;
    int compressionLevel = 3;
    QString cacheDir; // generation databases, scratch files
    // This backup's own repository (when local) and cache: never backed up, wherever they
    // lie under a root. Backing up the repository into itself would add a copy every run.
    QList<QByteArray> ownPaths;
    // Started by the caller for walkedRoots(roots) and oneFileSystem, so that examining the trees
    // overlaps opening the repository; the engine starts its own when this is empty.
    std::shared_ptr<StatAhead> statAhead;
};

struct BackupResult
{
    QString generationId;
    qint64 fileCount = 0;
    qint64 totalBytes = 0;
    QList<ItemWarning> warnings;
    QList<QByteArray> newCacheTags; // CACHEDIR.TAG files not in the previous generation
    // ownPaths met under a root and left out: where the walk met each, and which it was.
    QList<QPair<QByteArray, qsizetype>> skippedOwn;
    ChunkWriterStats stats;
    double durationSeconds = 0;
};

// Makes one generation: walks the roots, detects unchanged files against the previous
// generation, reads, chunks, hashes and compresses on QtConcurrent's pool, packs, writes the
// generation database and commits the record last. run() blocks: call it from a worker thread.
class BackupEngine : public QObject, public Controllable
{
    Q_OBJECT

public:
    BackupEngine(Repository &repository, BackupOptions options, QObject *parent = nullptr);
    // The roots as the walk goes through them (cleaned, relative ones that climb out made
    // absolute): a StatAhead started early must be given these to be of use.
    static QList<QByteArray> walkedRoots(QList<QByteArray> roots);
    ~BackupEngine() override;

    Result<BackupResult> run();
    // The control this run obeys (its own unless given one before run()): cancel stops the
    // walk at the next entry and what was stored so far is indexed for the next backup to
    // reuse (run() then fails with ErrorCode::Cancelled); pause holds it between entries and
    // between reads, lock kept, nothing read or uploaded meanwhile. Committing the generation
    // is not interrupted.
    // (setControl(), control() and cancel() come from Controllable.)
    // What this run stored (packs, chunks, bytes), also after it failed or was cancelled.
    const ChunkWriterStats &stored() const { return m_writer.stats(); }

Q_SIGNALS:
    void progress(const obnam::BackupProgress &progress);
    void warning(const obnam::ItemWarning &warning);

private:
    struct PendingFile
    {
        FileEntry entry;
        QList<QByteArray> ids;
        int outstanding = 0; // chunks still in the batch
        bool complete = false;
        std::optional<std::optional<FileEntry>>
            before; // set when the previous generation was asked
    };
    struct BatchChunk
    {
        qint64 owner;
        QByteArray data;
    };
    // A batch being hashed and compressed on the pool while the next one is read.
    struct InFlightBatch
    {
        QList<qint64> owners;
        QFuture<PreparedChunk> future;
    };
    // A directory entry, examined before any of its siblings is backed up.
    struct Child
    {
        FileEntry entry; // from its lstat, made once
        // Regular files: the previous generation's entry, once asked; and whether the file
        // will be read (new or changed), which decides what is read ahead.
        std::optional<std::optional<FileEntry>> before;
        bool toRead = false;
    };

    Status backupRoot(const QByteArray &root);
    // `known` is the previous generation's entry when the caller already looked it up.
    Status walk(const QByteArray &path, const FileEntry &entry, dev_t rootDevice,
                const std::optional<std::optional<FileEntry>> &known = std::nullopt);
    void readAhead(QList<Child> &children, qsizetype current, qsizetype &next, qint64 &bytesAhead);
    // Queues an entry that needs no reading (directory, symlink, special file) behind the
    // files walked before it.
    Status record(FileEntry entry,
                  const std::optional<std::optional<FileEntry>> &before = std::nullopt);
    // Stores one entry in the new database, classified against the previous generation.
    // `before` is the previous generation's entry when the caller already looked it up
    // (regular files), so that each path costs one lookup.
    Status store(FileEntry entry, const QList<QByteArray> &ids,
                 const std::optional<std::optional<FileEntry>> &before);
    Status backupRegular(FileEntry entry, const std::optional<std::optional<FileEntry>> &known);
    Status readFile(qint64 owner, const FileEntry &entry);
    // Hands the batch to the pool; with `drain`, also waits for everything handed over.
    Status flushBatch(bool drain = false);
    Status collectInFlight();
    // After a cancel: the chunks already handed over are stored and indexed.
    void keepStored();
    Status insertCompleted();
    bool excluded(const QByteArray &path) const;
    bool isCacheDir(const QByteArray &dir) const;
    void warn(const QByteArray &path, const QString &message);
    void report(Phase phase, bool force = false);

    Repository &m_repo;
    BackupOptions m_options;
    ChunkWriter m_writer;
    fsmeta::NameCache m_names;
    bool m_draining = false;          // insertCompleted() is draining the pool
    StatAhead *m_statAhead = nullptr; // while the walk runs
    QByteArray m_root;                // the root being walked
    std::unique_ptr<GenerationDb> m_db;
    std::unique_ptr<PreviousGeneration> m_previous;
    QHash<QPair<quint64, quint64>, qsizetype> m_ownDirs; // (device, inode) -> ownPaths index
    struct Pattern
    {
        QString text;
        QRegularExpression re;
        bool wholePath = false; // else the entry's name
    };
    QList<Pattern> m_patterns;
    mutable QList<qint64> m_patternHits; // per pattern, to name those that matched nothing
    QList<PendingFile> m_pending;
    qint64 m_pendingBase = 0; // sequence number of m_pending.first()
    QByteArray m_readBuffer;
    QList<BatchChunk> m_batch;
    QList<InFlightBatch> m_inFlight; // oldest first
    qint64 m_batchBytes = 0;
    BackupResult m_result;
    BackupProgress m_progress;
    RateEstimator m_rate;
    QElapsedTimer m_clock;
    qint64 m_lastReport = -1000;
    // The previous generation's size: the total's guess until the read-ahead is done.
    qint64 m_previousBytes = 0;
};

} // namespace obnam
