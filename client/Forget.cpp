#include "Forget.h"

#include "backend/ObjectName.h"
#include "repo/Lock.h"
#include "repo/Repository.h"
#include "support/CrashPoint.h"

#include <QFile>

namespace obnam::client {

Result<ForgetReport> forget(Session &session, const RetentionPolicy &policy, bool dryRun,
                            const std::function<void(const RetentionDecision &)> &decided)
{
    auto lock = RepositoryLock::acquire(*session.repository, true, QStringLiteral("forget"));
    if (!lock)
        return lock.error();
    auto generations = session.repository->generations();
    if (!generations)
        return generations.error();
    const auto decisions = applyRetention(*generations, policy);
    ForgetReport report;
    report.generations = int(decisions.size());
    for (const RetentionDecision &d : decisions) {
        if (decided)
            decided(d);
        if (d.keep)
            continue;
        ++report.removed;
        if (dryRun)
            continue;
        crashpoint::hit("forget-generation-delete-before");
        const Status gone =
            session.repository->backend().remove(objectname::generation(d.generation.id)).result();
        if (!gone && gone.error().code != ErrorCode::NotFound)
            return gone.error();
        crashpoint::hit("forget-generation-delete-after");
        QFile::remove(session.cacheDir + QStringLiteral("/generations/") + d.generation.id +
                      QStringLiteral(".db"));
    }
    return report;
}

} // namespace obnam::client
