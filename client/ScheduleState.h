#pragma once

#include "Paths.h"
#include "support/Result.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace obnam::client {

// What the scheduler remembers between runs of obnam-gui (and `obnam-cli schedule run`), in
// $XDG_STATE_HOME/obnam/schedule.json, one entry per configuration file. All times are UTC.
struct ScheduleState
{
    QDateTime lastAttempt; // a scheduled backup started
    QDateTime lastFailure; // a scheduled backup failed
    QDateTime lastPrune;   // the retention policy's prune ran (at most once a week)
    QDateTime pausedUntil; // scheduling is paused until then
    bool pausedUntilResumed = false;
    QDateTime diskMissingSince; // the repository's disk has not been attached since
    QDateTime overdueNoticeAt;  // the user was told backups are overdue
    QDateTime diskNoticeAt;     // the user was told the disk is missing
    QDateTime scheduledSince;   // the schedule was first seen on, before any backup succeeded

    bool operator==(const ScheduleState &) const = default;

    static QString file(const Paths &paths);
    // A missing or unreadable file is an empty state: the scheduler starts afresh.
    static ScheduleState load(const Paths &paths, const QString &configPath);
    Status save(const Paths &paths, const QString &configPath) const;
    // Loads, lets `change` change it and saves, holding a lock file all along: obnam-gui's
    // scheduler, its retention on a worker and `obnam-cli schedule run` each change their own
    // fields and keep the others'.
    static Status update(const Paths &paths, const QString &configPath,
                         const std::function<void(ScheduleState &)> &change);
};

} // namespace obnam::client
