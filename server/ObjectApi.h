#pragma once

#include "ClientStore.h"
#include "ServerConfig.h"

#include <QHash>
#include <QMutex>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace obnam {
class LocalBackend;
}

namespace obnam::server {

struct ApiRequest
{
    std::string method;
    std::string target;
    std::string authorization;
    std::string range;
    bool createOnly = false; // If-None-Match: *
    std::string body;
};

struct ApiResponse
{
    int status = 200;
    std::string body;
    std::string contentType = "text/plain";
    std::map<std::string, std::string> headers;
    std::string client; // for the log only
};

// The /v1/ object API, independent of the HTTP transport. Every request is authenticated
// by its bearer token, and the client's namespace comes from the token alone: the URL names
// an object, never a client. An object of another client is indistinguishable from one that
// does not exist.
class ObjectApi
{
public:
    ObjectApi(ServerConfig config, ClientStore &clients);
    ~ObjectApi();

    // Decisions that need only the request head, so that a hostile or unauthorised request is
    // answered before its body is read.
    std::optional<ApiResponse> precheck(const std::string &method, const std::string &target,
                                        const std::string &authorization,
                                        std::optional<quint64> contentLength);
    ApiResponse handle(const ApiRequest &request);

private:
    struct Route
    {
        bool list = false;
        QString name; // object name, or list prefix
    };
    std::optional<Route> route(const std::string &method, const std::string &target) const;
    std::shared_ptr<LocalBackend> backendFor(const ClientAccount &account);
    qint64 usage(const ClientAccount &account, LocalBackend &backend);

    ServerConfig m_config;
    ClientStore &m_clients;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<LocalBackend>> m_backends;
    QHash<QString, qint64> m_usage;
};

} // namespace obnam::server
