#include "HttpServer.h"

#include <QDateTime>
#include <QFile>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <array>
#include <cstdio>
#include <thread>
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

namespace {

void logLine(const char *level, const std::string &message)
{
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    std::fprintf(stderr, "%s %s %s\n", now.constData(), level, message.c_str());
    std::fflush(stderr);
}

class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket socket, ssl::context &tls, const ServerConfig &config, ObjectApi &api,
            std::atomic<int> &connections)
        : m_stream(std::move(socket), tls)
        , m_config(config)
        , m_api(api)
        , m_connections(connections)
    {
        beast::error_code ec;
        m_peer =
            beast::get_lowest_layer(m_stream).socket().remote_endpoint(ec).address().to_string();
    }

    ~Session() { --m_connections; }

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
    void readHeader()
    {
        m_parser.emplace();
        m_parser->header_limit(std::uint32_t(m_config.maxHeaderBytes));
        m_parser->body_limit(std::uint64_t(m_config.maxBodyBytes));
        beast::get_lowest_layer(m_stream).expires_after(
            std::chrono::seconds(m_config.headerTimeoutSeconds));
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec == http::error::end_of_stream || ec == asio::error::eof ||
            ec == beast::error::timeout || ec == asio::ssl::error::stream_truncated ||
            ec == asio::error::connection_reset)
            return close();
        if (ec == http::error::header_limit)
            return fail(431, "request header too large");
        if (ec == http::error::body_limit)
            return fail(413, "object too large"); // a declared length over the limit
        if (ec)
            return fail(400, "malformed request");
        const auto &req = m_parser->get();
        const auto length = m_parser->content_length();
        m_keepAlive = req.keep_alive();
        auto early = m_api.precheck(std::string(req.method_string()), std::string(req.target()),
                                    std::string(req[http::field::authorization]),
                                    length ? std::optional<quint64>(*length) : std::nullopt);
        if (early) {
            // Answer without reading the body, then close: the unread body cannot be skipped
            // safely.
            m_keepAlive = false;
            return send(std::move(*early), std::string(req.method_string()),
                        std::string(req.target()));
        }
        readBody();
    }

    void readBody()
    {
        if (m_parser->is_done())
            return dispatch();
        // The idle timer restarts with every piece, so a slow but steady upload completes and
        // a stalled one does not hold the connection.
        beast::get_lowest_layer(m_stream).expires_after(
            std::chrono::seconds(m_config.idleTimeoutSeconds));
        http::async_read_some(m_stream, m_buffer, *m_parser,
                              [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                  if (ec == http::error::body_limit)
                                      return self->fail(413, "object too large");
                                  if (ec == beast::error::timeout || ec == asio::error::eof ||
                                      ec == asio::error::connection_reset ||
                                      ec == asio::ssl::error::stream_truncated)
                                      return self->close();
                                  if (ec)
                                      return self->fail(400, "malformed request");
                                  self->readBody();
                              });
    }

    void dispatch()
    {
        auto req = m_parser->release();
        ApiRequest a;
        a.method = std::string(req.method_string());
        a.target = std::string(req.target());
        a.authorization = std::string(req[http::field::authorization]);
        a.range = std::string(req[http::field::range]);
        a.createOnly = req[http::field::if_none_match] == "*";
        a.body = std::move(req.body());
        // Storage work is short blocking file I/O on this I/O thread; the server runs several
        // I/O threads, so other connections keep moving meanwhile.
        ApiResponse response = m_api.handle(a);
        send(std::move(response), a.method, a.target);
    }

    void fail(int status, const char *message)
    {
        m_keepAlive = false;
        ApiResponse r;
        r.status = status;
        r.body = std::string(message) + "\n";
        send(std::move(r), "-", "-");
    }

    void send(ApiResponse response, const std::string &method, const std::string &target)
    {
        if (infoLogging() || response.status >= 500)
            logLine(response.status >= 500 ? "ERROR" : "INFO",
                    m_peer + " " + (response.client.empty() ? "-" : response.client) + " " +
                        method + " " + target + " " + std::to_string(response.status) + " " +
                        std::to_string(response.body.size()));
        auto res = std::make_shared<http::response<http::string_body>>();
        res->result(http::int_to_status(unsigned(response.status)));
        res->version(11);
        res->set(http::field::server, "obnam-server");
        res->set(http::field::content_type, response.contentType);
        for (const auto &[k, v] : response.headers)
            res->set(k, v);
        if (method == "HEAD")
            res->content_length(0);
        else
            res->body() = std::move(response.body);
        res->keep_alive(m_keepAlive);
        res->prepare_payload();
        if (method == "HEAD")
            res->content_length(0);
        beast::get_lowest_layer(m_stream).expires_after(
            std::chrono::seconds(m_config.idleTimeoutSeconds));
        http::async_write(m_stream, *res,
                          [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                              if (ec)
                                  return self->close();
                              if (!self->m_keepAlive)
                                  return self->drainThenClose();
                              self->readHeader();
                          });
    }

    // After refusing a request whose rest was not read, read and discard what the client is
    // still sending for a moment before closing: closing with unread input makes the kernel
    // reset the connection, which can destroy the answer before the client reads it.
    void drainThenClose()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
        m_stream.async_read_some(asio::buffer(m_drain),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                     if (ec)
                                         return self->close();
                                     self->drainThenClose();
                                 });
    }

    void close()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(5));
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {
            beast::error_code ignored;
            beast::get_lowest_layer(self->m_stream).socket().close(ignored);
        });
    }

    beast::ssl_stream<beast::tcp_stream> m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    const ServerConfig &m_config;
    ObjectApi &m_api;
    std::atomic<int> &m_connections;
    std::string m_peer;
    bool m_keepAlive = true;
    std::array<char, 16384> m_drain{};
    std::size_t m_drained = 0;
    static constexpr std::size_t kMaxDrain = 1024 * 1024; // then give up and close anyway
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
    {}

    void accept()
    {
        acceptor.async_accept(
            asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
                if (ec) {
                    if (ec != asio::error::operation_aborted)
                        accept();
                    return;
                }
                if (connections.load() >= config.maxConnections) {
                    beast::error_code ignored;
                    socket.close(ignored); // over the limit: refuse at once rather than queue
                } else {
                    ++connections;
                    std::make_shared<Session>(std::move(socket), tls, config, api, connections)
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
    std::atomic<int> connections{0};
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
                       ssl::context::single_dh_use);
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

} // namespace obnam::server
