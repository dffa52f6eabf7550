#include "HttpServer.h"

#include "ConnectionSlots.h"
#include "HttpBodies.h"

#include <QDateTime>
#include <QFile>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <array>
#include <atomic>
#include <cstdio>
#include <thread>
#include <variant>
#include <vector>

namespace obnam::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

bool infoLogging()
{
    static const bool info = qEnvironmentVariable("OBNAM_SERVER_LOG")
                                 .compare(QStringLiteral("info"), Qt::CaseInsensitive) == 0;
    return info;
}

void logLine(const char *level, const std::string &message)
{
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    std::fprintf(stderr, "%s %s %s\n", now.constData(), level, message.c_str());
    std::fflush(stderr);
}

namespace {

class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket socket, std::string peer, ssl::context &tls, const ServerConfig &config,
            ObjectApi &api, std::shared_ptr<ConnectionSlots> slots)
        : m_stream(std::move(socket), tls)
        , m_buffer(std::size_t(config.maxHeaderBytes) + kBodyBuffer)
        , m_config(config)
        , m_api(api)
        , m_slots(std::move(slots))
        , m_peer(std::move(peer))
    {
        // Beast reads no more than the buffer's free capacity (at least 512 bytes) at a time:
        // without room reserved up front, a body arrived in pieces of a few hundred bytes, each
        // a TLS read, a completion on the strand and a write to the spool file.
        m_buffer.reserve(kBodyBuffer);
    }

    ~Session() { m_slots->release(m_peer); }

    void start()
    {
        beast::get_lowest_layer(m_stream).expires_after(
            std::chrono::seconds(m_config.headerTimeoutSeconds));
        m_stream.async_handshake(ssl::stream_base::server,
                                 [self = shared_from_this()](beast::error_code ec) {
                                     if (!ec)
                                         self->readHeader();
                                 });
    }

