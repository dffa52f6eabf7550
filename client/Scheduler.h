#pragma once

#include "Schedule.h"
#include "ScheduleState.h"

#include <QDateTime>
#include <QObject>
#include <QTimeZone>

class QTimer;

namespace obnam::client {

// What the scheduler asks of the world. obnam-gui passes the real ones (the system clock,
// UPower, QNetworkInformation, the file system); tests pass their own.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // wall clock, UTC
    // Milliseconds that do not advance while the computer sleeps (CLOCK_MONOTONIC): the wall
    // clock running ahead of it means a suspend or a clock set forward.
    virtual qint64 monotonicMs() const = 0;
    virtual QTimeZone zone() const = 0;
};

class PowerSource
{
public:
    virtual ~PowerSource() = default;
    virtual bool onBattery() const = 0; // false when nobody knows
};

class NetworkSource
{
public:
    virtual ~NetworkSource() = default;
    virtual bool metered() const = 0; // false when nobody knows
};

class DiskSource
{
public:
    virtual ~DiskSource() = default;
    // Whether a local repository's disk is attached: its folder is there and not empty.
    virtual bool present(const QString &repositoryPath) const = 0;
};

// What the scheduler would do now, and why.
struct ScheduleDecision
{
    enum class Kind
    {
        Off,     // no schedule
        Paused,  // by the user, until `at` (invalid: until resumed)
        Waiting, // until `at`, for the reason given (None: the next slot)
        Skipped, // due, but held back by `reason`; looked at again at `at` and on any change
        Running, // a backup runs in this process
        Due,     // start one now
    };
    enum class Reason
    {
        None,
        CatchingUp, // missed while off or asleep; runs a moment after the start or wake-up
        RetryAfterFailure,
        BusyElsewhere, // another process holds the repository
        OnBattery,
        Metered,
        DiskMissing,
    };
    Kind kind = Kind::Off;
    Reason reason = Reason::None;
    QDateTime at;
    QDateTime lastSuccess;
    bool overdue = false; // the last backup is older than the schedule's overdue days

    bool operator==(const ScheduleDecision &) const = default;
};

// Decides when scheduled backups run: at each slot of the schedule, once for all the slots
// missed while the computer was off or asleep (a moment after it comes back), never while a
// backup runs (here or, as the repository's lock shows, elsewhere), and not on battery, on a
// metered connection or without the repository's disk unless the schedule allows it. It only
// decides; whoever owns it starts the backup when due() is emitted and reports how it ended.
class Scheduler : public QObject
{
    Q_OBJECT

public:
    enum class Notice
    {
        Overdue,     // the last backup is older than the overdue threshold
        DiskMissing, // the repository's disk has not been attached for as long
    };
    Q_ENUM(Notice)

    Scheduler(const Clock &clock, const PowerSource &power, const NetworkSource &network,
              const DiskSource &disk, QObject *parent = nullptr);

    // `localRepository` is the repository's folder, or empty for a remote one.
    void setSchedule(const Schedule &schedule, const QString &localRepository);
    // The clock it decides by: what a pause "for an hour" or "until tomorrow" counts from.
    const Clock &clock() const { return m_clock; }
    const Schedule &schedule() const { return m_schedule; }
    void setState(const ScheduleState &state) { m_state = state; }
    const ScheduleState &state() const { return m_state; }
    // When the newest backup of this configuration that succeeded, by any program, ended.
    void setLastSuccess(const QDateTime &when);

    // A backup began in this process (scheduled or started by hand).
    void runStarted();
    // It ended: succeeded (with warnings or not), or not (failed, cancelled, never opened).
    void runEnded(bool succeeded);
    // A scheduled start found the repository held by another process.
    void busyElsewhere();
    bool running() const { return m_running; }

    // Pauses scheduling until `until`, or until resume() when it is invalid.
    void pause(const QDateTime &until);
    void resume();

    ScheduleDecision decide() const;
    // Notices a wake-up or a clock change, sends notices, and emits due() when a backup is
    // due (the run counts as started). Called by the timer and whenever a source changes.
    ScheduleDecision tick();
    // Ticks every `intervalMs` from now on.
    void start(int intervalMs = 30000);

    static constexpr qint64 kRetryAfterFailureSeconds = 3600;
    static constexpr qint64 kBusyRetrySeconds = 300;
    static constexpr qint64 kRecheckSeconds = 60;
    static constexpr qint64 kWakeGapMs = 90 * 1000;

Q_SIGNALS:
    void due();
    void decisionChanged(const obnam::client::ScheduleDecision &decision);
    void stateChanged(const obnam::client::ScheduleState &state); // save it
    void notice(obnam::client::Scheduler::Notice notice);

private:
    void noticeIfNeeded(const ScheduleDecision &decision);
    void announce();
    // The last success as the schedule counts it: one that seems to lie in the future (the
    // clock was set back) counts as the moment the clock went back, or the start, so that
    // neither a burst of runs nor a wait until the clock catches up follows.
    QDateTime lastSuccessAsOf(const QDateTime &now) const;

    const Clock &m_clock;
    const PowerSource &m_power;
    const NetworkSource &m_network;
    const DiskSource &m_disk;
    Schedule m_schedule;
    QString m_localRepository;
    ScheduleState m_state;
    QDateTime m_lastSuccess;
    QDateTime m_awakeSince; // the start, or the last wake-up
    QDateTime m_busyElsewhereAt;
    QDateTime m_clockBackAt;   // when the clock was seen to go back
    QDateTime m_futureSuccess; // the last success then, which lay ahead of the new time
    QDateTime m_lastTickWall;
    qint64 m_lastTickMono = 0;
    bool m_running = false;
    ScheduleDecision m_last;
    QTimer *m_timer = nullptr;
};

} // namespace obnam::client

Q_DECLARE_METATYPE(obnam::client::ScheduleDecision)
Q_DECLARE_METATYPE(obnam::client::ScheduleState)
