#include "Schedule.h"

#include <QCoreApplication>
#include <QLocale>

namespace obnam::client {

namespace {

const char *const kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                 "friday", "saturday", "sunday"};
const char *const kSystemdDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// The instant `time` names on `date` in `zone`. A time in a spring-forward gap does not
// exist: it is read with the offset in force before the gap, which lands just after it (02:30
// becomes 03:30). Qt's own handling of gaps has changed between versions, so it is not relied on.
QDateTime instant(QDate date, QTime time, const QTimeZone &zone)
{
    QDateTime dt(date, time, zone);
    if (dt.isValid() && dt.date() == date && dt.time() == time)
        return dt.toUTC();
    const QDateTime dayBefore(date.addDays(-1), time, zone);
    const int offset =
        zone.offsetFromUtc(dayBefore.isValid() ? dayBefore : QDateTime(date, QTime(0, 0), zone));
    return QDateTime(date, time, Qt::UTC).addSecs(-offset);
}

bool onDay(const Schedule &s, QDate date)
{
    return s.every != Schedule::Every::Weekly || date.dayOfWeek() == s.weekday;
}

} // namespace

QDateTime Schedule::latestSlot(const QDateTime &now, const QTimeZone &zone) const
{
    switch (every) {
    case Every::Off:
        return {};
    case Every::Hourly: {
        // Offsets change by whole hours here (and by half hours in a few zones, which the
        // local minute below absorbs): the slot is the last local hh:mm with mm = at's minute.
        const qint64 offset = zone.offsetFromUtc(now);
        const qint64 local = now.toSecsSinceEpoch() + offset;
        const qint64 minute = at.minute() * 60;
        const qint64 slot = (local - minute) - ((local - minute) % 3600 + 3600) % 3600 + minute;
        return QDateTime::fromSecsSinceEpoch(slot - offset, Qt::UTC);
    }
    case Every::Daily:
    case Every::Weekly: {
        const QDate today = now.toTimeZone(zone).date();
        for (int back = 0; back <= 8; ++back) {
            const QDate d = today.addDays(-back);
            if (!onDay(*this, d))
                continue;
            const QDateTime slot = instant(d, at, zone);
            if (slot <= now)
                return slot;
        }
        return {};
    }
    }
    return {};
}

QDateTime Schedule::nextSlot(const QDateTime &after, const QTimeZone &zone) const
{
    switch (every) {
    case Every::Off:
        return {};
    case Every::Hourly: {
        QDateTime next = latestSlot(after, zone).addSecs(3600);
        // Across an offset change of half an hour the hour's slot moves: look again.
        const QDateTime check = latestSlot(next, zone);
        return check > after ? check : next;
    }
    case Every::Daily:
    case Every::Weekly: {
        const QDate start = after.toTimeZone(zone).date();
        for (int ahead = 0; ahead <= 8; ++ahead) {
            const QDate d = start.addDays(ahead);
            if (!onDay(*this, d))
                continue;
            const QDateTime slot = instant(d, at, zone);
            if (slot > after)
                return slot;
        }
        return {};
    }
    }
    return {};
}

QString Schedule::onCalendar() const
{
    const QString time = at.toString(QStringLiteral("HH:mm:00"));
    switch (every) {
    case Every::Off:
        return {};
    case Every::Hourly:
        return QStringLiteral("*-*-* *:%1:00").arg(at.minute(), 2, 10, QLatin1Char('0'));
    case Every::Daily:
        return QStringLiteral("*-*-* ") + time;
    case Every::Weekly:
        return QLatin1String(kSystemdDays[weekday - 1]) + QStringLiteral(" *-*-* ") + time;
    }
    return {};
}

QString Schedule::describe() const
{
    const QString time = QLocale().toString(at, QLocale::ShortFormat);
    switch (every) {
    case Every::Off:
        return QCoreApplication::translate("obnam", "not scheduled");
    case Every::Hourly:
        return QCoreApplication::translate("obnam", "every hour at %1 minutes past")
            .arg(at.minute());
    case Every::Daily:
        return QCoreApplication::translate("obnam", "daily at %1").arg(time);
    case Every::Weekly:
        return QCoreApplication::translate("obnam", "every %1 at %2")
            .arg(QLocale().dayName(weekday), time);
    }
    return {};
}

QString Schedule::everyName(Every every)
{
    switch (every) {
    case Every::Off:
        return QStringLiteral("off");
    case Every::Hourly:
        return QStringLiteral("hourly");
    case Every::Daily:
        return QStringLiteral("daily");
    case Every::Weekly:
        return QStringLiteral("weekly");
    }
    return {};
}

std::optional<Schedule::Every> Schedule::parseEvery(const QString &text)
{
    for (Every e : {Every::Off, Every::Hourly, Every::Daily, Every::Weekly})
        if (text == everyName(e))
            return e;
    return std::nullopt;
}

QString Schedule::weekdayName(int weekday)
{
    if (weekday < 1 || weekday > 7)
        return {};
    return QLatin1String(kWeekdays[weekday - 1]);
}

std::optional<int> Schedule::parseWeekday(const QString &text)
{
    const QString lower = text.toLower();
    for (int i = 0; i < 7; ++i)
        if (lower == QLatin1String(kWeekdays[i]) || lower == QLatin1String(kWeekdays[i], 3))
            return i + 1;
    return std::nullopt;
}

} // namespace obnam::client
