#pragma once

#include <QMetaType>
#include <QString>

namespace obnam {

// Plain structs the engines emit; text, JSON and widget views are interchangeable listeners.
struct BackupProgress
{
    QString phase;            // "scanning", "uploading", "committing", "done"
    qint64 files = 0;         // entries processed
    qint64 bytes = 0;         // bytes of regular files processed (read or found unchanged)
    qint64 newBytes = 0;      // bytes that had to be read
    qint64 expectedBytes = 0; // the previous generation's total, for an ETA; 0 when unknown
    double elapsedSeconds = 0;
};

struct RestoreProgress
{
    QString phase; // "fetching", "restoring", "done"
    qint64 files = 0;
    qint64 totalFiles = 0;
    qint64 bytes = 0;
    qint64 totalBytes = 0;
    double elapsedSeconds = 0;
};

// A problem with one item that does not stop the whole operation.
struct ItemWarning
{
    QString path;
    QString message;
};

} // namespace obnam

Q_DECLARE_METATYPE(obnam::BackupProgress)
Q_DECLARE_METATYPE(obnam::RestoreProgress)
Q_DECLARE_METATYPE(obnam::ItemWarning)
