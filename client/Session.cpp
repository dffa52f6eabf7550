#include "Session.h"

#include <QSysInfo>

#include "Keyring.h"

#include "Credentials.h"
#include "backend/CachingBackend.h"
#include "backend/HttpsBackend.h"
#include "backend/LocalBackend.h"
#include "backend/S3Backend.h"
#include "crypto/Crypto.h"
#include "repo/Lock.h"
#include "repo/Repository.h"
#include "support/CacheDir.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace obnam::client {

Result<std::shared_ptr<Backend>> makeBackend(const ClientConfig &config, QStringList *warnings)
{
    if (config.isLocal())
        return std::shared_ptr<Backend>(std::make_shared<LocalBackend>(config.repositoryPath));
    if (!config.verifyTlsCert && warnings)
        warnings->append(QStringLiteral(
            "verify_tls_cert is false: the server's certificate is not checked, so anyone on the "
            "network path can read and change this connection"));
    if (config.isS3()) {
        S3Settings settings = S3Settings::at(config.s3.address);
        settings.region = config.s3.region;
        settings.credentials = config.s3.credentials;
        settings.pathStyle = config.s3.pathStyle;
        settings.http.pinnedSha256 = config.serverCertSha256;
        settings.http.caFile = config.serverCaFile;
        settings.http.verifyTls = config.verifyTlsCert;
        return std::shared_ptr<Backend>(std::make_shared<S3Backend>(std::move(settings)));
    }
    const QUrl url(config.serverUrl, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QStringLiteral("https") || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || !(url.path().isEmpty() || url.path() == QStringLiteral("/")) ||
        url.hasQuery() || url.hasFragment())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "server_url must be https://HOST or https://HOST:PORT"),
                         config.serverUrl);
    if (config.accessToken.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "an obnam-server needs an access token: set access_token "
                                      "in the configuration or OBNAM_ACCESS_TOKEN"),
                         config.path);
    HttpsSettings settings;
    settings.baseUrl = url.adjusted(QUrl::RemovePath);
    settings.accessToken = config.accessToken;
    settings.pinnedSha256 = config.serverCertSha256;
    settings.caFile = config.serverCaFile;
    settings.verifyTls = config.verifyTlsCert;
    return std::shared_ptr<Backend>(std::make_shared<HttpsBackend>(std::move(settings)));
}

Result<Session> openSession(const ClientConfig &config, const Paths &paths,
                            const OpenOptions &options, QStringList *warnings)
{
    auto backend = makeBackend(config, warnings);
    if (!backend)
        return backend.error();
    if (auto cache = cachedir::preparePrivate(paths.cacheRoot()); !cache)
        return cache.error();
    Result<std::unique_ptr<Repository>> repo = makeError(ErrorCode::Permanent, QString());
    auto credentials = Credentials::load(config.credentialsPath());
    if (credentials) {
        // The credentials name the repository, so its cache is known before it is opened. A
        // local repository is read from its disk directly: a copy would only double the I/O.
        if (!config.isLocal() && options.objectCache)
            *backend = std::make_shared<CachingBackend>(
                *backend, paths.objectCache(credentials->repositoryId),
                QStringList{QStringLiteral("index/"), QStringLiteral("generations/")});
        repo = Repository::open(*backend, credentials->keys, credentials->repositoryId);
    } else if (credentials.error().code == ErrorCode::NotFound) {
        // No credentials file: a passphrase from any source opens the repository instead.
        auto passphrase = options.passphrase
                              ? options.passphrase()
                              : Result<std::optional<QByteArray>>(std::optional<QByteArray>());
        if (!passphrase)
            return passphrase.error();
        if (!passphrase->has_value())
            return credentials.error();
        repo = Repository::open(*backend, **passphrase);
        crypto::wipe(**passphrase);
    } else {
        return credentials.error();
    }
    if (!repo)
        return repo.error();
    Session session{config, std::move(*repo), {}};
    session.cacheDir = paths.repositoryCache(session.repository->config().repositoryIdHex());
    return session;
}

Result<Session> openWithoutTerminal(const QString &configPath, const Paths &paths,
                                    const std::optional<QByteArray> &passphrase, bool objectCache)
{
    auto config = ClientConfig::load(configPath, paths);
    if (!config)
        return config.error();
    OpenOptions options;
    options.objectCache = objectCache;
    const QString entry = Keyring::entryName(config->serverUrl);
    options.passphrase = [&passphrase, entry]() -> Result<std::optional<QByteArray>> {
        if (passphrase)
            return passphrase;
        auto stored = Keyring::read(entry).result();
        if (stored && stored->has_value())
            return *stored;
        // A keyring that is missing, locked or refuses is "nothing stored": the caller asks.
        return std::optional<QByteArray>();
    };
    return openSession(*config, paths, options, nullptr);
}

Result<QList<LockInfo>> liveLocks(const ClientConfig &config)
{
    auto credentials = Credentials::load(config.credentialsPath());
    if (!credentials)
        return QList<LockInfo>();
    auto backend = makeBackend(config, nullptr);
    if (!backend)
        return backend.error();
    auto repo =
        Repository::openWithoutIndex(*backend, credentials->keys, credentials->repositoryId);
    if (!repo)
        return repo.error();
    auto locks = RepositoryLock::list(**repo);
    if (!locks)
        return locks.error();
    QList<LockInfo> live;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const LockInfo &lock : std::as_const(*locks))
        if (!lock.isStale(now))
            live.append(lock);
    return live;
}

Result<std::unique_ptr<RepositoryLock>> backupLock(Session &session)
{
    auto lock = RepositoryLock::acquire(*session.repository, false, QStringLiteral("backup"));
    if (!lock)
        return lock;
    // Ours is written before the others are read: two starting at once both see each other
    // and both refuse, which is the safe side of that race.
    auto locks = RepositoryLock::list(*session.repository);
    if (!locks)
        return locks.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString host = QSysInfo::machineHostName();
    for (const LockInfo &other : std::as_const(*locks)) {
        if (other.id == (*lock)->info().id || other.isStale(now))
            continue;
        if (other.purpose == QStringLiteral("backup") && other.hostname == host)
            return makeError(ErrorCode::Transient,
                             QCoreApplication::translate(
                                 "obnam", "a backup from this computer is already running: %1")
                                 .arg(other.describe()),
                             {}, Remedy::WaitForLock);
    }
    return lock;
}

Result<std::unique_ptr<RepositoryLock>> readingLock(Session &session, const QString &purpose,
                                                    QString *note)
{
    auto lock = RepositoryLock::acquire(*session.repository, false, purpose);
    if (lock || !session.config.isLocal())
        return lock;
    // The lock could not be written: is it because nothing can be written there?
    const QByteArray locks =
        QFile::encodeName(session.config.repositoryPath + QStringLiteral("/locks"));
    if (::access(locks.constData(), W_OK) == 0 ||
        (errno != EROFS && errno != EACCES && errno != EPERM))
        return lock;
    if (note)
        *note = QStringLiteral("the repository cannot be written (%1): reading it without a lock")
                    .arg(QString::fromLocal8Bit(std::strerror(errno)));
    return std::unique_ptr<RepositoryLock>();
}

void logRun(const ClientConfig &config, const QString &level, const QString &message)
{
    if (config.log.isEmpty())
        return;
    QFile file(config.log);
    QDir().mkpath(QFileInfo(config.log).absolutePath());
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return;
    file.write(QStringLiteral("%1 %2 %3\n")
                   .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), level, message)
                   .toUtf8());
}

} // namespace obnam::client
