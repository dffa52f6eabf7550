#pragma once

#include "CliContext.h"
#include "ClientConfig.h"
#include "Session.h"
#include "support/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

#include <memory>

namespace obnam {
class Backend;
class Repository;
} // namespace obnam

namespace obnam {
class RepositoryLock;
}

namespace obnam::cli {

// The client layer's types, as the commands know them.
using client::ClientConfig;

struct PositionalArgument
{
    QString name;
    QString description;
    QString syntax;
};

// One subcommand: its name, options and arguments, and what it does. Command::run() parses
// the arguments, answers --help, then calls execute().
class Command
{
public:
    virtual ~Command();

    const QString &name() const { return m_name; }
    const QString &description() const { return m_description; }

    int run(CliContext &ctx, const QStringList &arguments, const QString &globalConfig);
    QString helpText() const;

protected:
    Command(QString name, QString description);

    virtual int execute(CliContext &ctx, const QCommandLineParser &parser) = 0;

    void addOption(const QCommandLineOption &option) { m_options.append(option); }
    void addPositional(const QString &name, const QString &description, const QString &syntax = {})
    {
        m_positionals.append({name, description, syntax});
    }
    void setPositionalRange(int min, int max)
    {
        m_minPositional = min;
        m_maxPositional = max;
    }

    // Prints "error: MESSAGE (PATH)" on stderr and returns ExitError.
    int fail(CliContext &ctx, const Error &error) const;
    // Prints "error: MESSAGE" and the --help hint on stderr and returns ExitUsage.
    int usage(CliContext &ctx, const QString &message) const;
    // The configuration file this invocation uses: --config, else the XDG default.
    QString configPath(const CliContext &ctx) const;
    // ClientConfig::load(), and the warnings it found printed on stderr.
    static Result<ClientConfig> loadConfig(const QString &path, CliContext &ctx);

private:
    QString m_name;
    QString m_description;
    QList<QCommandLineOption> m_options;
    QList<PositionalArgument> m_positionals;
    int m_minPositional = 0;
    int m_maxPositional = 0;
    QString m_configOverride;
};

// A command that works on the configured repository: loads the configuration and the
// client's credentials, opens the repository, then calls executeWithRepository().
class RepositoryCommand : public Command
{
protected:
    RepositoryCommand(QString name, QString description);

    using Session = client::Session;

    virtual int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                                      Session &session) = 0;
    // Called once the configuration is loaded, before the repository is opened: work that
    // needs only the configuration can start and overlap the opening. Whatever it started
    // is let go in configReleased(), which follows every configLoaded(), however the
    // command ends.
    virtual void configLoaded(const ClientConfig &config, const QCommandLineParser &parser)
    {
        Q_UNUSED(config);
        Q_UNUSED(parser);
    }
    virtual void configReleased() {}
    // `check` names damaged objects in its own report instead of as warnings.
    virtual bool reportsDamageItself() const { return false; }
    // Whether index objects and generation records of a remote repository may come from the
    // local cache; `check` and `repair` judge what the server holds, so they read it all.
    virtual bool usesObjectCache() const { return true; }

    // For commands that only read (restore, check): adds --no-lock.
    void addNoLockOption();
    // Their shared lock. Where a local repository cannot be written (a read-only mount, a
    // write-protected disk: the disaster-recovery case) or with --no-lock, they read without
    // one and say so; the lock is then null.
    Result<std::unique_ptr<RepositoryLock>> readingLock(CliContext &ctx,
                                                        const QCommandLineParser &parser,
                                                        Session &session, const QString &purpose);

private:
    int execute(CliContext &ctx, const QCommandLineParser &parser) final;
};

} // namespace obnam::cli
