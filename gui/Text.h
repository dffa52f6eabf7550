#pragma once

#include "engine/Progress.h"
#include "repo/Lock.h"

#include <QDateTime>
#include <QString>

// How the window words numbers, times and phases, in the user's language.
namespace obnam::gui::text {

QString bytes(qint64 n);               // "12.3 MB"
QString duration(double seconds);      // "1 h 02 min", "3 min 05 s", "12 s"
QString remaining(double seconds);     // an ETA: "a few seconds", or as duration()
QString when(const QDateTime &moment); // "today at 12:30", "yesterday at 09:15", a date
QString phase(Phase phase);            // "Looking for changes", "Storing the generation", ...
QString lock(const LockInfo &lock);    // "a backup on laptop (process 4711), since today at 10:02"

} // namespace obnam::gui::text
