#include "ObjectStore.h"

#include "backend/LocalBackend.h"
#include "backend/ObjectName.h"

#include <QDirIterator>

#include <sys/stat.h>

namespace obnam::server {

LocalObjectStore::LocalObjectStore(QString clientsDir)
    : m_clientsDir(std::move(clientsDir))
{}

LocalObjectStore::~LocalObjectStore() = default;

std::shared_ptr<LocalBackend> LocalObjectStore::backendFor(const ClientAccount &account)
{
    QMutexLocker lock(&m_mutex);
    auto &b = m_backends[account.id];
    if (!b)
        b = std::make_shared<LocalBackend>(m_clientsDir + QLatin1Char('/') + account.id, 2, 0);
    return b;
}

std::unique_ptr<UploadSpool> LocalObjectStore::spool(const ClientAccount &account, quint64 length)
{
    auto backend = backendFor(account);
    // If this fails, so does creating the spool, which then says why.
    static_cast<void>(backend->createRoot());
    // In the account's own directory: the spool file becomes the object by a rename.
    return UploadSpool::create(backend->location(), length);
}

Result<qint64> LocalObjectStore::stat(const ClientAccount &account, const QString &name)
{
    return backendFor(account)->stat(name).result();
}

Status LocalObjectStore::place(const ClientAccount &account, const QString &name,
                               UploadSpool &upload, PutMode mode)
{
    return backendFor(account)->placeFile(name, upload.path(), mode);
}

Result<StoredObject> LocalObjectStore::open(const ClientAccount &account, const QString &name,
                                            qint64, qint64)
{
    StoredObject object;
    auto fd = backendFor(account)->openObject(name, &object.size);
    if (!fd)
        return fd.error();
    object.file = std::make_shared<Fd>(std::move(*fd));
    return object;
}

Result<QStringList> LocalObjectStore::list(const ClientAccount &account, const QString &prefix)
{
    return backendFor(account)->list(prefix).result();
}

Status LocalObjectStore::remove(const ClientAccount &account, const QString &name)
{
    return backendFor(account)->remove(name).result();
}

Result<QHash<QString, qint64>> LocalObjectStore::inventory(const ClientAccount &account)
{
    QHash<QString, qint64> objects;
    const QString root = backendFor(account)->location() + QLatin1Char('/');
    QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        // Objects only: not the spool's temporaries, nor anything else someone put there.
        const QString name = files.filePath().mid(root.size());
        if (objectname::validate(name))
            objects.insert(name, files.fileInfo().size());
    }
    return objects;
}

void LocalObjectStore::tidy()
{
    ::chmod(QFile::encodeName(m_clientsDir).constData(), 0700);
    QDirIterator dirs(m_clientsDir, QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    while (dirs.hasNext()) {
        const QString dir = dirs.next();
        ::chmod(QFile::encodeName(dir).constData(), 0700);
        QDirIterator temps(dir, {QStringLiteral(".tmp-upload-*")}, QDir::Files | QDir::Hidden);
        while (temps.hasNext())
            QFile::remove(temps.next());
    }
}

} // namespace obnam::server
