#pragma once

#include "Backend.h"

#include <QAtomicInt>
#include <QMap>
#include <QMutex>

namespace obnam {

// Objects in a map: for tests, and as the reference behaviour of the conformance suite.
class MemoryBackend final : public Backend
{
public:
    MemoryBackend() = default;

    QString location() const override { return QStringLiteral("memory:"); }

    QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) override;
    QFuture<Result<QByteArray>> get(const QString &name) override;
    QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset,
                                         qint64 length) override;
    QFuture<Result<qint64>> stat(const QString &name) override;
    QFuture<Result<QStringList>> list(const QString &prefix) override;
    QFuture<Status> remove(const QString &name) override;

    // Direct access for tests that damage objects on purpose.
    QByteArray rawObject(const QString &name) const;
    void setRawObject(const QString &name, const QByteArray &data);
    int objectCount(const QString &prefix = {}) const;
    // How many getRange() calls it has answered: tests of how reads are batched.
    int rangeReads() const { return m_rangeReads.loadRelaxed(); }

private:
    mutable QMutex m_mutex;
    QMap<QString, QByteArray> m_objects;
    QAtomicInt m_rangeReads;
};

} // namespace obnam
