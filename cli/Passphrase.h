#pragma once

#include "CliContext.h"
#include "support/Result.h"

namespace obnam::cli {

// Where a passphrase comes from, in order: --passphrase-file, OBNAM_PASSPHRASE, the desktop
// keyring's `keyringEntry` (when given and a keyring is available), a prompt without echo on
// the terminal. `explicitValue` is --insecure-passphrase where offered. With confirm, a
// prompted passphrase is asked twice.
Result<QByteArray> obtainPassphrase(const CliContext &ctx, const QString &explicitValue,
                                    const QString &passphraseFile, const QString &purpose,
                                    bool confirm, const QString &keyringEntry = {});

// Reads a passphrase from the controlling terminal with echo switched off.
std::optional<QByteArray> promptOnTerminal(const QString &prompt);

} // namespace obnam::cli
