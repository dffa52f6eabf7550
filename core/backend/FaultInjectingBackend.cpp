#include "FaultInjectingBackend.h"

#include <QCoreApplication>
#include <QThread>

namespace obnam {

FaultInjectingBackend::FaultInjectingBackend(std::shared_ptr<Backend> inner, FaultPlan plan)
    : m_inner(std::move(inner))
    , m_plan(std::move(plan))
    , m_random(m_plan.seed)
{}

void FaultInjectingBackend::setPlan(const FaultPlan &plan)
{
    QMutexLocker lock(&m_mutex);
    m_plan = plan;
    m_random.seed(plan.seed);
}

FaultCounts FaultInjectingBackend::counts() const
{
    QMutexLocker lock(&m_mutex);
    return m_counts;
}

QString FaultInjectingBackend::location() const
{
    return m_inner->location();
}

bool FaultInjectingBackend::applies(const QString &name) const
{
    if (m_plan.prefixes.isEmpty())
        return true;
    for (const QString &p : m_plan.prefixes)
        if (name.startsWith(p))
            return true;
    return false;
}

bool FaultInjectingBackend::roll(double rate)
{
    return rate > 0 && m_random.generateDouble() < rate;
}

std::optional<Error> FaultInjectingBackend::before(const QString &name)
{
    int delay = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (!applies(name))
            return std::nullopt;
        if (roll(m_plan.failRate)) {
            ++m_counts.failed;
            return makeError(ErrorCode::Transient,
                             QCoreApplication::translate("obnam", "injected storage failure"),
                             name);
        }
        if (roll(m_plan.delayRate)) {
            ++m_counts.delayed;
            delay = m_plan.delayMs;
        }
    }
    if (delay > 0)
        QThread::msleep(ulong(delay)); // callers wait on worker threads, never the GUI thread
    return std::nullopt;
}

Result<QByteArray> FaultInjectingBackend::damageRead(const QString &name, Result<QByteArray> data)
{
    if (!data || data->isEmpty())
        return data;
    QMutexLocker lock(&m_mutex);
    if (!applies(name))
        return data;
    if (roll(m_plan.truncateRate)) {
        ++m_counts.truncated;
        data->truncate(qsizetype(m_random.bounded(quint64(data->size()))));
        return data;
    }
    if (roll(m_plan.flipRate)) {
        ++m_counts.flipped;
        const qsizetype at = qsizetype(m_random.bounded(quint64(data->size())));
        (*data)[at] = char((*data)[at] ^ char(1 << m_random.bounded(8)));
    }
    return data;
}

QFuture<Status> FaultInjectingBackend::put(const QString &name, const QByteArray &data,
                                           PutMode mode)
{
    if (auto e = before(name))
        return ready<Status>(*e);
    {
        QMutexLocker lock(&m_mutex);
        if (applies(name) && roll(m_plan.dropWriteRate)) {
            ++m_counts.droppedWrites;
            return ready<Status>(Status{}); // the lie a faulty disk or proxy tells
        }
    }
    return m_inner->put(name, data, mode);
}

QFuture<Result<QByteArray>> FaultInjectingBackend::get(const QString &name)
{
    if (auto e = before(name))
        return ready<Result<QByteArray>>(*e);
    return ready<Result<QByteArray>>(damageRead(name, m_inner->get(name).result()));
}

QFuture<Result<QByteArray>> FaultInjectingBackend::getRange(const QString &name, qint64 offset,
                                                            qint64 length)
{
    if (auto e = before(name))
        return ready<Result<QByteArray>>(*e);
    return ready<Result<QByteArray>>(
        damageRead(name, m_inner->getRange(name, offset, length).result()));
}

QFuture<Result<qint64>> FaultInjectingBackend::stat(const QString &name)
{
    if (auto e = before(name))
        return ready<Result<qint64>>(*e);
    return m_inner->stat(name);
}

QFuture<Result<QStringList>> FaultInjectingBackend::list(const QString &prefix)
{
    if (auto e = before(prefix))
        return ready<Result<QStringList>>(*e);
    Result<QStringList> names = m_inner->list(prefix).result();
    if (!names)
        return ready<Result<QStringList>>(names);
    QMutexLocker lock(&m_mutex);
    QStringList kept;
    for (const QString &n : std::as_const(*names)) {
        if (applies(n) && roll(m_plan.omitListRate)) {
            ++m_counts.omitted;
            continue;
        }
        kept.append(n);
    }
    return ready<Result<QStringList>>(kept);
}

QFuture<Status> FaultInjectingBackend::remove(const QString &name)
{
    if (auto e = before(name))
        return ready<Status>(*e);
    return m_inner->remove(name);
}

} // namespace obnam
