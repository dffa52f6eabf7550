#pragma once

#include "Session.h"
#include "repo/GenerationRecord.h"

#include <QByteArray>
#include <QList>

namespace obnam::client {

// What changed between two generations, path by path.
struct Change
{
    enum Kind
    {
        Added,
        Removed,
        Changed, // contents or metadata (kind, mode, size, mtime, owner, link target, xattrs)
    };
    Kind kind;
    QByteArray path;
};

// The changes from `older` to `newer`: added and changed paths in path order, then removed
// ones in path order.
Result<QList<Change>> diffGenerations(Session &session, const GenerationRecord &older,
                                      const GenerationRecord &newer);

} // namespace obnam::client
