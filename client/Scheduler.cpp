#include "Scheduler.h"

#include <QTimer>

namespace obnam::client {

using Kind = ScheduleDecision::Kind;
using Reason = ScheduleDecision::Reason;

Scheduler::Scheduler(const Clock &clock, const PowerSource &power, const NetworkSource &network,
                     const DiskSource &disk, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_power(power)
    , m_network(network)
    , m_disk(disk)
{
    qRegisterMetaType<ScheduleDecision>();
    qRegisterMetaType<ScheduleState>();
}

void Scheduler::setSchedule(const Schedule &schedule, const QString &localRepository)
{
    m_schedule = schedule;
    m_localRepository = localRepository;
    announce();
}

void Scheduler::setLastSuccess(const QDateTime &when)
{
    m_lastSuccess = when.toUTC();
    announce();
}

void Scheduler::runStarted()
{
    m_running = true;
    announce();
}

void Scheduler::runEnded(bool succeeded)
{
    m_running = false;
    const QDateTime now = m_clock.now();
    // Any run that did not succeed, scheduled or started by hand, holds the schedule back for
    // a while: a failure that repeats at once helps nobody, and a cancel means "not now".
    if (succeeded)
        m_lastSuccess = now;
    else
        m_state.lastFailure = now;
    Q_EMIT stateChanged(m_state);
    announce();
}

void Scheduler::busyElsewhere()
{
    m_running = false;
    m_busyElsewhereAt = m_clock.now();
    announce();
}

void Scheduler::pause(const QDateTime &until)
{
    m_state.pausedUntil = until.isValid() ? until.toUTC() : QDateTime();
    m_state.pausedUntilResumed = !until.isValid();
    Q_EMIT stateChanged(m_state);
    announce();
}

void Scheduler::resume()
{
    m_state.pausedUntil = {};
    m_state.pausedUntilResumed = false;
    Q_EMIT stateChanged(m_state);
    announce();
}

QDateTime Scheduler::lastSuccessAsOf(const QDateTime &now) const
{
    // Set back while running: the backup made "ahead" counts as made when the clock went back,
    // even once the clock has passed its time again, so the new timeline's slots all run.
    if (m_futureSuccess.isValid() && m_lastSuccess == m_futureSuccess)
        return qMin(m_clockBackAt, now);
    if (!m_lastSuccess.isValid() || m_lastSuccess <= now)
        return m_lastSuccess;
    const QDateTime fallback = m_clockBackAt.isValid() ? m_clockBackAt : m_awakeSince;
    return fallback.isValid() ? qMin(fallback, now) : now;
}

ScheduleDecision Scheduler::decide() const
{
    ScheduleDecision d;
    d.lastSuccess = m_lastSuccess;
    if (!m_schedule.enabled())
        return d;
    const QDateTime now = m_clock.now();
    const QTimeZone zone = m_clock.zone();
    const QDateTime last = lastSuccessAsOf(now);
    // Never backed up: overdue counts from when the schedule was first seen on.
    const QDateTime since = last.isValid()                  ? last
                            : m_state.scheduledSince <= now ? m_state.scheduledSince
                                                            : QDateTime();
    d.overdue = since.isValid() && since.secsTo(now) > qint64(m_schedule.overdueDays) * 86400;
    const auto with = [&d](Kind kind, Reason reason, const QDateTime &at) {
        d.kind = kind;
        d.reason = reason;
        d.at = at;
        return d;
    };
    if (m_state.pausedUntilResumed)
        return with(Kind::Paused, Reason::None, {});
    if (m_state.pausedUntil.isValid() && now < m_state.pausedUntil)
        return with(Kind::Paused, Reason::None, m_state.pausedUntil);
    if (m_running)
        return with(Kind::Running, Reason::None, {});

    // Only the newest slot matters: however many passed since the last backup, one run
    // catches up on all of them.
    const QDateTime slot = m_schedule.latestSlot(now, zone);
    if (!slot.isValid() || (last.isValid() && last >= slot))
        return with(Kind::Waiting, Reason::None, m_schedule.nextSlot(now, zone));

    const QDateTime failed = m_state.lastFailure;
    if (failed.isValid() && failed <= now && failed >= slot) {
        const QDateTime retry = failed.addSecs(kRetryAfterFailureSeconds);
        if (now < retry)
            return with(Kind::Waiting, Reason::RetryAfterFailure, retry);
    }
    if (m_busyElsewhereAt.isValid() && m_busyElsewhereAt <= now) {
        const QDateTime retry = m_busyElsewhereAt.addSecs(kBusyRetrySeconds);
        if (now < retry)
            return with(Kind::Waiting, Reason::BusyElsewhere, retry);
    }
    // Missed while the computer was off or asleep: a moment after it is back, so the backup
    // does not slow the login or the wake-up.
    if (m_awakeSince.isValid() && slot < m_awakeSince) {
        const QDateTime at = m_awakeSince.addSecs(m_schedule.catchUpDelaySeconds);
        if (now < at)
            return with(Kind::Waiting, Reason::CatchingUp, at);
    }

    const QDateTime look = now.addSecs(kRecheckSeconds);
    if (!m_localRepository.isEmpty() && !m_disk.present(m_localRepository))
        return with(Kind::Skipped, Reason::DiskMissing, look);
    if (!m_schedule.onBattery && m_power.onBattery())
        return with(Kind::Skipped, Reason::OnBattery, look);
    // Metered connections cost money for what goes over them: only a remote repository does.
    if (m_localRepository.isEmpty() && !m_schedule.onMetered && m_network.metered())
        return with(Kind::Skipped, Reason::Metered, look);
    return with(Kind::Due, Reason::None, now);
}

ScheduleDecision Scheduler::tick()
{
    const QDateTime now = m_clock.now();
    const qint64 mono = m_clock.monotonicMs();
    if (!m_lastTickWall.isValid()) {
        m_awakeSince = now;
    } else {
        // The monotonic clock stands still while the computer sleeps; the wall clock does not.
        const qint64 wall = m_lastTickWall.msecsTo(now);
        const qint64 steady = mono - m_lastTickMono;
        if (wall - steady > kWakeGapMs)
            m_awakeSince = now;
        else if (steady - wall > kWakeGapMs) {
            m_clockBackAt = now;
            if (m_lastSuccess > now)
                m_futureSuccess = m_lastSuccess;
        }
    }
    m_lastTickWall = now;
    m_lastTickMono = mono;

    const ScheduleDecision d = decide();
    noticeIfNeeded(d);
    if (d.kind == Kind::Due) {
        m_running = true;
        m_state.lastAttempt = now;
        Q_EMIT stateChanged(m_state);
        announce();
        Q_EMIT due();
        return d;
    }
    if (d != m_last) {
        m_last = d;
        Q_EMIT decisionChanged(d);
    }
    return d;
}

void Scheduler::announce()
{
    const ScheduleDecision d = decide();
    if (d == m_last)
        return;
    m_last = d;
    Q_EMIT decisionChanged(d);
}

void Scheduler::noticeIfNeeded(const ScheduleDecision &d)
{
    if (!m_schedule.enabled())
        return;
    const QDateTime now = m_clock.now();
    const qint64 day = 24 * 3600;
    const auto dueAgain = [&](const QDateTime &told) {
        return !told.isValid() || told > now || told.secsTo(now) >= day;
    };
    bool changed = false;
    // Once a day while it lasts, and again as soon as a backup succeeded in between.
    const QDateTime last = lastSuccessAsOf(now);
    if (!m_lastSuccess.isValid() && !m_state.scheduledSince.isValid()) {
        m_state.scheduledSince = now;
        changed = true;
    }
    if (d.overdue &&
        (dueAgain(m_state.overdueNoticeAt) || (last.isValid() && m_state.overdueNoticeAt < last))) {
        m_state.overdueNoticeAt = now;
        changed = true;
        Q_EMIT notice(Notice::Overdue);
    }
    if (!m_localRepository.isEmpty()) {
        if (m_disk.present(m_localRepository)) {
            if (m_state.diskMissingSince.isValid() || m_state.diskNoticeAt.isValid()) {
                m_state.diskMissingSince = {};
                m_state.diskNoticeAt = {};
                changed = true;
            }
        } else if (!m_state.diskMissingSince.isValid() || m_state.diskMissingSince > now) {
            m_state.diskMissingSince = now;
            changed = true;
        } else if (m_state.diskMissingSince.secsTo(now) >= m_schedule.overdueDays * day &&
                   dueAgain(m_state.diskNoticeAt)) {
            m_state.diskNoticeAt = now;
            changed = true;
            Q_EMIT notice(Notice::DiskMissing);
        }
    }
    if (changed)
        Q_EMIT stateChanged(m_state);
}

void Scheduler::start(int intervalMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    m_timer->start(intervalMs);
    tick();
}

} // namespace obnam::client
