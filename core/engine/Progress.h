#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace obnam {

// Where an operation is. One list for every operation, so one view can show any of them.
enum class Phase
{
    Starting,
    // backup
    Scanning,   // walking the roots, reading and storing what changed
    Committing, // storing the generation's database and record
    // restore
    Fetching,  // getting the generation's database
    Restoring, // writing files
    // check
    CheckingIndex,
    CheckingPacks,
    ReadingData, // reading packs back and verifying every chunk
    CheckingGenerations,
    // prune
    Referencing, // finding what the kept generations use
    Planning,
    Repacking,
    Indexing, // replacing the index
    Deleting,
    // repair
    ReadingPacks,
    Done,
};

// The words obnam-cli has always printed and put in its JSON for a phase ("scanning").
QString phaseName(Phase phase);

// How far an operation is: what every engine reports, as a plain value on its progress signal.
// Text, JSON and widget views are interchangeable listeners of it. Counters that do not apply
// to an operation stay 0; a total of 0 is unknown.
struct OperationProgress
{
    Phase phase = Phase::Starting;
    qint64 files = 0;      // entries done: walked (backup), restored, looked at
    qint64 filesTotal = 0; // restore: entries to restore
    qint64 bytes = 0;      // bytes done: of files examined (backup), written (restore), read
                           // back (check)
    // Bytes there are to do: restore and check the known amount; a backup what the metadata
    // read-ahead has found so far, or the previous generation's size while that is bigger (it
    // grows while the read-ahead goes on; bytesTotalFinal says when it is all).
    qint64 bytesTotal = 0;
    bool bytesTotalFinal = false;
    qint64 bytesRead = 0;     // backup: bytes of files read because new or changed
    qint64 bytesUploaded = 0; // backup: bytes of packs stored
    qint64 steps = 0;         // check, prune, repair: packs or generations done
    qint64 stepsTotal = 0;
    QByteArray currentPath; // the entry being worked on, where there is one
    double elapsedSeconds = 0;
    double bytesPerSecond = 0; // over the last seconds (RateEstimator)
    double etaSeconds = -1;    // -1: unknown
};

// The names the engines' signals have always used.
using BackupProgress = OperationProgress;
using RestoreProgress = OperationProgress;
using CheckProgress = OperationProgress;
using PruneProgress = OperationProgress;
using RepairProgress = OperationProgress;

// A problem with one item that does not stop the whole operation.
struct ItemWarning
{
    QString path;
    QString message;
};

} // namespace obnam

Q_DECLARE_METATYPE(obnam::OperationProgress)
Q_DECLARE_METATYPE(obnam::ItemWarning)
