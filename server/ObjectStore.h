#pragma once

#include "AccountStore.h"
#include "UploadSpool.h"
#include "backend/Backend.h"
#include "support/Fd.h"

#include <QHash>
#include <QMutex>

#include <functional>
#include <memory>

namespace obnam {
class LocalBackend;
class S3Backend;
} // namespace obnam

namespace obnam::server {

// A stored object opened for an answer: a local file, sent from the file; or from a bucket,
// the part asked for (what the object has of it) fetched with the object's size in one request.
struct StoredObject
{
    qint64 size = 0;
    std::shared_ptr<Fd> file;
    QByteArray part; // from `partOffset`, when there is no file
    qint64 partOffset = 0;
};

// Where obnam-server keeps its clients' objects, each account in a namespace of its own
// (named by the account's random id, never by anything in a request).
class ObjectStore
{
public:
    virtual ~ObjectStore() = default;

    // Where an admitted upload's body is received before place().
    virtual std::unique_ptr<UploadSpool> spool(const ClientAccount &account, quint64 length) = 0;
    virtual Result<qint64> stat(const ClientAccount &account, const QString &name) = 0;
    virtual Status place(const ClientAccount &account, const QString &name, UploadSpool &upload,
                         PutMode mode) = 0;
    // The object, or (from a bucket) the part of it from `offset`, `length` bytes (-1: to the
    // end); a file is opened whole.
    virtual Result<StoredObject> open(const ClientAccount &account, const QString &name,
                                      qint64 offset, qint64 length) = 0;
    virtual Result<QStringList> list(const ClientAccount &account, const QString &prefix) = 0;
    virtual Status remove(const ClientAccount &account, const QString &name) = 0;
    // Every object an account stores, with its size, from what is there.
    virtual Result<QHash<QString, qint64>> inventory(const ClientAccount &account) = 0;
    // The bytes an account stores, counted from what is there.
    Result<qint64> usage(const ClientAccount &account)
    {
        auto objects = inventory(account);
        if (!objects)
            return objects.error();
        qint64 total = 0;
        for (const qint64 size : std::as_const(*objects))
            total += size;
        return total;
    }
    // At start-up: removes upload files a stopped server left behind (and, on S3, the
    // multipart uploads a killed instance never finished).
    virtual void tidy() = 0;

protected:
    ObjectStore() = default;
    Q_DISABLE_COPY_MOVE(ObjectStore)
};

// The default: one directory per account below the data directory (clients/ID/).
class LocalObjectStore final : public ObjectStore
{
public:
    explicit LocalObjectStore(QString clientsDir);
    ~LocalObjectStore() override;

    std::unique_ptr<UploadSpool> spool(const ClientAccount &account, quint64 length) override;
    Result<qint64> stat(const ClientAccount &account, const QString &name) override;
    Status place(const ClientAccount &account, const QString &name, UploadSpool &upload,
                 PutMode mode) override;
    Result<StoredObject> open(const ClientAccount &account, const QString &name, qint64 offset,
                              qint64 length) override;
    Result<QStringList> list(const ClientAccount &account, const QString &prefix) override;
    Status remove(const ClientAccount &account, const QString &name) override;
    Result<QHash<QString, qint64>> inventory(const ClientAccount &account) override;
    void tidy() override;

private:
    std::shared_ptr<LocalBackend> backendFor(const ClientAccount &account);

    QString m_clientsDir;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<LocalBackend>> m_backends;
};

// Objects in an S3 bucket (clients/ID/ below the configured prefix), shared by every instance
// that names the bucket. Uploads are received in a local spool directory, checked, then sent
// with If-None-Match: * for create-only names.
class S3ObjectStore final : public ObjectStore
{
public:
    S3ObjectStore(std::shared_ptr<S3Backend> root, QString spoolDir);
    ~S3ObjectStore() override;

    std::unique_ptr<UploadSpool> spool(const ClientAccount &account, quint64 length) override;
    Result<qint64> stat(const ClientAccount &account, const QString &name) override;
    Status place(const ClientAccount &account, const QString &name, UploadSpool &upload,
                 PutMode mode) override;
    Result<StoredObject> open(const ClientAccount &account, const QString &name, qint64 offset,
                              qint64 length) override;
    Result<QStringList> list(const ClientAccount &account, const QString &prefix) override;
    Status remove(const ClientAccount &account, const QString &name) override;
    Result<QHash<QString, qint64>> inventory(const ClientAccount &account) override;
    void tidy() override;

    // How old an unfinished multipart upload must be before tidy() aborts it.
    static constexpr qint64 kStaleUploadSeconds = 24 * 3600;
    // Whether a key below the bucket's prefix is one an instance writes:
    // clients/ACCOUNT-ID/OBJECT-NAME. Unfinished uploads of other keys are not touched.
    static bool isInstanceKey(const QString &key);

private:
    std::shared_ptr<S3Backend> backendFor(const ClientAccount &account);

    std::shared_ptr<S3Backend> m_root;
    QString m_spoolDir;
    // tidy()'s removal of unfinished uploads; it holds its own reference to the store.
    QFuture<void> m_tidying;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<S3Backend>> m_backends;
};

} // namespace obnam::server
