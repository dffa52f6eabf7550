#include "Crypto.h"

#include <QCoreApplication>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace obnam::crypto {

namespace {

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

// Failures of OpenSSL calls with valid sizes mean a broken library or out of memory;
// continuing would risk writing unencrypted or wrong data, so stop.
[[noreturn]] void fatal(const char *what)
{
    qFatal("OpenSSL failure in %s", what);
    std::abort();
}

// OpenSSL frees its global state in an atexit handler, while threads that used it free
// their per-thread state as they end. Qt's pool threads are detached and may still be
// ending when main() returns, so the two could meet: a thread's cleanup took a lock that
// exit() had just freed (SIGSEGV), or both freed the same block ("double free or corruption"),
// once in some dozens of backups. Telling OpenSSL to leave its state to the end of the
// process, before anything else uses it, removes the race; the kernel frees it all then.
// Every program that links this file has it done before main().
const bool g_keptUntilExit = OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;

} // namespace

bool keptUntilExit()
{
    return g_keptUntilExit;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        fatal("RAND_bytes");
    return out;
}

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(kHashSize, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()),
                   &len, EVP_sha256(), nullptr) != 1)
        fatal("EVP_Digest");
    return out;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QByteArray out(kHashSize, Qt::Uninitialized);
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()), bytes(data), size_t(data.size()),
              reinterpret_cast<unsigned char *>(out.data()), &len))
        fatal("HMAC");
    return out;
}

QByteArray hkdfSha256(QByteArrayView key, QByteArrayView salt, QByteArrayView info, int length)
{
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr),
                                                          &EVP_KDF_free);
    if (!kdf)
        fatal("EVP_KDF_fetch");
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()),
                                                                  &EVP_KDF_CTX_free);
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(key.data()),
                                          size_t(key.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.data()),
                                          size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char *>(info.data()),
                                          size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, Qt::Uninitialized);
    if (!ctx || EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()),
                               size_t(length), params) != 1)
        fatal("EVP_KDF_derive");
    return out;
}

QByteArray counterNonce(quint64 counter)
{
    QByteArray nonce(kNonceSize, '\0');
    for (int i = 0; i < 8; ++i)
        nonce[kNonceSize - 1 - i] = char((counter >> (8 * i)) & 0xff);
    return nonce;
}

QByteArray aesGcmSeal(QByteArrayView key, QByteArrayView nonce, QByteArrayView aad,
                      QByteArrayView plaintext)
{
    Q_ASSERT(key.size() == kKeySize && nonce.size() == kNonceSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(plaintext.size() + kTagSize, Qt::Uninitialized);
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    int len = 0;
    int total = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1)
        fatal("EVP_EncryptInit_ex");
    if (!aad.isEmpty() &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        fatal("EVP_EncryptUpdate(aad)");
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), dst, &len, bytes(plaintext), int(plaintext.size())) != 1)
            fatal("EVP_EncryptUpdate");
        total = len;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), dst + total, &len) != 1)
        fatal("EVP_EncryptFinal_ex");
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, dst + total) != 1)
        fatal("EVP_CTRL_GCM_GET_TAG");
    return out;
}

Status aesGcmOpenInPlace(QByteArrayView key, QByteArrayView nonce, QByteArrayView aad,
                         QByteArray &data)
{
    if (key.size() != kKeySize || nonce.size() != kNonceSize)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "bad key or nonce size"));
    if (data.size() < kTagSize)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "encrypted data is truncated"));
    const qsizetype bodySize = data.size() - kTagSize;
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    // GCM is a stream mode: each plaintext byte lands where its ciphertext byte was, so the
    // buffer is decrypted where it is instead of into a second one.
    auto *buf = reinterpret_cast<unsigned char *>(data.data());
    unsigned char tag[kTagSize];
    std::memcpy(tag, buf + bodySize, kTagSize);
    int len = 0;
    int total = 0;
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1)
        fatal("EVP_DecryptInit_ex");
    if (!aad.isEmpty() &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        fatal("EVP_DecryptUpdate(aad)");
    if (bodySize > 0) {
        if (EVP_DecryptUpdate(ctx.get(), buf, &len, buf, int(bodySize)) != 1)
            fatal("EVP_DecryptUpdate");
        total = len;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag) != 1)
        fatal("EVP_CTRL_GCM_SET_TAG");
    if (EVP_DecryptFinal_ex(ctx.get(), buf + total, &len) != 1) {
        wipe(data); // unauthenticated plaintext is never handed on
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "authentication failed"));
    }
    data.chop(kTagSize);
    return {};
}

Result<QByteArray> aesGcmOpen(QByteArrayView key, QByteArrayView nonce, QByteArrayView aad,
                              QByteArrayView sealed)
{
    QByteArray out = sealed.toByteArray();
    if (auto s = aesGcmOpenInPlace(key, nonce, aad, out); !s)
        return s.error();
    return out;
}

bool equalConstantTime(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret.clear();
}

} // namespace obnam::crypto
