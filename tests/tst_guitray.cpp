// obnam-gui in the tray, on the offscreen platform: the tray menu's actions, the state icon and
// tooltip through a backup that succeeds and one that fails, scheduled backups that run (with
// the retention policy after them) or wait for a backup another process holds, the
// notifications, the schedule page of the settings with the autostart entry, and what --tray
// says where there is no tray. The scheduler's clock and sources are the test's; the backups,
// repositories and obnam-cli are real.
#include "Autostart.h"
#include "BackupRunner.h"
#include "CliRunner.h"
#include "GuiSupport.h"
#include "Launcher.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SchedulePage.h"
#include "ScheduleState.h"
#include "ScheduledBackups.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "TestSupport.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "repo/Repository.h"

#include <QAction>
#include <QComboBox>
#include <QDBusConnection>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimeEdit>
#include <QtTest>

using namespace obnam;
using namespace obnam::test;
using gui::TrayIcon;

namespace {

const QByteArray kPassphrase = "a passphrase of several words";

class FakeClock : public client::Clock
{
public:
    QDateTime wall = QDateTime::currentDateTimeUtc();
    qint64 mono = 1000000;
    QDateTime now() const override { return wall; }
    qint64 monotonicMs() const override { return mono; }
    QTimeZone zone() const override { return QTimeZone::systemTimeZone(); }
    void advance(qint64 secs)
    {
        wall = wall.addSecs(secs);
        mono += secs * 1000;
    }
};

struct Always : client::PowerSource, client::NetworkSource, client::DiskSource
{
    bool battery = false;
    bool onBattery() const override { return battery; }
    bool metered() const override { return false; }
    bool present(const QString &) const override { return true; }
};

class RecordingNotifier : public gui::Notifier
{
public:
    struct Note
    {
        QString title;
        QString body;
        Urgency urgency;
    };
    QList<Note> notes;
    void notify(const QString &title, const QString &body, Urgency urgency) override
    {
        notes.append({title, body, urgency});
    }
    bool has(const QString &title) const
    {
        return std::any_of(notes.begin(), notes.end(),
                           [&](const Note &n) { return n.title == title; });
    }
};

// A home with data and an initialised repository, and a schedule in its configuration.
struct Fixture
{
    CliHome home;
    client::Paths paths{home.env()};
    FakeClock clock;
    Always world;
    RecordingNotifier notifier;
    gui::BackupRunner runner{paths};
    std::unique_ptr<gui::ScheduledBackups> scheduled;

    explicit Fixture(const QByteArray &schedule)
    {
        for (int i = 0; i < 20; ++i)
            putFile(home.home() + QStringLiteral("/data/d%1/f%2").arg(i % 4).arg(i),
                    randomData(5000 + i, quint32(i)));
        const auto r = home.run({QStringLiteral("init"), QStringLiteral("--root"),
                                 home.home() + QStringLiteral("/data")},
                                {}, {kPassphrase, kPassphrase});
        if (r.code != 0)
            qWarning("init failed: %s", qPrintable(r.err));
        QFile config(home.configPath());
        if (config.open(QIODevice::Append))
            config.write("\n" + schedule);
    }
    gui::ScheduledBackups &start()
    {
        gui::ScheduledBackups::Sources sources{&clock, &world, &world, &world, {}};
        scheduled = std::make_unique<gui::ScheduledBackups>(paths, home.configPath(), &runner,
                                                            sources, &notifier);
        scheduled->start(3600 * 1000); // the test ticks
        return *scheduled;
    }
    int generations() const
    {
        const auto r = home.run({QStringLiteral("list")});
        return int(r.out.count(QLatin1Char('\n')));
    }
};

// The freedesktop notification service, as a desktop's notification daemon offers it.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString app, icon, summary, body;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints,
                int timeout)
    {
        Q_UNUSED(replaces);
        Q_UNUSED(actions);
        calls.append({app, icon, summary, body, hints, timeout});
        return uint(calls.size());
    }
};

