#include "Kdf.h"

#include <QCoreApplication>

#include "Crypto.h"

#include <argon2.h>

namespace obnam::crypto {

namespace {
// Refuse parameters that would let a hostile key slot exhaust memory or time when opened.
constexpr quint32 kMaxMemoryKiB = 4u * 1024 * 1024;
constexpr quint32 kMaxIterations = 64;
constexpr quint32 kMaxParallelism = 16;
} // namespace

QJsonObject KdfParams::toJson() const
{
    return QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("argon2id")},
                       {QStringLiteral("memory_kib"), qint64(memoryKiB)},
                       {QStringLiteral("iterations"), qint64(iterations)},
                       {QStringLiteral("parallelism"), qint64(parallelism)}};
}

Result<KdfParams> KdfParams::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("algorithm")).toString() != QStringLiteral("argon2id"))
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("obnam", "unknown key derivation algorithm"));
    const auto m = json.value(QStringLiteral("memory_kib")).toInteger(-1);
    const auto t = json.value(QStringLiteral("iterations")).toInteger(-1);
    const auto p = json.value(QStringLiteral("parallelism")).toInteger(-1);
    if (m < 8 * p || m > kMaxMemoryKiB || t < 1 || t > kMaxIterations || p < 1 ||
        p > kMaxParallelism)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "key derivation parameters out of range"));
    return KdfParams{quint32(m), quint32(t), quint32(p)};
}

Result<QByteArray> deriveKey(const QByteArray &passphrase, const QByteArray &salt,
                             const KdfParams &params)
{
    QByteArray key(kKeySize, Qt::Uninitialized);
    const int rc =
        argon2id_hash_raw(params.iterations, params.memoryKiB, params.parallelism,
                          passphrase.constData(), size_t(passphrase.size()), salt.constData(),
                          size_t(salt.size()), key.data(), size_t(key.size()));
    if (rc != ARGON2_OK) {
        wipe(key);
        return makeError(ErrorCode::Permanent,
                         QCoreApplication::translate("obnam", "key derivation failed: ") +
                             QString::fromUtf8(argon2_error_message(rc)));
    }
    return key;
}

} // namespace obnam::crypto
