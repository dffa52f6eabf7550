#pragma once

#include "Pack.h"

#include <QHash>
#include <QReadWriteLock>

#include <array>
#include <cstring>
#include <optional>

namespace obnam {

// Where a chunk lives: enough to fetch its sealed blob with one ranged read and open it.
struct ChunkLocation
{
    QByteArray packId; // raw SHA-256
    QByteArray salt;   // the pack's subkey salt
    PackEntry entry;
};

// A pack and the chunks it holds, as one index object records them.
struct IndexedPack
{
    QByteArray packId;
    QByteArray salt;
    QList<PackEntry> entries;
};

// The in-memory map chunk id -> location, merged from every index/ object.
// Thread-safe: the backup pipeline looks up from many threads while packs are added.
class ChunkIndex
{
public:
    bool contains(const QByteArray &chunkId) const;
    std::optional<ChunkLocation> find(const QByteArray &chunkId) const;
    void addPack(const IndexedPack &pack);
    // Forgets chunks that only these packs hold (used when a pack's index entry was never
    // written, so that nothing relies on it).
    void removePacks(const QList<QByteArray> &packIds);
    int chunkCount() const;
    int packCount() const;
    QList<QByteArray> packIds() const;
    // Every indexed pack with the entries the index holds for it (a chunk stored twice is
    // listed under the pack the index uses).
    QList<IndexedPack> packs() const;

    // Index object payload: "OBNI" | u32 version | u32 packs | per pack: id[32] salt[16]
    // u32 entries | per entry: chunk id[32] u64 offset u32 length u32 plain length u32 counter.
    static QByteArray serialize(const QList<IndexedPack> &packs);
    static Result<QList<IndexedPack>> parse(const QByteArray &payload, const QString &name);

private:
    // A chunk id held in place: with QByteArray keys every lookup chased a pointer to the
    // key's bytes and hashed all 32 of them. Ids are HMAC outputs, so their first bytes are
    // already a uniform hash.
    struct Key
    {
        std::array<char, 32> bytes;
        friend bool operator==(const Key &a, const Key &b) { return a.bytes == b.bytes; }
        friend size_t qHash(const Key &k, size_t seed) noexcept
        {
            size_t h = 0;
            std::memcpy(&h, k.bytes.data(), sizeof h);
            return h ^ seed;
        }
    };
    // Nothing for an id of another length: no chunk has one.
    static std::optional<Key> keyOf(const QByteArray &chunkId);

    struct Slot
    {
        quint32 pack;
        quint32 length;
        quint32 plainLength;
        quint32 counter;
        quint64 offset;
    };
    mutable QReadWriteLock m_lock;
    QList<QByteArray> m_packIds;
    QList<QByteArray> m_salts;
    QHash<QByteArray, quint32> m_packNumbers;
    QHash<Key, Slot> m_chunks;
};

} // namespace obnam
