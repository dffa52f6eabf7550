#pragma once

#include <QByteArray>
#include <QList>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace obnam {

// Warms the kernel's directory and inode caches ahead of a backup's walk. The walk examines
// one entry at a time, so on a cold cache it waits for one inode read after another; a few
// threads listing and examining the same trees in parallel keep many of those reads in flight
// and the walk then finds them cached. It only reads metadata, never follows a symbolic link,
// never crosses into another file system when the backup does not, and stops when destroyed.
class StatAhead
{
public:
    StatAhead(const QList<QByteArray> &roots, bool oneFileSystem, int threads = 4);
    ~StatAhead();
    StatAhead(const StatAhead &) = delete;
    StatAhead &operator=(const StatAhead &) = delete;

    // Directories listed so far (for tests).
    qint64 directoriesListed() const { return m_listed.load(); }
    // Waits until every tree has been visited (for tests; a backup never waits).
    void waitUntilDone();

private:
    struct Dir
    {
        QByteArray path;
        dev_t device;
    };
    void work();

    bool m_oneFileSystem;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Dir> m_stack; // depth first, like the walk it runs ahead of
    int m_busy = 0;
    bool m_stop = false;
    std::atomic<qint64> m_listed{0};
    std::vector<std::thread> m_threads;
};

} // namespace obnam
