#include "ChunkIndex.h"

#include "support/Bytes.h"

#include <QCoreApplication>
#include <QSet>

namespace obnam {

namespace {
const QByteArray kMagic = QByteArrayLiteral("OBNI");
constexpr quint32 kVersion = 1;
constexpr qsizetype kPackHeadSize = 32 + 16 + 4;
constexpr qsizetype kEntrySize = 32 + 8 + 4 + 4 + 4;
} // namespace

std::optional<ChunkIndex::Key> ChunkIndex::keyOf(const QByteArray &chunkId)
{
    Key k;
    if (chunkId.size() != qsizetype(k.bytes.size()))
        return std::nullopt;
    std::memcpy(k.bytes.data(), chunkId.constData(), k.bytes.size());
    return k;
}

bool ChunkIndex::contains(const QByteArray &chunkId) const
{
    const auto key = keyOf(chunkId);
    if (!key)
        return false;
    QReadLocker lock(&m_lock);
    return m_chunks.contains(*key);
}

std::optional<ChunkLocation> ChunkIndex::find(const QByteArray &chunkId) const
{
    const auto key = keyOf(chunkId);
    if (!key)
        return std::nullopt;
    QReadLocker lock(&m_lock);
    const auto it = m_chunks.constFind(*key);
    if (it == m_chunks.cend())
        return std::nullopt;
    const Slot &s = *it;
    return ChunkLocation{m_packIds[s.pack], m_salts[s.pack],
                         PackEntry{chunkId, s.offset, s.length, s.plainLength, s.counter}};
}

QList<IndexedPack> ChunkIndex::packs() const
{
    QReadLocker lock(&m_lock);
    QList<IndexedPack> out;
    out.reserve(m_packIds.size());
    for (qsizetype i = 0; i < m_packIds.size(); ++i)
        out.append(IndexedPack{m_packIds[i], m_salts[i], {}});
    for (auto it = m_chunks.cbegin(); it != m_chunks.cend(); ++it) {
        const Slot &s = it.value();
        out[s.pack].entries.append(
            PackEntry{QByteArray(it.key().bytes.data(), qsizetype(it.key().bytes.size())), s.offset,
                      s.length, s.plainLength, s.counter});
    }
    return out;
}

void ChunkIndex::addPack(const IndexedPack &pack)
{
    QWriteLocker lock(&m_lock);
    auto it = m_packNumbers.constFind(pack.packId);
    quint32 number = 0;
    if (it != m_packNumbers.cend()) {
        number = *it;
    } else {
        number = quint32(m_packIds.size());
        m_packIds.append(pack.packId);
        m_salts.append(pack.salt);
        m_packNumbers.insert(pack.packId, number);
    }
    for (const PackEntry &e : pack.entries) {
        // The first location seen wins: any copy of a chunk is as good as another.
        // parse() only makes 32-byte ids; an entry added by hand with another is never found.
        const auto key = keyOf(e.chunkId);
        if (key && !m_chunks.contains(*key))
            m_chunks.insert(*key, Slot{number, e.length, e.plainLength, e.counter, e.offset});
    }
}

void ChunkIndex::removePacks(const QList<QByteArray> &packIds)
{
    QWriteLocker lock(&m_lock);
    QSet<quint32> numbers;
    for (const QByteArray &id : packIds) {
        const auto it = m_packNumbers.constFind(id);
        if (it != m_packNumbers.cend())
            numbers.insert(*it);
    }
    m_chunks.removeIf(
        [&](const QHash<Key, Slot>::iterator &it) { return numbers.contains(it->pack); });
}

int ChunkIndex::chunkCount() const
{
    QReadLocker lock(&m_lock);
    return int(m_chunks.size());
}

int ChunkIndex::packCount() const
{
    QReadLocker lock(&m_lock);
    return int(m_packIds.size());
}

QList<QByteArray> ChunkIndex::packIds() const
{
    QReadLocker lock(&m_lock);
    return m_packIds;
}

QByteArray ChunkIndex::serialize(const QList<IndexedPack> &packs)
{
    ByteWriter w;
    w.raw(kMagic);
    w.u32(kVersion);
    w.u32(quint32(packs.size()));
    for (const IndexedPack &p : packs) {
        w.raw(p.packId);
        w.raw(p.salt);
        w.u32(quint32(p.entries.size()));
        for (const PackEntry &e : p.entries) {
            w.raw(e.chunkId);
            w.u64(e.offset);
            w.u32(e.length);
            w.u32(e.plainLength);
            w.u32(e.counter);
        }
    }
    return w.take();
}

Result<QList<IndexedPack>> ChunkIndex::parse(const QByteArray &payload, const QString &name)
{
    const auto corrupt = [&](const QString &why) {
        return makeError(ErrorCode::Corrupt, QCoreApplication::translate("obnam", "index: ") + why,
                         name);
    };
    ByteReader r(payload);
    if (r.raw(4) != kMagic)
        return corrupt(QCoreApplication::translate("obnam", "bad magic"));
    if (r.u32() != kVersion)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("obnam", "unknown index version"), name);
    const quint32 packCount = r.u32();
    if (!r.ok() || qsizetype(packCount) * kPackHeadSize > r.remaining())
        return corrupt(QCoreApplication::translate("obnam", "pack count exceeds the object"));
    QList<IndexedPack> packs;
    packs.reserve(packCount);
    for (quint32 i = 0; i < packCount; ++i) {
        IndexedPack p;
        p.packId = r.raw(32);
        p.salt = r.raw(16);
        const quint32 n = r.u32();
        if (!r.ok() || qsizetype(n) * kEntrySize > r.remaining())
            return corrupt(QCoreApplication::translate("obnam", "entry count exceeds the object"));
        p.entries.reserve(n);
        for (quint32 j = 0; j < n; ++j) {
            PackEntry e;
            e.chunkId = r.raw(32);
            e.offset = r.u64();
            e.length = r.u32();
            e.plainLength = r.u32();
            e.counter = r.u32();
            if (e.counter == 0)
                return corrupt(QCoreApplication::translate("obnam", "entry uses the header nonce"));
            p.entries.append(std::move(e));
        }
        packs.append(std::move(p));
    }
    if (!r.atEnd())
        return corrupt(QCoreApplication::translate("obnam", "trailing bytes"));
    return packs;
}

} // namespace obnam
