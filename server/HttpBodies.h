#pragma once

#include "UploadSpool.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

#include <cerrno>
#include <cstdint>
#include <memory>
#include <unistd.h>

// Boost.Beast body types that keep object data out of memory: uploads go straight to a file
// as they arrive, and objects are sent from their file a piece at a time. A connection then
// costs a few buffers whatever the size of what it moves.
namespace obnam::server {

// A request body received into an UploadSpool.
struct SpoolBody
{
    struct value_type
    {
        std::shared_ptr<UploadSpool> spool;
    };

    class reader
    {
    public:
        template <bool isRequest, class Fields>
        reader(boost::beast::http::header<isRequest, Fields> &, value_type &body)
            : m_body(body)
        {}

        void init(const boost::optional<std::uint64_t> &, boost::beast::error_code &ec)
        {
            ec = m_body.spool ? boost::beast::error_code{}
                              : boost::beast::errc::make_error_code(
                                    boost::beast::errc::operation_not_permitted);
        }

        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence &buffers, boost::beast::error_code &ec)
        {
            std::size_t taken = 0;
            for (auto it = boost::asio::buffer_sequence_begin(buffers);
                 it != boost::asio::buffer_sequence_end(buffers); ++it) {
                const boost::asio::const_buffer b = *it;
                if (!m_body.spool->write(static_cast<const char *>(b.data()), b.size())) {
                    ec = boost::beast::errc::make_error_code(boost::beast::errc::io_error);
                    return taken;
                }
                taken += b.size();
            }
            ec = {};
            return taken;
        }

        void finish(boost::beast::error_code &ec) { ec = {}; }

    private:
        value_type &m_body;
    };
};

// A response body read from part of an open file.
struct FileSliceBody
{
    struct value_type
    {
        std::shared_ptr<Fd> file;
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
    };

    static std::uint64_t size(const value_type &body) { return body.length; }

    class writer
    {
    public:
        using const_buffers_type = boost::asio::const_buffer;

        template <bool isRequest, class Fields>
        writer(const boost::beast::http::header<isRequest, Fields> &, const value_type &body)
            : m_body(body)
        {}

        void init(boost::beast::error_code &ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code &ec)
        {
            ec = {};
            const std::uint64_t left = m_body.length - m_sent;
            if (left == 0)
                return boost::none;
            if (!m_buffer)
                m_buffer = std::make_unique<char[]>(kPiece);
            const std::size_t want = std::size_t(std::min<std::uint64_t>(left, kPiece));
            ssize_t n = -1;
            do {
                n = ::pread(m_body.file->get(), m_buffer.get(), want,
                            off_t(m_body.offset + m_sent));
            } while (n < 0 && errno == EINTR);
            if (n <= 0) {
                // A file that shrank or cannot be read: the connection is cut short, and the
                // client sees fewer bytes than announced.
                ec = boost::beast::errc::make_error_code(boost::beast::errc::io_error);
                return boost::none;
            }
            m_sent += std::uint64_t(n);
            return std::make_pair(const_buffers_type(m_buffer.get(), std::size_t(n)),
                                  m_sent < m_body.length);
        }

    private:
        static constexpr std::size_t kPiece = 64 * 1024;
        const value_type &m_body;
        std::unique_ptr<char[]> m_buffer;
        std::uint64_t m_sent = 0;
    };
};

} // namespace obnam::server
