#pragma once

#include "Session.h"
#include "maint/Retention.h"

#include <functional>

namespace obnam::client {

struct ForgetReport
{
    int generations = 0;
    int removed = 0; // or, with dryRun, that would be
};

// Removes the generations `policy` does not keep, holding the repository's exclusive lock:
// only their records go (prune frees the data). `decided` hears of every generation in
// order, as it is kept or removed, so a listener can report as it goes.
Result<ForgetReport> forget(Session &session, const RetentionPolicy &policy, bool dryRun,
                            const std::function<void(const RetentionDecision &)> &decided = {});

} // namespace obnam::client
