#include "Format.h"

#include <QDateTime>
#include <QJsonDocument>

namespace obnam::cli::format {

QString bytes(qint64 n)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(n);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    return u == 0 ? QStringLiteral("%1 B").arg(n)
                  : QStringLiteral("%1 %2").arg(v, 0, 'f', 1).arg(QLatin1String(units[u]));
}

QString duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

namespace {

// ", ETA 2:03" when the core knows one.
QString eta(const OperationProgress &p)
{
    return p.etaSeconds >= 0 ? QStringLiteral(", ETA %1").arg(duration(p.etaSeconds)) : QString();
}

} // namespace

QString backupProgressLine(const BackupProgress &p)
{
    return QStringLiteral("%1: %2 files, %3, %4/s")
               .arg(phaseName(p.phase))
               .arg(p.files)
               .arg(bytes(p.bytes), bytes(qint64(p.bytesPerSecond))) +
           eta(p);
}

QString restoreProgressLine(const RestoreProgress &p)
{
    return QStringLiteral("%1: %2/%3 files, %4 of %5, %6/s")
               .arg(phaseName(p.phase))
               .arg(p.files)
               .arg(p.filesTotal)
               .arg(bytes(p.bytes), bytes(p.bytesTotal), bytes(qint64(p.bytesPerSecond))) +
           eta(p);
}

QString stepsProgressLine(const OperationProgress &p)
{
    if (p.phase == Phase::ReadingData && p.bytesTotal > 0)
        return QStringLiteral("reading packs: %1/%2, %3 of %4, %5/s")
                   .arg(p.steps)
                   .arg(p.stepsTotal)
                   .arg(bytes(p.bytes), bytes(p.bytesTotal), bytes(qint64(p.bytesPerSecond))) +
               eta(p);
    return QStringLiteral("%1: %2/%3").arg(phaseName(p.phase)).arg(p.steps).arg(p.stepsTotal);
}

QJsonObject backupProgressJson(const BackupProgress &p)
{
    return QJsonObject{
        {QStringLiteral("event"), QStringLiteral("progress")},
        {QStringLiteral("phase"), phaseName(p.phase)},
        {QStringLiteral("files"), p.files},
        {QStringLiteral("bytes"), p.bytes},
        {QStringLiteral("new_bytes"), p.bytesRead},
        {QStringLiteral("expected_bytes"), p.bytesTotal},
        {QStringLiteral("expected_bytes_final"), p.bytesTotalFinal},
        {QStringLiteral("uploaded_bytes"), p.bytesUploaded},
        {QStringLiteral("rate"), p.bytesPerSecond},
        {QStringLiteral("eta"), p.etaSeconds >= 0 ? QJsonValue(p.etaSeconds) : QJsonValue()},
        {QStringLiteral("elapsed"), p.elapsedSeconds}};
}

QJsonObject restoreProgressJson(const RestoreProgress &p)
{
    return QJsonObject{
        {QStringLiteral("event"), QStringLiteral("progress")},
        {QStringLiteral("phase"), phaseName(p.phase)},
        {QStringLiteral("files"), p.files},
        {QStringLiteral("total_files"), p.filesTotal},
        {QStringLiteral("bytes"), p.bytes},
        {QStringLiteral("total_bytes"), p.bytesTotal},
        {QStringLiteral("rate"), p.bytesPerSecond},
        {QStringLiteral("eta"), p.etaSeconds >= 0 ? QJsonValue(p.etaSeconds) : QJsonValue()},
        {QStringLiteral("elapsed"), p.elapsedSeconds}};
}

QString path(const QByteArray &raw)
{
    return QString::fromLocal8Bit(raw);
}

QJsonObject fileJson(const FileEntry &e)
{
    return QJsonObject{
        {QStringLiteral("path"), path(e.path)},
        {QStringLiteral("kind"), QString(kindLetter(e.kind))},
        {QStringLiteral("reason"), reasonName(e.reason)},
        {QStringLiteral("size"), e.size},
        {QStringLiteral("mode"), QStringLiteral("%1").arg(e.mode, 4, 8, QLatin1Char('0'))},
        {QStringLiteral("mtime"),
         QDateTime::fromMSecsSinceEpoch(e.mtimeNs / 1000000, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("mtime_ns"), e.mtimeNs},
        {QStringLiteral("uid"), qint64(e.uid)},
        {QStringLiteral("gid"), qint64(e.gid)},
        {QStringLiteral("user"), e.user},
        {QStringLiteral("group"), e.group},
        {QStringLiteral("target"),
         e.kind == FileKind::Symlink ? QJsonValue(path(e.target)) : QJsonValue()},
    };
}

QString jsonLine(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
}

} // namespace obnam::cli::format
