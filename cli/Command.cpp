#include "Command.h"

#include "Keyring.h"
#include "Passphrase.h"
#include "repo/Lock.h"
#include "repo/Repository.h"

#include <QScopeGuard>

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

namespace {

// What obnam-cli tells a user to do about an error's remedy.
QString remedyHint(Remedy remedy)
{
    switch (remedy) {
    case Remedy::None:
    case Remedy::Upgrade:           // the message says it
    case Remedy::ChooseEmptyFolder: // the message says it, with the option that overrides it
        return {};
    case Remedy::SetUpClient:
        return QStringLiteral("run 'obnam-cli init' (or pass --config) to set up this client");
    case Remedy::CheckPassphrase:
        return QStringLiteral("check the passphrase (OBNAM_PASSPHRASE, --passphrase-file or the "
                              "keyring)");
    case Remedy::WaitForLock:
        return QStringLiteral("if that process is gone, 'obnam-cli unlock' removes stale locks");
    case Remedy::RemoveStaleLocks:
        return QStringLiteral("'obnam-cli unlock' removes stale locks");
    case Remedy::TrustCertificate:
        return QStringLiteral("trust the server with server_ca_file or pin its certificate with "
                              "server_cert_sha256");
    case Remedy::FreeSpace:
        return QStringLiteral("free some space, then run it again");
    case Remedy::CheckRepository:
        return QStringLiteral("run 'obnam-cli check'");
    case Remedy::RepairRepository:
        return QStringLiteral("run 'obnam-cli check' and 'obnam-cli repair'");
    }
    return {};
}

} // namespace

int Command::fail(CliContext &ctx, const Error &error) const
{
    ctx.err << "error: " << error.toString();
    if (const QString hint = remedyHint(error.remedy); !hint.isEmpty())
        ctx.err << "; " << hint;
    ctx.err << "\n";
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
    return m_configOverride.isEmpty() ? ctx.paths().defaultConfigFile() : m_configOverride;
}

Result<ClientConfig> Command::loadConfig(const QString &path, CliContext &ctx)
{
    auto config = ClientConfig::load(path, ctx.paths());
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
    client::OpenOptions options;
    options.objectCache = usesObjectCache();
    options.passphrase = [&]() -> Result<std::optional<QByteArray>> {
        auto passphrase =
            obtainPassphrase(ctx, {}, parser.value(kPassphraseFile), QStringLiteral("Passphrase"),
                             false, client::Keyring::entryName(config->serverUrl));
        if (passphrase)
            return std::optional<QByteArray>(*passphrase);
        // Asked for explicitly and not to be had: that is the error. Otherwise the missing
        // credentials are.
        if (parser.isSet(kPassphraseFile) || ctx.env.contains(QStringLiteral("OBNAM_PASSPHRASE")))
            return passphrase.error();
        return std::optional<QByteArray>();
    };
    QStringList warnings;
    auto session = client::openSession(*config, ctx.paths(), options, &warnings);
    for (const QString &w : std::as_const(warnings))
        ctx.err << "warning: " << w << "\n";
    if (!session)
        return fail(ctx, session.error());
    const int code = executeWithRepository(ctx, parser, *session);
    if (!reportsDamageItself()) {
        // Damaged index objects and generation records were skipped; say so every time.
        for (const Error &e : session->repository->damagedObjects())
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
    QString note;
    auto lock = client::readingLock(session, purpose, &note);
    if (!note.isEmpty())
        ctx.err << "note: " << note << "\n";
    return lock;
}

} // namespace obnam::cli