private:
    using HeadParser = http::request_parser<http::empty_body>;
    using UploadParser = http::request_parser<SpoolBody>;

    void readHeader()
    {
        m_upload.reset();
        m_admission.reset();
        m_method = "-";
        m_target = "-";
        m_head.emplace();
        m_head->header_limit(std::uint32_t(m_config.maxHeaderBytes));
        m_head->body_limit(std::uint64_t(m_config.maxBodyBytes));
        beast::get_lowest_layer(m_stream).expires_after(
            std::chrono::seconds(m_config.headerTimeoutSeconds));
        http::async_read_header(
            m_stream, m_buffer, *m_head,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec == http::error::end_of_stream || ec == asio::error::eof ||
            ec == beast::error::timeout || ec == asio::ssl::error::stream_truncated ||
            ec == asio::error::connection_reset)
            return close();
        if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
            return fail(431, "request header too large");
        if (ec == http::error::body_limit)
            return fail(413, "object too large"); // a declared length over the limit
        if (ec)
            return fail(400, "malformed request");
        const auto &req = m_head->get();
        const auto length = m_head->content_length();
        m_keepAlive = req.keep_alive();
        m_method = std::string(req.method_string());
        m_target = std::string(req.target());
        auto admitted =
            m_api.admit(m_method, m_target, std::string(req[http::field::authorization]),
                        length ? std::optional<quint64>(*length) : std::nullopt);
        if (auto *refusal = std::get_if<ApiResponse>(&admitted)) {
            // Answered without reading the body, then closed: the unread body cannot be
            // skipped safely.
            m_keepAlive = false;
            return send(std::move(*refusal));
        }
        m_admission = std::move(std::get<Admission>(admitted));
        if (m_method != "PUT") {
            if (!m_head->is_done())
                return fail(400, "unexpected request body");
            return dispatch();
        }
        m_upload.emplace(std::move(*m_head));
        m_upload->body_limit(std::uint64_t(m_config.maxBodyBytes));
        m_upload->get().body().spool = m_api.spoolFor(*m_admission, *length);
        startTransfer();
        readBody();
    }

    void readBody()
    {
        if (m_upload->is_done())
            return dispatch();
        // The timer restarts with every piece, so a slow but steady upload completes and a
        // stalled or trickling one does not hold the connection.
        armTransferTimer();
        http::async_read_some(m_stream, m_buffer, *m_upload,
                              [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                  self->m_transferred += n;
                                  if (ec == http::error::body_limit)
                                      return self->fail(413, "object too large");
                                  if (ec == beast::error::timeout || ec == asio::error::eof ||
                                      ec == asio::error::connection_reset ||
                                      ec == asio::ssl::error::stream_truncated ||
                                      ec == http::error::partial_message)
                                      return self->close();
                                  if (ec == beast::errc::io_error)
                                      return self->fail(507, "insufficient storage");
                                  if (ec)
                                      return self->fail(400, "malformed request");
                                  self->readBody();
                              });
    }

    void dispatch()
    {
        const auto &fields = m_upload ? m_upload->get().base() : m_head->get().base();
        ApiRequest a;
        a.method = m_method;
        a.target = m_target;
        a.range = std::string(fields[http::field::range]);
        a.createOnly = fields[http::field::if_none_match] == "*";
        if (m_upload) {
            a.upload = m_upload->get().body().spool;
            if (auto s = a.upload->finish(); !s) {
                // The whole body was read: the connection can go on after the answer.
                logLine("ERROR", "cannot store an upload: " + s.error().toString().toStdString());
                m_upload.reset();
                m_admission.reset();
                ApiResponse full;
                full.status = 507;
                full.body = "insufficient storage\n";
                return send(std::move(full));
            }
        }
        // Storage work is short blocking file I/O on this I/O thread; the server runs several
        // I/O threads, so other connections keep moving meanwhile.
        ApiResponse response = m_api.handle(a, *m_admission);
        // The upload file is gone once placed, or removed here; its quota hold ends with it.
        m_upload.reset();
        m_admission.reset();
        send(std::move(response));
    }

    void fail(int status, const char *message)
    {
        m_keepAlive = false;
        m_upload.reset();
        m_admission.reset();
        ApiResponse r;
        r.status = status;
        r.body = std::string(message) + "\n";
        send(std::move(r));
    }

    template <class Body> std::shared_ptr<http::response<Body>> head(const ApiResponse &response)
    {
        auto res = std::make_shared<http::response<Body>>();
        res->result(http::int_to_status(unsigned(response.status)));
        res->version(11);
        res->set(http::field::server, "obnam-server");
        res->set(http::field::content_type, response.contentType);
        for (const auto &[k, v] : response.headers)
            res->set(k, v);
        res->keep_alive(m_keepAlive);
        return res;
    }

    void send(ApiResponse response)
    {
        if (infoLogging() || response.status >= 500)
            logLine(response.status >= 500 ? "ERROR" : "INFO",
                    m_peer + " " + (response.client.empty() ? "-" : response.client) + " " +
                        m_method + " " + m_target + " " + std::to_string(response.status) + " " +
                        std::to_string(response.bodySize()) +
                        (response.cause.empty() ? std::string() : ": " + response.cause));
        if (response.file && m_method != "HEAD") {
            auto res = head<FileSliceBody>(response);
            res->body() = {response.file->file, response.file->offset, response.file->length};
            res->prepare_payload();
            return write(std::move(res));
        }
        auto res = head<http::string_body>(response);
        if (m_method != "HEAD")
            res->body() = std::move(response.body);
        res->prepare_payload();
        if (m_method == "HEAD")
            res->content_length(0);
        write(std::move(res));
    }

    template <class Message> void write(std::shared_ptr<Message> res)
    {
        using Serializer = http::response_serializer<typename Message::body_type>;
        startTransfer();
        writeSome(res, std::make_shared<Serializer>(*res));
    }

    // A piece at a time, the idle timer restarting with each, as readBody() does: an answer
    // that keeps moving is sent whole however long it takes on a slow line, and one that the
    // client stops reading does not hold the connection.
    template <class Message, class Serializer>
    void writeSome(std::shared_ptr<Message> res, std::shared_ptr<Serializer> serializer)
    {
        armTransferTimer();
        http::async_write_some(
            m_stream, *serializer,
            [self = shared_from_this(), res, serializer](beast::error_code ec, std::size_t n) {
                self->m_transferred += n;
                if (ec)
                    return self->close();
                if (!serializer->is_done())
                    return self->writeSome(res, serializer);
                if (!self->m_keepAlive)
                    return self->drainThenClose();
                self->readHeader();
            });
    }

    void startTransfer()
    {
        m_transferStart = std::chrono::steady_clock::now();
        m_transferred = 0;
    }

    // A body or an answer ends when nothing has moved for idle_timeout_seconds, or when it
    // moves too slowly on average: it may take the idle timeout plus a second for every
    // min_transfer_rate bytes moved so far (a rule like Apache's mod_reqtimeout MinRate). A
    // client, with a token or without, that sends or reads a byte now and then cannot hold a
    // connection for long; any real line moves far more.
    void armTransferTimer()
    {
        const std::chrono::seconds idle(m_config.idleTimeoutSeconds);
        auto deadline = std::chrono::steady_clock::now() + idle;
        if (m_config.minTransferRate > 0) {
            // In milliseconds, capped at a year so that the time point cannot overflow.
            const double earned =
                std::min(double(m_transferred) * 1000.0 / double(m_config.minTransferRate),
                         365.0 * 86400 * 1000);
            deadline = std::min(deadline,
                                m_transferStart + idle + std::chrono::milliseconds(qint64(earned)));
        }
        beast::get_lowest_layer(m_stream).expires_at(deadline);
    }

    // After refusing a request whose rest was not read, read and discard what the client is
    // still sending for a moment before closing: closing with unread input makes the kernel
    // reset the connection, which can destroy the answer before the client reads it. Bounded
    // in bytes and in time from its start, so a trickle cannot keep the connection.
    void drainThenClose()
    {
        if (!m_draining) {
            m_draining = true;
            beast::get_lowest_layer(m_stream).expires_after(kDrainTime);
        }
        m_stream.async_read_some(asio::buffer(m_drain),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                     self->m_drained += n;
                                     if (ec || self->m_drained >= kMaxDrain)
                                         return self->close();
                                     self->drainThenClose();
                                 });
    }

    void close()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {
            beast::error_code ignored;
            beast::get_lowest_layer(self->m_stream).socket().close(ignored);
        });
    }

    // Request bytes read ahead of the parser: with the header limit, all a connection buffers.
    static constexpr std::size_t kBodyBuffer = 64 * 1024;
    static constexpr std::size_t kMaxDrain = 1024 * 1024;
    static constexpr std::chrono::seconds kDrainTime{2};

    beast::ssl_stream<beast::tcp_stream> m_stream;
    beast::flat_buffer m_buffer;
    std::optional<HeadParser> m_head;
    std::optional<UploadParser> m_upload;
    std::optional<Admission> m_admission;
    const ServerConfig &m_config;
    ObjectApi &m_api;
    std::shared_ptr<ConnectionSlots> m_slots;
    std::string m_peer;
    std::string m_method = "-";
    std::string m_target = "-";
    bool m_keepAlive = true;
    bool m_draining = false;
    std::chrono::steady_clock::time_point m_transferStart;
    std::uint64_t m_transferred = 0;
    std::array<char, 16384> m_drain{};
    std::size_t m_drained = 0;
};

} // namespace

