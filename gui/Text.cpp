#include "Text.h"

#include <QCoreApplication>
#include <QLocale>

namespace obnam::gui::text {

QString bytes(qint64 n)
{
    return QLocale().formattedDataSize(n, 1, QLocale::DataSizeSIFormat);
}

QString duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QCoreApplication::translate("Text", "%1 h %2 min")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return QCoreApplication::translate("Text", "%1 min %2 s")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Text", "%1 s").arg(s);
}

QString remaining(double seconds)
{
    // An estimate this short changes faster than it can be read.
    if (seconds < 10)
        return QCoreApplication::translate("Text", "a few seconds");
    return duration(seconds);
}

QString when(const QDateTime &moment)
{
    const QDateTime local = moment.toLocalTime();
    const QDate today = QDate::currentDate();
    const QString time = QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return QCoreApplication::translate("Text", "today at %1").arg(time);
    if (local.date() == today.addDays(-1))
        return QCoreApplication::translate("Text", "yesterday at %1").arg(time);
    if (local.date() == today.addDays(1))
        return QCoreApplication::translate("Text", "tomorrow at %1").arg(time);
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString lock(const LockInfo &lock)
{
    QString what;
    if (lock.purpose == QStringLiteral("backup"))
        what = QCoreApplication::translate("Text", "a backup");
    else if (lock.purpose == QStringLiteral("restore"))
        what = QCoreApplication::translate("Text", "a restore");
    else if (lock.purpose == QStringLiteral("check"))
        what = QCoreApplication::translate("Text", "a check");
    else // forget, prune, repair: maintenance that holds the repository alone
        what = QCoreApplication::translate("Text", "maintenance (%1)").arg(lock.purpose);
    return QCoreApplication::translate("Text", "%1 on %2 (process %3), since %4")
        .arg(what, lock.hostname)
        .arg(lock.pid)
        .arg(when(lock.created));
}

QString phase(Phase phase)
{
    switch (phase) {
    case Phase::Starting:
        return QCoreApplication::translate("Text", "Starting");
    case Phase::Scanning:
        return QCoreApplication::translate("Text", "Looking for changes and storing them");
    case Phase::Committing:
        return QCoreApplication::translate("Text", "Storing the new generation");
    case Phase::Fetching:
        return QCoreApplication::translate("Text", "Getting the list of files");
    case Phase::Restoring:
        return QCoreApplication::translate("Text", "Restoring files");
    case Phase::CheckingIndex:
    case Phase::CheckingPacks:
    case Phase::CheckingGenerations:
        return QCoreApplication::translate("Text", "Checking the repository");
    case Phase::ReadingData:
        return QCoreApplication::translate("Text", "Reading the data back");
    case Phase::Referencing:
    case Phase::Planning:
    case Phase::Repacking:
    case Phase::Indexing:
    case Phase::Deleting:
        return QCoreApplication::translate("Text", "Freeing space");
    case Phase::ReadingPacks:
        return QCoreApplication::translate("Text", "Repairing");
    case Phase::Done:
        return QCoreApplication::translate("Text", "Done");
    }
    return {};
}

} // namespace obnam::gui::text
