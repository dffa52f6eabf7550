#include "ScheduleState.h"
#include "WholeFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>

namespace obnam::client {

namespace {

QJsonValue when(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QDateTime when(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODate).toUTC();
}

QJsonObject readAll(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.read(1024 * 1024)).object();
}

Status makeFolderFor(const QString &path)
{
    if (QDir().mkpath(QFileInfo(path).absolutePath()))
        return {};
    return makeError(
        ErrorCode::Io,
        QCoreApplication::translate("obnam", "cannot create the folder of the schedule's state"),
        path);
}

} // namespace

QString ScheduleState::file(const Paths &paths)
{
    return paths.stateHome() + QStringLiteral("/obnam/schedule.json");
}

ScheduleState ScheduleState::load(const Paths &paths, const QString &configPath)
{
    const QJsonObject o = readAll(file(paths)).value(configPath).toObject();
    ScheduleState s;
    s.lastAttempt = when(o.value(QStringLiteral("last_attempt")));
    s.lastFailure = when(o.value(QStringLiteral("last_failure")));
    s.lastPrune = when(o.value(QStringLiteral("last_prune")));
    s.pausedUntil = when(o.value(QStringLiteral("paused_until")));
    s.pausedUntilResumed = o.value(QStringLiteral("paused_until_resumed")).toBool();
    s.diskMissingSince = when(o.value(QStringLiteral("disk_missing_since")));
    s.overdueNoticeAt = when(o.value(QStringLiteral("overdue_notice")));
    s.diskNoticeAt = when(o.value(QStringLiteral("disk_notice")));
    s.scheduledSince = when(o.value(QStringLiteral("scheduled_since")));
    return s;
}

Status ScheduleState::save(const Paths &paths, const QString &configPath) const
{
    const QString path = file(paths);
    if (Status made = makeFolderFor(path); !made)
        return made;
    QJsonObject all = readAll(path);
    all.insert(configPath, QJsonObject{
                               {QStringLiteral("last_attempt"), when(lastAttempt)},
                               {QStringLiteral("last_failure"), when(lastFailure)},
                               {QStringLiteral("last_prune"), when(lastPrune)},
                               {QStringLiteral("paused_until"), when(pausedUntil)},
                               {QStringLiteral("paused_until_resumed"), pausedUntilResumed},
                               {QStringLiteral("disk_missing_since"), when(diskMissingSince)},
                               {QStringLiteral("overdue_notice"), when(overdueNoticeAt)},
                               {QStringLiteral("disk_notice"), when(diskNoticeAt)},
                               {QStringLiteral("scheduled_since"), when(scheduledSince)},
                           });
    return writeWholeFile(
        path, QJsonDocument(all).toJson(),
        QCoreApplication::translate("obnam", "cannot write the schedule's state: "), true);
}

Status ScheduleState::update(const Paths &paths, const QString &configPath,
                             const std::function<void(ScheduleState &)> &change)
{
    const QString path = file(paths);
    if (Status made = makeFolderFor(path); !made)
        return made;
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(10000))
        return makeError(ErrorCode::Transient,
                         QCoreApplication::translate("obnam", "the schedule's state is locked"),
                         path);
    ScheduleState state = load(paths, configPath);
    change(state);
    return state.save(paths, configPath);
}

} // namespace obnam::client
