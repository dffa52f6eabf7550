#pragma once

#include "ClientConfig.h"
#include "Paths.h"
#include "support/Result.h"

#include <functional>
#include <memory>
#include <optional>

namespace obnam {
class Backend;
class Repository;
class RepositoryLock;
} // namespace obnam

namespace obnam::client {

// The storage a configuration names: a local directory, or an obnam-server over HTTPS.
// `warnings` receives what the user should hear about (a switched-off certificate check).
Result<std::shared_ptr<Backend>> makeBackend(const ClientConfig &config, QStringList *warnings);

// An open repository, with what a command or a window needs beside it.
struct Session
{
    ClientConfig config;
    std::unique_ptr<Repository> repository;
    QString cacheDir; // Paths::repositoryCache() of the repository
};

struct OpenOptions
{
    // Copies of a server's index objects and generation records in the cache; off for
    // commands that must judge what the server holds (check, repair).
    bool objectCache = true;
    // Asked when this client has no credentials file: the passphrase, nothing when there is
    // none to be had (the credentials error is then reported), or an error of its own.
    std::function<Result<std::optional<QByteArray>>()> passphrase;
};

// Opens the repository of `config`: the private cache is prepared, this client's credentials
// (passwords.yaml) open it without a key derivation, else a passphrase does.
Result<Session> openSession(const ClientConfig &config, const Paths &paths,
                            const OpenOptions &options, QStringList *warnings);

// A shared lock for an operation that only reads (restore, check). Where a local repository
// cannot be written (a read-only mount, a write-protected disk: disaster recovery) it reads
// without one and says why in `note`; the lock is then null.
Result<std::unique_ptr<RepositoryLock>> readingLock(Session &session, const QString &purpose,
                                                    QString *note);

// One line in the configured log file (`log:`), if there is one: "TIME LEVEL MESSAGE".
void logRun(const ClientConfig &config, const QString &level, const QString &message);

} // namespace obnam::client
