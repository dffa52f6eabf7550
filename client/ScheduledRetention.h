#pragma once

#include "Paths.h"
#include "Session.h"
#include "maint/Pruner.h"
#include "support/OperationControl.h"

#include <optional>

namespace obnam::client {

struct ScheduledRetention
{
    bool applied = false;             // false: no keep_* rules are configured
    int removed = 0;                  // generations forgotten
    std::optional<PruneReport> prune; // set when prune ran (at most once a week)
};

// What follows a scheduled backup that succeeded: the configured retention policy (keep_*),
// when there is one, forgets what it does not keep, and once a week prune frees the space.
// When prune last ran is kept in the schedule's state of `configPath`. Blocks: call it on a
// worker, with no lock of the caller held (forget and prune take the exclusive lock).
Result<ScheduledRetention> applyScheduledRetention(Session &session, const Paths &paths,
                                                   const QString &configPath, const QDateTime &now,
                                                   OperationControl *control = nullptr);

constexpr qint64 kPruneEverySeconds = 7 * 24 * 3600;

} // namespace obnam::client
