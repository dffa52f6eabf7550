// Why: the chunker decides every chunk boundary of every backup. Whatever the data and valid
// parameters, every chunk but the last lies within [min, max], the last within [1, max], the
// chunks concatenate to the input, and the same seed and parameters cut the same way, also
// when cut() is given only max bytes (the contract the backup pipeline relies on).
// Input: byte 0 picks the average (64 B .. 4 KiB), byte 1 the minimum, byte 2 the maximum;
// the rest is the data.

#include "FuzzSupport.h"
#include "chunk/Chunker.h"

#include <map>
#include <tuple>
#include <utility>

using namespace obnam;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const quint32 avg = 64u << (data[0] % 7);
    const quint32 min = qMax(1u, avg * data[1] / 255u);
    const quint32 max = avg * (1u + data[2] % 8u);
    const ChunkerParams params{min, avg, max};
    FUZZ_CHECK(params.validate().ok());
    const uchar *input = data + 3;
    const qsizetype length = qsizetype(size) - 3;

    // Building a chunker costs 256 HMACs, so each parameter set is built once, twice over.
    static std::map<std::tuple<quint32, quint32, quint32>, std::pair<Chunker, Chunker>> built;
    const auto key = std::tuple{min, avg, max};
    auto it = built.find(key);
    if (it == built.end()) {
        const QByteArray &seed = fuzz::fixedKeys().chunkerSeed;
        it = built.try_emplace(key, Chunker(seed, params), Chunker(seed, params)).first;
    }
    const Chunker &chunker = it->second.first;
    const Chunker &twin = it->second.second;
    QByteArray joined;
    qsizetype offset = 0;
    while (offset < length) {
        const qsizetype left = length - offset;
        const qsizetype n = chunker.cut(input + offset, left);
        FUZZ_CHECK(n >= 1 && n <= left && n <= qsizetype(max));
        if (n < left)
            FUZZ_CHECK(n >= qsizetype(min));
        FUZZ_CHECK(twin.cut(input + offset, left) == n);
        FUZZ_CHECK(chunker.cut(input + offset, qMin(left, qsizetype(max))) == n);
        joined.append(reinterpret_cast<const char *>(input + offset), n);
        offset += n;
    }
    FUZZ_CHECK(offset == length);
    FUZZ_CHECK(joined == QByteArrayView(input, length));
    return 0;
}
