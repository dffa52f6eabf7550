#pragma once

#include "ClientConfig.h"
#include "Paths.h"
#include "repo/Lock.h"
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

// Opens for a program that has no terminal to prompt on (the desktop window): this client's
// credentials, else `passphrase` when one is given, else the desktop keyring's entry for the
// repository. Waits for the keyring: call it on a worker. When no passphrase is to be had the
// error has Remedy::SetUpClient; one that opens no key slot is ErrorCode::WrongPassphrase.
Result<Session> openWithoutTerminal(const QString &configPath, const Paths &paths,
                                    const std::optional<QByteArray> &passphrase,
                                    bool objectCache = true);

// The locks held on the repository of `config` now, stale ones left out: what another backup,
// restore or prune (obnam-cli, a timer) is doing there. Read with this client's credentials,
// without loading the index, so it is cheap enough to ask every few seconds; without
// credentials there is nothing to read them with and the list is empty. Blocks: call it on a
// worker.
Result<QList<LockInfo>> liveLocks(const ClientConfig &config);

// The shared lock a backup takes, refused (Remedy::WaitForLock) while another backup from
// this computer holds one: shared locks let backups coexist, but the same computer backing
// up twice at once (the window, a timer, obnam-cli) only does the work twice.
Result<std::unique_ptr<RepositoryLock>> backupLock(Session &session);

// A shared lock for an operation that only reads (restore, check). Where a local repository
// cannot be written (a read-only mount, a write-protected disk: disaster recovery) it reads
// without one and says why in `note`; the lock is then null.
Result<std::unique_ptr<RepositoryLock>> readingLock(Session &session, const QString &purpose,
                                                    QString *note);

// One line in the configured log file (`log:`), if there is one: "TIME LEVEL MESSAGE".
void logRun(const ClientConfig &config, const QString &level, const QString &message);

} // namespace obnam::client
