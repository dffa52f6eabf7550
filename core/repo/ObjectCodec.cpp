#include "ObjectCodec.h"

#include <QCoreApplication>

#include "crypto/Compression.h"
#include "crypto/Crypto.h"

namespace obnam {

namespace {
const QByteArray kMagic = QByteArrayLiteral("OBNO");
constexpr char kVersion = 1;
constexpr int kSaltSize = 16;
constexpr int kHeaderSize = 4 + 1 + 1 + kSaltSize;
const QByteArray kInfo = QByteArrayLiteral("obnam-object-v1");
} // namespace

ObjectCodec::ObjectCodec(QByteArray dataKey, QByteArray repositoryId)
    : m_dataKey(std::move(dataKey))
    , m_repositoryId(std::move(repositoryId))
{}

ObjectCodec::~ObjectCodec()
{
    crypto::wipe(m_dataKey);
}

QByteArray ObjectCodec::seal(ObjectType type, const QByteArray &payload, int compressionLevel) const
{
    QByteArray header = kMagic;
    header.append(kVersion);
    header.append(char(type));
    const QByteArray salt = crypto::randomBytes(kSaltSize);
    header.append(salt);
    QByteArray subkey = crypto::hkdfSha256(m_dataKey, salt, kInfo, crypto::kKeySize);
    const QByteArray sealed =
        crypto::aesGcmSeal(subkey, crypto::counterNonce(0), QByteArray(header + m_repositoryId),
                           compression::pack(payload, compressionLevel));
    crypto::wipe(subkey);
    return header + sealed;
}

Result<QByteArray> ObjectCodec::open(ObjectType type, const QByteArray &sealed, const QString &name,
                                     qsizetype maxSize) const
{
    const auto corrupt = [&](const QString &why) {
        return makeError(ErrorCode::Corrupt, why, name);
    };
    if (sealed.size() < kHeaderSize + crypto::kTagSize || !sealed.startsWith(kMagic))
        return corrupt(
            QCoreApplication::translate("obnam", "object is truncated or not an obnam object"));
    if (sealed[4] != kVersion)
        return makeError(
            ErrorCode::Unsupported,
            QCoreApplication::translate("obnam", "unknown object version %1").arg(int(sealed[4])),
            name);
    if (quint8(sealed[5]) != quint8(type))
        return corrupt(QCoreApplication::translate("obnam", "object has the wrong type"));
    const QByteArray header = sealed.left(kHeaderSize);
    QByteArray subkey =
        crypto::hkdfSha256(m_dataKey, header.mid(6, kSaltSize), kInfo, crypto::kKeySize);
    auto plain =
        crypto::aesGcmOpen(subkey, crypto::counterNonce(0), QByteArray(header + m_repositoryId),
                           QByteArrayView(sealed).sliced(kHeaderSize));
    crypto::wipe(subkey);
    if (!plain)
        return corrupt(QCoreApplication::translate(
            "obnam", "object does not authenticate (damaged, or from another repository)"));
    auto payload = compression::unpack(*plain, maxSize);
    if (!payload)
        return corrupt(payload.error().message);
    return payload;
}

} // namespace obnam
