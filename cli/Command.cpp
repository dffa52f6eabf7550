#include "Command.h"

#include "Credentials.h"
#include "Keyring.h"
#include "Passphrase.h"
#include "backend/CachingBackend.h"
#include "backend/HttpsBackend.h"
#include "backend/LocalBackend.h"
#include "crypto/Crypto.h"
#include "repo/Lock.h"
#include "repo/Repository.h"
#include "support/CacheDir.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace obnam::cli {

namespace {
const QCommandLineOption kHelp({QStringLiteral("h"), QStringLiteral("help")},
                               QStringLiteral("Show this help."));
const QCommandLineOption kConfig({QStringLiteral("c"), QStringLiteral("config")},
                                 QStringLiteral("Use configuration FILE."), QStringLiteral("FILE"));
const QCommandLineOption
    kPassphraseFile(QStringLiteral("passphrase-file"),
                    QStringLiteral("Read the passphrase from the first line of FILE."),
                    QStringLiteral("FILE"));
} // namespace

Command::Command(QString name, QString description)
    : m_name(std::move(name))
    , m_description(std::move(description))
{}

Command::~Command() = default;

QString Command::helpText() const
{
    QCommandLineParser parser;
    parser.setApplicationDescription(m_description);
    parser.addOption(kHelp);
    parser.addOption(kConfig);
    parser.addOptions(m_options);
    for (const PositionalArgument &p : m_positionals)
        parser.addPositionalArgument(p.name, p.description, p.syntax);
    QString text = parser.helpText();
    // QCommandLineParser names the running program; name the subcommand instead.
    const qsizetype options = text.indexOf(QStringLiteral(" [options]"));
    if (text.startsWith(QStringLiteral("Usage: ")) && options > 0)
        text = QStringLiteral("Usage: obnam-cli ") + m_name + text.mid(options);
    return text + QStringLiteral("\nExit status: 0 success, 1 error, 2 bad usage.\n");
}

int Command::run(CliContext &ctx, const QStringList &arguments, const QString &globalConfig)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(kHelp);
    parser.addOption(kConfig);
    parser.addOptions(m_options);
    if (!parser.parse(arguments)) {
        ctx.err << "error: " << parser.errorText() << "\n"
                << "Try 'obnam-cli " << m_name << " --help'.\n";
        return ExitUsage;
    }
    if (parser.isSet(kHelp)) {
        ctx.out << helpText();
        return ExitOk;
    }
    const int count = int(parser.positionalArguments().size());
    if (count < m_minPositional || count > m_maxPositional) {
        // Commands without an upper bound (restore's PATHs) have a huge one: say "at least".
        const bool unbounded = m_maxPositional >= (1 << 16);
        const QString amount =
            m_minPositional == m_maxPositional ? QString::number(m_minPositional)
            : unbounded                        ? QStringLiteral("at least %1").arg(m_minPositional)
            : m_minPositional == 0
                ? QStringLiteral("at most %1").arg(m_maxPositional)
                : QStringLiteral("%1 to %2").arg(m_minPositional).arg(m_maxPositional);
        ctx.err << "error: '" << m_name << "' takes " << amount << " argument"
                << (m_maxPositional == 1 && m_minPositional <= 1 ? "" : "s") << ", got " << count
                << "\n"
                << "Try 'obnam-cli " << m_name << " --help'.\n";
        return ExitUsage;
    }
    m_configOverride = parser.isSet(kConfig) ? parser.value(kConfig) : globalConfig;
    return execute(ctx, parser);
}

int Command::fail(CliContext &ctx, const Error &error) const
{
    ctx.err << "error: " << error.toString() << "\n";
    ctx.err.flush();
    return ExitError;
}

int Command::usage(CliContext &ctx, const QString &message) const
{
    ctx.err << "error: " << message << "\n"
            << "Try 'obnam-cli " << m_name << " --help'.\n";
    return ExitUsage;
}

QString Command::configPath(const CliContext &ctx) const
{
    return m_configOverride.isEmpty() ? ClientConfig::defaultPath(ctx) : m_configOverride;
}

Result<ClientConfig> Command::loadConfig(const QString &path, CliContext &ctx)
{
    auto config = ClientConfig::load(path, ctx);
    if (config) {
        for (const QString &w : std::as_const(config->warnings))
            ctx.err << "warning: " << w << "\n";
    }
    return config;
}

RepositoryCommand::RepositoryCommand(QString name, QString description)
    : Command(std::move(name), std::move(description))
{
    addOption(kPassphraseFile);
}

