#pragma once

#include "engine/Progress.h"
#include "gen/FileEntry.h"

#include <QJsonObject>
#include <QString>

namespace obnam::cli::format {

// "12.3 MiB"
QString bytes(qint64 n);
// "1:02:03" or "2:03"
QString duration(double seconds);
// One progress line for a terminal: phase, files, bytes, rate and, when known, an ETA.
QString backupProgressLine(const BackupProgress &p);
QString restoreProgressLine(const RestoreProgress &p);
// check, prune, repair: "phase: done/total", or packs and bytes while reading data back.
QString stepsProgressLine(const OperationProgress &p);
QJsonObject backupProgressJson(const BackupProgress &p);
QJsonObject restoreProgressJson(const RestoreProgress &p);
// Paths are raw bytes; shown as the locale decodes them.
QString path(const QByteArray &raw);
QJsonObject fileJson(const FileEntry &e);
// A compact single-line JSON document followed by a newline.
QString jsonLine(const QJsonObject &o);

} // namespace obnam::cli::format
