#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace obnam::crypto {

// Argon2id parameters. They are stored beside each key slot so that a slot made with one
// cost can always be opened later, whatever the defaults have become.
struct KdfParams
{
    quint32 memoryKiB = 64 * 1024; // 64 MiB: the production floor
    quint32 iterations = 7;        // about 0.5 s with 64 MiB on a current x86-64 core
    quint32 parallelism = 1;

    // The production setting: >= 64 MiB, about half a second on a current core.
    static KdfParams production() { return KdfParams{}; }
    // Deliberately weak; only for tests, which create many repositories.
    static KdfParams testing() { return KdfParams{8, 1, 1}; }

    QJsonObject toJson() const;
    static Result<KdfParams> fromJson(const QJsonObject &json);
};

// Derives a 32-byte key-encryption key from a passphrase with Argon2id.
Result<QByteArray> deriveKey(const QByteArray &passphrase, const QByteArray &salt,
                             const KdfParams &params);

} // namespace obnam::crypto
