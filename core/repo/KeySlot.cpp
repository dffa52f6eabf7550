#include "KeySlot.h"

#include "crypto/Crypto.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace obnam {

namespace {

constexpr int kSaltSize = 16;
constexpr qsizetype kMaxSlotSize = 4096;
// A slot ends with this field, written last so that everything before it is what it
// authenticates, byte for byte: ,"mac":"<44 base64 characters>"}
constexpr QByteArrayView kMacField = ",\"mac\":\"";
constexpr qsizetype kMacTail = 8 + 44 + 2;

QByteArray slotMac(const MasterKeys &keys, const QByteArray &repositoryId, const QString &slotId,
                   QByteArrayView body)
{
    // Its own key, derived from the data key: a key slot MAC can never be confused with any
    // other authenticated object's.
    const QByteArray key =
        crypto::hkdfSha256(keys.dataKey, repositoryId, "obnam-keyslot-mac-v1", 32);
    return crypto::hmacSha256(key, QByteArray(slotId.toLatin1() + '\0' + body));
}

// The authenticated part of a slot ("{...}" without the MAC field) and the MAC it carries.
Result<std::pair<QByteArray, QByteArray>> splitMac(const QByteArray &slot)
{
    if (slot.size() <= kMacTail || !slot.endsWith("\"}") ||
        QByteArrayView(slot).sliced(slot.size() - kMacTail, kMacField.size()) != kMacField)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "key slot has no authentication code at its end"));
    const QByteArray text = slot.sliced(slot.size() - kMacTail + kMacField.size(), 44);
    const QByteArray mac = QByteArray::fromBase64(text, QByteArray::AbortOnBase64DecodingErrors);
    // Re-encoding must give the same text: base64 has spare bits a decoder ignores, and a
    // flip there must not pass as the same code.
    if (mac.size() != 32 || mac.toBase64() != text)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "key slot authentication code is malformed"));
    return std::pair{QByteArray(slot.first(slot.size() - kMacTail) + '}'), mac};
}

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
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "key slot is too large"));
    if (auto parts = splitMac(slot); !parts)
        return parts.error();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(slot, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "key slot is not valid JSON"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("version")).toInteger(-1) != 1)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("obnam", "unknown key slot version"));
    auto params = crypto::KdfParams::fromJson(o.value(QStringLiteral("kdf")).toObject());
    if (!params)
        return params.error();
    const auto b64 = [&](const char *key) {
        return QByteArray::fromBase64(o.value(QLatin1String(key)).toString().toLatin1());
    };
    ParsedSlot p{*params, b64("salt"), b64("nonce"), b64("wrapped")};
    if (p.salt.size() != kSaltSize || p.nonce.size() != crypto::kNonceSize ||
        p.wrapped.size() <= crypto::kTagSize)
        return makeError(ErrorCode::Corrupt, QCoreApplication::translate(
                                                 "obnam", "key slot fields have the wrong size"));
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
    QByteArray body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const QByteArray mac = slotMac(keys, repositoryId, slotId, body);
    body.chop(1); // the closing brace, which the MAC field closes again
    return QByteArray(body + kMacField.toByteArray() + mac.toBase64() + "\"}");
}

Status KeySlot::authenticate(const QByteArray &slot, const MasterKeys &keys,
                             const QByteArray &repositoryId, const QString &slotId)
{
    auto parts = splitMac(slot);
    if (!parts)
        return parts.error();
    if (!crypto::equalConstantTime(slotMac(keys, repositoryId, slotId, parts->first),
                                   parts->second))
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam",
                                                     "key slot has been changed or damaged (its "
                                                     "authentication code does not match)"));
    return {};
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
                         QCoreApplication::translate(
                             "obnam", "wrong passphrase: it does not open this key slot"));
    auto keys = MasterKeys::deserialize(*plain);
    crypto::wipe(*plain);
    if (!keys)
        return keys.error();
    // The wrapped keys were authentic (AES-GCM), so a MAC mismatch means the rest of the slot
    // was changed: refuse it rather than leave the damage for someone else to trip over.
    if (auto s = authenticate(slot, *keys, repositoryId, slotId); !s) {
        keys->wipe();
        return s.error();
    }
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
