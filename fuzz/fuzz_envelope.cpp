// Why: ObjectCodec::open() is the first code to touch every index, generation record and lock
// read from storage, which may be damaged or hostile. Its header checks, the authentication and
// the decompression limit must turn any bytes into an error value, never a crash or a huge
// allocation. The second half checks the other direction: whatever is sealed under the fixed
// keys opens to exactly the same payload, and only as the type it was sealed as.

#include "FuzzSupport.h"
#include "repo/ObjectCodec.h"

using namespace obnam;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ObjectCodec codec(fuzz::fixedKeys().dataKey, fuzz::fixedRepositoryId());
    static const QString name = QStringLiteral("fuzz-object");
    const QByteArray input = fuzz::bytes(data, size);
    constexpr ObjectType kTypes[] = {ObjectType::Index, ObjectType::Generation, ObjectType::Lock};

    // Hostile envelope: tried as every type, so a seed of any type authenticates.
    for (const ObjectType type : kTypes) {
        const auto opened = codec.open(type, input, name, fuzz::kMaxPayload);
        if (opened)
            FUZZ_CHECK(opened->size() <= fuzz::kMaxPayload);
    }

    // Round trip of the input as a payload; level 0 stores, 1..3 use zstd.
    const int level = size > 0 ? data[0] % 4 : 0;
    const ObjectType type = kTypes[size > 1 ? data[1] % 3 : 0];
    const QByteArray sealed = codec.seal(type, input, level);
    const auto back = codec.open(type, sealed, name, fuzz::kMaxPayload);
    FUZZ_CHECK(back.ok() && *back == input);
    for (const ObjectType other : kTypes) {
        if (other != type)
            FUZZ_CHECK(!codec.open(other, sealed, name, fuzz::kMaxPayload).ok());
    }
    return 0;
}
