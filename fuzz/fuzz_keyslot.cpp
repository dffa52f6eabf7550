// Why: key slots are plaintext JSON, read before any key is known: the most exposed input of
// all. KeySlot::params() is the parser. unwrap() also runs Argon2id with the slot's own
// parameters; Kdf.cpp bounds them (4 GiB, 64 passes), which is fine for a person opening a
// repository but far too slow for a fuzzer, so unwrap() only runs for slots that ask for a
// cheap derivation (or that fail to parse, which stops before Argon2). A slot that unwraps
// under the fixed passphrase must yield exactly the fixed keys, and only under its own id.

#include "FuzzSupport.h"
#include "repo/KeySlot.h"

using namespace obnam;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray slot = fuzz::bytes(data, size);
    const QByteArray repositoryId = fuzz::fixedRepositoryId();
    const auto params = KeySlot::params(slot);
    if (!params) {
        const auto keys =
            KeySlot::unwrap(slot, fuzz::fixedPassphrase(), repositoryId, fuzz::fixedSlotId());
        FUZZ_CHECK(!keys.ok() && keys.error().code == params.error().code);
        return 0;
    }
    // The bounds that keep a hostile slot from exhausting memory or time.
    FUZZ_CHECK(params->parallelism >= 1 && params->parallelism <= 16);
    FUZZ_CHECK(params->iterations >= 1 && params->iterations <= 64);
    FUZZ_CHECK(params->memoryKiB >= 8 * params->parallelism);
    FUZZ_CHECK(params->memoryKiB <= 4u * 1024 * 1024);
    if (params->memoryKiB > 256 || params->iterations > 2)
        return 0;

    const auto keys =
        KeySlot::unwrap(slot, fuzz::fixedPassphrase(), repositoryId, fuzz::fixedSlotId());
    if (!keys)
        return 0;
    FUZZ_CHECK(keys->serialize() == fuzz::fixedKeys().serialize());
    const auto moved = KeySlot::unwrap(slot, fuzz::fixedPassphrase(), repositoryId,
                                       QStringLiteral("ffeeddccbbaa99887766554433221100"));
    FUZZ_CHECK(!moved.ok() && moved.error().code == ErrorCode::WrongPassphrase);
    return 0;
}
