#include "UploadSpool.h"

#include "crypto/Crypto.h"

#include <QFile>

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace obnam::server {

namespace {

Error storageError(const QString &what, const QString &path, int err = errno)
{
    return makeError(ErrorCode::Permanent,
                     what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)),
                     path);
}

} // namespace

std::unique_ptr<UploadSpool> UploadSpool::create(const QString &dir, quint64 expected, bool durable)
{
    std::unique_ptr<UploadSpool> spool(new UploadSpool);
    spool->m_expected = expected;
    spool->m_durable = durable;
    spool->m_ctx = EVP_MD_CTX_new();
    if (!spool->m_ctx || EVP_DigestInit_ex(spool->m_ctx, EVP_sha256(), nullptr) != 1) {
        spool->m_error = makeError(ErrorCode::Permanent, QStringLiteral("cannot hash an upload"));
        return spool;
    }
    // ".tmp-" names are never objects: listings skip them and a restarted server removes any
    // left by a crash.
    spool->m_path =
        dir + QStringLiteral("/.tmp-upload-") + QString::fromLatin1(crypto::randomBytes(8).toHex());
    spool->m_fd.reset(::open(QFile::encodeName(spool->m_path).constData(),
                             O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (spool->m_fd.get() < 0) {
        spool->m_error = storageError(QStringLiteral("cannot create upload file"), dir);
        spool->m_path.clear();
    }
    return spool;
}

UploadSpool::~UploadSpool()
{
    if (m_ctx)
        EVP_MD_CTX_free(m_ctx);
    if (!m_path.isEmpty())
        ::unlink(QFile::encodeName(m_path).constData()); // ENOENT once placed: nothing to do
}

bool UploadSpool::write(const char *data, std::size_t size)
{
    if (m_written + size > m_expected)
        return false;
    m_written += size;
    if (m_error)
        return true;
    if (EVP_DigestUpdate(m_ctx, data, size) != 1) {
        m_error = makeError(ErrorCode::Permanent, QStringLiteral("cannot hash an upload"));
        return true;
    }
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(m_fd.get(), data + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error =
                storageError(QStringLiteral("cannot store upload"), m_path, n < 0 ? errno : ENOSPC);
            return true;
        }
        done += std::size_t(n);
    }
    return true;
}

Status UploadSpool::finish()
{
    if (m_error)
        return *m_error;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_ctx, digest, &length) != 1)
        return makeError(ErrorCode::Permanent, QStringLiteral("cannot hash an upload"));
    m_hash = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
    if ((m_durable && ::fsync(m_fd.get()) != 0) || ::close(m_fd.release()) != 0)
        return storageError(QStringLiteral("cannot store upload"), m_path);
    return {};
}

} // namespace obnam::server
