// Why: index objects are read at every repository open and say where every chunk lives.
// ChunkIndex::parse() must turn malformed payloads (counts larger than the object, trailing
// bytes, the header's nonce) into errors without over-allocating, and what it accepts must
// serialize back to the same bytes and load into a ChunkIndex consistently.
// Input: an index payload, or (starting with "OBNO") a whole index object sealed under the
// fixed keys, as the repository stores it.

#include "FuzzSupport.h"
#include "repo/ChunkIndex.h"
#include "repo/ObjectCodec.h"

#include <QSet>

using namespace obnam;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ObjectCodec codec(fuzz::fixedKeys().dataKey, fuzz::fixedRepositoryId());
    static const QString name = QStringLiteral("fuzz-index");
    QByteArray payload = fuzz::bytes(data, size);
    if (payload.startsWith("OBNO")) {
        auto opened = codec.open(ObjectType::Index, payload, name, fuzz::kMaxPayload);
        if (!opened)
            return 0;
        payload = std::move(*opened);
    }

    const auto packs = ChunkIndex::parse(payload, name);
    if (!packs)
        return 0;
    FUZZ_CHECK(ChunkIndex::serialize(*packs) == payload);

    ChunkIndex index;
    QSet<QByteArray> chunkIds;
    QList<QByteArray> packIds;
    for (const IndexedPack &p : *packs) {
        index.addPack(p);
        packIds.append(p.packId);
        for (const PackEntry &e : p.entries)
            chunkIds.insert(e.chunkId);
    }
    FUZZ_CHECK(index.chunkCount() == chunkIds.size());
    FUZZ_CHECK(index.packCount() <= packs->size());
    for (const QByteArray &id : std::as_const(chunkIds)) {
        const auto location = index.find(id);
        FUZZ_CHECK(location.has_value() && location->entry.chunkId == id);
    }
    qsizetype listed = 0;
    for (const IndexedPack &p : index.packs())
        listed += p.entries.size();
    FUZZ_CHECK(listed == chunkIds.size());
    index.removePacks(packIds);
    FUZZ_CHECK(index.chunkCount() == 0);
    return 0;
}
