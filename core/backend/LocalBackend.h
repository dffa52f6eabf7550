#pragma once

#include "Backend.h"

#include "support/Fd.h"

#include <QMutex>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace obnam {

// A repository in a local directory (USB disk, NAS mount). Blocking file I/O runs on the
// backend's own thread pool so that several reads or writes are in flight at once and no
// caller's thread blocks. Writes are atomic: temp file, fsync, rename (or link for
// create-only), fsync of the directory.
class LocalBackend final : public Backend
{
public:
    // openPacks: how many packs readRangeNow() keeps open between reads (see m_openPacks); a
    // server holding a backend per client passes 0 so that idle clients hold no files.
    explicit LocalBackend(QString root, int ioThreads = 8, int openPacks = 16);
    ~LocalBackend() override;

    QString location() const override { return m_root; }

    QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) override;
    QFuture<Result<QByteArray>> get(const QString &name) override;
    Result<QByteArray> readRangeNow(const QString &name, qint64 offset, qint64 length) override;
    QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset,
                                         qint64 length) override;
    QFuture<Result<qint64>> stat(const QString &name) override;
    QFuture<Result<QStringList>> list(const QString &prefix) override;
    QFuture<Status> remove(const QString &name) override;
    // For a server that receives objects into files of its own and streams them back out:
    // creates the repository directory (mode 0700) if it is missing; moves the finished file
    // `tempPath`, which must be on the same file system and already synced, into place as
    // `name` exactly as put() would; opens an object for reading and tells its size. All block.
    Status createRoot();
    Status placeFile(const QString &name, const QString &tempPath, PutMode mode);
    Result<Fd> openObject(const QString &name, qint64 *size);
    Result<qint64> removeStaleTemporaries(qint64 olderThanSeconds) override;

    // A local write is a copy into the page cache and an fsync: two in flight keep the disk
    // busy, and every pack held for a write is 16 MiB of memory.
    int preferredWritesInFlight() const override { return 2; }
    // One fetcher per core: with more, restore was slower (2 cores: 8 threads 2.22 s, 2 threads
    // 2.08 s), the extra threads only waking and sleeping; the kernel's read-ahead keeps the
    // mostly sequential pack reads ahead of them.
    int preferredReadsInFlight() const override { return qMax(2, QThread::idealThreadCount()); }

private:
    // A pack being read, open twice: through the page cache for small chunks, which its
    // read-ahead brings in with their neighbours, and with O_DIRECT for large ones, which are
    // read once and would only crowd the page cache (-1 where the file system has no direct
    // I/O).
    struct OpenPack
    {
        Fd buffered;
        Fd direct;
    };
    // Packs being read stay open for the next chunk: each open() starts the kernel's
    // read-ahead afresh, so a restore that reopened the pack for every chunk read it from a
    // cold disk in chunk-sized pieces. A few are kept, the most recently used last.
    Result<std::shared_ptr<OpenPack>> openPack(const QString &name);
    std::shared_ptr<OpenPack> findOpenPack(const QString &name); // under m_packsMutex
    void forgetPack(const QString &name);

    QString m_root;
    QThreadPool m_pool;
    qsizetype m_openPackLimit;
    QMutex m_packsMutex;
    QList<QPair<QString, std::shared_ptr<OpenPack>>> m_openPacks;
    std::atomic<bool> m_directWorks{true}; // false once direct reads were refused here
};

} // namespace obnam
