#include "MemoryBackend.h"

#include <QCoreApplication>

#include "ObjectName.h"

namespace obnam {

namespace {
Error notFound(const QString &name)
{
    return makeError(ErrorCode::NotFound, QCoreApplication::translate("obnam", "no such object"),
                     name);
}
} // namespace

QFuture<Status> MemoryBackend::put(const QString &name, const QByteArray &data, PutMode mode)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Status>(valid);
    QMutexLocker lock(&m_mutex);
    if (mode == PutMode::CreateOnly && m_objects.contains(name))
        return ready<Status>(makeError(
            ErrorCode::AlreadyExists, QCoreApplication::translate("obnam", "object exists"), name));
    m_objects.insert(name, data);
    return ready<Status>({});
}

QFuture<Result<QByteArray>> MemoryBackend::get(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<QByteArray>>(valid.error());
    QMutexLocker lock(&m_mutex);
    const auto it = m_objects.constFind(name);
    if (it == m_objects.cend())
        return ready<Result<QByteArray>>(notFound(name));
    return ready<Result<QByteArray>>(*it);
}

QFuture<Result<QByteArray>> MemoryBackend::getRange(const QString &name, qint64 offset,
                                                    qint64 length)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<QByteArray>>(valid.error());
    if (offset < 0 || length < 0 || length > (qint64(1) << 31))
        return ready<Result<QByteArray>>(
            makeError(ErrorCode::InvalidArgument,
                      QCoreApplication::translate("obnam", "invalid range"), name));
    m_rangeReads.fetchAndAddRelaxed(1);
    QMutexLocker lock(&m_mutex);
    const auto it = m_objects.constFind(name);
    if (it == m_objects.cend())
        return ready<Result<QByteArray>>(notFound(name));
    if (offset + length > it->size())
        return ready<Result<QByteArray>>(
            makeError(ErrorCode::Corrupt,
                      QCoreApplication::translate(
                          "obnam", "object is shorter than expected (wanted %1 bytes at offset %2)")
                          .arg(length)
                          .arg(offset),
                      name));
    return ready<Result<QByteArray>>(it->mid(qsizetype(offset), qsizetype(length)));
}

QFuture<Result<qint64>> MemoryBackend::stat(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Result<qint64>>(valid.error());
    QMutexLocker lock(&m_mutex);
    const auto it = m_objects.constFind(name);
    if (it == m_objects.cend())
        return ready<Result<qint64>>(notFound(name));
    return ready<Result<qint64>>(qint64(it->size()));
}

QFuture<Result<QStringList>> MemoryBackend::list(const QString &prefix)
{
    if (auto valid = objectname::validatePrefix(prefix); !valid)
        return ready<Result<QStringList>>(valid.error());
    QMutexLocker lock(&m_mutex);
    QStringList names;
    for (auto it = m_objects.lowerBound(prefix);
         it != m_objects.cend() && it.key().startsWith(prefix); ++it)
        names.append(it.key());
    return ready<Result<QStringList>>(names);
}

QFuture<Status> MemoryBackend::remove(const QString &name)
{
    if (auto valid = objectname::validate(name); !valid)
        return ready<Status>(valid);
    QMutexLocker lock(&m_mutex);
    if (m_objects.remove(name) == 0)
        return ready<Status>(notFound(name));
    return ready<Status>({});
}

QByteArray MemoryBackend::rawObject(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    return m_objects.value(name);
}

void MemoryBackend::setRawObject(const QString &name, const QByteArray &data)
{
    QMutexLocker lock(&m_mutex);
    m_objects.insert(name, data);
}

int MemoryBackend::objectCount(const QString &prefix) const
{
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (auto it = m_objects.lowerBound(prefix);
         it != m_objects.cend() && it.key().startsWith(prefix); ++it)
        ++n;
    return n;
}

} // namespace obnam
