#include "Lock.h"

#include "Repository.h"
#include "backend/ObjectName.h"
#include "crypto/Crypto.h"
#include "support/CrashPoint.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace obnam {

namespace {

QByteArray serialize(const LockInfo &info)
{
    return QJsonDocument(
               QJsonObject{
                   {QStringLiteral("exclusive"), info.exclusive},
                   {QStringLiteral("hostname"), info.hostname},
                   {QStringLiteral("pid"), info.pid},
                   {QStringLiteral("purpose"), info.purpose},
                   {QStringLiteral("created"), info.created.toString(Qt::ISODateWithMs)},
                   {QStringLiteral("refreshed"), info.refreshed.toString(Qt::ISODateWithMs)},
               })
        .toJson(QJsonDocument::Compact);
}

Result<LockInfo> parse(const QByteArray &payload, const QString &name)
{
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    LockInfo info;
    info.id = objectname::idOf(name);
    info.exclusive = o.value(QStringLiteral("exclusive")).toBool();
    info.hostname = o.value(QStringLiteral("hostname")).toString();
    info.pid = o.value(QStringLiteral("pid")).toInteger();
    info.purpose = o.value(QStringLiteral("purpose")).toString();
    info.created =
        QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    info.refreshed =
        QDateTime::fromString(o.value(QStringLiteral("refreshed")).toString(), Qt::ISODateWithMs);
    if (!info.created.isValid() || !info.refreshed.isValid() || info.hostname.isEmpty())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "lock object is malformed"), name);
    return info;
}

// When a process of this machine started, from /proc (its start in clock ticks after boot,
// and the boot time); invalid where /proc cannot tell.
QDateTime processStart(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    QFile system(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly) || !system.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces and parentheses: count from its end.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return {};
    const qint64 ticks = fields.at(19).toLongLong(); // field 22 of the whole line
    qint64 boot = 0;
    for (const QByteArray &l : system.readAll().split('\n')) {
        if (l.startsWith("btime "))
            boot = l.mid(6).trimmed().toLongLong();
    }
    const long hz = ::sysconf(_SC_CLK_TCK);
    if (boot <= 0 || hz <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch((boot * 1000) + ticks * 1000 / hz, Qt::UTC);
}

} // namespace

bool LockInfo::isStale(const QDateTime &now) const
{
    if (hostname == QSysInfo::machineHostName() && pid > 0) {
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            return true;
        // The number may belong to a newer process by now (after a reboot, say): one that
        // started after the lock was taken is not its holder. A second of slack covers the
        // rounding of the boot time.
        const QDateTime started = processStart(pid);
        if (started.isValid() && created.isValid() && started > created.addSecs(1))
            return true;
    }
    return refreshed.secsTo(now) > kStaleAfterSeconds;
}

QString LockInfo::describe() const
{
    return QStringLiteral("%1 lock by %2 (pid %3, %4) since %5, refreshed %6")
        .arg(exclusive ? QStringLiteral("exclusive") : QStringLiteral("shared"), hostname)
        .arg(pid)
        .arg(purpose, created.toString(Qt::ISODate), refreshed.toString(Qt::ISODate));
}

RepositoryLock::RepositoryLock(Repository &repo, LockInfo info)
    : m_repo(repo)
    , m_info(std::move(info))
{}

RepositoryLock::~RepositoryLock()
{
    (void)release();
}

Status RepositoryLock::write(const LockInfo &info)
{
    crashpoint::hit("lock-write-before");
    const QByteArray sealed = m_repo.codec().seal(ObjectType::Lock, serialize(info));
    Status s = m_repo.backend().put(objectname::lock(info.id), sealed, PutMode::Overwrite).result();
    crashpoint::hit("lock-write-after");
    return s;
}

Result<QList<LockInfo>> RepositoryLock::list(Repository &repo)
{
    auto names = repo.backend().list(QStringLiteral("locks/")).result();
    if (!names)
        return names.error();
    QList<LockInfo> out;
    for (const QString &name : std::as_const(*names)) {
        auto sealed = repo.backend().get(name).result();
        if (!sealed) {
            if (sealed.error().code == ErrorCode::NotFound)
                continue; // released meanwhile
            return sealed.error();
        }
        auto payload = repo.codec().open(ObjectType::Lock, *sealed, name);
        auto info = payload ? parse(*payload, name) : Result<LockInfo>(payload.error());
        if (!info) {
            // An unreadable lock is treated as held: refusing is the safe side. `unlock`
            // removes it once it is old (its write time is unknown, so by creation order).
            LockInfo unknown;
            unknown.id = objectname::idOf(name);
            unknown.exclusive = true;
            unknown.hostname = QStringLiteral("(unreadable lock object)");
            unknown.created = unknown.refreshed = QDateTime::currentDateTimeUtc();
            out.append(unknown);
            continue;
        }
        out.append(*info);
    }
    return out;
}

Result<std::unique_ptr<RepositoryLock>> RepositoryLock::acquire(Repository &repo, bool exclusive,
                                                                const QString &purpose)
{
    LockInfo info;
    info.id = QString::fromLatin1(crypto::randomBytes(16).toHex());
    info.exclusive = exclusive;
    info.hostname = QSysInfo::machineHostName();
    info.pid = qint64(::getpid());
    info.purpose = purpose;
    info.created = info.refreshed = QDateTime::currentDateTimeUtc();
    std::unique_ptr<RepositoryLock> lock(new RepositoryLock(repo, info));
    if (auto s = lock->write(info); !s) {
        lock->m_released = true;
        return s.error();
    }
    auto others = list(repo);
    if (!others)
        return others.error(); // the destructor removes our lock
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const LockInfo &other : std::as_const(*others)) {
        if (other.id == info.id || other.isStale(now))
            continue;
        if (exclusive || other.exclusive)
            return makeError(ErrorCode::Transient,
                             QCoreApplication::translate("obnam", "the repository is locked: %1")
                                 .arg(other.describe()),
                             objectname::lock(other.id), Remedy::WaitForLock);
    }
    lock->m_refresher = std::thread([raw = lock.get()] { raw->refreshLoop(); });
    return lock;
}

void RepositoryLock::refreshLoop()
{
    std::unique_lock<std::mutex> guard(m_mutex);
    while (!m_wake.wait_for(guard, std::chrono::seconds(LockInfo::kRefreshSeconds),
                            [this] { return m_stop; })) {
        // A copy: m_info never changes, so info() may be read on any thread meanwhile.
        LockInfo refreshed = m_info;
        refreshed.refreshed = QDateTime::currentDateTimeUtc();
        guard.unlock();
        (void)write(refreshed); // a failed refresh only makes the lock look stale sooner
        guard.lock();
    }
}

Status RepositoryLock::release()
{
    if (m_released)
        return {};
    m_released = true;
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_refresher.joinable())
        m_refresher.join();
    crashpoint::hit("lock-remove-before");
    Status s = m_repo.backend().remove(objectname::lock(m_info.id)).result();
    if (!s && s.error().code == ErrorCode::NotFound)
        return {};
    return s;
}

Result<QList<LockInfo>> RepositoryLock::removeStale(Repository &repo, bool all)
{
    auto locks = list(repo);
    if (!locks)
        return locks.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<LockInfo> removed;
    for (const LockInfo &l : std::as_const(*locks)) {
        if (!all && !l.isStale(now))
            continue;
        Status s = repo.backend().remove(objectname::lock(l.id)).result();
        if (!s && s.error().code != ErrorCode::NotFound)
            return s.error();
        removed.append(l);
    }
    return removed;
}

} // namespace obnam
