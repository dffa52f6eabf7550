// Why: compression::unpack() runs on every chunk, pack header and object after decryption,
// and the decompressed size is what the zstd frame header claims. It must never produce more
// than maxSize bytes, must refuse a larger claim before allocating anything, and what it
// accepts must survive a pack()/unpack() round trip. A malloc hook measures the largest
// allocation made inside unpack().

#include "FuzzSupport.h"
#include "crypto/Compression.h"

#include <sanitizer/allocator_interface.h>

#include <atomic>

using namespace obnam;

namespace {

constexpr qsizetype kMaxSize = 256 * 1024;
// zstd's decompression context and Qt's array header come on top of the output buffer.
constexpr size_t kAllocationSlack = 1024 * 1024;

std::atomic<bool> measuring{false};
std::atomic<size_t> largest{0};

void onMalloc(const volatile void *, size_t size)
{
    if (measuring.load(std::memory_order_relaxed) && size > largest.load())
        largest.store(size);
}

void onFree(const volatile void *) {}

Result<QByteArray> measuredUnpack(QByteArrayView packed, qsizetype maxSize)
{
    largest = 0;
    measuring = true;
    auto out = compression::unpack(packed, maxSize);
    measuring = false;
    return out;
}

// Codec tag, then a zstd frame whose header claims 4 GiB but which holds a single raw byte.
void checkHugeClaimRejected()
{
    const QByteArray frame = QByteArray::fromHex("01"               // Codec::Zstd
                                                 "28b52ffd"         // zstd magic
                                                 "e0"               // single segment, 8-byte size
                                                 "0000000001000000" // content size 2^32
                                                 "090000"           // last block, raw, 1 byte
                                                 "41");
    const auto out = measuredUnpack(frame, 1024);
    FUZZ_CHECK(!out.ok());
    FUZZ_CHECK(largest.load() < kAllocationSlack);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    __sanitizer_install_malloc_and_free_hooks(onMalloc, onFree);
    checkHugeClaimRejected();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView packed(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto out = measuredUnpack(packed, kMaxSize);
    FUZZ_CHECK(largest.load() <= size_t(kMaxSize) + kAllocationSlack);
    if (!out)
        return 0;
    FUZZ_CHECK(out->size() <= kMaxSize);
    const int level = size > 1 ? data[1] % 4 : 0;
    const auto back = compression::unpack(compression::pack(*out, level), kMaxSize);
    FUZZ_CHECK(back.ok() && *back == *out);
    return 0;
}
