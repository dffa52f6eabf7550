#pragma once

#include "engine/Progress.h"
#include "support/OperationControl.h"
#include "support/Result.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace obnam {

class Repository;

struct CheckOptions
{
    enum class ReadData
    {
        None,     // structure only
        All,      // every pack
        Fraction, // a random `fraction` of the packs
        Slice,    // packs whose id falls in slice `slice` of `slices` (1-based)
    };
    ReadData readData = ReadData::None;
    double fraction = 0;
    int slice = 1;
    int slices = 1;
    QString cacheDir; // where generation databases are cached
};

// A damaged or missing object.
struct CheckFinding
{
    QString object; // repository object name
    QString message;
};

// A backed-up file that cannot be restored whole because of a finding.
struct AffectedFile
{
    QString generation;
    QByteArray path;
    QString reason;
};

struct CheckReport
{
    QList<CheckFinding> damaged;
    QList<AffectedFile> affected;
    QStringList notes; // not damage: e.g. packs no index names (left by an interrupted backup)
    int generations = 0;
    int keySlots = 0;
    int indexObjects = 0;
    int packs = 0;
    int packsRead = 0;
    qint64 chunks = 0;
    qint64 bytesRead = 0;
    qint64 filesChecked = 0;
    double durationSeconds = 0;
    bool healthy() const { return damaged.isEmpty() && affected.isEmpty(); }
};

// Verifies a repository: every key slot's authentication code, every generation record and
// database, every chunk each file needs present in the index and inside an existing pack, index
// entries inside their packs; with read-data, every selected pack downloaded, hashed, its header
// authenticated and every chunk decrypted and compared with its id. Runs on the calling (worker)
// thread.
class Checker : public QObject, public Controllable
{
    Q_OBJECT

public:
    Checker(Repository &repository, CheckOptions options, QObject *parent = nullptr);

    // An Error only when checking itself cannot go on (storage unreachable); damage is in
    // the report.
    Result<CheckReport> run();

Q_SIGNALS:
    void progress(const obnam::CheckProgress &progress);

private:
    struct State;
    Status checkPacks(State &state);
    Status readData(State &state);
    Status checkGenerations(State &state);
    void report(State &state, Phase phase, qint64 done, qint64 total, qint64 bytes = 0,
                qint64 totalBytes = 0);

    Repository &m_repo;
    CheckOptions m_options;
};

} // namespace obnam
