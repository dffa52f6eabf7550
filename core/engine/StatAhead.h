#pragma once

#include <QByteArray>
#include <QList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <sys/stat.h>

namespace obnam {

// Lists and examines a backup's trees ahead of its walk. The walk examines one entry at a
// time, so on a cold cache it waits for one inode read after another; a few threads listing
// and examining the same trees in parallel keep many of those reads in flight. What they find
// is kept for the walk (up to a bound, then they wait), which takes a directory's listing
// instead of reading and examining it again. It only reads metadata, never follows a
// symbolic link, never crosses into another file system when the backup does not, and stops
// when destroyed.
class StatAhead
{
public:
    // One directory as found: every entry's name and lstat, in no particular order.
    using Listing = std::vector<std::pair<QByteArray, struct stat>>;

    StatAhead(const QList<QByteArray> &roots, bool oneFileSystem, int threads = 4,
              qsizetype maxKeptEntries = 32768);
    ~StatAhead();
    StatAhead(const StatAhead &) = delete;
    StatAhead &operator=(const StatAhead &) = delete;

    // The listing of `dir`, below `root`, if it was made (it is then forgotten), else nothing:
    // a directory that could not be read, or whose entries could not all be examined, is left
    // to the caller, who reports the problem. So is a listing made more than a few seconds
    // ago, or of another inode than the caller's (device, inode, ctime in nanoseconds): the
    // directory was replaced or changed since. The walk goes in walk order through each
    // root, so listings of `root`'s tree before `dir` are of directories it passed
    // (excluded, skipped, or listed by the walk itself before they were ready): dropped.
    std::optional<Listing> take(const QByteArray &dir, const QByteArray &root, quint64 device,
                                quint64 inode, qint64 ctimeNs);
    // How old a listing may be when the walk takes it.
    static constexpr auto kMaxAge = std::chrono::seconds(5);

    // Bytes of the regular files found so far: for a first backup, the total to show while
    // it goes (it grows as the read-ahead goes on; finished() says when it is all).
    qint64 bytesFound() const { return m_bytesFound.load(std::memory_order_relaxed); }
    // Every tree has been visited.
    bool finished() const { return m_finished.load(std::memory_order_relaxed); }
    // Directories listed so far (for tests).
    qint64 directoriesListed() const { return m_listed.load(); }
    // Listings the walk took (for tests).
    qint64 listingsTaken() const { return m_taken.load(); }
    // Entries kept for the walk now (for tests).
    qsizetype keptEntries();
    // Waits until every tree has been visited (for tests; a backup never waits).
    void waitUntilDone();

private:
    struct Dir
    {
        QByteArray path;
        dev_t device;
    };
    // Parents before children, siblings by name: the walk's order.
    struct WalkOrder
    {
        bool operator()(const QByteArray &a, const QByteArray &b) const;
    };
    void work();

    bool m_oneFileSystem;
    qsizetype m_maxKept;
    struct Kept
    {
        Listing entries;
        struct stat dir; // the directory itself, when listed
        std::chrono::steady_clock::time_point made;
    };
    std::map<QByteArray, Kept, WalkOrder> m_kept;
    qsizetype m_keptEntries = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Dir> m_stack; // depth first, like the walk it runs ahead of
    int m_busy = 0;
    bool m_stop = false;
    // m_stop, readable without the lock: a thread examining a large directory gives up on it
    // when the object is destroyed, instead of keeping the destructor waiting.
    std::atomic<bool> m_stopping{false};
    std::atomic<qint64> m_listed{0};
    std::atomic<qint64> m_bytesFound{0};
    std::atomic<bool> m_finished{false};
    std::atomic<qint64> m_taken{0};
    std::vector<std::thread> m_threads;
};

} // namespace obnam
