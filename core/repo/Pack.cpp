#include "Pack.h"

#include <QCoreApplication>

#include "crypto/Compression.h"
#include "crypto/Crypto.h"
#include "support/Bytes.h"

namespace obnam {

namespace {
const QByteArray kMagic = QByteArrayLiteral("OBNP");
constexpr char kVersion = 1;
constexpr int kSaltSize = 16;
constexpr int kPrefixSize = 4 + 1 + kSaltSize;
constexpr int kTrailerSize = 4 + 4;
constexpr int kEntrySize = 32 + 8 + 4 + 4 + 4;

QByteArray headerAad(const QByteArray &repositoryId)
{
    return QByteArrayLiteral("packheader") + repositoryId;
}
} // namespace

namespace pack {

QByteArray subkey(const QByteArray &dataKey, const QByteArray &salt)
{
    return crypto::hkdfSha256(dataKey, salt, QByteArrayLiteral("obnam-pack-v1"), crypto::kKeySize);
}

QByteArray chunkAad(const QByteArray &repositoryId, const QByteArray &chunkId)
{
    return QByteArrayLiteral("chunk") + repositoryId + chunkId;
}

Result<QByteArray> openBlob(const QByteArray &subkey, const QByteArray &repositoryId,
                            const PackEntry &entry, QByteArray blob)
{
    if (entry.counter == 0)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "chunk uses the header's nonce"));
    if (auto s = crypto::aesGcmOpenInPlace(subkey, crypto::counterNonce(entry.counter),
                                           chunkAad(repositoryId, entry.chunkId), blob);
        !s)
        return s.error();
    return blob;
}

Result<Header> parseHeader(const QByteArray &dataKey, const QByteArray &repositoryId,
                           const QByteArray &packBytes, const QString &name)
{
    const auto corrupt = [&](const QString &why) {
        return makeError(ErrorCode::Corrupt, QCoreApplication::translate("obnam", "pack: ") + why,
                         name);
    };
    if (packBytes.size() < kPrefixSize + kTrailerSize + crypto::kTagSize ||
        !packBytes.startsWith(kMagic) || !packBytes.endsWith(kMagic))
        return corrupt(QCoreApplication::translate("obnam", "truncated or not a pack"));
    if (packBytes[4] != kVersion)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("obnam", "unknown pack version"), name);
    Header h;
    h.salt = packBytes.mid(5, kSaltSize);
    ByteReader lenReader(QByteArrayView(packBytes).sliced(packBytes.size() - kTrailerSize, 4));
    const quint32 headerLen = lenReader.u32();
    const qsizetype bodyEnd = packBytes.size() - kTrailerSize - qsizetype(headerLen);
    if (headerLen < quint32(crypto::kTagSize) || bodyEnd < kPrefixSize)
        return corrupt(QCoreApplication::translate("obnam", "header length out of range"));
    QByteArray key = subkey(dataKey, h.salt);
    auto sealedHeader = crypto::aesGcmOpen(key, crypto::counterNonce(0), headerAad(repositoryId),
                                           packBytes.mid(bodyEnd, headerLen));
    crypto::wipe(key);
    if (!sealedHeader)
        return corrupt(QCoreApplication::translate("obnam", "header does not authenticate"));
    auto plain = compression::unpack(*sealedHeader, 64 * 1024 * 1024);
    if (!plain)
        return corrupt(plain.error().message);
    ByteReader r(*plain);
    const quint32 n = r.u32();
    if (!r.ok() || qsizetype(n) * kEntrySize != r.remaining())
        return corrupt(
            QCoreApplication::translate("obnam", "header entry count does not match its size"));
    h.entries.reserve(n);
    for (quint32 i = 0; i < n; ++i) {
        PackEntry e;
        e.chunkId = r.raw(32);
        e.offset = r.u64();
        e.length = r.u32();
        e.plainLength = r.u32();
        e.counter = r.u32();
        if (e.offset < quint64(kPrefixSize) || e.length > quint64(bodyEnd) ||
            e.offset > quint64(bodyEnd) - e.length || e.counter == 0)
            return corrupt(
                QCoreApplication::translate("obnam", "header entry %1 points outside the pack")
                    .arg(i));
        h.entries.append(std::move(e));
    }
    return h;
}

} // namespace pack

PackBuilder::PackBuilder(const QByteArray &dataKey, QByteArray repositoryId)
    : m_dataKey(dataKey)
    , m_repositoryId(std::move(repositoryId))
{
    start();
}

PackBuilder::~PackBuilder()
{
    crypto::wipe(m_subkey);
    crypto::wipe(m_dataKey); // shared with the master keys: every holder wipes (ObjectCodec.h)
}

void PackBuilder::start()
{
    m_salt = crypto::randomBytes(kSaltSize);
    crypto::wipe(m_subkey);
    m_subkey = pack::subkey(m_dataKey, m_salt);
    m_bytes = QByteArray();
    m_bytes.reserve(m_expectedSize);
    m_bytes.append(kMagic);
    m_bytes.append(kVersion);
    m_bytes.append(m_salt);
    m_entries.clear();
}

void PackBuilder::add(const QByteArray &chunkId, const QByteArray &packed, quint32 plainLength)
{
    PackEntry e;
    e.chunkId = chunkId;
    e.offset = quint64(m_bytes.size());
    e.counter = quint32(m_entries.size() + 1);
    e.plainLength = plainLength;
    const QByteArray blob = crypto::aesGcmSeal(m_subkey, crypto::counterNonce(e.counter),
                                               pack::chunkAad(m_repositoryId, chunkId), packed);
    e.length = quint32(blob.size());
    m_bytes.append(blob);
    m_entries.append(std::move(e));
}

PackBuilder::Finished PackBuilder::finish()
{
    ByteWriter w;
    w.reserve(4 + m_entries.size() * kEntrySize);
    w.u32(quint32(m_entries.size()));
    for (const PackEntry &e : m_entries) {
        w.raw(e.chunkId);
        w.u64(e.offset);
        w.u32(e.length);
        w.u32(e.plainLength);
        w.u32(e.counter);
    }
    const QByteArray header =
        crypto::aesGcmSeal(m_subkey, crypto::counterNonce(0), headerAad(m_repositoryId),
                           compression::pack(w.data(), 3));
    m_bytes.append(header);
    ByteWriter trailer;
    trailer.u32(quint32(header.size()));
    trailer.raw(kMagic);
    m_bytes.append(trailer.data());

    Finished f{std::move(m_bytes), {}, m_salt, std::move(m_entries)};
    f.packId = crypto::sha256(f.bytes);
    start();
    return f;
}

} // namespace obnam