int RepositoryCommand::execute(CliContext &ctx, const QCommandLineParser &parser)
{
    auto config = loadConfig(configPath(ctx), ctx);
    if (!config)
        return fail(ctx, config.error());
    configLoaded(*config, parser);
    const auto release = qScopeGuard([this] { configReleased(); });
    auto backend = makeBackend(*config, ctx);
    if (!backend)
        return fail(ctx, backend.error());

    if (auto cache = cachedir::preparePrivate(ctx.cacheHome() + QStringLiteral("/obnam")); !cache)
        return fail(ctx, cache.error());
    Result<std::unique_ptr<Repository>> repo = makeError(ErrorCode::Permanent, QString());
    auto credentials = Credentials::load(config->credentialsPath());
    if (credentials) {
        // The credentials name the repository, so its cache is known before it is opened. A
        // local repository is read from its disk directly: a copy would only double the I/O.
        if (!config->isLocal() && usesObjectCache())
            *backend = std::make_shared<CachingBackend>(
                *backend,
                ctx.cacheHome() + QStringLiteral("/obnam/") + credentials->repositoryId +
                    QStringLiteral("/objects"),
                QStringList{QStringLiteral("index/"), QStringLiteral("generations/")});
        repo = Repository::open(*backend, credentials->keys, credentials->repositoryId);
    } else if (credentials.error().code == ErrorCode::NotFound) {
        // No credentials file: a passphrase from any source opens the repository instead.
        auto passphrase =
            obtainPassphrase(ctx, {}, parser.value(kPassphraseFile), QStringLiteral("Passphrase"),
                             false, Keyring::entryName(config->serverUrl));
        if (!passphrase) {
            if (parser.isSet(kPassphraseFile) ||
                ctx.env.contains(QStringLiteral("OBNAM_PASSPHRASE")))
                return fail(ctx, passphrase.error());
            return fail(ctx, credentials.error());
        }
        repo = Repository::open(*backend, *passphrase);
        crypto::wipe(*passphrase);
    } else {
        return fail(ctx, credentials.error());
    }
    if (!repo)
        return fail(ctx, repo.error());
    Session session{*config, std::move(*repo), {}};
    session.cacheDir = ctx.cacheHome() + QStringLiteral("/obnam/") +
                       session.repository->config().repositoryIdHex();
    const int code = executeWithRepository(ctx, parser, session);
    if (!reportsDamageItself()) {
        // Damaged index objects and generation records were skipped; say so every time.
        for (const Error &e : session.repository->damagedObjects())
            ctx.err << "warning: damaged object skipped: " << e.toString()
                    << " (run 'obnam-cli check')\n";
    }
    return code;
}

void RepositoryCommand::addNoLockOption()
{
    addOption({QStringLiteral("no-lock"),
               QStringLiteral("Read the repository without taking a lock (when you know nothing "
                              "is pruning it).")});
}

Result<std::unique_ptr<RepositoryLock>>
RepositoryCommand::readingLock(CliContext &ctx, const QCommandLineParser &parser, Session &session,
                               const QString &purpose)
{
    if (parser.isSet(QStringLiteral("no-lock")))
        return std::unique_ptr<RepositoryLock>();
    auto lock = RepositoryLock::acquire(*session.repository, false, purpose);
    if (lock || !session.config.isLocal())
        return lock;
    // The lock could not be written: is it because nothing can be written there?
    const QByteArray locks =
        QFile::encodeName(session.config.repositoryPath + QStringLiteral("/locks"));
    if (::access(locks.constData(), W_OK) == 0 ||
        (errno != EROFS && errno != EACCES && errno != EPERM))
        return lock;
    ctx.err << "note: the repository cannot be written ("
            << QString::fromLocal8Bit(std::strerror(errno)) << "): reading it without a lock\n";
    return std::unique_ptr<RepositoryLock>();
}

Result<std::shared_ptr<Backend>> makeBackend(const ClientConfig &config, CliContext &ctx)
{
    if (config.isLocal())
        return std::shared_ptr<Backend>(std::make_shared<LocalBackend>(config.repositoryPath));
    const QUrl url(config.serverUrl, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QStringLiteral("https") || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || !(url.path().isEmpty() || url.path() == QStringLiteral("/")) ||
        url.hasQuery() || url.hasFragment())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("server_url must be https://HOST or https://HOST:PORT"),
                         config.serverUrl);
    if (config.accessToken.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("an obnam-server needs an access token: set access_token "
                                        "in the configuration or OBNAM_ACCESS_TOKEN"),
                         config.path);
    if (!config.verifyTlsCert)
        ctx.err << "warning: verify_tls_cert is false: the server's certificate is not checked, "
                   "so anyone on the network path can read and change this connection\n";
    HttpsSettings settings;
    settings.baseUrl = url.adjusted(QUrl::RemovePath);
    settings.accessToken = config.accessToken;
    settings.pinnedSha256 = config.serverCertSha256;
    settings.caFile = config.serverCaFile;
    settings.verifyTls = config.verifyTlsCert;
    return std::shared_ptr<Backend>(std::make_shared<HttpsBackend>(std::move(settings)));
}

void logLine(const ClientConfig &config, const QString &level, const QString &message)
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

} // namespace obnam::cli
