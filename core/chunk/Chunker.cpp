#include "Chunker.h"

#include "crypto/Crypto.h"

#include <QCoreApplication>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace obnam {

namespace {
constexpr quint32 kLowestAverage = 64;
constexpr quint32 kHighestMax = 64u * 1024 * 1024;

// Ones in the top `bits` bits: the gear hash shifts left, so its high bits depend on the most
// recent 64 bytes while the low bits depend only on the last few.
quint64 topMask(int bits)
{
    return bits <= 0 ? 0 : (~quint64(0)) << (64 - bits);
}
} // namespace

Status ChunkerParams::validate() const
{
    if (avgSize < kLowestAverage || !std::has_single_bit(avgSize))
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate(
                "obnam", "chunk average size must be a power of two of at least %1, not %2")
                .arg(kLowestAverage)
                .arg(avgSize));
    if (minSize == 0 || minSize > avgSize)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "chunk minimum size %1 must be between 1 and the average %2")
                             .arg(minSize)
                             .arg(avgSize));
    if (maxSize < avgSize || maxSize > kHighestMax)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "chunk maximum size %1 must be between the average %2 and %3")
                             .arg(maxSize)
                             .arg(avgSize)
                             .arg(kHighestMax));
    return {};
}

QJsonObject ChunkerParams::toJson() const
{
    return QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("fastcdc-gear-hmac")},
                       {QStringLiteral("min_size"), qint64(minSize)},
                       {QStringLiteral("avg_size"), qint64(avgSize)},
                       {QStringLiteral("max_size"), qint64(maxSize)}};
}

Result<ChunkerParams> ChunkerParams::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("algorithm")).toString() != QStringLiteral("fastcdc-gear-hmac"))
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("obnam", "unknown chunking algorithm"));
    const auto get = [&](const char *key) {
        return json.value(QLatin1String(key)).toInteger(-1);
    };
    const qint64 mn = get("min_size"), av = get("avg_size"), mx = get("max_size");
    if (mn < 0 || av < 0 || mx < 0 || mn > kHighestMax || av > kHighestMax || mx > kHighestMax)
        return makeError(ErrorCode::Corrupt, QCoreApplication::translate(
                                                 "obnam", "chunker sizes missing or out of range"));
    ChunkerParams p{quint32(mn), quint32(av), quint32(mx)};
    if (auto s = p.validate(); !s)
        return s.error();
    return p;
}

Chunker::Chunker(const QByteArray &seed, const ChunkerParams &params)
    : m_params(params)
{
    // Each gear value is the first 8 bytes (little-endian) of HMAC(seed, "obnam-gear" || i):
    // unpredictable without the seed, and the same on every host.
    for (int i = 0; i < 256; ++i) {
        QByteArray label("obnam-gear");
        label.append(char(i));
        const QByteArray mac = crypto::hmacSha256(seed, label);
        m_gear[size_t(i)] = qFromLittleEndian<quint64>(mac.constData());
    }
    const int bits = std::countr_zero(params.avgSize);
    m_maskHard = topMask(bits + 2);
    m_maskEasy = topMask(bits - 2);
}

qsizetype Chunker::cut(const uchar *data, qsizetype length) const
{
    const qsizetype minSize = m_params.minSize;
    if (length <= minSize)
        return length;
    const qsizetype limit = qMin<qsizetype>(length, m_params.maxSize);
    const qsizetype normal = qMin<qsizetype>(limit, m_params.avgSize);
    quint64 hash = 0;
    qsizetype i = minSize;
    for (; i < normal; ++i) {
        hash = (hash << 1) + m_gear[data[i]];
        if ((hash & m_maskHard) == 0)
            return i + 1;
    }
    for (; i < limit; ++i) {
        hash = (hash << 1) + m_gear[data[i]];
        if ((hash & m_maskEasy) == 0)
            return i + 1;
    }
    return limit;
}

} // namespace obnam
