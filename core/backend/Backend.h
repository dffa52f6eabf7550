#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QStringList>
#include <QThread>

namespace obnam {

enum class PutMode
{
    CreateOnly, // fail with AlreadyExists if the name is taken (content-addressed objects)
    Overwrite,  // replace atomically (locks, key slots)
};

// An already-finished future, for answers known without I/O (invalid names, in-memory data).
template <typename T> QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

// The storage seam: a flat namespace of named objects, nothing more. Names are
// slash-separated ("packs/ab/ab12..."), validated by ObjectName before any backend sees them.
//
// Every call is asynchronous and returns a future that the caller may wait on from a worker
// thread or continue with .then(context, ...) on the GUI thread. Implementations never run
// nested event loops.
class Backend
{
public:
    virtual ~Backend() = default;

    // A human-readable location for messages ("/media/usb/backup", "https://host:8888").
    virtual QString location() const = 0;

    virtual QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) = 0;
    // put() of data whose SHA-256 (raw, 32 bytes) the caller already has, as a pack is named by
    // it: storage that must hash what it sends (S3 signs a hash of each body) uses it instead
    // of hashing the data again. The store checks it, so a wrong one fails the write.
    virtual QFuture<Status> putHashed(const QString &name, const QByteArray &data, PutMode mode,
                                      const QByteArray &sha256)
    {
        Q_UNUSED(sha256);
        return put(name, data, mode);
    }
    virtual QFuture<Result<QByteArray>> get(const QString &name) = 0;
    // Returns exactly `length` bytes from `offset`; a short object is ErrorCode::Corrupt.
    virtual QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset,
                                                 qint64 length) = 0;
    // getRange() for a caller already on a worker thread that waits for the answer anyway (a
    // restore's chunk fetchers): a backend whose reads are local does them in the calling
    // thread instead of handing each one to a pool of its own and back. Same answers.
    virtual Result<QByteArray> readRangeNow(const QString &name, qint64 offset, qint64 length)
    {
        return getRange(name, offset, length).result();
    }
    // Size of the object, or ErrorCode::NotFound.
    virtual QFuture<Result<qint64>> stat(const QString &name) = 0;
    // Names (full, sorted) of all objects below the prefix, which ends with '/' or is empty.
    virtual QFuture<Result<QStringList>> list(const QString &prefix) = 0;
    // Removing a missing object is ErrorCode::NotFound.
    virtual QFuture<Status> remove(const QString &name) = 0;

    // Removes the temporary files of writes that never finished (a process killed while it
    // wrote) once they are older than `olderThanSeconds`, and says how many bytes they held.
    // Only a backend that leaves such files behind has any.
    virtual Result<qint64> removeStaleTemporaries(qint64 olderThanSeconds)
    {
        Q_UNUSED(olderThanSeconds);
        return qint64(0);
    }

    // Makes the storage ready for a new repository before its first write (an S3 bucket is
    // created when it does not exist yet); most storage needs nothing.
    virtual QFuture<Status> prepareForInit() { return ready(Status{}); }

    // How many large writes the caller should keep in flight to keep this backend busy.
    virtual int preferredWritesInFlight() const { return 4; }
    // How many readRangeNow() callers keep it busy: remote storage answers with latency, so
    // many; a local disk mostly needs the CPU to decrypt and check what it reads.
    virtual int preferredReadsInFlight() const { return qMax(8, 2 * QThread::idealThreadCount()); }

protected:
    Backend() = default;
    Q_DISABLE_COPY_MOVE(Backend)
};

} // namespace obnam
