#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

namespace obnam::server {

// Connections by source. One source cannot take every slot, so a stranger holding connections
// open does not lock real clients out.
class ConnectionSlots
{
public:
    ConnectionSlots(int total, int perSource)
        : m_total(total)
        , m_perSource(perSource)
    {}

    // `address` as the socket gives it; counted by its source (see sourceOf).
    bool acquire(const std::string &address);
    void release(const std::string &address);

    // What one party is taken to be: an IPv4 address (also when it comes mapped into IPv6, as
    // on a dual-stack socket), or an IPv6 address's /64, since a single host is routinely given
    // a whole /64 and could otherwise open connections from as many addresses as it likes.
    // Anything that does not parse is its own source.
    static std::string sourceOf(const std::string &address);

private:
    std::mutex m_mutex;
    const int m_total;
    const int m_perSource;
    int m_used = 0;
    std::unordered_map<std::string, int> m_bySource;
};

} // namespace obnam::server
