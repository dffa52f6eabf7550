#include "StatAhead.h"

#include "FsMeta.h"

#include <algorithm>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace obnam {

StatAhead::StatAhead(const QList<QByteArray> &roots, bool oneFileSystem, int threads)
    : m_oneFileSystem(oneFileSystem)
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
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_stack.clear();
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        t.join();
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
            m_wake.wait(lock, [this] { return m_stop || !m_stack.empty() || m_busy == 0; });
            if (m_stop || m_stack.empty())
                break; // stopped, or nothing left and nobody who could add more
            dir = std::move(m_stack.back());
            m_stack.pop_back();
            ++m_busy;
        }
        std::vector<Dir> found;
        const int fd = fsmeta::openForReading(dir.path, O_DIRECTORY);
        if (DIR *d = fd >= 0 ? ::fdopendir(fd) : nullptr) {
            std::vector<std::pair<ino_t, QByteArray>> entries;
            while (struct dirent *e = ::readdir(d)) {
                if (e->d_name[0] == '.' &&
                    (e->d_name[1] == 0 || (e->d_name[1] == '.' && e->d_name[2] == 0)))
                    continue;
                entries.emplace_back(e->d_ino, QByteArray(e->d_name));
            }
            // In inode order: neighbouring inodes share a block of the inode table, so the
            // reads are fewer and closer together than in the order of the listing.
            std::sort(entries.begin(), entries.end(),
                      [](const auto &a, const auto &b) { return a.first < b.first; });
            for (const auto &[inode, name] : entries) {
                struct stat st
                {};
                if (::fstatat(::dirfd(d), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                    continue;
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
