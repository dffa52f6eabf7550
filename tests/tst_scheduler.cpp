// The scheduler on a clock the test moves: slots of each kind of schedule, catching up once
// after a long sleep, no overlap with a running backup (here or in another process), each
// skip and its retry, failures, pauses, daylight-saving changes, a clock set backwards, and
// the notices. Times are in Europe/Berlin, which has both daylight-saving changes.
#include "ClientConfig.h"
#include "Scheduler.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace obnam;
using namespace obnam::client;
using Kind = ScheduleDecision::Kind;
using Why = ScheduleDecision::Reason;

namespace {

const QTimeZone kBerlin("Europe/Berlin");

QDateTime berlin(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), kBerlin).toUTC();
}

class FakeClock : public Clock
{
public:
    QDateTime wall;
    qint64 mono = 1000000;
    QDateTime now() const override { return wall; }
    qint64 monotonicMs() const override { return mono; }
    QTimeZone zone() const override { return kBerlin; }
    // Time passes while the computer is awake.
    void advance(qint64 secs)
    {
        wall = wall.addSecs(secs);
        mono += secs * 1000;
    }
    // Time passes while it sleeps: the monotonic clock stands still.
    void sleep(qint64 secs) { wall = wall.addSecs(secs); }
};

struct FakePower : PowerSource
{
    bool battery = false;
    bool onBattery() const override { return battery; }
};

struct FakeNetwork : NetworkSource
{
    bool isMetered = false;
    bool metered() const override { return isMetered; }
};

struct FakeDisk : DiskSource
{
    bool attached = true;
    bool present(const QString &) const override { return attached; }
};

