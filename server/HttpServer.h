#pragma once

#include "ObjectApi.h"
#include "ServerConfig.h"

#include <atomic>
#include <memory>

namespace obnam::server {

// HTTPS transport on Boost.Beast and Asio's OpenSSL streams: TLS always, limits on header
// and body size checked before the body is read, header and idle timeouts against slow
// clients, a connection limit, and a clean 400 for anything that does not parse.
class HttpServer
{
public:
    HttpServer(const ServerConfig &config, ObjectApi &api);
    ~HttpServer();

    // Loads the certificate and binds the listening socket.
    Status start();
    quint16 port() const;
    // Serves on the configured number of threads until stop(); blocks.
    void run();
    void stop();
    // Stops when SIGINT or SIGTERM arrives. Asio's own signal handling: a plain signal handler
    // must not call stop(), which takes the event loop's lock the interrupted thread may hold.
    void stopOnSignals();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Log verbosity from OBNAM_SERVER_LOG: "error" (default) or "info".
bool infoLogging();
// One line on the server's log (standard error): time, level, message.
void logLine(const char *level, const std::string &message);

} // namespace obnam::server
