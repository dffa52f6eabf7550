#pragma once

#include "GenerationStore.h"
#include "Progress.h"
#include "repo/GenerationRecord.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

namespace obnam {

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
    Status restoreEntry(const GenerationDb &db, const FileEntry &entry, const QByteArray &rel);
    Status restoreRegular(const GenerationDb &db, const FileEntry &entry, int parent,
                          const QByteArray &name, const QByteArray &rel);
    Status applyMetadata(const FileEntry &entry, int parent, const QByteArray &name, int fd);
    Result<int> openParent(const QByteArray &rel, QByteArray *name);
    bool selected(const QByteArray &path) const;
    void report(bool force = false);

    Repository &m_repo;
    GenerationRecord m_generation;
    RestoreOptions m_options;
    int m_root = -1;
    bool m_asRoot = false;
    QHash<QPair<quint64, quint64>, QByteArray> m_links; // (device, inode) -> first restored path
    QList<QPair<FileEntry, QByteArray>> m_directories;
    RestoreResult m_result;
    RestoreProgress m_progress;
    QElapsedTimer m_clock;
    qint64 m_lastReport = -1000;
};

namespace restorepath {
// The path below the target for a stored path: leading slashes dropped; empty, "." and ".."
// components refused. Empty result means the path is hostile.
QByteArray relative(const QByteArray &stored);
// "/" (any number of slashes): the entry of a backup of the whole file system.
bool isFileSystemRoot(const QByteArray &stored);
} // namespace restorepath

} // namespace obnam
