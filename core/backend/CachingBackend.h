#pragma once

#include "Backend.h"

#include <QAtomicInt>
#include <QThreadPool>

#include <memory>

namespace obnam {

// Keeps local copies of the objects below some prefixes of a remote repository, so that a
// client opening it again downloads only what it has not seen (restic's cache backend idea).
// Only objects named by the SHA-256 of their bytes qualify (index objects, generation
// records): they never change, and a copy is used only while its bytes still hash to its
// name, so a damaged or swapped copy is dropped and fetched again. Copies are the stored,
// encrypted bytes; nothing in the cache is readable without the repository's keys.
//
// Listing a cached prefix forgets the copies of objects that are gone (after prune or
// forget), which keeps the cache as large as the repository's own index. The cache is an
// optimisation only: when it cannot be written, calls still answer from the inner backend.
class CachingBackend final : public Backend
{
public:
    CachingBackend(std::shared_ptr<Backend> inner, QString cacheDir, QStringList prefixes);
    ~CachingBackend() override;

    // Reads answered from a local copy, and reads that had to go to the inner backend.
    int hits() const { return m_hits.loadRelaxed(); }
    int misses() const { return m_misses.loadRelaxed(); }

    QString location() const override { return m_inner->location(); }
    QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) override;
    QFuture<Status> putHashed(const QString &name, const QByteArray &data, PutMode mode,
                              const QByteArray &sha256) override;
    QFuture<Result<QByteArray>> get(const QString &name) override;
    QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset,
                                         qint64 length) override;
    Result<QByteArray> readRangeNow(const QString &name, qint64 offset, qint64 length) override;
    QFuture<Result<qint64>> stat(const QString &name) override;
    QFuture<Result<QStringList>> list(const QString &prefix) override;
    QFuture<Status> remove(const QString &name) override;
    int preferredWritesInFlight() const override { return m_inner->preferredWritesInFlight(); }
    Result<qint64> removeStaleTemporaries(qint64 olderThanSeconds) override
    {
        return m_inner->removeStaleTemporaries(olderThanSeconds);
    }
    int preferredReadsInFlight() const override { return m_inner->preferredReadsInFlight(); }

private:
    bool cached(const QString &name) const;
    QString copyPath(const QString &name) const;
    std::optional<QByteArray> readCopy(const QString &name) const;
    void storeCopy(const QString &name, const QByteArray &data) const;
    void forgetMissing(const QString &prefix, const QStringList &present) const;

    std::shared_ptr<Backend> m_inner;
    QString m_dir;
    QStringList m_prefixes;
    QAtomicInt m_hits;
    QAtomicInt m_misses;
    // Waits on the inner backend happen here, never in the caller's thread.
    QThreadPool m_pool;
};

} // namespace obnam
