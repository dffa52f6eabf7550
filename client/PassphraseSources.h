#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

#include <functional>
#include <optional>

namespace obnam::client {

// The places a repository passphrase may come from without asking a person.
struct PassphraseSources
{
    QString explicitValue; // given on the command line (visible to other users: discouraged)
    QString file;          // its first line
    QString keyringEntry;  // Keyring::entryName() of the repository, or empty
};

// The passphrase of the first source that has one, in the order explicitValue, file,
// OBNAM_PASSPHRASE, the keyring; nothing when none has one (a person is asked then). An
// unreadable or empty file and an empty OBNAM_PASSPHRASE are errors, not silence.
// `keyringRead` may block: it is given the entry and answers with what is stored.
Result<std::optional<QByteArray>>
findPassphrase(const PassphraseSources &sources, const QProcessEnvironment &environment,
               const std::function<std::optional<QByteArray>(const QString &entry)> &keyringRead);

} // namespace obnam::client
