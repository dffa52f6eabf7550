#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace obnam::compression {

// Codec tag stored in front of every compressed-or-not payload.
enum class Codec : quint8
{
    None = 0,
    Zstd = 1
};

// Level 0 means "store"; otherwise a zstd level (1..19).
// Returns tag byte + payload; falls back to storing when zstd does not shrink the data.
QByteArray pack(QByteArrayView data, int level);

// Inverse of pack(). Refuses to produce more than maxSize bytes, so a small hostile input that
// claims gigabytes is rejected before anything is allocated.
Result<QByteArray> unpack(QByteArrayView packed, qsizetype maxSize);
// The same, taking the buffer: stored (uncompressed) data is returned without a copy.
Result<QByteArray> unpack(QByteArray &&packed, qsizetype maxSize);

} // namespace obnam::compression
