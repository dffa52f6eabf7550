// Why: generation records are listed by every `list`, `restore` and backup, and name the
// chunks of a generation's database. GenerationRecord::parse() must reject bad JSON, bad chunk
// ids and missing fields with an error; what it accepts must serialize and parse back to the
// same record.
// Input: a record payload, or (starting with "OBNO") a whole record object sealed under the
// fixed keys, as the repository stores it.

#include "FuzzSupport.h"
#include "repo/GenerationRecord.h"
#include "repo/ObjectCodec.h"

using namespace obnam;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ObjectCodec codec(fuzz::fixedKeys().dataKey, fuzz::fixedRepositoryId());
    static const QString name = QStringLiteral("fuzz-generation");
    QByteArray payload = fuzz::bytes(data, size);
    if (payload.startsWith("OBNO")) {
        auto opened = codec.open(ObjectType::Generation, payload, name, fuzz::kMaxPayload);
        if (!opened)
            return 0;
        payload = std::move(*opened);
    }

    const auto record = GenerationRecord::parse(payload, name);
    if (!record)
        return 0;
    FUZZ_CHECK(!record->dbChunks.isEmpty() && record->dbSize > 0);
    for (const QByteArray &id : record->dbChunks)
        FUZZ_CHECK(id.size() == 32);

    const auto again = GenerationRecord::parse(record->serialize(), name);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->dbChunks == record->dbChunks && again->dbSize == record->dbSize);
    FUZZ_CHECK(again->fileCount == record->fileCount && again->totalBytes == record->totalBytes);
    FUZZ_CHECK(again->started == record->started && again->finished == record->finished);
    FUZZ_CHECK(again->clientName == record->clientName && again->hostname == record->hostname);
    FUZZ_CHECK(again->parent == record->parent);
    return 0;
}