struct HttpServer::Impl
{
    Impl(const ServerConfig &c, ObjectApi &a)
        : config(c)
        , api(a)
        , io(c.ioThreads)
        , tls(ssl::context::tls_server)
        , acceptor(io)
        , slots(std::make_shared<ConnectionSlots>(c.maxConnections, c.maxConnectionsPerAddress))
    {}

    void accept()
    {
        acceptor.async_accept(
            asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
                if (ec == asio::error::operation_aborted)
                    return;
                if (ec) {
                    // Out of file descriptors (or memory): the connection waits in the queue,
                    // and accepting again at once would fail the same way, in a loop that
                    // takes a whole core. Wait a moment for connections to end, and say why
                    // once.
                    if (!acceptFailing)
                        logLine("ERROR", "cannot accept connections: " + ec.message() +
                                             " (too many open files? raise the server's "
                                             "LimitNOFILE or lower max_connections)");
                    acceptFailing = true;
                    acceptPause.expires_after(std::chrono::milliseconds(100));
                    acceptPause.async_wait([this](beast::error_code waited) {
                        if (waited != asio::error::operation_aborted)
                            accept();
                    });
                    return;
                }
                acceptFailing = false;
                beast::error_code peerError;
                std::string peer = socket.remote_endpoint(peerError).address().to_string();
                if (peerError || !slots->acquire(peer)) {
                    beast::error_code ignored;
                    socket.close(ignored); // over a limit: refuse at once rather than queue
                } else {
                    std::make_shared<Session>(std::move(socket), std::move(peer), tls, config, api,
                                              slots)
                        ->start();
                }
                accept();
            });
    }

    const ServerConfig &config;
    ObjectApi &api;
    asio::io_context io;
    ssl::context tls;
    tcp::acceptor acceptor;
    asio::steady_timer acceptPause{io};
    std::atomic<bool> acceptFailing{false};
    std::shared_ptr<ConnectionSlots> slots;
    std::unique_ptr<asio::signal_set> signals;
};

