#include "Compression.h"

#include <QCoreApplication>

#include <zstd.h>

namespace obnam::compression {

namespace {

// One context per thread, kept for the thread's life: a fresh context for every chunk costs
// allocating and clearing its tables, which for the many small files of a home directory
// took longer than compressing them.
struct Contexts
{
    ZSTD_CCtx *compress = ZSTD_createCCtx();
    ZSTD_DCtx *decompress = ZSTD_createDCtx();
    ~Contexts()
    {
        ZSTD_freeCCtx(compress);
        ZSTD_freeDCtx(decompress);
    }
};

Contexts &contexts()
{
    thread_local Contexts c;
    return c;
}

} // namespace

QByteArray pack(QByteArrayView data, int level)
{
    if (level > 0 && data.size() >= 64) {
        const size_t bound = ZSTD_compressBound(size_t(data.size()));
        QByteArray out(qsizetype(bound) + 1, Qt::Uninitialized);
        out[0] = char(Codec::Zstd);
        ZSTD_CCtx *cctx = contexts().compress;
        const size_t n =
            cctx ? ZSTD_compressCCtx(cctx, out.data() + 1, bound, data.data(), size_t(data.size()),
                                     level)
                 : ZSTD_compress(out.data() + 1, bound, data.data(), size_t(data.size()), level);
        // Keep the compressed form only when it saves at least 1/32 of the space: decompressing
        // costs time on every restore, so a marginal saving is not worth it.
        if (!ZSTD_isError(n) && qsizetype(n) < data.size() - data.size() / 32) {
            out.truncate(qsizetype(n) + 1);
            // Give back the unused tail unless it is small: prepared chunks wait in memory
            // until they are packed, and a shrink is itself a copy.
            if (out.capacity() - out.size() > out.size() / 8)
                out.squeeze();
            return out;
        }
    }
    QByteArray out;
    out.reserve(data.size() + 1);
    out.append(char(Codec::None));
    out.append(data);
    return out;
}

Result<QByteArray> unpack(QByteArrayView packed, qsizetype maxSize)
{
    if (packed.isEmpty())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "empty payload has no codec tag"));
    const auto codec = quint8(packed[0]);
    const QByteArrayView body = packed.sliced(1);
    if (codec == quint8(Codec::None)) {
        if (body.size() > maxSize)
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("obnam", "payload larger than allowed"));
        return body.toByteArray();
    }
    if (codec != quint8(Codec::Zstd))
        return makeError(
            ErrorCode::Unsupported,
            QCoreApplication::translate("obnam", "unknown compression codec %1").arg(codec));
    const unsigned long long claimed = ZSTD_getFrameContentSize(body.data(), size_t(body.size()));
    if (claimed == ZSTD_CONTENTSIZE_ERROR || claimed == ZSTD_CONTENTSIZE_UNKNOWN)
        return makeError(ErrorCode::Corrupt, QCoreApplication::translate(
                                                 "obnam", "compressed payload has no valid size"));
    if (claimed > (unsigned long long)maxSize)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate(
                "obnam", "compressed payload claims %1 bytes, more than the limit of %2")
                .arg(claimed)
                .arg(maxSize));
    QByteArray out(qsizetype(claimed), Qt::Uninitialized);
    ZSTD_DCtx *dctx = contexts().decompress;
    const size_t n =
        dctx ? ZSTD_decompressDCtx(dctx, out.data(), size_t(out.size()), body.data(),
                                   size_t(body.size()))
             : ZSTD_decompress(out.data(), size_t(out.size()), body.data(), size_t(body.size()));
    if (ZSTD_isError(n) || n != claimed)
        return makeError(ErrorCode::Corrupt, QCoreApplication::translate(
                                                 "obnam", "compressed payload does not decode"));
    return out;
}

Result<QByteArray> unpack(QByteArray &&packed, qsizetype maxSize)
{
    if (packed.isEmpty() || quint8(packed[0]) != quint8(Codec::None))
        return unpack(QByteArrayView(packed), maxSize);
    if (packed.size() - 1 > maxSize)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "payload larger than allowed"));
    // Dropping the tag byte moves the start of an unshared array; nothing is copied.
    packed.remove(0, 1);
    return std::move(packed);
}

} // namespace obnam::compression
