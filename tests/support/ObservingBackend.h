#pragma once

#include "backend/Backend.h"

#include <functional>
#include <memory>

namespace obnam::test {

// A Backend decorator that tells a listener of every call before passing it on: which call,
// the object's name and the bytes it moves. Tests use it to act at exact points of an
// operation (cancel after the third pack, pause after the first read) and to count what moved.
// The listener runs on whichever thread makes the call.
class ObservingBackend final : public Backend
{
public:
    enum Call
    {
        Put,
        Get,
        GetRange,
        Stat,
        List,
        Remove
    };
    using Listener = std::function<void(Call call, const QString &name, qint64 bytes)>;

    ObservingBackend(std::shared_ptr<Backend> inner, Listener listener)
        : m_inner(std::move(inner))
        , m_listener(std::move(listener))
    {}

    QString location() const override { return m_inner->location(); }
    QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) override
    {
        m_listener(Put, name, data.size());
        return m_inner->put(name, data, mode);
    }
    QFuture<Result<QByteArray>> get(const QString &name) override
    {
        m_listener(Get, name, 0);
        return m_inner->get(name);
    }
    QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset, qint64 length) override
    {
        m_listener(GetRange, name, length);
        return m_inner->getRange(name, offset, length);
    }
    Result<QByteArray> readRangeNow(const QString &name, qint64 offset, qint64 length) override
    {
        m_listener(GetRange, name, length);
        return m_inner->readRangeNow(name, offset, length);
    }
    QFuture<Result<qint64>> stat(const QString &name) override
    {
        m_listener(Stat, name, 0);
        return m_inner->stat(name);
    }
    QFuture<Result<QStringList>> list(const QString &prefix) override
    {
        m_listener(List, prefix, 0);
        return m_inner->list(prefix);
    }
    QFuture<Status> remove(const QString &name) override
    {
        m_listener(Remove, name, 0);
        return m_inner->remove(name);
    }
    int preferredWritesInFlight() const override { return m_inner->preferredWritesInFlight(); }
    int preferredReadsInFlight() const override { return m_inner->preferredReadsInFlight(); }
    Result<qint64> removeStaleTemporaries(qint64 olderThanSeconds) override
    {
        return m_inner->removeStaleTemporaries(olderThanSeconds);
    }

private:
    std::shared_ptr<Backend> m_inner;
    Listener m_listener;
};

} // namespace obnam::test
