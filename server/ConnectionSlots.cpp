#include "ConnectionSlots.h"

#include <boost/asio/ip/address.hpp>

namespace obnam::server {

bool ConnectionSlots::acquire(const std::string &address)
{
    const std::string source = sourceOf(address);
    std::lock_guard lock(m_mutex);
    int &mine = m_bySource[source];
    if (m_used >= m_total || mine >= m_perSource) {
        if (mine == 0)
            m_bySource.erase(source);
        return false;
    }
    ++mine;
    ++m_used;
    return true;
}

void ConnectionSlots::release(const std::string &address)
{
    const std::string source = sourceOf(address);
    std::lock_guard lock(m_mutex);
    auto it = m_bySource.find(source);
    if (it != m_bySource.end() && --it->second == 0)
        m_bySource.erase(it);
    --m_used;
}

std::string ConnectionSlots::sourceOf(const std::string &address)
{
    namespace ip = boost::asio::ip;
    boost::system::error_code ec;
    const ip::address parsed = ip::make_address(address, ec);
    if (ec || parsed.is_v4())
        return address;
    const ip::address_v6 v6 = parsed.to_v6();
    if (v6.is_v4_mapped())
        return ip::make_address_v4(ip::v4_mapped, v6).to_string();
    ip::address_v6::bytes_type bytes = v6.to_bytes();
    for (std::size_t i = 8; i < bytes.size(); ++i)
        bytes[i] = 0;
    return ip::address_v6(bytes).to_string() + "/64";
}

} // namespace obnam::server