HttpServer::HttpServer(const ServerConfig &config, ObjectApi &api)
    : d(std::make_unique<Impl>(config, api))
{}

HttpServer::~HttpServer() = default;

Status HttpServer::start()
{
    beast::error_code ec;
    d->tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                       ssl::context::single_dh_use | ssl::context::no_compression);
    // Renegotiation lets a client make the server repeat its most expensive step at will;
    // no client of ours needs it.
    SSL_CTX_set_options(d->tls.native_handle(), SSL_OP_NO_RENEGOTIATION);
    // TLS 1.2 with forward secrecy and authenticated encryption only (the CBC suites that
    // OpenSSL still offers by default are out); TLS 1.3's suites are all of that kind.
    if (SSL_CTX_set_cipher_list(d->tls.native_handle(), "ECDHE+AESGCM:ECDHE+CHACHA20") != 1)
        return makeError(ErrorCode::Permanent, QStringLiteral("cannot set the TLS ciphers"));
    d->tls.use_certificate_chain_file(QFile::encodeName(d->config.tlsCert).toStdString(), ec);
    if (ec)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot load TLS certificate: ") +
                             QString::fromStdString(ec.message()),
                         d->config.tlsCert);
    d->tls.use_private_key_file(QFile::encodeName(d->config.tlsKey).toStdString(),
                                ssl::context::pem, ec);
    if (ec)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot load TLS key: ") +
                             QString::fromStdString(ec.message()),
                         d->config.tlsKey);
    const auto address = asio::ip::make_address(d->config.host.toStdString(), ec);
    if (ec)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("invalid listen address"),
                         d->config.host);
    const tcp::endpoint endpoint(address, d->config.port);
    d->acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        d->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor.bind(endpoint, ec);
    if (!ec)
        d->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return makeError(ErrorCode::Permanent,
                         QStringLiteral("cannot listen: ") + QString::fromStdString(ec.message()),
                         QStringLiteral("%1:%2").arg(d->config.host).arg(d->config.port));
    d->accept();
    return {};
}

quint16 HttpServer::port() const
{
    beast::error_code ec;
    return d->acceptor.local_endpoint(ec).port();
}

void HttpServer::run()
{
    std::vector<std::thread> threads;
    for (int i = 1; i < d->config.ioThreads; ++i)
        threads.emplace_back([this] { d->io.run(); });
    d->io.run();
    for (auto &t : threads)
        t.join();
}

void HttpServer::stop()
{
    d->io.stop();
}

void HttpServer::stopOnSignals()
{
    d->signals = std::make_unique<asio::signal_set>(d->io, SIGINT, SIGTERM);
    d->signals->async_wait([this](const beast::error_code &ec, int) {
        if (!ec)
            d->io.stop();
    });
}

} // namespace obnam::server
