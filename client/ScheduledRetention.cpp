#include "ScheduledRetention.h"

#include "Forget.h"
#include "ScheduleState.h"
#include "repo/Lock.h"
#include "repo/Repository.h"

#include <QCoreApplication>

namespace obnam::client {

Result<ScheduledRetention> applyScheduledRetention(Session &session, const Paths &paths,
                                                   const QString &configPath, const QDateTime &now,
                                                   OperationControl *control)
{
    ScheduledRetention outcome;
    if (session.config.retention.isEmpty())
        return outcome;
    outcome.applied = true;
    auto forgotten = forget(session, session.config.retention, false);
    if (!forgotten)
        return forgotten.error();
    outcome.removed = forgotten->removed;

    ScheduleState state = ScheduleState::load(paths, configPath);
    // A prune rewrites packs and costs time and traffic: once a week is enough to keep the
    // space in check. A prune "from the future" (the clock was set back) does not count.
    const bool pruneDue = !state.lastPrune.isValid() || state.lastPrune > now ||
                          state.lastPrune.secsTo(now) >= kPruneEverySeconds;
    if (!pruneDue || (control && control->isCancelled()))
        return outcome;
    auto lock = RepositoryLock::acquire(*session.repository, true, QStringLiteral("prune"));
    if (!lock)
        return lock.error();
    PruneOptions options;
    options.cacheDir = session.cacheDir;
    options.compressionLevel = session.config.compression;
    Pruner pruner(*session.repository, options);
    pruner.setControl(control);
    auto report = pruner.run();
    if (!report)
        return report.error();
    outcome.prune = *report;
    if (auto s = ScheduleState::update(paths, configPath,
                                       [&now](ScheduleState &kept) { kept.lastPrune = now; });
        !s)
        return s.error();
    return outcome;
}

} // namespace obnam::client
