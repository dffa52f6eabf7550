#pragma once

#include "support/Fd.h"
#include "support/Result.h"

#include <QString>

namespace obnam::server {

enum class LockWait
{
    No,
    Yes
};

// An flock(2) on `path` (LOCK_EX or LOCK_SH), created if missing, held for as long as the
// returned descriptor stays open. With LockWait::No a lock held elsewhere is refused at once
// as AlreadyExists carrying `busy`; with LockWait::Yes it is waited for.
Result<Fd> lockFile(const QString &path, int operation, LockWait wait, const QString &busy = {});

} // namespace obnam::server
