// Why: a pack's trailer and sealed header decide which byte ranges of a pack are later read and
// decrypted. pack::parseHeader() must reject whatever does not authenticate and every entry
// that points outside the pack body.
// Input "OBNP..." is a whole pack, opened with the fixed keys. Anything else is byte 0 = body
// size in 16-byte units, then the header plaintext (compression::pack() form), which the
// harness seals into an otherwise well-formed pack: the fuzzer then reaches the entry checks
// behind the MAC, as a client holding the keys (or a bug in one) could write them.

#include "FuzzSupport.h"
#include "repo/Pack.h"
#include "support/Bytes.h"

using namespace obnam;

namespace {

constexpr qsizetype kPrefixSize = 4 + 1 + 16; // magic, version, salt

QByteArray sealedPack(const QByteArray &salt, qsizetype bodySize, const QByteArray &headerPlain)
{
    const QByteArray key = pack::subkey(fuzz::fixedKeys().dataKey, salt);
    const QByteArray header = crypto::aesGcmSeal(
        key, crypto::counterNonce(0),
        QByteArray(QByteArrayLiteral("packheader") + fuzz::fixedRepositoryId()), headerPlain);
    ByteWriter w;
    w.raw("OBNP");
    w.u8(1);
    w.raw(salt);
    w.raw(QByteArray(bodySize, '\x5a'));
    w.raw(header);
    w.u32(quint32(header.size()));
    w.raw("OBNP");
    return w.take();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QByteArray salt(16, '\x11');
    static const QString name = QStringLiteral("fuzz-pack");
    const QByteArray input = fuzz::bytes(data, size);

    qsizetype bodyEnd = -1; // known only for packs the harness builds
    QByteArray packBytes = input;
    if (!input.startsWith("OBNP") && size > 0) {
        const qsizetype bodySize = qsizetype(data[0]) * 16;
        packBytes = sealedPack(salt, bodySize, input.sliced(1));
        bodyEnd = kPrefixSize + bodySize;
    }

    const auto header =
        pack::parseHeader(fuzz::fixedKeys().dataKey, fuzz::fixedRepositoryId(), packBytes, name);
    if (!header)
        return 0;
    FUZZ_CHECK(header->salt.size() == 16);
    if (bodyEnd < 0) { // what the trailer says: the sealed header starts where the body ends
        ByteReader trailer(QByteArrayView(packBytes).sliced(packBytes.size() - 8, 4));
        bodyEnd = packBytes.size() - 8 - qsizetype(trailer.u32());
    }
    for (const PackEntry &e : header->entries) {
        FUZZ_CHECK(e.chunkId.size() == 32);
        FUZZ_CHECK(e.counter != 0);
        FUZZ_CHECK(e.offset >= quint64(kPrefixSize));
        FUZZ_CHECK(e.offset + e.length <= quint64(bodyEnd));
    }
    return 0;
}
