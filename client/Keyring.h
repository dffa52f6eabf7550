#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

#include <optional>

namespace obnam::client {

// The desktop keyring (Secret Service over D-Bus, through QtKeychain), as one more place a
// repository passphrase can come from. A missing session bus or keyring daemon means "no
// keyring": lookups find nothing and callers fall back to other sources.
//
// Every call answers through a future. The jobs run on a thread of the keyring's own, with its
// own event loop, so a GUI continues the future on its own thread and a command-line
// program may simply wait for it; neither runs a nested event loop.
class Keyring
{
public:
    // The entry for a repository, named by its server_url.
    static QString entryName(const QString &repository);

    // Found passphrase, nothing (no entry, or no keyring at all), or an error worth reporting.
    static QFuture<Result<std::optional<QByteArray>>> read(const QString &entry);
    // ErrorCode::NotFound when no keyring is available.
    static QFuture<Status> write(const QString &entry, const QByteArray &passphrase);
    static QFuture<Status> remove(const QString &entry);
};

} // namespace obnam::client
