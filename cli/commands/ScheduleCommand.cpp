// schedule install | remove | status | run: the same schedule as obnam-gui's tray, kept by a
// systemd user timer, for computers without a tray.
#include "Commands.h"

#include "RunHistory.h"
#include "ScheduleState.h"
#include "ScheduledRetention.h"
#include "SystemdUnits.h"
#include "WholeFile.h"
#include "repo/Repository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>

namespace obnam::cli {

namespace {

struct Systemctl
{
    bool ok = false;
    QString out;
    QString why; // what went wrong, for the user
};

// `systemctl --user ARGS`. OBNAM_SYSTEMCTL names another program (tests, or a wrapper).
Systemctl systemctl(const CliContext &ctx, const QStringList &args)
{
    const QString program =
        ctx.env.value(QStringLiteral("OBNAM_SYSTEMCTL"), QStringLiteral("systemctl"));
    QProcess p;
    p.setProcessEnvironment(ctx.env);
    p.start(program, QStringList{QStringLiteral("--user")} + args);
    Systemctl r;
    if (!p.waitForStarted(10000)) {
        r.why = QStringLiteral("cannot run %1: %2").arg(program, p.errorString());
        return r;
    }
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.why = QStringLiteral("%1 --user %2 did not finish within a minute")
                    .arg(program, args.join(QLatin1Char(' ')));
        return r;
    }
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!r.ok)
        r.why = QStringLiteral("%1 --user %2 failed: %3")
                    .arg(program, args.join(QLatin1Char(' ')),
                         QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
    return r;
}

// The exit status of a run that was held back (EX_TEMPFAIL): the service is started again.
constexpr int kExitTryLater = 75;

// Whether the computer runs on battery, as systemd's ConditionACPower judges it: it has a
// mains supply and none is online. A desktop without one is on mains.
bool onBatteryPower()
{
    const QDir supplies(QStringLiteral("/sys/class/power_supply"));
    bool mains = false;
    for (const QString &name : supplies.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile type(supplies.filePath(name + QStringLiteral("/type")));
        if (!type.open(QIODevice::ReadOnly) || type.readAll().trimmed() != "Mains")
            continue;
        mains = true;
        QFile online(supplies.filePath(name + QStringLiteral("/online")));
        if (online.open(QIODevice::ReadOnly) && online.readAll().trimmed() == "1")
            return false;
    }
    return mains;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class ScheduleCommand final : public Command
{
public:
    ScheduleCommand()
        : Command(QStringLiteral("schedule"),
                  QStringLiteral("Scheduled backups without a desktop: 'install' writes and "
                                 "enables a systemd user timer that runs 'schedule run' on the "
                                 "schedule_* keys of the configuration (Persistent=true catches "
                                 "up on runs missed while the computer was off); 'remove' "
                                 "disables and deletes it; 'status' says whether it is installed, "
                                 "current and enabled, when it runs next and how the last backup "
                                 "went; 'run' is what the timer runs: a backup, then the keep_* "
                                 "retention policy (forget, and prune at most once a week)."))
    {
        addPositional(QStringLiteral("ACTION"), QStringLiteral("install, remove, status or run."));
        setPositionalRange(1, 1);
    }

protected:
    int execute(CliContext &ctx, const QCommandLineParser &parser) override
    {
        const QString action = parser.positionalArguments().first();
        const QString path = QFileInfo(configPath(ctx)).absoluteFilePath();
        if (action == QStringLiteral("run"))
            return run(ctx, path);
        if (action != QStringLiteral("install") && action != QStringLiteral("remove") &&
            action != QStringLiteral("status"))
            return usage(ctx, QStringLiteral("unknown action '%1': use install, remove, status "
                                             "or run")
                                  .arg(action));
        auto config = loadConfig(path, ctx);
        if (!config)
            return fail(ctx, config.error());
        const client::UserTimer units =
            client::userTimer(*config, path, ctx.paths(), QCoreApplication::applicationFilePath());
        if (action == QStringLiteral("install"))
            return install(ctx, *config, units);
        if (action == QStringLiteral("remove"))
            return remove(ctx, units);
        return status(ctx, *config, units);
    }

private:
    int install(CliContext &ctx, const ClientConfig &config, const client::UserTimer &units)
    {
        if (!config.schedule.enabled())
            return fail(ctx, makeError(ErrorCode::InvalidArgument,
                                       QStringLiteral("no schedule: set 'schedule: daily' (or "
                                                      "hourly, weekly) in the configuration "
                                                      "first"),
                                       config.path));
        if (!QDir().mkpath(units.directory))
            return fail(ctx, makeError(ErrorCode::Io, QStringLiteral("cannot create the folder"),
                                       units.directory));
        for (const auto &[file, text] : {std::pair{units.serviceFile(), units.service},
                                         std::pair{units.timerFile(), units.timer}}) {
            if (auto s =
                    client::writeWholeFile(file, text, QStringLiteral("cannot write: "), false);
                !s)
                return fail(ctx, s.error());
        }
        ctx.out << "wrote " << units.serviceFile() << "\n"
                << "wrote " << units.timerFile() << "\n";
        for (const QStringList &args :
             {QStringList{QStringLiteral("daemon-reload")},
              QStringList{QStringLiteral("enable"), QStringLiteral("--now"), units.timerUnit()}}) {
            const Systemctl r = systemctl(ctx, args);
            if (!r.ok) {
                ctx.err << "error: " << r.why << "\n"
                        << "The units are written; in a login session, enable them with:\n"
                        << "  systemctl --user daemon-reload && systemctl --user enable --now "
                        << units.timerUnit() << "\n";
                return ExitError;
            }
        }
        ctx.out << "Scheduled backups " << config.schedule.describe() << " (" << units.timerUnit()
                << "; a run missed while the computer was off follows when it starts)\n";
        if (!config.schedule.onBattery)
            ctx.out << "Not on battery: set schedule_on_battery: true to allow it.\n";
        return ExitOk;
    }

    int remove(CliContext &ctx, const client::UserTimer &units)
    {
        const bool present = QFile::exists(units.timerFile()) || QFile::exists(units.serviceFile());
        if (!present) {
            ctx.out << "No scheduled backups of this configuration are installed ("
                    << units.timerFile() << " does not exist).\n";
            return ExitOk;
        }
        const Systemctl disabled =
            systemctl(ctx, {QStringLiteral("disable"), QStringLiteral("--now"), units.timerUnit()});
        for (const QString &file : {units.timerFile(), units.serviceFile()}) {
            if (QFile::exists(file) && !QFile::remove(file))
                return fail(ctx, makeError(ErrorCode::Io, QStringLiteral("cannot delete"), file));
            ctx.out << "deleted " << file << "\n";
        }
        const Systemctl reloaded = systemctl(ctx, {QStringLiteral("daemon-reload")});
        if (!disabled.ok || !reloaded.ok) {
            ctx.err << "warning: " << (disabled.ok ? reloaded.why : disabled.why) << "\n"
                    << "The units are deleted; systemd forgets them at its next reload.\n";
            return ExitError;
        }
        ctx.out << "Scheduled backups removed.\n";
        // The package's own units are what is left: an administrator may have enabled them for
        // every user, and then they run on their own fixed schedule.
        if (QFile::exists(QStringLiteral("/usr/lib/systemd/user/") + units.timerUnit()))
            ctx.out << "Note: if an administrator enabled the obnam package's " << units.timerUnit()
                    << " for all users, it still runs 'obnam-cli schedule run', which backs up "
                       "only while the configuration has a schedule.\n";
        return ExitOk;
    }

    int status(CliContext &ctx, const ClientConfig &config, const client::UserTimer &units)
    {
        ctx.out << "schedule: " << config.schedule.describe() << "\n";
        const bool installed = QFile::exists(units.timerFile());
        const bool current = installed && readFile(units.timerFile()) == units.timer &&
                             readFile(units.serviceFile()) == units.service;
        ctx.out << "timer: " << units.timerFile()
                << (installed ? (current ? " (installed)"
                                         : " (out of date: run 'obnam-cli schedule install' "
                                           "again)")
                              : " (not installed)")
                << "\n";
        bool enabled = false;
        if (installed) {
            const Systemctl r = systemctl(ctx, {QStringLiteral("show"), units.timerUnit(),
                                                QStringLiteral("--property=UnitFileState,"
                                                               "ActiveState,"
                                                               "NextElapseUSecRealtime,"
                                                               "LastTriggerUSec")});
            if (!r.ok) {
                ctx.out << "systemd: not reachable (" << r.why << ")\n";
            } else {
                QHash<QString, QString> v;
                for (const QString &line : r.out.split(QLatin1Char('\n'))) {
                    const qsizetype eq = line.indexOf(QLatin1Char('='));
                    if (eq > 0)
                        v.insert(line.left(eq), line.mid(eq + 1).trimmed());
                }
                enabled = v.value(QStringLiteral("UnitFileState")) == QStringLiteral("enabled");
                const auto shown = [](const QString &s) {
                    return s.isEmpty() || s == QStringLiteral("n/a") ? QStringLiteral("-") : s;
                };
                ctx.out << "enabled: " << (enabled ? "yes" : "no") << "\n"
                        << "active: " << shown(v.value(QStringLiteral("ActiveState"))) << "\n"
                        << "next run: " << shown(v.value(QStringLiteral("NextElapseUSecRealtime")))
                        << "\n"
                        << "last run: " << shown(v.value(QStringLiteral("LastTriggerUSec")))
                        << "\n";
            }
        }
        const QList<client::Run> runs = client::RunHistory(ctx.paths()).load();
        if (runs.isEmpty()) {
            ctx.out << "last backup: none\n";
        } else {
            const client::Run &last = runs.last();
            ctx.out << "last backup: " << last.started.toLocalTime().toString(Qt::ISODate) << " "
                    << client::outcomeName(last.outcome) << " (" << last.program << ")\n";
        }
        return installed && current && enabled ? ExitOk : ExitError;
    }

    int run(CliContext &ctx, const QString &path)
    {
        auto config = loadConfig(path, ctx);
        if (!config)
            return fail(ctx, config.error());
        // The same rules as obnam-gui's scheduler, so the package's timer, a user's timer and
        // the tray can all be on without backing up more often than the schedule says.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const client::Schedule &schedule = config->schedule;
        if (!schedule.enabled()) {
            ctx.out << "skipped: the configuration has no schedule (schedule: off)\n";
            return ExitOk;
        }
        const client::ScheduleState state = client::ScheduleState::load(ctx.paths(), path);
        if (state.pausedUntilResumed || (state.pausedUntil.isValid() && now < state.pausedUntil)) {
            ctx.out << "skipped: scheduled backups are paused in obnam-gui\n";
            return ExitOk;
        }
        const QDateTime lastSuccess =
            client::lastSuccessOf(client::RunHistory(ctx.paths()).load(), path);
        const QDateTime slot = schedule.latestSlot(now, QTimeZone::systemTimeZone());
        if (lastSuccess.isValid() && lastSuccess <= now && lastSuccess >= slot) {
            ctx.out << "skipped: the backup that ended "
                    << lastSuccess.toLocalTime().toString(Qt::ISODate)
                    << " already covers the schedule (" << schedule.onCalendar() << ")\n";
            return ExitOk;
        }
        // Held back, not failed: the exit status tells systemd to try again in a while
        // (RestartForceExitStatus in the service), and the disk's return is noticed so.
        if (config->isLocal()) {
            const QDir repo(config->repositoryPath);
            if (!repo.exists() || repo.isEmpty()) {
                ctx.out << "skipped: the repository's disk is not attached ("
                        << config->repositoryPath << "); trying again later\n";
                return kExitTryLater;
            }
        }
        if (!schedule.onBattery && onBatteryPower()) {
            ctx.out << "skipped: the computer runs on battery (schedule_on_battery: false); "
                       "trying again later\n";
            return kExitTryLater;
        }
        if (auto locks = client::liveLocks(*config); locks) {
            for (const LockInfo &lock : std::as_const(*locks)) {
                if (lock.purpose == QStringLiteral("backup") &&
                    lock.hostname == QSysInfo::machineHostName()) {
                    ctx.out << "skipped: a backup of this computer is running (" << lock.describe()
                            << "); trying again later\n";
                    return kExitTryLater;
                }
            }
        }
        const QDateTime started = QDateTime::currentDateTimeUtc();
        auto backup = makeBackupCommand();
        const int code = backup->run(ctx, {QStringLiteral("obnam-cli backup")}, path);
        if (code == ExitUsage)
            return code;
        // Warnings (an unreadable file, a new CACHEDIR.TAG) make the backup's status 1 but it
        // did succeed: the history says which.
        const QList<client::Run> runs = client::RunHistory(ctx.paths()).load();
        const bool succeeded = !runs.isEmpty() &&
                               runs.last().started.toUTC() >= started.addSecs(-1) &&
                               (runs.last().outcome == client::Run::Succeeded ||
                                runs.last().outcome == client::Run::SucceededWithWarnings);
        if (!succeeded || config->retention.isEmpty())
            return code;
        QStringList warnings;
        auto session = client::openSession(*config, ctx.paths(), {}, &warnings);
        if (!session)
            return fail(ctx, session.error());
        auto retention = client::applyScheduledRetention(*session, ctx.paths(), path,
                                                         QDateTime::currentDateTimeUtc());
        if (!retention)
            return fail(ctx, retention.error());
        ctx.out << "retention: " << retention->removed << " generation"
                << (retention->removed == 1 ? "" : "s") << " forgotten";
        if (retention->prune)
            ctx.out << "; prune freed "
                    << (retention->prune->bytesDeleted - retention->prune->bytesWritten)
                    << " bytes";
        else
            ctx.out << "; prune: not due (once a week)";
        ctx.out << "\n";
        return code;
    }
};

} // namespace

std::unique_ptr<Command> makeScheduleCommand()
{
    return std::make_unique<ScheduleCommand>();
}

} // namespace obnam::cli
