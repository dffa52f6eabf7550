#pragma once

#include "support/Result.h"

#include <QDateTime>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace obnam {

class Repository;

// What a lock object (locks/<id>, sealed like index objects) says about its holder.
struct LockInfo
{
    QString id;
    bool exclusive = false;
    QString hostname;
    qint64 pid = 0;
    QString purpose; // "backup", "prune", ...
    QDateTime created;
    QDateTime refreshed;

    // A lock is stale when its holder is provably gone: same host and no such process, or
    // not refreshed for kStaleAfterSeconds (the holder refreshes every kRefreshSeconds).
    bool isStale(const QDateTime &now) const;
    QString describe() const; // "exclusive lock by host (pid 12, prune) since …"
    static constexpr int kRefreshSeconds = 5 * 60;
    static constexpr int kStaleAfterSeconds = 30 * 60;
};

// Shared locks (backup, check) coexist; an exclusive lock (forget, prune, repair) excludes
// every other lock. Acquiring writes our lock first, then reads the others, so two clients
// racing both see each other and neither proceeds on a conflict. Stale locks are ignored and
// removed by `unlock`.
class RepositoryLock
{
public:
    static Result<std::unique_ptr<RepositoryLock>> acquire(Repository &repo, bool exclusive,
                                                           const QString &purpose);
    ~RepositoryLock(); // releases
    RepositoryLock(const RepositoryLock &) = delete;
    RepositoryLock &operator=(const RepositoryLock &) = delete;

    Status release();
    // As acquired (the refresh times written since are not kept): safe from any thread.
    const LockInfo &info() const { return m_info; }

    static Result<QList<LockInfo>> list(Repository &repo);
    // Removes stale locks, or every lock with `all`. Returns what was removed.
    static Result<QList<LockInfo>> removeStale(Repository &repo, bool all);

private:
    RepositoryLock(Repository &repo, LockInfo info);
    Status write(const LockInfo &info);
    void refreshLoop();

    Repository &m_repo;
    const LockInfo m_info;
    bool m_released = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_refresher;
};

} // namespace obnam
