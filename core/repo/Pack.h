#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QList>

namespace obnam {

// One chunk's place inside a pack, as recorded in the pack header and the index.
struct PackEntry
{
    QByteArray chunkId;
    quint64 offset = 0;      // of the sealed blob from the start of the pack
    quint32 length = 0;      // sealed blob length (ciphertext + tag)
    quint32 plainLength = 0; // chunk length before compression
    quint32 counter = 0;     // GCM nonce counter under the pack's subkey
};

// Pack layout:
//   "OBNP" | version u8 | salt[16] | blob_1 .. blob_n | sealed header | u32 header length | "OBNP"
// subkey = HKDF(data key, salt, "obnam-pack-v1"); blob_i is sealed with nonce counter i (>= 1)
// and associated data "chunk" | repository id | chunk id, the header with counter 0.
// The pack's id is the SHA-256 of all its bytes, so a server can check an upload without keys.
class PackBuilder
{
public:
    PackBuilder(const QByteArray &dataKey, QByteArray repositoryId);
    ~PackBuilder();
    PackBuilder(const PackBuilder &) = delete;
    PackBuilder &operator=(const PackBuilder &) = delete;

    // `packed` is compression::pack() output for a chunk of plainLength bytes.
    void add(const QByteArray &chunkId, const QByteArray &packed, quint32 plainLength);
    qsizetype size() const { return m_bytes.size(); }
    // The size packs are expected to reach. Each pack's buffer is allocated at that size once,
    // instead of doubling as chunks arrive: doubling would copy the pack several times and
    // could leave a buffer of twice the pack size held until the pack is stored.
    void setExpectedSize(qsizetype bytes)
    {
        m_expectedSize = bytes;
        m_bytes.reserve(bytes);
    }
    int count() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.isEmpty(); }

    struct Finished
    {
        QByteArray bytes;
        QByteArray packId; // raw SHA-256
        QByteArray salt;
        QList<PackEntry> entries;
    };
    // Seals the header and returns the whole pack; the builder is then empty and reusable.
    Finished finish();

private:
    void start();

    QByteArray m_dataKey;
    QByteArray m_repositoryId;
    QByteArray m_salt;
    QByteArray m_subkey;
    qsizetype m_expectedSize = 0;
    QByteArray m_bytes;
    QList<PackEntry> m_entries;
};

namespace pack {

QByteArray subkey(const QByteArray &dataKey, const QByteArray &salt);
QByteArray chunkAad(const QByteArray &repositoryId, const QByteArray &chunkId);

// Decrypts one blob read from a pack, in its own buffer. Returns compression::pack() form
// (tag + payload).
Result<QByteArray> openBlob(const QByteArray &subkey, const QByteArray &repositoryId,
                            const PackEntry &entry, QByteArray blob);

struct Header
{
    QByteArray salt;
    QList<PackEntry> entries;
};
// Reads and authenticates a whole pack's header, checking that every entry lies inside it.
Result<Header> parseHeader(const QByteArray &dataKey, const QByteArray &repositoryId,
                           const QByteArray &packBytes, const QString &name);

} // namespace pack
} // namespace obnam
