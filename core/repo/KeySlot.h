#pragma once

#include "MasterKeys.h"
#include "crypto/Kdf.h"

#include <QByteArray>
#include <QString>

namespace obnam {

// One key slot (object keys/<id>): the master keys, wrapped with AES-256-GCM under a key
// derived from one passphrase by Argon2id. The KDF parameters and salt are public; the
// associated data binds the slot to its repository and its id, so a slot cannot be moved.
// The slot's bytes also end with an HMAC under a key derived from the master keys, so
// whoever holds the keys (a client with its credentials file, `check`) can prove every slot
// intact without knowing the passphrases that open them.
class KeySlot
{
public:
    static Result<QByteArray> wrap(const MasterKeys &keys, const QByteArray &passphrase,
                                   const crypto::KdfParams &params, const QByteArray &repositoryId,
                                   const QString &slotId);
    // ErrorCode::WrongPassphrase when the passphrase does not open the slot;
    // ErrorCode::Corrupt when the slot itself cannot be parsed.
    static Result<MasterKeys> unwrap(const QByteArray &slot, const QByteArray &passphrase,
                                     const QByteArray &repositoryId, const QString &slotId);
    // ErrorCode::Corrupt unless the slot's bytes are exactly those wrap() wrote.
    static Status authenticate(const QByteArray &slot, const MasterKeys &keys,
                               const QByteArray &repositoryId, const QString &slotId);
    // The public parameters of a slot, for listing.
    static Result<crypto::KdfParams> params(const QByteArray &slot);
};

} // namespace obnam
