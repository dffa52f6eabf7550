#pragma once

#include "Backend.h"
#include "HttpsConnection.h"
#include "S3Address.h"
#include "SigV4.h"
#include "support/SharedPromise.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace obnam {

struct S3Settings
{
    QUrl endpoint; // http(s)://host[:port] of the store
    QString bucket;
    QString prefix; // within the bucket: "" or "some/where/" (ends with '/')
    QByteArray region = "us-east-1";
    s3::Credentials credentials;
    // Path style (http://host/bucket/key), which every store understands, or virtual-host
    // style (http://bucket.host/key), which AWS prefers.
    bool pathStyle = true;
    HttpsSettings http; // timeouts, retries and TLS; its baseUrl is derived from the above
    // Objects larger than this go up in parts of partSize bytes (S3 wants at least 5 MiB per
    // part but the last, and at most 10,000 parts): a failed part is retried alone.
    qint64 multipartThreshold = 32 * 1024 * 1024;
    qint64 partSize = 16 * 1024 * 1024;

    // Settings for the bucket at `address`, the rest as above.
    static S3Settings at(const s3::Address &address);
};

// A repository in an S3 bucket: each object one S3 object under the prefix, requests signed
// with Signature Version 4 and sent through the same connection and jobs as the HTTPS backend
// (timeouts, retries with backoff). Create-only writes send If-None-Match: *, which Ceph RGW,
// MinIO and AWS S3 honour (412 when the name is taken); a store that ignored it would replace
// an object with the same content, since names are content hashes.
class S3Backend final : public Backend
{
public:
    explicit S3Backend(S3Settings settings, HttpsConnection::NamFactory namFactory = {});
    ~S3Backend() override;

    QString location() const override;
    QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) override;
    QFuture<Status> putHashed(const QString &name, const QByteArray &data, PutMode mode,
                              const QByteArray &sha256) override;
    QFuture<Result<QByteArray>> get(const QString &name) override;
    QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset,
                                         qint64 length) override;
    QFuture<Result<qint64>> stat(const QString &name) override;
    QFuture<Result<QStringList>> list(const QString &prefix) override;
    QFuture<Status> remove(const QString &name) override;
    int preferredWritesInFlight() const override { return 6; }
    // Multipart uploads under the prefix that were started more than `olderThanSeconds` ago and
    // never completed or aborted (their writer was killed): the store keeps, and bills, their
    // parts until they are aborted. Says how many bytes their parts held.
    Result<qint64> removeStaleTemporaries(qint64 olderThanSeconds) override;
    // The same for the uploads whose key (below the prefix) `ours` accepts: a bucket that holds
    // several repositories below its prefix (obnam-server's clients/ID/) has other names than
    // one repository's.
    Result<qint64> removeStaleUploads(qint64 olderThanSeconds,
                                      const std::function<bool(const QString &key)> &ours);

    // list() with each object's size, which the listing carries anyway: what a server needs to
    // count an account's usage without a request per object.
    struct Listed
    {
        QString name;
        qint64 size = -1;
    };
    QFuture<Result<QList<Listed>>> listWithSizes(const QString &prefix);

    // Part of an object and the object's size, in one request, for a server passing ranges on:
    // the part is what the store has of [offset, offset + length) (length -1: to the end), so
    // it is shorter, or empty, where the object ends sooner.
    struct Part
    {
        QByteArray bytes;
        qint64 objectSize = 0;
        qint64 offset = 0; // where `bytes` start in the object
    };
    QFuture<Result<Part>> readPart(const QString &name, qint64 offset, qint64 length);

    // Creates the bucket when it does not exist yet (init of a new repository).
    QFuture<Status> createBucket();
    QFuture<Status> prepareForInit() override { return createBucket(); }
    // The same bucket through the same connection, below a further prefix ("clients/ID/"):
    // one connection serves an obnam-server's accounts.
    std::shared_ptr<S3Backend> below(const QString &subPrefix) const;
    const S3Settings &settings() const { return m_settings; }

    // S3's answers as the project's errors: its XML error codes name what went wrong.
    static Error toError(const HttpOutcome &outcome, const QString &name);
    // The <Code> of an S3 error document, or "".
    static QString errorCode(const QByteArray &body);

private:
    struct Upload;
    QFuture<Status> putMultipart(const QString &name, const QByteArray &data, PutMode mode);
    void initiateUpload(std::shared_ptr<Upload> upload);
    void sendPart(std::shared_ptr<Upload> upload, int index);
    void completeUpload(std::shared_ptr<Upload> upload);
    void abortUpload(std::shared_ptr<Upload> upload, const Error &error);
    // The bucket's own path: /bucket (path style) or / (virtual host), never /bucket/.
    QString bucketPath() const;
    // A create-only write sent more than once and then refused (412, or NoSuchUpload for a
    // completion) may have been stored by an earlier attempt whose answer was lost. The
    // object's ETag tells: `done` hears whether it is `expectedEtag`, which this write's
    // bytes give (see etagOf and multipartEtagOf).
    void confirmOwnWrite(const QString &name, const QByteArray &expectedEtag,
                         std::function<void(bool stored)> done);
    static QByteArray etagOf(const QByteArray &data);
    static QByteArray multipartEtagOf(const QList<QByteArray> &partEtags);

    // `payloadSha256`: the body's SHA-256 in hex when the caller has it, else computed.
    NetworkJob::Spec spec(const QByteArray &method, const QString &key, const QString &query = {},
                          const QByteArray &body = {}, QByteArray payloadSha256 = {}) const;
    QString objectPath(const QString &name) const;
    void listPage(const QString &prefix, const QString &token, QList<Listed> listed,
                  SharedPromise<Result<QList<Listed>>> promise);

    S3Backend(S3Settings settings, std::shared_ptr<HttpsConnection> connection);

    // Continuations of requests still in flight use this object: each holds a token from
    // hold(), and the destructor waits until none is left (see ~S3Backend).
    class InFlight
    {
    public:
        std::shared_ptr<void> hold();
        void waitUntilIdle();

    private:
        std::mutex m_mutex;
        std::condition_variable m_idle;
        int m_count = 0;
    };

    static Error closingError(const QString &name);

    S3Settings m_settings;
    std::shared_ptr<HttpsConnection> m_connection;
    std::atomic<bool> m_closing{false}; // set by the destructor: chains stop at their next step
    InFlight m_inFlight;                // last: destroyed first, once idle
};

} // namespace obnam
