#pragma once

#include "support/Fd.h"
#include "support/Result.h"

#include <QString>

#include <memory>
#include <optional>

struct evp_md_ctx_st;

namespace obnam::server {

// A request body being received: written to a temporary file in the client's own directory
// as it arrives, hashed on the way, so that an upload costs the server a small buffer and not
// its size in memory. The file is removed when the spool is destroyed unless it was moved
// into place meanwhile (LocalBackend::placeFile).
class UploadSpool
{
public:
    // `dir` must exist and lie on the file system the object will be stored on.
    // Where the file cannot be created (a full disk), the spool reads and discards the body so
    // that the client gets a clean answer instead of a connection cut mid-upload.
    // `durable`: finish() syncs the file, which becomes the object; a spool that is only read
    // back (and sent to object storage) skips that.
    static std::unique_ptr<UploadSpool> create(const QString &dir, quint64 expected,
                                               bool durable = true);
    ~UploadSpool();
    UploadSpool(const UploadSpool &) = delete;
    UploadSpool &operator=(const UploadSpool &) = delete;

    // Appends received bytes; false past the declared length. After a write error the rest is
    // discarded and finish() reports the error.
    bool write(const char *data, std::size_t size);
    // After the whole body: syncs the file, or says why the body could not be kept. The hash
    // is of every byte received.
    Status finish();
    quint64 size() const { return m_written; }
    QString sha256Hex() const { return m_hash; }
    QString path() const { return m_path; }

private:
    UploadSpool() = default;

    QString m_path;
    Fd m_fd;
    evp_md_ctx_st *m_ctx = nullptr;
    quint64 m_expected = 0;
    quint64 m_written = 0;
    bool m_durable = true;
    QString m_hash;
    std::optional<Error> m_error;
};

} // namespace obnam::server
