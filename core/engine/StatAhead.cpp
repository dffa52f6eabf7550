#include "StatAhead.h"

#include "FsMeta.h"

#include <algorithm>
#include <cerrno>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace obnam {

bool StatAhead::WalkOrder::operator()(const QByteArray &a, const QByteArray &b) const
{
    // Byte order, except that '/' comes before every other byte: "a/z" before "a-b", as the
    // walk finishes directory "a" before it goes on to "a-b".
    const qsizetype n = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const auto x = uchar(a[i]);
        const auto y = uchar(b[i]);
        if (x == y)
            continue;
        if (x == '/')
            return true;
        if (y == '/')
            return false;
        return x < y;
    }
    return a.size() < b.size();
}

StatAhead::StatAhead(const QList<QByteArray> &roots, bool oneFileSystem, int threads,
                     qsizetype maxKeptEntries)
    : m_oneFileSystem(oneFileSystem)
    , m_maxKept(maxKeptEntries)
{
    for (auto it = roots.crbegin(); it != roots.crend(); ++it) {
        struct stat st
        {};
        if (::lstat(it->constData(), &st) == 0 && S_ISDIR(st.st_mode))
            m_stack.push_back(Dir{*it, st.st_dev});
    }
    for (int i = 0; i < threads; ++i)
        m_threads.emplace_back([this] { work(); });
}

StatAhead::~StatAhead()
{
    m_stopping.store(true, std::memory_order_relaxed);
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_stack.clear();
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

std::optional<StatAhead::Listing> StatAhead::take(const QByteArray &dir, const QByteArray &root,
                                                  quint64 device, quint64 inode, qint64 ctimeNs)
{
    std::optional<Listing> out;
    bool freed = false;
    {
        std::lock_guard lock(m_mutex);
        // A root's tree is one run of keys starting at the root, in walk order.
        auto it = m_kept.lower_bound(root);
        while (it != m_kept.end() && WalkOrder()(it->first, dir)) {
            m_keptEntries -= qsizetype(it->second.entries.size());
            it = m_kept.erase(it);
            freed = true;
        }
        if (it != m_kept.end() && it->first == dir) {
            const Kept &k = it->second;
            const struct stat &d = k.dir;
            const bool same =
                quint64(d.st_dev) == device && quint64(d.st_ino) == inode &&
                qint64(d.st_ctim.tv_sec) * 1000000000LL + d.st_ctim.tv_nsec == ctimeNs &&
                std::chrono::steady_clock::now() - k.made <= kMaxAge;
            m_keptEntries -= qsizetype(k.entries.size());
            if (same) {
                out = std::move(it->second.entries);
                ++m_taken;
            }
            m_kept.erase(it);
            freed = true;
        }
    }
    if (freed)
        m_wake.notify_all();
    return out;
}

qsizetype StatAhead::keptEntries()
{
    std::lock_guard lock(m_mutex);
    return m_keptEntries;
}

void StatAhead::waitUntilDone()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_stop || (m_stack.empty() && m_busy == 0); });
}

void StatAhead::work()
{
    for (;;) {
        Dir dir;
        {
            std::unique_lock lock(m_mutex);
            // Waits while the walk has enough to take: what is kept is bounded.
            m_wake.wait(lock, [this] {
                return m_stop || ((!m_stack.empty() || m_busy == 0) && m_keptEntries < m_maxKept);
            });
            if (m_stop || m_stack.empty()) {
                if (!m_stop)
                    m_finished.store(true, std::memory_order_relaxed);
                break; // stopped, or nothing left and nobody who could add more
            }
            dir = std::move(m_stack.back());
            m_stack.pop_back();
            ++m_busy;
        }
        std::vector<Dir> found;
        Kept kept{{}, {}, std::chrono::steady_clock::now()};
        Listing &listing = kept.entries;
        bool complete = false;
        const int fd = fsmeta::openForReading(dir.path, O_DIRECTORY);
        if (DIR *d = fd >= 0 && ::fstat(fd, &kept.dir) == 0 ? ::fdopendir(fd) : nullptr) {
            std::vector<std::pair<ino_t, QByteArray>> entries;
            errno = 0;
            while (struct dirent *e = ::readdir(d)) {
                if (m_stopping.load(std::memory_order_relaxed))
                    break;
                if (e->d_name[0] == '.' &&
                    (e->d_name[1] == 0 || (e->d_name[1] == '.' && e->d_name[2] == 0)))
                    continue;
                entries.emplace_back(e->d_ino, QByteArray(e->d_name));
            }
            // A directory too large to keep whole is left to the walk.
            complete = errno == 0 && !m_stopping.load(std::memory_order_relaxed) &&
                       qsizetype(entries.size()) <= m_maxKept / 4;
            listing.reserve(entries.size());
            // In inode order: neighbouring inodes share a block of the inode table, so the
            // reads are fewer and closer together than in the order of the listing.
            std::sort(entries.begin(), entries.end(),
                      [](const auto &a, const auto &b) { return a.first < b.first; });
            for (const auto &[inode, name] : entries) {
                if (m_stopping.load(std::memory_order_relaxed)) {
                    complete = false;
                    break;
                }
                struct stat st
                {};
                if (::fstatat(::dirfd(d), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
                    complete = false;
                    continue;
                }
                listing.emplace_back(name, st);
                if (S_ISREG(st.st_mode))
                    m_bytesFound.fetch_add(qint64(st.st_size), std::memory_order_relaxed);
                if (S_ISDIR(st.st_mode) && (!m_oneFileSystem || st.st_dev == dir.device)) {
                    const QByteArray path = dir.path.endsWith('/')
                                                ? QByteArray(dir.path + name)
                                                : QByteArray(dir.path + '/' + name);
                    found.push_back(Dir{path, st.st_dev});
                }
            }
            ::closedir(d);
            ++m_listed;
        } else if (fd >= 0) {
            ::close(fd);
        }
        // The walk visits subdirectories in name order; going the same way keeps these
        // threads just ahead of it instead of somewhere else in the tree.
        std::sort(found.begin(), found.end(),
                  [](const Dir &a, const Dir &b) { return a.path < b.path; });
        {
            std::lock_guard lock(m_mutex);
            --m_busy;
            if (!m_stop && complete) {
                m_keptEntries += qsizetype(listing.size());
                m_kept.insert_or_assign(dir.path, std::move(kept));
            }
            if (!m_stop) {
                // Reversed, so the first by name comes off the stack first.
                for (auto it = found.rbegin(); it != found.rend(); ++it)
                    m_stack.push_back(std::move(*it));
            }
        }
        m_wake.notify_all();
    }
    m_wake.notify_all();
}

} // namespace obnam
