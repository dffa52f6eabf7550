#pragma once

#include "ClientConfig.h"
#include "Paths.h"
#include "support/Result.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

namespace obnam {
class Backend;
}

namespace obnam::client {

// Setting up this client for a repository, what `obnam-cli init` and the first-run wizard both
// do, in two steps so that the passphrase can be asked for in between, once for an existing
// repository or twice for a new one:
//
//   auto plan = Setup::prepare(request, paths);     // configuration checked, storage reached
//   passphrase = ask(plan->repositoryExists());
//   auto done = plan->complete(passphrase);           // created or unlocked, files written
//
// Nothing is written before complete() succeeds: a configuration that does not exist yet is
// written to a draft beside its final name, and moved there only once the repository was
// created or unlocked; then this client's credentials (passwords.yaml) are written.
class Setup
{
public:
    struct Request
    {
        QString configPath;
        // For a configuration that does not exist yet (refused otherwise: edit it instead).
        QStringList roots;  // default: the home directory
        QString repository; // a directory, an https:// or an s3:// URL; default:
                            // Paths::defaultRepository()
        QStringList excludes;
        QByteArray serverCertSha256Text; // "AB:CD:…", for a server with its own certificate
        QByteArray accessToken;          // the server's token for this client, written 0600
        // Further keys for the new configuration, such as an S3 bucket's region and keys.
        QList<QPair<QString, QString>> keys;
        bool allowNonEmpty = false; // a local directory holding other files
    };

    static Result<std::unique_ptr<Setup>> prepare(const Request &request, const Paths &paths);
    ~Setup();
    Setup(const Setup &) = delete;
    Setup &operator=(const Setup &) = delete;

    bool repositoryExists() const { return m_exists; }
    const ClientConfig &config() const { return m_config; }
    // What the user should hear about (a switched-off certificate check).
    QStringList warnings() const { return m_warnings; }

    struct Done
    {
        bool created = false;     // a new repository; else an existing one was unlocked
        bool wroteConfig = false; // a new configuration was written
        QString repositoryId;
    };
    Result<Done> complete(const QByteArray &passphrase);

private:
    Setup() = default;

    ClientConfig m_config;
    QString m_draft; // the new configuration until complete() moves it into place
    std::shared_ptr<Backend> m_backend;
    bool m_exists = false;
    QStringList m_warnings;
};

} // namespace obnam::client