Schedule daily(int h, int m)
{
    Schedule s;
    s.every = Schedule::Every::Daily;
    s.at = QTime(h, m);
    return s;
}

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

    FakeClock m_clock;
    FakePower m_power;
    FakeNetwork m_network;
    FakeDisk m_disk;

    std::unique_ptr<Scheduler> make(const Schedule &s, const QString &repo = QStringLiteral("/r"))
    {
        auto scheduler = std::make_unique<Scheduler>(m_clock, m_power, m_network, m_disk);
        scheduler->setSchedule(s, repo);
        return scheduler;
    }

    // Ticks every `step` seconds for `secs` seconds of awake time; counts the runs started,
    // each of which succeeds at once.
    int runFor(Scheduler &s, qint64 secs, qint64 step = 60)
    {
        int runs = 0;
        for (qint64 t = 0; t < secs; t += step) {
            if (s.tick().kind == Kind::Due) {
                ++runs;
                s.runEnded(true);
            }
            m_clock.advance(step);
        }
        return runs;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(kBerlin.isValid());
        m_clock = FakeClock();
        m_power = FakePower();
        m_network = FakeNetwork();
        m_disk = FakeDisk();
    }

    void slotsOfEachKind()
    {
        Schedule hourly;
        hourly.every = Schedule::Every::Hourly;
        hourly.at = QTime(0, 15);
        QCOMPARE(hourly.latestSlot(berlin(2026, 12, 6, 10, 20), kBerlin),
                 berlin(2026, 12, 6, 10, 15));
        QCOMPARE(hourly.latestSlot(berlin(2026, 12, 6, 10, 10), kBerlin),
                 berlin(2026, 12, 6, 9, 15));
        QCOMPARE(hourly.nextSlot(berlin(2026, 12, 6, 10, 15), kBerlin),
                 berlin(2026, 12, 6, 11, 15));
        QCOMPARE(hourly.onCalendar(), QStringLiteral("*-*-* *:15:00"));

        const Schedule d = daily(12, 30);
        QCOMPARE(d.latestSlot(berlin(2026, 12, 6, 12, 29), kBerlin), berlin(2026, 12, 5, 12, 30));
        QCOMPARE(d.latestSlot(berlin(2026, 12, 6, 12, 30), kBerlin), berlin(2026, 12, 6, 12, 30));
        QCOMPARE(d.nextSlot(berlin(2026, 12, 6, 12, 30), kBerlin), berlin(2026, 12, 7, 12, 30));
        QCOMPARE(d.onCalendar(), QStringLiteral("*-*-* 12:30:00"));

        Schedule w = daily(9, 0);
        w.every = Schedule::Every::Weekly;
        w.weekday = Qt::Friday; // 2026-12-04 is a Friday
        QCOMPARE(w.latestSlot(berlin(2026, 12, 6, 10, 0), kBerlin), berlin(2026, 12, 4, 9, 0));
        QCOMPARE(w.nextSlot(berlin(2026, 12, 6, 10, 0), kBerlin), berlin(2026, 12, 11, 9, 0));
        QCOMPARE(w.onCalendar(), QStringLiteral("Fri *-*-* 09:00:00"));
        QVERIFY(!Schedule().latestSlot(berlin(2026, 12, 6, 10, 0), kBerlin).isValid());

        // A zone half an hour off UTC: "a quarter past" is local time, 09:45 UTC in Kolkata.
        const QTimeZone kolkata("Asia/Kolkata");
        QVERIFY(kolkata.isValid());
        const QDateTime utc(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);
        QCOMPARE(hourly.latestSlot(utc, kolkata),
                 QDateTime(QDate(2026, 12, 6), QTime(9, 45), Qt::UTC));
        QCOMPARE(hourly.nextSlot(utc, kolkata),
                 QDateTime(QDate(2026, 12, 6), QTime(10, 45), Qt::UTC));
    }

    void dueAtTheSlotAndNotBefore()
    {
        m_clock.wall = berlin(2026, 12, 6, 11, 0);
        auto s = make(daily(12, 0));
        s->setLastSuccess(berlin(2026, 12, 5, 12, 1));
        QSignalSpy due(s.get(), &Scheduler::due);
        ScheduleDecision d = s->tick();
        QCOMPARE(d.kind, Kind::Waiting);
        QCOMPARE(d.at, berlin(2026, 12, 6, 12, 0));
        m_clock.advance(59 * 60);
        QCOMPARE(s->tick().kind, Kind::Waiting);
        QCOMPARE(due.count(), 0);
        m_clock.advance(60);
        QCOMPARE(s->tick().kind, Kind::Due); // on time: no catch-up delay while awake
        QCOMPARE(due.count(), 1);
        QCOMPARE(s->state().lastAttempt, m_clock.wall);
        // Running: no second start, however often it ticks.
        QCOMPARE(s->tick().kind, Kind::Running);
        QCOMPARE(due.count(), 1);
        s->runEnded(true);
        d = s->tick();
        QCOMPARE(d.kind, Kind::Waiting);
        QCOMPARE(d.at, berlin(2026, 12, 7, 12, 0));

        // Every hour at :05, through a day: 24 runs.
        Schedule hourly;
        hourly.every = Schedule::Every::Hourly;
        hourly.at = QTime(0, 5);
        m_clock.wall = berlin(2026, 12, 10, 0, 0);
        auto h = make(hourly);
        h->setLastSuccess(berlin(2026, 12, 9, 23, 5));
        QCOMPARE(runFor(*h, 24 * 3600), 24);
    }

    void oneCatchUpAfterALongSleep()
    {
        m_clock.wall = berlin(2026, 12, 1, 13, 0);
        auto s = make(daily(12, 0));
        s->setLastSuccess(berlin(2026, 12, 1, 12, 0));
        QSignalSpy due(s.get(), &Scheduler::due);
        QCOMPARE(s->tick().kind, Kind::Waiting);
        // Asleep for five days: five slots missed.
        m_clock.sleep(5 * 24 * 3600);
        ScheduleDecision d = s->tick();
        QCOMPARE(d.kind, Kind::Waiting);
        QCOMPARE(d.reason, Why::CatchingUp);
        QCOMPARE(d.at, m_clock.wall.addSecs(120));
        m_clock.advance(60);
        QCOMPARE(s->tick().reason, Why::CatchingUp);
        m_clock.advance(60);
        QCOMPARE(s->tick().kind, Kind::Due);
        s->runEnded(true);
        // One run for all five, then the next slot (tomorrow 12:00).
        QCOMPARE(runFor(*s, 6 * 3600), 0);
        QCOMPARE(due.count(), 1);

        // Switched off over a slot and started again: the same (the first tick is the start).
        m_clock.wall = berlin(2026, 12, 20, 8, 0);
        auto fresh = make(daily(12, 0));
        fresh->setLastSuccess(berlin(2026, 12, 18, 12, 0));
        QCOMPARE(fresh->tick().reason, Why::CatchingUp);
        QCOMPARE(runFor(*fresh, 3600), 1);
    }

    void noRunWhileOneRunsHereOrElsewhere()
    {
        m_clock.wall = berlin(2026, 12, 6, 13, 0);
        auto s = make(daily(12, 0));
        s->setLastSuccess(berlin(2026, 12, 5, 12, 0));
        s->tick(); // the start: catching up in two minutes
        // A backup started by hand in the window.
        s->runStarted();
        m_clock.advance(600);
        QCOMPARE(s->tick().kind, Kind::Running);
        s->runEnded(true); // it covers today's slot
        QCOMPARE(s->tick().kind, Kind::Waiting);
        QCOMPARE(s->tick().reason, Why::None);

        // Another process (obnam-cli) holds the repository when the scheduled run starts.
        m_clock.advance(24 * 3600);
        QCOMPARE(s->tick().kind, Kind::Due);
        s->busyElsewhere();
        ScheduleDecision d = s->tick();
        QCOMPARE(d.kind, Kind::Waiting);
        QCOMPARE(d.reason, Why::BusyElsewhere);
        QCOMPARE(d.at, m_clock.wall.addSecs(Scheduler::kBusyRetrySeconds));
        m_clock.advance(Scheduler::kBusyRetrySeconds - 60);
        QCOMPARE(s->tick().reason, Why::BusyElsewhere);
        // The other backup succeeded meanwhile (the shared history says so): nothing to do.
        s->setLastSuccess(m_clock.wall.addSecs(-30));
        m_clock.advance(60);
        QCOMPARE(s->tick().kind, Kind::Waiting);
        QCOMPARE(s->tick().reason, Why::None);
    }

    void skipsAndTheirRetries_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("battery") << QStringLiteral("battery");
        QTest::newRow("metered") << QStringLiteral("metered");
        QTest::newRow("disk") << QStringLiteral("disk");
    }

    void skipsAndTheirRetries()
    {
        QFETCH(QString, what);
        m_clock.wall = berlin(2026, 12, 6, 12, 0);
        Schedule schedule = daily(12, 0);
        const bool remote = what == QStringLiteral("metered");
        auto s = make(schedule, remote ? QString() : QStringLiteral("/media/disk/obnam"));
        s->setLastSuccess(berlin(2026, 12, 5, 12, 0));
        bool &condition = what == QStringLiteral("battery")   ? m_power.battery
                          : what == QStringLiteral("metered") ? m_network.isMetered
                                                              : m_disk.attached;
        const bool held = what != QStringLiteral("disk");
        condition = held;
        const Why reason = what == QStringLiteral("battery")   ? Why::OnBattery
                           : what == QStringLiteral("metered") ? Why::Metered
                                                               : Why::DiskMissing;
        QSignalSpy due(s.get(), &Scheduler::due);
        for (int i = 0; i < 30; ++i) {
            const ScheduleDecision d = s->tick();
            QCOMPARE(d.kind, Kind::Skipped);
            QCOMPARE(d.reason, reason);
            QCOMPARE(d.at, m_clock.wall.addSecs(Scheduler::kRecheckSeconds));
            m_clock.advance(60);
        }
        QCOMPARE(due.count(), 0);
        // The mains are plugged in, the connection changes, the disk is attached.
        condition = !held;
        QCOMPARE(s->tick().kind, Kind::Due);
        QCOMPARE(due.count(), 1);
        s->runEnded(true);

        if (what == QStringLiteral("disk"))
            return;
        // The setting that allows it.
        condition = held;
        if (what == QStringLiteral("battery"))
            schedule.onBattery = true;
        else
            schedule.onMetered = true;
        s->setSchedule(schedule, remote ? QString() : QStringLiteral("/media/disk/obnam"));
        m_clock.advance(24 * 3600);
        QCOMPARE(s->tick().kind, Kind::Due);
    }

    void meteredMattersOnlyForRemoteRepositories()
    {
        m_clock.wall = berlin(2026, 12, 6, 12, 0);
        m_network.isMetered = true;
        auto s = make(daily(12, 0), QStringLiteral("/media/disk/obnam"));
        s->setLastSuccess(berlin(2026, 12, 5, 12, 0));
        QCOMPARE(s->tick().kind, Kind::Due);
    }

    void aFailureIsRetriedAnHourLater()
    {
        m_clock.wall = berlin(2026, 12, 6, 12, 0);
        auto s = make(daily(12, 0));
        s->setLastSuccess(berlin(2026, 12, 5, 12, 0));
        QCOMPARE(s->tick().kind, Kind::Due);
        m_clock.advance(30);
        s->runEnded(false);
        ScheduleDecision d = s->tick();
        QCOMPARE(d.reason, Why::RetryAfterFailure);
        QCOMPARE(d.at, m_clock.wall.addSecs(3600));
        QCOMPARE(runFor(*s, 3600), 0);
        QCOMPARE(s->tick().kind, Kind::Due);
        QCOMPARE(s->state().lastFailure, berlin(2026, 12, 6, 12, 0).addSecs(30));
    }

    void pauses()
    {
        m_clock.wall = berlin(2026, 12, 6, 12, 0);
        auto s = make(daily(12, 0));
        s->setLastSuccess(berlin(2026, 12, 5, 12, 0));
        QSignalSpy saved(s.get(), &Scheduler::stateChanged);
        s->pause(m_clock.wall.addSecs(3600));
        QCOMPARE(saved.count(), 1);
        ScheduleDecision d = s->tick();
        QCOMPARE(d.kind, Kind::Paused);
        QCOMPARE(d.at, m_clock.wall.addSecs(3600));
        QCOMPARE(runFor(*s, 3600), 0);
        // The hour is over: the slot missed while paused runs now.
        QCOMPARE(s->tick().kind, Kind::Due);
        s->runEnded(true);

        s->pause({});
        QVERIFY(s->state().pausedUntilResumed);
        m_clock.advance(4 * 24 * 3600);
        d = s->tick();
        QCOMPARE(d.kind, Kind::Paused);
        QVERIFY(!d.at.isValid());
        QVERIFY(d.overdue); // still said: the user should know
        s->resume();
        QCOMPARE(s->tick().kind, Kind::Due);
    }

    void daylightSavingChanges()
    {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST; 02:30 does not exist that day.
        const Schedule d = daily(2, 30);
        const QDateTime spring = d.nextSlot(berlin(2026, 3, 29, 0, 0), kBerlin);
        QCOMPARE(spring, QDateTime(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC)); // 03:30 CEST
        m_clock.wall = berlin(2026, 3, 28, 3, 0);
        auto s = make(d);
        s->setLastSuccess(berlin(2026, 3, 28, 2, 30));
        QCOMPARE(runFor(*s, 48 * 3600, 300), 2); // the 29th and the 30th, once each

        // 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice. One run.
        m_clock.wall = QDateTime(QDate(2026, 10, 24), QTime(22, 0), Qt::UTC);
        auto f = make(d);
        f->setLastSuccess(berlin(2026, 10, 24, 2, 30));
        QCOMPARE(runFor(*f, 6 * 3600, 300), 1);

        // Hourly across both: one run an hour by the real clock.
        Schedule hourly;
        hourly.every = Schedule::Every::Hourly;
        m_clock.wall = QDateTime(QDate(2026, 3, 28), QTime(22, 0), Qt::UTC);
        auto h = make(hourly);
        h->setLastSuccess(m_clock.wall);
        QCOMPARE(runFor(*h, 6 * 3600, 300), 5); // 00:00, 01:00, 03:00, 04:00, 05:00
        m_clock.wall = QDateTime(QDate(2026, 10, 24), QTime(22, 0), Qt::UTC);
        auto h2 = make(hourly);
        h2->setLastSuccess(m_clock.wall);
        QCOMPARE(runFor(*h2, 6 * 3600, 300), 5); // 01:00, 02:00 twice, 03:00, 04:00
    }

    void aClockSetBackwards()
    {
        // Backed up today at 12:00; then the clock is set back a day while running.
        m_clock.wall = berlin(2026, 12, 6, 12, 0);
        auto s = make(daily(12, 0));
        s->setLastSuccess(berlin(2026, 12, 5, 12, 0));
        QCOMPARE(s->tick().kind, Kind::Due);
        s->runEnded(true);
        m_clock.advance(3600);
        s->tick();
        m_clock.wall = m_clock.wall.addDays(-1); // 13:00 yesterday; the monotonic clock goes on
        m_clock.mono += 60 * 1000;
        QSignalSpy due(s.get(), &Scheduler::due);
        ScheduleDecision d = s->tick();
        QCOMPARE(d.kind, Kind::Waiting); // no burst
        QCOMPARE(due.count(), 0);
        // Not a wait until the clock catches up with the backup "from the future": the next
        // slot by the new clock runs.
        QCOMPARE(d.at, berlin(2026, 12, 6, 12, 0));
        QCOMPARE(runFor(*s, 23 * 3600 + 60), 1);

        // A year back, found at start: the next slot runs, not the one a year from now.
        m_clock.wall = berlin(2025, 12, 6, 9, 0);
        auto y = make(daily(12, 0));
        y->setLastSuccess(berlin(2026, 12, 6, 12, 0));
        d = y->tick();
        QCOMPARE(d.kind, Kind::Waiting);
        QCOMPARE(d.at, berlin(2025, 12, 6, 12, 0));
        QCOMPARE(runFor(*y, 3 * 3600 + 60), 1);
    }

    void notices()
    {
        m_clock.wall = berlin(2026, 12, 6, 12, 0);
        Schedule schedule = daily(12, 0);
        auto s = make(schedule, QStringLiteral("/media/disk/obnam"));
        s->setLastSuccess(berlin(2026, 12, 1, 12, 0)); // five days ago
        m_disk.attached = false;
        QSignalSpy notices(s.get(), &Scheduler::notice);
        ScheduleDecision d = s->tick();
        QVERIFY(d.overdue);
        QCOMPARE(notices.count(), 1);
        QCOMPARE(notices.at(0).at(0).value<Scheduler::Notice>(), Scheduler::Notice::Overdue);
        QCOMPARE(s->state().diskMissingSince, m_clock.wall);
        // Once a day, not at every tick.
        runFor(*s, 24 * 3600, 600);
        QCOMPARE(notices.count(), 1);
        s->tick();
        QCOMPARE(notices.count(), 2);
        runFor(*s, 2 * 24 * 3600, 600);
        QCOMPARE(notices.count(), 3);
        // Missing for three days (the overdue threshold): said once a day from then on.
        s->tick();
        QCOMPARE(notices.count(), 5);
        QCOMPARE(notices.last().at(0).value<Scheduler::Notice>(), Scheduler::Notice::DiskMissing);
        QVERIFY(s->state().diskNoticeAt.isValid());
        // The disk is back: the backup runs, the notices stop and the record is cleared.
        m_disk.attached = true;
        QCOMPARE(s->tick().kind, Kind::Due);
        s->runEnded(true);
        QVERIFY(!s->state().diskMissingSince.isValid());
        runFor(*s, 24 * 3600, 600);
        QCOMPARE(notices.count(), 5);
    }

    void overdueWithoutAnySuccessAndAfterTheClockWentBack()
    {
        // Never succeeded: overdue counts from when the schedule was first seen on.
        m_clock.wall = berlin(2026, 12, 6, 12, 0);
        m_power.battery = true; // every run is held back
        auto s = make(daily(12, 0));
        QSignalSpy notices(s.get(), &Scheduler::notice);
        QVERIFY(!s->tick().overdue);
        QCOMPARE(s->state().scheduledSince, m_clock.wall);
        runFor(*s, 3 * 24 * 3600 + 120, 600);
        QVERIFY(s->tick().overdue);
        QCOMPARE(notices.count(), 1);

        // A success "from the future" (the clock went back a week): overdue is said once a
        // day, not at every tick.
        m_clock.wall = berlin(2026, 12, 20, 12, 0);
        auto b = make(daily(12, 0));
        b->setLastSuccess(berlin(2026, 12, 27, 12, 0));
        QSignalSpy said(b.get(), &Scheduler::notice);
        runFor(*b, 4 * 24 * 3600, 300); // overdue after three days of the new time
        QVERIFY(b->tick().overdue);
        QCOMPARE(said.count(), 1);
    }

    void stateIsKeptPerConfiguration()
    {
        QTemporaryDir dir;
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), dir.path());
        const Paths paths(env);
        ScheduleState a;
        a.lastPrune = berlin(2026, 12, 1, 3, 0);
        a.pausedUntilResumed = true;
        ScheduleState b;
        b.lastFailure = berlin(2026, 12, 2, 3, 0);
        QVERIFY(a.save(paths, QStringLiteral("/c/a.yaml")));
        QVERIFY(b.save(paths, QStringLiteral("/c/b.yaml")));
        QCOMPARE(ScheduleState::load(paths, QStringLiteral("/c/a.yaml")), a);
        QCOMPARE(ScheduleState::load(paths, QStringLiteral("/c/b.yaml")), b);
        QCOMPARE(ScheduleState::load(paths, QStringLiteral("/c/none.yaml")), ScheduleState());
        QCOMPARE(QFileInfo(ScheduleState::file(paths)).permissions() & 0x0077, 0);
    }

    void scheduleKeysInTheConfiguration()
    {
        QTemporaryDir dir;
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), dir.path());
        const Paths paths(env);
        const QByteArray base = "roots: [/src]\nserver_url: /repo\n";
        auto c = ClientConfig::fromText(base + "schedule: weekly\nschedule_time: \"7:05\"\n"
                                               "schedule_day: saturday\nschedule_on_battery: "
                                               "true\nschedule_overdue_days: 10\n",
                                        dir.path() + QStringLiteral("/obnam.yaml"), paths);
        QVERIFY2(c, c ? "" : qPrintable(c.error().toString()));
        QCOMPARE(c->schedule.every, Schedule::Every::Weekly);
        QCOMPARE(c->schedule.at, QTime(7, 5));
        QCOMPARE(c->schedule.weekday, int(Qt::Saturday));
        QVERIFY(c->schedule.onBattery);
        QVERIFY(!c->schedule.onMetered);
        QCOMPARE(c->schedule.overdueDays, 10);
        QCOMPARE(c->toJson().value(QStringLiteral("schedule")).toString(),
                 QStringLiteral("weekly"));
        QCOMPARE(c->toJson().value(QStringLiteral("schedule_time")).toString(),
                 QStringLiteral("07:05"));

        auto none = ClientConfig::fromText(base, dir.path() + QStringLiteral("/obnam.yaml"), paths);
        QVERIFY(none);
        QVERIFY(!none->schedule.enabled());

        const std::pair<QByteArray, QString> bad[] = {
            {"schedule: sometimes\n", QStringLiteral("'schedule' must be one of off, hourly")},
            {"schedule_time: \"25:00\"\n", QStringLiteral("'schedule_time' must be a time")},
            {"schedule_day: someday\n", QStringLiteral("'schedule_day' must be a day")},
            {"schedule_on_metered: perhaps\n",
             QStringLiteral("'schedule_on_metered' must be true")},
            {"schedule_overdue_days: 0\n", QStringLiteral("'schedule_overdue_days' must be")},
            {"schedule_catch_up_delay: 99999\n", QStringLiteral("'schedule_catch_up_delay' must")},
        };
        for (const auto &[text, message] : bad) {
            auto r = ClientConfig::fromText(base + text, dir.path() + QStringLiteral("/obnam.yaml"),
                                            paths);
            QVERIFY2(!r, text.constData());
            QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
