#include "Tls.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QStringList>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace obnam::server {

namespace {

template <typename T, void (*F)(T *)> struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;

Error sslError(const QString &what)
{
    return makeError(ErrorCode::Permanent,
                     QStringLiteral("cannot create TLS certificate: ") + what);
}

// Written beside its place, synced, then renamed into it, and the directory synced: a crash
// leaves the old file or the whole new one, never a torn one the server could not start with.
// The certificate goes last, and only a missing certificate makes a new pair.
bool writePem(const QString &path, mode_t mode, const std::function<int(FILE *)> &write)
{
    const QByteArray native = QFile::encodeName(path);
    const QByteArray temporary = native + ".new";
    ::unlink(temporary.constData());
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    FILE *f = ::fdopen(fd, "w");
    if (!f) {
        ::close(fd);
        ::unlink(temporary.constData());
        return false;
    }
    const bool written = write(f) == 1 && ::fflush(f) == 0 && ::fsync(fd) == 0;
    const bool closed = ::fclose(f) == 0;
    if (!written || !closed || ::rename(temporary.constData(), native.constData()) != 0) {
        ::unlink(temporary.constData());
        return false;
    }
    const QByteArray directory = QFile::encodeName(QFileInfo(path).absolutePath());
    const int dir = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

} // namespace

Status generateSelfSigned(const QString &keyPath, const QString &certPath, const QStringList &hosts)
{
    PKey key(EVP_EC_gen("P-256"));
    if (!key)
        return sslError(QStringLiteral("key generation failed"));
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("obnam-server"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    QStringList alt;
    for (const QString &h : hosts) {
        QHostAddress address;
        alt.append((address.setAddress(h) ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + h);
    }
    if (!alt.isEmpty()) {
        const QByteArray value = alt.join(QLatin1Char(',')).toLatin1();
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
        X509_EXTENSION *ext =
            X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, value.constData());
        if (!ext)
            return sslError(QStringLiteral("bad subjectAltName"));
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        return sslError(QStringLiteral("signing failed"));
    QDir().mkpath(QFileInfo(keyPath).absolutePath());
    QDir().mkpath(QFileInfo(certPath).absolutePath());
    if (!writePem(keyPath, 0600, [&](FILE *f) {
            return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
        }))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write TLS key"), keyPath);
    if (!writePem(certPath, 0644, [&](FILE *f) { return PEM_write_X509(f, cert.get()); }))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write TLS certificate"), certPath);
    return {};
}

Result<QString> certificateFingerprint(const QString &certPath)
{
    FILE *f = ::fopen(QFile::encodeName(certPath).constData(), "r");
    if (!f)
        return makeError(ErrorCode::NotFound, QStringLiteral("cannot read certificate"), certPath);
    Cert cert(PEM_read_X509(f, nullptr, nullptr, nullptr));
    ::fclose(f);
    if (!cert)
        return makeError(ErrorCode::Corrupt, QStringLiteral("not a PEM certificate"), certPath);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    X509_digest(cert.get(), EVP_sha256(), md, &len);
    QStringList parts;
    for (unsigned int i = 0; i < len; ++i)
        parts.append(QStringLiteral("%1").arg(md[i], 2, 16, QLatin1Char('0')).toUpper());
    return parts.join(QLatin1Char(':'));
}

} // namespace obnam::server
