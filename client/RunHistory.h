#pragma once

#include "Paths.h"
#include "engine/BackupEngine.h"
#include "support/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace obnam::client {

// One backup run, as a person wants to see it afterwards.
struct Run
{
    enum Outcome
    {
        Succeeded,
        SucceededWithWarnings,
        Failed,
        Cancelled,
    };
    QDateTime started;
    double durationSeconds = 0;
    qint64 files = 0;
    qint64 newBytes = 0; // bytes of new data stored
    Outcome outcome = Succeeded;
    QString generationId;
    QString message;          // why it failed, for Failed
    QStringList warnings;     // "path: message", as many as were kept
    QStringList newCacheTags; // folders left out for a CACHEDIR.TAG new in this backup
    QString program;          // "obnam-cli" or "obnam-gui"
    QString config;           // the configuration file backed up (absolute); empty in old entries

    QDateTime ended() const { return started.addMSecs(qint64(durationSeconds * 1000)); }
    bool succeeded() const { return outcome == Succeeded || outcome == SucceededWithWarnings; }
    // Whether this run backed up the configuration at `configPath` (an absolute path). Runs
    // recorded before the field existed count for every configuration.
    bool isOf(const QString &configPath) const { return config.isEmpty() || config == configPath; }
};

QString outcomeName(Run::Outcome outcome);

// When the newest successful backup of `configPath` ended, or an invalid time if none did.
// Newest in the order runs were written, not by time: after the clock was set back, a newer
// run may carry an older time. A success counts from when it ended. obnam-cli's `schedule
// run` and obnam-gui's scheduler both decide from this.
QDateTime lastSuccessOf(const QList<Run> &runs, const QString &configPath);

// The run a backup's result (or its failure) describes; `stored` is what it stored either way.
Run describeBackup(const QDateTime &started, double durationSeconds,
                   const Result<BackupResult> &result, const ChunkWriterStats &stored,
                   const QString &program);

// The runs of this user's backups, newest last, kept in $XDG_STATE_HOME/obnam/runs.jsonl (one
// JSON object a line, mode 0600) by obnam-cli and obnam-gui alike, so each shows the other's.
// It holds paths of files that could not be read, never secrets. Only the latest kMaxRuns are
// kept, and at most kMaxWarnings warnings of each.
class RunHistory
{
public:
    explicit RunHistory(const Paths &paths);
    QString file() const { return m_file; }

    Status append(const Run &run) const;
    // Newest last; lines that do not parse are skipped.
    QList<Run> load() const;

    static constexpr int kMaxRuns = 200;
    static constexpr int kMaxWarnings = 1000;

private:
    QString m_file;
};

} // namespace obnam::client
