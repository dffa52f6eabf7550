#pragma once

#include "support/Result.h"

#include <QString>

namespace obnam::objectname {

// The repository's object names form a small, strict language; anything else is refused
// before it reaches a file system, a URL or a database key:
//   config | keys/<hex> | locks/<hex> | index/<hex> | generations/<hex> | packs/<2 hex>/<hex>
// where <hex> is 16..64 lower-case hex digits and a pack's prefix is the first two of its id.
Status validate(const QString &name);
// A prefix for list(): "" or one of "keys/", "locks/", "index/", "generations/", "packs/",
// "packs/<2 hex>/".
Status validatePrefix(const QString &prefix);

QString pack(const QString &hexId);
inline QString index(const QString &hexId)
{
    return QStringLiteral("index/") + hexId;
}
inline QString generation(const QString &hexId)
{
    return QStringLiteral("generations/") + hexId;
}
inline QString key(const QString &hexId)
{
    return QStringLiteral("keys/") + hexId;
}
inline QString lock(const QString &hexId)
{
    return QStringLiteral("locks/") + hexId;
}
inline QString config()
{
    return QStringLiteral("config");
}

// The last path component: the object's id.
QString idOf(const QString &name);

} // namespace obnam::objectname
