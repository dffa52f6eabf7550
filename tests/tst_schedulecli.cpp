// obnam-cli schedule install | remove | status | run, run as the real binary: the unit files it
// writes (checked by systemd-analyze verify), what it asks of systemctl (a stand-in that
// records its arguments), and what the timer's service runs: a backup, then the retention
// policy with prune at most once a week.
#include "CliRunner.h"
#include "ScheduleState.h"
#include "SystemdUnits.h"
#include "TestSupport.h"

#include <QStandardPaths>
#include <QtTest>

using namespace obnam;
using namespace obnam::client;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestScheduleCli : public QObject
{
    Q_OBJECT

    // A systemctl that logs each call and answers `show` like an enabled timer; with
    // FAKE_SYSTEMCTL_FAIL set it fails like one without a user session.
    QString writeFakeSystemctl(const test::CliHome &h)
    {
        const QString path = h.path() + QStringLiteral("/systemctl");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write("#!/bin/sh\n"
                "echo \"$*\" >> \"$FAKE_SYSTEMCTL_LOG\"\n"
                "if [ -n \"$FAKE_SYSTEMCTL_FAIL\" ]; then\n"
                "  echo 'Failed to connect to bus: No medium found' >&2; exit 1\n"
                "fi\n"
                "case \"$2\" in show) printf 'UnitFileState=enabled\\nActiveState=active\\n"
                "NextElapseUSecRealtime=Mon 2026-12-07 03:15:00 CET\\nLastTriggerUSec=n/a\\n';; "
                "esac\n");
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return path;
    }

    QProcessEnvironment fakeEnv(const test::CliHome &h, bool fail = false)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("OBNAM_SYSTEMCTL"), writeFakeSystemctl(h));
        env.insert(QStringLiteral("FAKE_SYSTEMCTL_LOG"), h.path() + QStringLiteral("/calls"));
        if (fail)
            env.insert(QStringLiteral("FAKE_SYSTEMCTL_FAIL"), QStringLiteral("1"));
        return env;
    }

    QStringList calls(const test::CliHome &h)
    {
        return QString::fromUtf8(readAll(h.path() + QStringLiteral("/calls")))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void installStatusRemove()
    {
        test::CliHome h;
        h.writeConfig("roots: [/nonexistent]\nserver_url: /media/none/obnam\n");
        const QProcessEnvironment env = fakeEnv(h);
        // No schedule yet: refused, naming what to set.
        test::CliRun r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("install")}, env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("schedule: daily")), qPrintable(r.err));
        QVERIFY(calls(h).isEmpty());

        h.writeConfig("roots: [/nonexistent]\nserver_url: /media/none/obnam\n"
                      "schedule: weekly\nschedule_day: sun\nschedule_time: \"3:15\"\n");
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("install")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString dir = h.home() + QStringLiteral("/.config/systemd/user/");
        const QByteArray service = readAll(dir + QStringLiteral("obnam-backup.service"));
        const QByteArray timer = readAll(dir + QStringLiteral("obnam-backup.timer"));
        QVERIFY(timer.contains("OnCalendar=Sun *-*-* 03:15:00\n"));
        QVERIFY(timer.contains("Persistent=true\n"));
        QVERIFY(timer.contains("WantedBy=timers.target\n"));
        QVERIFY(service.contains("RestartForceExitStatus=75\n"));
        QVERIFY(service.contains("RestartSec=15min\n"));
        QVERIFY2(timer.contains("Description=Obnam backups, every sunday at 03:15\n"),
                 timer.constData());
        QVERIFY2(service.contains(QStringLiteral("ExecStart=\"%1\" --config \"%2\" schedule run\n")
                                      .arg(QStringLiteral(OBNAM_CLI), h.configPath())
                                      .toUtf8()),
                 service.constData());
        QCOMPARE(calls(h), (QStringList{QStringLiteral("--user daemon-reload"),
                                        QStringLiteral("--user enable --now obnam-backup.timer")}));
        QVERIFY(r.out.contains(QStringLiteral("every Sunday")));

        // What systemd itself makes of them.
        const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
        if (analyze.isEmpty())
            QSKIP("systemd-analyze is not installed (Debian's systemd package)");
        QProcess verify;
        QProcessEnvironment venv = QProcessEnvironment::systemEnvironment();
        venv.insert(QStringLiteral("XDG_RUNTIME_DIR"), h.path());
        verify.setProcessEnvironment(venv);
        verify.start(analyze,
                     {QStringLiteral("--user"), QStringLiteral("verify"),
                      QStringLiteral("--man=no"), dir + QStringLiteral("obnam-backup.service"),
                      dir + QStringLiteral("obnam-backup.timer")});
        QVERIFY(verify.waitForFinished(60000));
        const QByteArray complaints =
            verify.readAllStandardError() + verify.readAllStandardOutput();
        QVERIFY2(verify.exitCode() == 0 && complaints.trimmed().isEmpty(), complaints.constData());

        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("status")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("(installed)")));
        QVERIFY(r.out.contains(QStringLiteral("enabled: yes")));
        QVERIFY(r.out.contains(QStringLiteral("next run: Mon 2026-12-07 03:15:00 CET")));
        QVERIFY(r.out.contains(QStringLiteral("last run: -")));
        QVERIFY(r.out.contains(QStringLiteral("last backup: none")));

        // The schedule changed since: status says the timer is out of date.
        h.writeConfig("roots: [/nonexistent]\nserver_url: /media/none/obnam\nschedule: daily\n"
                      "schedule_on_battery: true\n");
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("status")}, env);
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains(QStringLiteral("out of date")));
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("install")}, env);
        QCOMPARE(r.code, 0);
        QVERIFY(readAll(dir + QStringLiteral("obnam-backup.timer"))
                    .contains("Description=Obnam backups, daily at 12:00\n"));
        QVERIFY(readAll(dir + QStringLiteral("obnam-backup.timer"))
                    .contains("OnCalendar=*-*-* 12:00:00\n"));

        QFile::remove(h.path() + QStringLiteral("/calls"));
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("remove")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!QFile::exists(dir + QStringLiteral("obnam-backup.service")));
        QVERIFY(!QFile::exists(dir + QStringLiteral("obnam-backup.timer")));
        QCOMPARE(calls(h), (QStringList{QStringLiteral("--user disable --now obnam-backup.timer"),
                                        QStringLiteral("--user daemon-reload")}));
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("remove")}, env);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("No scheduled backups")));
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("status")}, env);
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains(QStringLiteral("(not installed)")));
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("sometime")}, env);
        QCOMPARE(r.code, 2);
    }

    void withoutAUserSessionTheUnitsAreWrittenAndTheUserToldHow()
    {
        test::CliHome h;
        h.writeConfig("roots: [/nonexistent]\nserver_url: /media/none/obnam\nschedule: hourly\n");
        const test::CliRun r =
            h.runBinary({QStringLiteral("schedule"), QStringLiteral("install")}, fakeEnv(h, true));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Failed to connect to bus")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("systemctl --user enable --now obnam-backup.timer")));
        QVERIFY(
            QFile::exists(h.home() + QStringLiteral("/.config/systemd/user/obnam-backup.timer")));
    }

    void anotherConfigurationGetsUnitsOfItsOwn()
    {
        test::CliHome h;
        const QString other = h.path() + QStringLiteral("/my 100% \"odd\" $config.yaml");
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("roots: [/nonexistent]\nserver_url: /media/none/obnam\nschedule: daily\n");
        f.close();
        const test::CliRun r = h.runBinary({QStringLiteral("--config"), other,
                                            QStringLiteral("schedule"), QStringLiteral("install")},
                                           fakeEnv(h));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QDir dir(h.home() + QStringLiteral("/.config/systemd/user"));
        const QStringList units = dir.entryList({QStringLiteral("obnam-backup-*")}, QDir::Files);
        QCOMPARE(units.size(), 2);
        const QByteArray service =
            readAll(dir.filePath(units.filter(QStringLiteral(".service")).first()));
        const QByteArray expected = QByteArray("--config \"") + h.path().toUtf8() +
                                    "/my 100%% \\\"odd\\\" $$config.yaml\" schedule run";
        QVERIFY2(service.contains(expected), service.constData());
        QCOMPARE(systemdArgument(QStringLiteral("a\\b")), QStringLiteral("\"a\\\\b\""));
    }

    void runBacksUpThenAppliesTheRetentionPolicy()
    {
        test::CliHome h;
        const QString src = h.path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(src));
        QVERIFY(test::writeFile(QFile::encodeName(src + QStringLiteral("/a")), "first"));
        h.writeConfig(QStringLiteral("roots: [%1]\nserver_url: %2\nschedule: daily\nkeep_last: 1\n")
                          .arg(src, h.repositoryPath())
                          .toUtf8());
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("pw"));
        QCOMPARE(h.run({QStringLiteral("init")}, pw).code, 0);

        test::CliRun r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("run")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("retention: 0 generations forgotten; prune freed")),
                 qPrintable(r.out));
        QVERIFY(test::writeFile(QFile::encodeName(src + QStringLiteral("/a")), "second"));
        // At once again: that backup covers the schedule's latest slot.
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("already covers the schedule")), qPrintable(r.out));
        // Paused in obnam-gui: skipped too.
        QProcessEnvironment home;
        home.insert(QStringLiteral("HOME"), h.home());
        const Paths paths(home);
        ScheduleState paused = ScheduleState::load(paths, h.configPath());
        paused.pausedUntilResumed = true;
        QVERIFY(paused.save(paths, h.configPath()));
        QFile runs(h.home() + QStringLiteral("/.local/state/obnam/runs.jsonl"));
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QByteArray text = runs.readAll();
        runs.close();
        // Two days later, by the history.
        const QByteArray today =
            QDateTime::currentDateTimeUtc().toString(Qt::ISODate).left(10).toUtf8();
        const QByteArray before =
            QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODate).left(10).toUtf8();
        const QByteArray key = "\"started\":\"";
        text.replace(QByteArray(key + today), QByteArray(key + before));
        QVERIFY(runs.open(QIODevice::WriteOnly | QIODevice::Truncate));
        runs.write(text);
        runs.close();
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("skipped: scheduled backups are paused")),
                 qPrintable(r.out));
        paused.pausedUntilResumed = false;
        QVERIFY(paused.save(paths, h.configPath()));
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("run")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // keep_last: 1 forgot the first; prune ran a moment ago, so not again this week.
        QVERIFY2(
            r.out.contains(QStringLiteral("retention: 1 generation forgotten; prune: not due")),
            qPrintable(r.out));
        r = h.run({QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 1);
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), h.home());
        const ScheduleState state = ScheduleState::load(Paths(env), h.configPath());
        QVERIFY(state.lastPrune.isValid());
        QVERIFY(state.lastPrune.secsTo(QDateTime::currentDateTimeUtc()) < 600);

        // The repository's disk is not attached: held back (75: systemd starts it again later),
        // not failed. Without a schedule nothing runs at all.
        const QString unplugged = h.path() + QStringLiteral("/unplugged.yaml");
        QFile other(unplugged);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(QStringLiteral("roots: [%1]\nserver_url: %2/unplugged\nschedule: daily\n")
                        .arg(src, h.path())
                        .toUtf8());
        other.close();
        r = h.runBinary({QStringLiteral("--config"), unplugged, QStringLiteral("schedule"),
                         QStringLiteral("run")});
        QCOMPARE(r.code, 75);
        QVERIFY2(r.out.contains(QStringLiteral("skipped: the repository's disk is not attached")),
                 qPrintable(r.out));
        h.writeConfig(
            QStringLiteral("roots: [%1]\nserver_url: %2\n").arg(src, h.repositoryPath()).toUtf8());
        r = h.runBinary({QStringLiteral("schedule"), QStringLiteral("run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("skipped: the configuration has no schedule")),
                 qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestScheduleCli)
#include "tst_schedulecli.moc"
