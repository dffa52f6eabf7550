#pragma once

#include "support/Result.h"

#include <QByteArray>

namespace obnam {

// Types of encrypted standalone objects; the type is authenticated, so an index cannot be
// presented as a generation record or the other way round.
enum class ObjectType : quint8
{
    Index = 1,
    Generation = 2,
    Lock = 3,
};

// Seals and opens standalone objects (index, generation records, locks):
//   "OBNO" | version u8 | type u8 | salt[16] | AES-256-GCM(zstd-or-plain payload) | tag[16]
// The key is HKDF(data key, salt), fresh for every object, so the fixed nonce never repeats
// under one key. Associated data: the header bytes and the repository id.
class ObjectCodec
{
public:
    ObjectCodec(QByteArray dataKey, QByteArray repositoryId);
    // The key buffer is shared with the repository's master keys: the last holder to wipe it
    // is the one that clears the bytes, so every holder wipes.
    ~ObjectCodec();
    ObjectCodec(const ObjectCodec &) = default;
    ObjectCodec &operator=(const ObjectCodec &) = delete; // would drop a key unwiped

    QByteArray seal(ObjectType type, const QByteArray &payload, int compressionLevel = 3) const;
    // `name` only makes error messages useful. maxSize caps the decompressed payload.
    Result<QByteArray> open(ObjectType type, const QByteArray &sealed, const QString &name,
                            qsizetype maxSize = 512 * 1024 * 1024) const;

private:
    QByteArray m_dataKey;
    QByteArray m_repositoryId;
};

} // namespace obnam
