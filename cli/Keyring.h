#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace obnam::cli {

// The desktop keyring (Secret Service over D-Bus, through QtKeychain), as one more place a
// repository passphrase can come from. A missing session bus or keyring daemon means "no
// keyring": lookups find nothing and callers fall back to other sources.
class Keyring
{
public:
    // The entry for a repository, named by its server_url.
    static QString entryName(const QString &repository);

    // Found passphrase, nothing (no entry, or no keyring at all), or an error worth reporting.
    static Result<std::optional<QByteArray>> read(const QString &entry);
    // ErrorCode::NotFound when no keyring is available.
    static Status write(const QString &entry, const QByteArray &passphrase);
    static Status remove(const QString &entry);
};

} // namespace obnam::cli
