#include "KeySlot.h"

#include "crypto/Crypto.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace obnam {

namespace {

constexpr int kSaltSize = 16;
constexpr qsizetype kMaxSlotSize = 4096;

QByteArray associatedData(const QByteArray &repositoryId, const QString &slotId)
{
    return QByteArrayLiteral("obnam-keyslot-v1\0") + repositoryId + '\0' + slotId.toLatin1();
}

struct ParsedSlot
{
    crypto::KdfParams params;
    QByteArray salt;
    QByteArray nonce;
    QByteArray wrapped;
};

Result<ParsedSlot> parse(const QByteArray &slot)
{
    if (slot.size() > kMaxSlotSize)
        return makeError(ErrorCode::Corrupt, QStringLiteral("key slot is too large"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(slot, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Corrupt, QStringLiteral("key slot is not valid JSON"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("version")).toInteger(-1) != 1)
        return makeError(ErrorCode::Unsupported, QStringLiteral("unknown key slot version"));
    auto params = crypto::KdfParams::fromJson(o.value(QStringLiteral("kdf")).toObject());
    if (!params)
        return params.error();
    const auto b64 = [&](const char *key) {
        return QByteArray::fromBase64(o.value(QLatin1String(key)).toString().toLatin1());
    };
    ParsedSlot p{*params, b64("salt"), b64("nonce"), b64("wrapped")};
    if (p.salt.size() != kSaltSize || p.nonce.size() != crypto::kNonceSize ||
        p.wrapped.size() <= crypto::kTagSize)
        return makeError(ErrorCode::Corrupt, QStringLiteral("key slot fields have the wrong size"));
    return p;
}

} // namespace

Result<QByteArray> KeySlot::wrap(const MasterKeys &keys, const QByteArray &passphrase,
                                 const crypto::KdfParams &params, const QByteArray &repositoryId,
                                 const QString &slotId)
{
    const QByteArray salt = crypto::randomBytes(kSaltSize);
    const QByteArray nonce = crypto::randomBytes(crypto::kNonceSize);
    auto kek = crypto::deriveKey(passphrase, salt, params);
    if (!kek)
        return kek.error();
    QByteArray plain = keys.serialize();
    const QByteArray wrapped =
        crypto::aesGcmSeal(*kek, nonce, associatedData(repositoryId, slotId), plain);
    crypto::wipe(plain);
    crypto::wipe(*kek);
    const QJsonObject o{{QStringLiteral("version"), 1},
                        {QStringLiteral("kdf"), params.toJson()},
                        {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                        {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
                        {QStringLiteral("wrapped"), QString::fromLatin1(wrapped.toBase64())}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<MasterKeys> KeySlot::unwrap(const QByteArray &slot, const QByteArray &passphrase,
                                   const QByteArray &repositoryId, const QString &slotId)
{
    auto parsed = parse(slot);
    if (!parsed)
        return parsed.error();
    auto kek = crypto::deriveKey(passphrase, parsed->salt, parsed->params);
    if (!kek)
        return kek.error();
    auto plain = crypto::aesGcmOpen(*kek, parsed->nonce, associatedData(repositoryId, slotId),
                                    parsed->wrapped);
    crypto::wipe(*kek);
    if (!plain)
        return makeError(ErrorCode::WrongPassphrase,
                         QStringLiteral("wrong passphrase: it does not open this key slot"));
    auto keys = MasterKeys::deserialize(*plain);
    crypto::wipe(*plain);
    return keys;
}

Result<crypto::KdfParams> KeySlot::params(const QByteArray &slot)
{
    auto parsed = parse(slot);
    if (!parsed)
        return parsed.error();
    return parsed->params;
}

} // namespace obnam
