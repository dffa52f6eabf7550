#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QJsonObject>

#include <array>

namespace obnam {

struct ChunkerParams
{
    quint32 minSize = 256 * 1024;
    quint32 avgSize = 1024 * 1024;
    quint32 maxSize = 4 * 1024 * 1024;

    // min = avg / 4 and max = avg * 4, the usual FastCDC proportions.
    static ChunkerParams forAverage(quint32 avg) { return {avg / 4, avg, avg * 4}; }
    // Checks the proportions and bounds; the error names the offending value.
    Status validate() const;

    QJsonObject toJson() const;
    static Result<ChunkerParams> fromJson(const QJsonObject &json);
};

// Content-defined chunking with a FastCDC-style gear hash and normalized chunking.
// The gear table is derived from the repository's secret chunker seed, so chunk boundaries
// (and thus chunk sizes) reveal nothing that could fingerprint a known file.
class Chunker
{
public:
    Chunker(const QByteArray &seed, const ChunkerParams &params);

    const ChunkerParams &params() const { return m_params; }

    // Length of the chunk that starts at data[0]. The caller passes at least maxSize bytes
    // unless it is at the end of the input. Pure and thread-safe.
    qsizetype cut(const uchar *data, qsizetype length) const;

private:
    ChunkerParams m_params;
    std::array<quint64, 256> m_gear{};
    quint64 m_maskHard = 0; // used before the average size: fewer, later cuts
    quint64 m_maskEasy = 0; // used after it: pulls chunk sizes towards the average
};

} // namespace obnam
