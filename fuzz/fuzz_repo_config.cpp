// Why: `config` is the one object besides key slots that is read in plaintext before any key
// is known, and its chunker and pack sizes drive later allocations. RepoConfig::parse() must
// keep every value in range, and Repository::open() with the fixed keys must refuse any config
// that is not byte for byte the one those keys authenticated.

#include "FuzzSupport.h"
#include "backend/MemoryBackend.h"
#include "backend/ObjectName.h"
#include "repo/RepoConfig.h"
#include "repo/Repository.h"

using namespace obnam;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const auto config = RepoConfig::parse(input);
    if (config) {
        FUZZ_CHECK(config->formatVersion == RepoConfig::kFormatVersion);
        FUZZ_CHECK(config->repositoryId.size() == 16 && config->mac.size() == 32);
        FUZZ_CHECK(config->chunker.validate().ok());
        FUZZ_CHECK(config->packSize >= 4096 && config->packSize <= 1024u * 1024 * 1024);
    }

    auto backend = std::make_shared<MemoryBackend>();
    backend->setRawObject(objectname::config(), input);
    const auto repo = Repository::open(backend, fuzz::fixedKeys());
    if (!repo)
        return 0;
    FUZZ_CHECK(config.ok());
    FUZZ_CHECK((*repo)->config().serialize() == input);
    return 0;
}
