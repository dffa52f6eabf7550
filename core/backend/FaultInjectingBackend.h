#pragma once

#include "Backend.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QStringList>

#include <memory>

namespace obnam {

// What can go wrong with storage, each with a probability per call. Deterministic for a seed,
// so a failing test fails the same way again.
struct FaultPlan
{
    quint32 seed = 1;
    QStringList prefixes; // only objects whose names start with one of these; all if empty
    double failRate = 0;  // the call fails with a transient error, nothing done
    double delayRate = 0; // the call is delayed by delayMs first
    int delayMs = 50;
    double truncateRate = 0;  // a read returns a prefix of the bytes
    double flipRate = 0;      // a read returns the bytes with one bit flipped
    double dropWriteRate = 0; // a write reports success but stores nothing
    double omitListRate = 0;  // each name is left out of a listing with this probability
};

struct FaultCounts
{
    int failed = 0, delayed = 0, truncated = 0, flipped = 0, droppedWrites = 0, omitted = 0;
};

// A Backend decorator that injects the faults of a FaultPlan into another backend: the damaged
// storage the rest of the program must survive (restic's fault-injection idea). For tests and
// drills only; nothing in obnam-cli builds one.
class FaultInjectingBackend final : public Backend
{
public:
    FaultInjectingBackend(std::shared_ptr<Backend> inner, FaultPlan plan);

    void setPlan(const FaultPlan &plan);
    FaultCounts counts() const;

    QString location() const override;
    QFuture<Status> put(const QString &name, const QByteArray &data, PutMode mode) override;
    QFuture<Result<QByteArray>> get(const QString &name) override;
    QFuture<Result<QByteArray>> getRange(const QString &name, qint64 offset,
                                         qint64 length) override;
    QFuture<Result<qint64>> stat(const QString &name) override;
    QFuture<Result<QStringList>> list(const QString &prefix) override;
    QFuture<Status> remove(const QString &name) override;
    int preferredWritesInFlight() const override { return m_inner->preferredWritesInFlight(); }
    Result<qint64> removeStaleTemporaries(qint64 olderThanSeconds) override
    {
        return m_inner->removeStaleTemporaries(olderThanSeconds);
    }
    int preferredReadsInFlight() const override { return m_inner->preferredReadsInFlight(); }

private:
    bool applies(const QString &name) const;
    bool roll(double rate); // under m_mutex
    // Decides, before the call, whether it fails or waits.
    std::optional<Error> before(const QString &name);
    Result<QByteArray> damageRead(const QString &name, Result<QByteArray> data);

    std::shared_ptr<Backend> m_inner;
    mutable QMutex m_mutex;
    FaultPlan m_plan;
    QRandomGenerator m_random;
    FaultCounts m_counts;
};

} // namespace obnam
