#pragma once

#include "support/Result.h"

#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace obnam::client {

// When scheduled backups run, and what may hold them back: the schedule_* keys of obnam.yaml,
// shared by obnam-gui's tray and the systemd user timer `obnam-cli schedule install` writes.
struct Schedule
{
    enum class Every
    {
        Off,
        Hourly, // at `at`'s minute past every hour
        Daily,  // at `at`, local time
        Weekly, // on `weekday` at `at`
    };
    Every every = Every::Off;
    QTime at{12, 0};
    int weekday = Qt::Monday;
    bool onBattery = false; // run while the computer runs on battery
    bool onMetered = false; // run over a metered connection (a remote repository only)
    int overdueDays = 3;    // say so when the last backup is older than this
    bool notifySuccess = false;
    int catchUpDelaySeconds = 120; // after a start or wake-up, before a missed run

    bool enabled() const { return every != Every::Off; }

    // The newest slot at or before `now`, in `zone`'s local time; invalid when off. A daily
    // time that a daylight-saving change skips falls just after the gap; one the change
    // repeats is a single slot.
    QDateTime latestSlot(const QDateTime &now, const QTimeZone &zone) const;
    // The first slot strictly after `after`.
    QDateTime nextSlot(const QDateTime &after, const QTimeZone &zone) const;

    // The systemd calendar expression of the same slots ("*-*-* 12:00:00").
    QString onCalendar() const;
    // "daily at 12:00", for people.
    QString describe() const;

    static QString everyName(Every every);
    static std::optional<Every> parseEvery(const QString &text);
    static QString weekdayName(int weekday); // "monday"
    static std::optional<int> parseWeekday(const QString &text);
};

} // namespace obnam::client
