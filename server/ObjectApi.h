#pragma once

#include "AccountStore.h"
#include "ObjectStore.h"
#include "ServerConfig.h"
#include "UploadSpool.h"

#include <QHash>
#include <QMutex>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace obnam::server {

// Part of an open object file, sent as an answer without being read into memory.
struct FileSlice
{
    std::shared_ptr<Fd> file;
    quint64 offset = 0;
    quint64 length = 0;
};

struct ApiRequest
{
    std::string method;
    std::string target;
    std::string range;
    bool createOnly = false;             // If-None-Match: *
    std::shared_ptr<UploadSpool> upload; // PUT: the body, received and synced
};

struct ApiResponse
{
    int status = 200;
    std::string body;
    std::optional<FileSlice> file; // object data, sent from its file instead of `body`
    std::string contentType = "text/plain";
    std::map<std::string, std::string> headers;
    std::string client; // for the log only
    std::string cause;  // for the log only: the error behind a failure

    quint64 bodySize() const { return file ? file->length : quint64(body.size()); }
};

// A request accepted on its head: who sent it (authenticated once, from the token alone),
// what it names, and for an upload the share of the quota it holds until it ends.
struct Admission
{
    Caller caller;
    bool list = false;
    QString name; // object name, or list prefix
    std::shared_ptr<void> quotaHold;
};

// The /v1/ object API, independent of the HTTP transport. Every request is authenticated
// by its bearer token, and the client's namespace comes from the token alone: the URL names
// an object, never a client. An object of another client is indistinguishable from one that
// does not exist.
class ObjectApi
{
public:
    ObjectApi(ServerConfig config, AccountStore &clients, ObjectStore &objects);
    ~ObjectApi();

    // Decides on the request head alone, so that a hostile, unauthorised or oversized request
    // is answered before its body is read: the answer, or the admission to carry through.
    std::variant<ApiResponse, Admission> admit(const std::string &method, const std::string &target,
                                               const std::string &authorization,
                                               std::optional<quint64> contentLength);
    // Where an admitted upload's body is received: a file in the caller's own directory, or
    // this instance's spool for object storage.
    std::unique_ptr<UploadSpool> spoolFor(const Admission &admission, quint64 length);
    ApiResponse handle(const ApiRequest &request, const Admission &admission);

private:
    // Quotas: the account store's shared count where it keeps one (the database), else this
    // process's own, counted once from what is stored.
    std::optional<ApiResponse> holdQuota(Admission &admission, qint64 length);
    qint64 usage(const ClientAccount &account);
    void addUsage(const QString &accountId, qint64 delta);
    // What a stored or removed object does to the account's usage, wherever it is counted.
    void noteStored(const ClientAccount &account, const QString &name, qint64 bytes,
                    qint64 replacedBytes);
    void noteRemoved(const ClientAccount &account, const QString &name, qint64 bytes);
    // A change the account store could not count, in the log.
    static void logUnlessCounted(const QString &clientName, const Status &counted);
    std::optional<Admission> route(const std::string &method, const std::string &target) const;
    ApiResponse get(const ApiRequest &request, const Admission &admission);
    ApiResponse put(const ApiRequest &request, const Admission &admission);

    ServerConfig m_config;
    AccountStore &m_clients;
    ObjectStore &m_objects;
    QMutex m_mutex;
    QHash<QString, qint64> m_usage;
    QHash<QString, qint64> m_reserved; // bytes of uploads admitted and not yet finished
};

} // namespace obnam::server
