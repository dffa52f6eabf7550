#include "ObjectStore.h"

#include "HttpServer.h"
#include "backend/ObjectName.h"
#include "backend/S3Backend.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace obnam::server {

S3ObjectStore::S3ObjectStore(std::shared_ptr<S3Backend> root, QString spoolDir)
    : m_root(std::move(root))
    , m_spoolDir(std::move(spoolDir))
{}

S3ObjectStore::~S3ObjectStore() = default;

std::shared_ptr<S3Backend> S3ObjectStore::backendFor(const ClientAccount &account)
{
    QMutexLocker lock(&m_mutex);
    auto &b = m_backends[account.id];
    if (!b)
        b = m_root->below(QStringLiteral("clients/") + account.id + QLatin1Char('/'));
    return b;
}

std::unique_ptr<UploadSpool> S3ObjectStore::spool(const ClientAccount &, quint64 length)
{
    // Read back and sent on at once: no need to sync it to this machine's disk first.
    return UploadSpool::create(m_spoolDir, length, false);
}

Result<qint64> S3ObjectStore::stat(const ClientAccount &account, const QString &name)
{
    return backendFor(account)->stat(name).result();
}

Status S3ObjectStore::place(const ClientAccount &account, const QString &name, UploadSpool &upload,
                            PutMode mode)
{
    QFile file(upload.path());
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read upload: ") + file.errorString(),
                         upload.path());
    const QByteArray data = file.readAll();
    if (quint64(data.size()) != upload.size())
        return makeError(ErrorCode::Io, QStringLiteral("upload file is short"), upload.path());
    // The object appears whole or not at all: S3 makes an object visible only once its PUT
    // (or its multipart upload's completion) has succeeded.
    // The spool hashed the body as it arrived: the signature uses that hash.
    return backendFor(account)
        ->putHashed(name, data, mode, QByteArray::fromHex(upload.sha256Hex().toLatin1()))
        .result();
}

Result<StoredObject> S3ObjectStore::open(const ClientAccount &account, const QString &name,
                                         qint64 offset, qint64 length)
{
    auto part = backendFor(account)->readPart(name, offset, length).result();
    if (!part)
        return part.error();
    StoredObject object;
    object.size = part->objectSize;
    object.part = std::move(part->bytes);
    object.partOffset = part->offset;
    return object;
}

Result<QStringList> S3ObjectStore::list(const ClientAccount &account, const QString &prefix)
{
    return backendFor(account)->list(prefix).result();
}

Status S3ObjectStore::remove(const ClientAccount &account, const QString &name)
{
    return backendFor(account)->remove(name).result();
}

Result<QHash<QString, qint64>> S3ObjectStore::inventory(const ClientAccount &account)
{
    auto backend = backendFor(account);
    auto listed = backend->listWithSizes({}).result();
    if (!listed)
        return listed.error().code == ErrorCode::NotFound
                   ? Result<QHash<QString, qint64>>(QHash<QString, qint64>())
                   : listed.error();
    QHash<QString, qint64> objects;
    objects.reserve(listed->size());
    for (const S3Backend::Listed &object : std::as_const(*listed)) {
        // A listing without sizes (not seen from any store) is asked about one object at a time.
        if (object.size >= 0) {
            objects.insert(object.name, object.size);
            continue;
        }
        auto size = backend->stat(object.name).result();
        if (size)
            objects.insert(object.name, *size);
        else if (size.error().code != ErrorCode::NotFound) // removed since the listing: gone
            return size.error(); // not an inventory short of what is stored
    }
    return objects;
}

bool S3ObjectStore::isInstanceKey(const QString &key)
{
    static const QRegularExpression account(QStringLiteral("\\Aclients/[0-9a-f]{32}/"));
    const QRegularExpressionMatch m = account.match(key);
    return m.hasMatch() && objectname::validate(key.mid(m.capturedLength()));
}

void S3ObjectStore::tidy()
{
    // This instance's own spool: other instances have theirs.
    QDir().mkpath(m_spoolDir);
    QFile::setPermissions(m_spoolDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QDirIterator temps(m_spoolDir, {QStringLiteral(".tmp-upload-*")}, QDir::Files | QDir::Hidden);
    while (temps.hasNext())
        QFile::remove(temps.next());
    // Multipart uploads that an instance was killed in the middle of: the store keeps (and
    // bills) their parts until they are aborted. A day old, so that no upload still running on
    // any instance loses its parts; in the background, on a pool of its own that nothing
    // waits for, so that a store that does not answer holds up neither the start nor a stop.
    static QThreadPool *const pool = new QThreadPool;
    m_tidying = QtConcurrent::run(pool, [root = m_root] {
        const auto freed = root->removeStaleUploads(kStaleUploadSeconds, &isInstanceKey);
        if (!freed)
            logLine("ERROR", "cannot remove unfinished S3 uploads: " +
                                 freed.error().toString().toStdString());
        else if (*freed > 0 && infoLogging())
            logLine("INFO",
                    "removed unfinished S3 uploads holding " + std::to_string(*freed) + " bytes");
    });
}

} // namespace obnam::server
