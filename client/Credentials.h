#pragma once

#include "repo/MasterKeys.h"
#include "support/Result.h"

#include <QString>

namespace obnam::client {

// passwords.yaml: the client's key to its repository. It holds the repository's master keys
// (never the passphrase), so commands open the repository without the cost of Argon2id.
// The file is mode 0400; a file that others can read is refused rather than used.
struct Credentials
{
    QString repositoryId; // hex
    MasterKeys keys;

    static Result<Credentials> load(const QString &path);
    Status save(const QString &path) const;
};

} // namespace obnam::client