QAction *action(QMenu *menu, const char *name)
{
    return menu->findChild<QAction *>(QLatin1String(name));
}

} // namespace

class TestGuiTray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        quietOffscreenPlatform();
        QVERIFY(gui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
    }

    // First: the session bus must be this test's own before anything connects to one.
    void notificationsReachTheDesktopsNotificationService()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            QSKIP("dbus-daemon is not installed (Debian's dbus package)");
        QProcess bus;
        bus.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                           QStringLiteral("--print-address=1")});
        QVERIFY(bus.waitForReadyRead(10000));
        const QByteArray address = bus.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        QDBusConnection session = QDBusConnection::sessionBus();
        QVERIFY(session.isConnected());
        FakeNotifications service;
        QVERIFY(session.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &service,
                                       QDBusConnection::ExportAllSlots));
        QVERIFY(session.registerService(QStringLiteral("org.freedesktop.Notifications")));

        gui::DesktopNotifier notifier;
        notifier.notify(QStringLiteral("Backup failed"), QStringLiteral("the disk is full"),
                        gui::Notifier::Urgency::Critical);
        QTRY_COMPARE(service.calls.size(), 1);
        const FakeNotifications::Call &call = service.calls.first();
        QCOMPARE(call.app, QStringLiteral("Obnam"));
        QCOMPARE(call.icon, QStringLiteral("org.obnam.ObnamQt"));
        QCOMPARE(call.summary, QStringLiteral("Backup failed"));
        QCOMPARE(call.body, QStringLiteral("the disk is full"));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
        QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("org.obnam.ObnamQt"));
        session.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        bus.terminate();
        bus.waitForFinished();
    }

    void theMenusActionsDoWhatTheySay()
    {
        Fixture f("schedule: daily\nschedule_time: \"03:00\"\n");
        f.clock.wall = QDateTime(QDate::currentDate(), QTime(10, 0)).toUTC();
        gui::ScheduledBackups &s = f.start();
        QTRY_VERIFY(s.loaded());
        TrayIcon tray(&s, &f.runner);
        QMenu *menu = tray.menu();
        QCOMPARE(tray.trayIcon()->contextMenu(), menu);

        // Back up now: a generation obnam-cli lists, and the tray says when.
        QSignalSpy finished(&f.runner, &gui::BackupRunner::finished);
        action(menu, "backUpNow")->trigger();
        QCOMPARE(tray.state(), TrayIcon::State::Running);
        QVERIFY(!action(menu, "backUpNow")->isEnabled());
        QVERIFY(finished.wait(60000));
        QCOMPARE(f.generations(), 1);
        QTRY_COMPARE(tray.state(), TrayIcon::State::Idle);
        QVERIFY2(tray.toolTip().contains(QStringLiteral("Last backup today at")),
                 qPrintable(tray.toolTip()));
        QVERIFY2(tray.toolTip().contains(QStringLiteral("Next backup tomorrow at")),
                 qPrintable(tray.toolTip()));
        QVERIFY(action(menu, "backUpNow")->isEnabled());

        // Pause for an hour, until tomorrow, until resumed; each kept in the state file.
        QMenu *pause = menu->findChild<QMenu *>(QStringLiteral("pauseMenu"));
        QVERIFY(pause->menuAction()->isVisible() && pause->menuAction()->isEnabled());
        // An hour by the scheduler's clock (10:00 here, whatever the time of the run).
        action(pause, "pauseHour")->trigger();
        QCOMPARE(s.decision().kind, client::ScheduleDecision::Kind::Paused);
        QCOMPARE(s.decision().at, f.clock.wall.addSecs(3600));
        QCOMPARE(tray.state(), TrayIcon::State::Paused);
        QVERIFY2(tray.toolTip().contains(QStringLiteral("paused until")),
                 qPrintable(tray.toolTip()));
        QVERIFY(action(menu, "resume")->isVisible());
        QVERIFY(!pause->menuAction()->isVisible());
        action(menu, "resume")->trigger();
        QVERIFY(s.decision().kind != client::ScheduleDecision::Kind::Paused);
        QCOMPARE(tray.state(), TrayIcon::State::Idle);

        action(pause, "pauseTomorrow")->trigger();
        QCOMPARE(s.decision().at.toLocalTime(),
                 QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)));
        action(menu, "resume")->trigger();
        action(pause, "pauseUntilResumed")->trigger();
        QVERIFY(!s.decision().at.isValid());
        QVERIFY(client::ScheduleState::load(f.paths, f.home.configPath()).pausedUntilResumed);
        QVERIFY2(tray.toolTip().contains(QStringLiteral("until you resume them")),
                 qPrintable(tray.toolTip()));

        QSignalSpy open(&tray, &TrayIcon::openWindow);
        QSignalSpy browse(&tray, &TrayIcon::browse);
        QSignalSpy quit(&tray, &TrayIcon::quit);
        action(menu, "openWindow")->trigger();
        action(menu, "browse")->trigger();
        action(menu, "quit")->trigger();
        QCOMPARE(open.count(), 1);
        QCOMPARE(browse.count(), 1);
        QCOMPARE(quit.count(), 1);
        // A click on the icon opens the window too.
        Q_EMIT tray.trayIcon()->activated(QSystemTrayIcon::Trigger);
        QCOMPARE(open.count(), 2);
    }

    void theIconAndTooltipFollowABackupFromStartToError()
    {
        Fixture f("schedule: daily\n");
        gui::ScheduledBackups &s = f.start();
        QTRY_VERIFY(s.loaded());
        TrayIcon tray(&s, &f.runner);
        QList<TrayIcon::State> states;
        QStringList tips;
        connect(&s, &gui::ScheduledBackups::changed, &tray, [&] {
            if (states.isEmpty() || states.last() != tray.state()) {
                states.append(tray.state());
                tips.append(tray.toolTip());
            }
        });
        // The folder to back up is gone: the backup fails.
        QVERIFY(QDir(f.home.home() + QStringLiteral("/data")).removeRecursively());
        QSignalSpy finished(&f.runner, &gui::BackupRunner::finished);
        action(tray.menu(), "backUpNow")->trigger();
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(states.last(), TrayIcon::State::Error);
        QVERIFY2(states.contains(TrayIcon::State::Running),
                 qPrintable(tips.join(QLatin1Char('|'))));
        QVERIFY(
            tips.at(states.indexOf(TrayIcon::State::Running)).contains(QStringLiteral("backup")));
        QVERIFY2(tray.toolTip().contains(QStringLiteral("The last backup failed:")),
                 qPrintable(tray.toolTip()));
        QVERIFY(f.notifier.has(QStringLiteral("Backup failed")));
        QCOMPARE(f.notifier.notes.first().urgency, gui::Notifier::Urgency::Critical);

        // Each state has its own shape: the icons differ in grey, not only in colour.
        const QList<TrayIcon::State> all{TrayIcon::State::Idle, TrayIcon::State::Running,
                                         TrayIcon::State::Paused, TrayIcon::State::Overdue,
                                         TrayIcon::State::Error};
        QList<QImage> grey;
        for (TrayIcon::State state : all)
            grey.append(TrayIcon::icon(state).pixmap(32).toImage().convertToFormat(
                QImage::Format_Grayscale8));
        for (int i = 0; i < grey.size(); ++i)
            for (int j = i + 1; j < grey.size(); ++j)
                QVERIFY2(grey[i] != grey[j], qPrintable(QStringLiteral("%1 and %2").arg(i).arg(j)));
    }

    void overdueBackupsAreShownAndNotified()
    {
        Fixture f("schedule: weekly\nschedule_overdue_days: 2\n");
        QCOMPARE(f.home.run({QStringLiteral("backup")}).code, 0);
        gui::ScheduledBackups &s = f.start();
        QTRY_VERIFY(s.loaded());
        TrayIcon tray(&s, &f.runner);
        QCOMPARE(tray.state(), TrayIcon::State::Idle);
        f.world.battery = true; // the backup that is due waits: the old one stays the last
        f.clock.advance(8 * 24 * 3600);
        s.scheduler().tick();
        QTRY_COMPARE(tray.state(), TrayIcon::State::Overdue);
        QVERIFY2(tray.toolTip().contains(QStringLiteral("Backups are overdue")),
                 qPrintable(tray.toolTip()));
        QVERIFY(f.notifier.has(QStringLiteral("Backups are overdue")));
        QVERIFY2(tray.toolTip().contains(QStringLiteral("runs on battery")),
                 qPrintable(tray.toolTip()));
    }

    void scheduledBackupsRunAndApplyTheRetentionPolicy()
    {
        Fixture f("schedule: hourly\nschedule_catch_up_delay: 0\nkeep_last: 1\n"
                  "schedule_notify_success: true\n");
        QSignalSpy finished(&f.runner, &gui::BackupRunner::finished);
        gui::ScheduledBackups &s = f.start(); // never backed up: due at once
        QVERIFY(finished.wait(60000));
        QCOMPARE(f.generations(), 1);
        QTRY_COMPARE(f.runner.state(), gui::BackupRunner::State::Idle);
        QVERIFY(f.notifier.has(QStringLiteral("Backup finished")));
        QCOMPARE(s.decision().kind, client::ScheduleDecision::Kind::Waiting);
        // A cache folder appears: the next backup leaves it out, and says so.
        putFile(f.home.home() + QStringLiteral("/data/cache/CACHEDIR.TAG"),
                "Signature: 8a477f597d28d172789f06886806bc55\n");

        // An hour later the next one runs; keep_last: 1 leaves one generation, and prune ran
        // after the first (once a week).
        f.clock.advance(3600);
        s.scheduler().tick();
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(f.runner.state(), gui::BackupRunner::State::Idle);
        QCOMPARE(f.generations(), 1);
        QVERIFY(f.notifier.has(QStringLiteral("Folders left out of the backup")));
        const QDateTime pruned =
            client::ScheduleState::load(f.paths, f.home.configPath()).lastPrune;
        QVERIFY(pruned.isValid());
        const QList<client::Run> runs = client::RunHistory(f.paths).load();
        QCOMPARE(runs.size(), 2);
        QVERIFY(runs.last().outcome != client::Run::Failed);
        QCOMPARE(runs.last().config, f.home.configPath());

        // A third: prune ran after the first, so not again this week.
        f.clock.advance(3600);
        s.scheduler().tick();
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(f.runner.state(), gui::BackupRunner::State::Idle);
        QCOMPARE(client::ScheduleState::load(f.paths, f.home.configPath()).lastPrune, pruned);
    }

    void failuresAreNotifiedOnceUntilABackupSucceeds()
    {
        Fixture f("schedule: hourly\nschedule_catch_up_delay: 0\n");
        const QString data = f.home.home() + QStringLiteral("/data");
        QVERIFY(QDir().rename(data, data + QStringLiteral(".away")));
        QSignalSpy finished(&f.runner, &gui::BackupRunner::finished);
        gui::ScheduledBackups &s = f.start();
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY(f.notifier.has(QStringLiteral("Backup failed")));
        QCOMPARE(s.decision().reason, client::ScheduleDecision::Reason::RetryAfterFailure);
        // The hourly retry fails again: no second notification.
        f.clock.advance(3600);
        s.scheduler().tick();
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(f.runner.state(), gui::BackupRunner::State::Idle);
        QCOMPARE(f.notifier.notes.size(), 1);
        // The folder is back: a success, then a new failure is said again.
        QVERIFY(QDir().rename(data + QStringLiteral(".away"), data));
        f.clock.advance(3600);
        s.scheduler().tick();
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(f.runner.state(), gui::BackupRunner::State::Idle);
        QCOMPARE(f.generations(), 1);
        QVERIFY(QDir().rename(data, data + QStringLiteral(".away")));
        f.clock.advance(3600);
        s.scheduler().tick();
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(f.notifier.notes.size(), 2);
    }

    void anotherConfigurationsBackupsCoverNothingOfThisOne()
    {
        Fixture f("schedule: daily\n");
        client::Run other;
        other.started = QDateTime::currentDateTimeUtc();
        other.outcome = client::Run::Succeeded;
        other.program = QStringLiteral("obnam-cli");
        other.config = f.home.path() + QStringLiteral("/other.yaml");
        QVERIFY(client::RunHistory(f.paths).append(other));
        gui::ScheduledBackups &s = f.start();
        QTRY_VERIFY(s.loaded());
        QVERIFY(!s.decision().lastSuccess.isValid());
        QVERIFY(!s.lastRun().started.isValid());
    }

    void aBackupAnotherProcessRunsIsWaitedFor()
    {
        Fixture f("schedule: hourly\nschedule_catch_up_delay: 0\n");
        // What obnam-cli backup holds while it runs.
        auto session = client::openWithoutTerminal(f.home.configPath(), f.paths, std::nullopt);
        QVERIFY2(session, session ? "" : qPrintable(session.error().toString()));
        auto lock = client::backupLock(*session);
        QVERIFY(lock);
        gui::ScheduledBackups &s = f.start();
        TrayIcon tray(&s, &f.runner);
        QTRY_COMPARE_WITH_TIMEOUT(s.decision().reason,
                                  client::ScheduleDecision::Reason::BusyElsewhere, 30000);
        QVERIFY2(tray.toolTip().contains(QStringLiteral("another backup of this computer")),
                 qPrintable(tray.toolTip()));
        QCOMPARE(f.generations(), 0);
        // It ends; five minutes later the scheduled one runs.
        lock->reset();
        QSignalSpy finished(&f.runner, &gui::BackupRunner::finished);
        f.clock.advance(5 * 60);
        s.scheduler().tick();
        QVERIFY(finished.wait(60000));
        QCOMPARE(f.generations(), 1);
    }

    void theSchedulePageWritesTheKeysAndTheAutostartEntry()
    {
        Fixture f("");
        gui::SettingsDialog dialog(f.paths, f.home.configPath());
        auto *page = dialog.findChild<gui::SchedulePage *>(QStringLiteral("schedulePage"));
        QVERIFY(page);
        auto *every = page->findChild<QComboBox *>(QStringLiteral("scheduleEvery"));
        QTRY_VERIFY(every->isEnabled());
        QCOMPARE(every->currentData().toInt(), int(client::Schedule::Every::Off));
        every->setCurrentIndex(every->findData(int(client::Schedule::Every::Weekly)));
        auto *day = page->findChild<QComboBox *>(QStringLiteral("scheduleDay"));
        QVERIFY(day->isEnabled());
        day->setCurrentIndex(day->findData(int(Qt::Wednesday)));
        page->findChild<QTimeEdit *>(QStringLiteral("scheduleTime"))->setTime(QTime(18, 45));
        auto *login = page->findChild<QCheckBox *>(QStringLiteral("startAtLogin"));
        login->setChecked(true);
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("scheduleExplanation"))
                    ->text()
                    .contains(QStringLiteral("Backups run every Wednesday at")));
        dialog.accept();
        QTRY_VERIFY(dialog.result() == QDialog::Accepted);
        auto config = client::ClientConfig::load(f.home.configPath(), f.paths);
        QVERIFY(config);
        QCOMPARE(config->schedule.every, client::Schedule::Every::Weekly);
        QCOMPARE(config->schedule.weekday, int(Qt::Wednesday));
        QCOMPARE(config->schedule.at, QTime(18, 45));
        QFile entry(gui::autostart::file(f.paths));
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QByteArray text = entry.readAll();
        QVERIFY2(text.contains(" --tray\n"), text.constData());
        QVERIFY(text.contains("[Desktop Entry]\nType=Application\n"));

        // And off again: the entry goes.
        gui::SettingsDialog again(f.paths, f.home.configPath());
        auto *login2 = again.findChild<QCheckBox *>(QStringLiteral("startAtLogin"));
        QTRY_VERIFY(login2->isChecked());
        login2->setChecked(false);
        again.accept();
        QTRY_VERIFY(again.result() == QDialog::Accepted);
        QVERIFY(!gui::autostart::enabled(f.paths));
        QCOMPARE(gui::autostart::execArgument(QStringLiteral("/a b/100%")),
                 QStringLiteral("\"/a b/100%%\""));
        // Quoted, with " ` $ and \\ escaped for the quoting rules and again for the string.
        QCOMPARE(gui::autostart::execArgument(QStringLiteral("/a \"b\" $c\\d")),
                 QStringLiteral("\"/a \\\\\"b\\\\\" \\\\$c\\\\\\\\d\""));
        QCOMPARE(gui::autostart::execArgument(QStringLiteral("/usr/bin/obnam-gui")),
                 QStringLiteral("/usr/bin/obnam-gui"));
    }

    void theTrayOpensTheWindowAndTheBrowserAndSharesTheRunner()
    {
        Fixture f("");
        gui::Launcher launcher(f.paths, f.home.configPath());
        launcher.start();
        QVERIFY(launcher.window() && launcher.tray());
        QMenu *menu = launcher.tray()->menu();
        launcher.window()->hide();
        action(menu, "openWindow")->trigger();
        QTRY_VERIFY(launcher.window()->isVisible());
        action(menu, "browse")->trigger();
        QTRY_VERIFY([] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (w->objectName() == QStringLiteral("browser") && w->isVisible())
                    return true;
            return false;
        }());
        // One runner: a backup from the tray is the window's too.
        QSignalSpy finished(&launcher.window()->runner(), &gui::BackupRunner::finished);
        action(menu, "backUpNow")->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(f.generations(), 1);
        QTRY_COMPARE(launcher.tray()->state(), TrayIcon::State::Idle);
    }

    void withoutATrayTheWindowOffersTheTimerOnceForASchedule()
    {
        Fixture f("schedule: daily\n");
        gui::Launcher launcher(f.paths, f.home.configPath());
        launcher.start();
        QVERIFY(launcher.window());
        const auto offer = [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (w->objectName() == QStringLiteral("noTray") && w->isVisible())
                    return w;
            return static_cast<QWidget *>(nullptr);
        };
        QTRY_VERIFY(offer());
        offer()->close();
        QVERIFY(launcher.window()->isVisible()); // the window stays
    }

    void withoutATrayTrayModeSaysSoOnce()
    {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable()); // the offscreen platform has none
        Fixture f("schedule: daily\n");
        gui::Launcher launcher(f.paths, f.home.configPath());
        launcher.setTrayOnly(true);
        launcher.setTrayWait(0);
        launcher.start();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) || [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (w->objectName() == QStringLiteral("noTray") && w->isVisible())
                    return (box = qobject_cast<QMessageBox *>(w)) != nullptr;
            return false;
        }());
        QVERIFY(box->text().contains(QStringLiteral("no system tray")));
        QVERIFY(box->findChild<QPushButton *>(QStringLiteral("useTimer")));
        QVERIFY(QFile::exists(f.paths.stateHome() + QStringLiteral("/obnam/no-tray-said")));
        QVERIFY(!launcher.window()); // tray only: no window opened
        box->close();
    }
};

QTEST_MAIN(TestGuiTray)
#include "tst_guitray.moc"
