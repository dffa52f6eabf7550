// Crypto primitives against published test vectors, plus tamper detection and the
// decompression-bomb guard.
#include "TestSupport.h"
#include "crypto/Compression.h"
#include "crypto/Crypto.h"
#include "crypto/Kdf.h"

#include <QtTest>

using namespace obnam;

class TestCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256Vector()
    {
        QCOMPARE(crypto::sha256("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void hmacVector()
    {
        // RFC 4231, test case 2.
        QCOMPARE(crypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void hkdfVector()
    {
        // RFC 5869, test case 1.
        const QByteArray ikm(22, '\x0b');
        const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c");
        const QByteArray info = QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9");
        QCOMPARE(crypto::hkdfSha256(ikm, salt, info, 42).toHex(),
                 QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                            "34007208d5b887185865"));
    }

    void gcmVector()
    {
        // NIST GCM test case 14 (AES-256, 96-bit IV, one block of zeros).
        const QByteArray key(32, '\0');
        const QByteArray iv(12, '\0');
        const QByteArray pt(16, '\0');
        QCOMPARE(crypto::aesGcmSeal(key, iv, {}, pt).toHex(),
                 QByteArray("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"));
    }

    void gcmDetectsTampering()
    {
        const QByteArray key = crypto::randomBytes(32);
        const QByteArray nonce = crypto::counterNonce(7);
        const QByteArray sealed = crypto::aesGcmSeal(key, nonce, "aad", "secret payload");
        QCOMPARE(*crypto::aesGcmOpen(key, nonce, "aad", sealed), QByteArray("secret payload"));
        for (int i = 0; i < sealed.size(); ++i) {
            QByteArray bad = sealed;
            bad[i] = char(bad[i] ^ 0x01);
            const auto r = crypto::aesGcmOpen(key, nonce, "aad", bad);
            QVERIFY2(!r, qPrintable(QStringLiteral("flip at %1 undetected").arg(i)));
            QCOMPARE(r.error().code, ErrorCode::Corrupt);
        }
        QVERIFY(!crypto::aesGcmOpen(key, nonce, "aaD", sealed));
        QVERIFY(!crypto::aesGcmOpen(key, crypto::counterNonce(8), "aad", sealed));
        QVERIFY(!crypto::aesGcmOpen(crypto::randomBytes(32), nonce, "aad", sealed));
        QVERIFY(!crypto::aesGcmOpen(key, nonce, "aad", sealed.left(10)));
    }

    void gcmOpensInPlace()
    {
        const QByteArray key = crypto::randomBytes(32);
        const QByteArray nonce = crypto::counterNonce(9);
        const QByteArray plain = test::randomData(300000, 4);
        QByteArray buffer = crypto::aesGcmSeal(key, nonce, "aad", plain);
        QVERIFY(crypto::aesGcmOpenInPlace(key, nonce, "aad", buffer));
        QCOMPARE(buffer, plain);
        // A tampered buffer: an error, and nothing of the unauthenticated plaintext is left.
        buffer = crypto::aesGcmSeal(key, nonce, "aad", plain);
        buffer[1000] = char(buffer[1000] ^ 0x40);
        const auto r = crypto::aesGcmOpenInPlace(key, nonce, "aad", buffer);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QVERIFY(buffer.isEmpty());
        QByteArray shortBuffer("0123456789");
        QVERIFY(!crypto::aesGcmOpenInPlace(key, nonce, "aad", shortBuffer));
    }

    void argon2IsDeterministicAndSalted()
    {
        const auto params = crypto::KdfParams::testing();
        const QByteArray salt = QByteArray(16, 's');
        const auto a = crypto::deriveKey("pass", salt, params);
        const auto b = crypto::deriveKey("pass", salt, params);
        const auto c = crypto::deriveKey("pass", QByteArray(16, 't'), params);
        const auto d = crypto::deriveKey("Pass", salt, params);
        QVERIFY(a && b && c && d);
        QCOMPARE(a->size(), 32);
        QCOMPARE(*a, *b);
        QVERIFY(*a != *c);
        QVERIFY(*a != *d);
    }

    void argon2ProductionFloor()
    {
        const auto p = crypto::KdfParams::production();
        QVERIFY(p.memoryKiB >= 64 * 1024);
        const auto parsed = crypto::KdfParams::fromJson(p.toJson());
        QVERIFY(parsed);
        QCOMPARE(parsed->memoryKiB, p.memoryKiB);
        QCOMPARE(parsed->iterations, p.iterations);
    }

    void kdfParamsRejectHostileValues()
    {
        QJsonObject o = crypto::KdfParams::production().toJson();
        o[QStringLiteral("memory_kib")] = qint64(1) << 40;
        QCOMPARE(crypto::KdfParams::fromJson(o).error().code, ErrorCode::Corrupt);
        o = crypto::KdfParams::production().toJson();
        o[QStringLiteral("algorithm")] = QStringLiteral("scrypt");
        QCOMPARE(crypto::KdfParams::fromJson(o).error().code, ErrorCode::Unsupported);
    }

    void compressionRoundTrip()
    {
        const QByteArray text =
            QByteArray("the quick brown fox jumps over the lazy dog\n").repeated(1000);
        const QByteArray packed = compression::pack(text, 3);
        QCOMPARE(quint8(packed[0]), quint8(compression::Codec::Zstd));
        QVERIFY(packed.size() < text.size() / 10);
        QCOMPARE(*compression::unpack(packed, text.size()), text);
    }

    void incompressibleIsStored()
    {
        const QByteArray noise = test::randomData(100000, 1);
        const QByteArray packed = compression::pack(noise, 3);
        QCOMPARE(quint8(packed[0]), quint8(compression::Codec::None));
        QCOMPARE(packed.size(), noise.size() + 1);
        QCOMPARE(*compression::unpack(packed, noise.size()), noise);
        // Taking the buffer gives the same bytes without the tag, and the same limit.
        QVERIFY(!compression::unpack(QByteArray(packed), noise.size() - 1));
        QCOMPARE(*compression::unpack(QByteArray(packed), noise.size()), noise);
        const QByteArray text = QByteArray("compressible text ").repeated(500);
        QCOMPARE(*compression::unpack(compression::pack(text, 3), text.size()), text);
    }

    void decompressionBombIsRejected()
    {
        const QByteArray zeros(64 * 1024 * 1024, '\0');
        const QByteArray bomb = compression::pack(zeros, 3);
        QVERIFY(bomb.size() < 64 * 1024);
        const auto r = compression::unpack(bomb, 1024 * 1024);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QVERIFY(r.error().message.contains(QStringLiteral("claims")));
    }

    void garbageDoesNotDecompress()
    {
        QByteArray junk = test::randomData(1000, 2);
        junk[0] = char(compression::Codec::Zstd);
        QVERIFY(!compression::unpack(junk, 1 << 20));
        junk[0] = char(9);
        QCOMPARE(compression::unpack(junk, 1 << 20).error().code, ErrorCode::Unsupported);
        QVERIFY(!compression::unpack(QByteArray(), 10));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
