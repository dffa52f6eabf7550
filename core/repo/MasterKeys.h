#pragma once

#include "support/Result.h"

#include <QByteArray>

namespace obnam {

// The secrets of a repository, created once by init and never changed: re-wrapping them
// under a new passphrase never re-encrypts data.
struct MasterKeys
{
    QByteArray dataKey;     // AES-256-GCM subkeys for packs and objects derive from it
    QByteArray idKey;       // HMAC-SHA256 key for chunk ids
    QByteArray chunkerSeed; // keys the chunker's gear table

    static MasterKeys generate();

    bool isValid() const;
    // Versioned binary form, for key slots and the client's credentials file.
    QByteArray serialize() const;
    static Result<MasterKeys> deserialize(const QByteArray &blob);
    void wipe();
};

} // namespace obnam
