#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// Thin, allocation-conscious wrappers over OpenSSL 3's EVP interfaces.
namespace obnam::crypto {

constexpr int kKeySize = 32;   // AES-256 and HMAC-SHA256 keys
constexpr int kNonceSize = 12; // GCM's natural nonce size
constexpr int kTagSize = 16;   // GCM authentication tag
constexpr int kHashSize = 32;  // SHA-256

// Cryptographically secure random bytes; aborts if the system RNG is unusable.
QByteArray randomBytes(int count);
// Whether OpenSSL was told, before main(), to keep its global state until the process ends
// rather than free it at exit while detached threads may still use it (see Crypto.cpp).
bool keptUntilExit();

QByteArray sha256(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

// HKDF-SHA256 (RFC 5869) to derive independent subkeys from one master key.
QByteArray hkdfSha256(QByteArrayView key, QByteArrayView salt, QByteArrayView info, int length);

// A 96-bit nonce from a counter; with a fresh subkey per pack, counters never repeat a nonce.
QByteArray counterNonce(quint64 counter);

// AES-256-GCM. seal() returns ciphertext followed by the 16-byte tag.
QByteArray aesGcmSeal(QByteArrayView key, QByteArrayView nonce, QByteArrayView aad,
                      QByteArrayView plaintext);
// Fails with ErrorCode::Corrupt when the tag does not authenticate key, nonce, aad and bytes.
Result<QByteArray> aesGcmOpen(QByteArrayView key, QByteArrayView nonce, QByteArrayView aad,
                              QByteArrayView sealed);
// The same, decrypting `data` where it is: on success it holds the plaintext (the tag cut
// off); on failure it is wiped and emptied.
Status aesGcmOpenInPlace(QByteArrayView key, QByteArrayView nonce, QByteArrayView aad,
                         QByteArray &data);

// Constant-time comparison for MACs and hashes.
bool equalConstantTime(QByteArrayView a, QByteArrayView b);

// Overwrite key material before it is released.
void wipe(QByteArray &secret);

} // namespace obnam::crypto
