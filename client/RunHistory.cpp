#include "RunHistory.h"
#include "WholeFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fcntl.h>
#include <unistd.h>

namespace obnam::client {

namespace {

const char *const kOutcomes[] = {"succeeded", "warnings", "failed", "cancelled"};

QJsonObject toJson(const Run &run)
{
    QJsonArray warnings;
    for (qsizetype i = 0; i < run.warnings.size() && i < RunHistory::kMaxWarnings; ++i)
        warnings.append(run.warnings[i]);
    return QJsonObject{
        {QStringLiteral("started"), run.started.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration"), run.durationSeconds},
        {QStringLiteral("files"), run.files},
        {QStringLiteral("new_bytes"), run.newBytes},
        {QStringLiteral("outcome"), QLatin1String(kOutcomes[run.outcome])},
        {QStringLiteral("generation"), run.generationId},
        {QStringLiteral("message"), run.message},
        {QStringLiteral("warnings"), warnings},
        {QStringLiteral("warning_count"), run.warnings.size()},
        {QStringLiteral("program"), run.program},
        {QStringLiteral("config"), run.config},
        {QStringLiteral("new_cache_tags"), QJsonArray::fromStringList(run.newCacheTags)}};
}

std::optional<Run> fromJson(const QJsonObject &o)
{
    Run run;
    run.started =
        QDateTime::fromString(o.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs);
    if (!run.started.isValid())
        return std::nullopt;
    run.durationSeconds = o.value(QStringLiteral("duration")).toDouble();
    run.files = o.value(QStringLiteral("files")).toInteger();
    run.newBytes = o.value(QStringLiteral("new_bytes")).toInteger();
    const QString outcome = o.value(QStringLiteral("outcome")).toString();
    run.outcome = Run::Failed;
    for (int i = 0; i < 4; ++i)
        if (outcome == QLatin1String(kOutcomes[i]))
            run.outcome = Run::Outcome(i);
    run.generationId = o.value(QStringLiteral("generation")).toString();
    run.message = o.value(QStringLiteral("message")).toString();
    for (const QJsonValue &w : o.value(QStringLiteral("warnings")).toArray())
        run.warnings.append(w.toString());
    run.program = o.value(QStringLiteral("program")).toString();
    run.config = o.value(QStringLiteral("config")).toString();
    for (const QJsonValue &t : o.value(QStringLiteral("new_cache_tags")).toArray())
        run.newCacheTags.append(t.toString());
    return run;
}

} // namespace

QString outcomeName(Run::Outcome outcome)
{
    switch (outcome) {
    case Run::Succeeded:
        return QCoreApplication::translate("obnam", "succeeded");
    case Run::SucceededWithWarnings:
        return QCoreApplication::translate("obnam", "succeeded with warnings");
    case Run::Failed:
        return QCoreApplication::translate("obnam", "failed");
    case Run::Cancelled:
        return QCoreApplication::translate("obnam", "cancelled");
    }
    return {};
}

Run describeBackup(const QDateTime &started, double durationSeconds,
                   const Result<BackupResult> &result, const ChunkWriterStats &stored,
                   const QString &program)
{
    Run run;
    run.started = started;
    run.durationSeconds = durationSeconds;
    run.program = program;
    run.newBytes = stored.newPlainBytes;
    if (!result) {
        run.outcome = result.error().code == ErrorCode::Cancelled ? Run::Cancelled : Run::Failed;
        run.message = result.error().toString();
        return run;
    }
    run.files = result->fileCount;
    run.generationId = result->generationId;
    for (const ItemWarning &w : result->warnings)
        run.warnings.append(w.path + QStringLiteral(": ") + w.message);
    for (const QByteArray &tag : result->newCacheTags) {
        run.newCacheTags.append(QFileInfo(QString::fromLocal8Bit(tag)).path());
        run.warnings.append(QString::fromLocal8Bit(tag) + QStringLiteral(": ") +
                            QCoreApplication::translate("obnam",
                                                        "new CACHEDIR.TAG: its directory's "
                                                        "contents were not backed up"));
    }
    run.outcome = run.warnings.isEmpty() ? Run::Succeeded : Run::SucceededWithWarnings;
    return run;
}

RunHistory::RunHistory(const Paths &paths)
    : m_file(paths.stateHome() + QStringLiteral("/obnam/runs.jsonl"))
{}

QDateTime lastSuccessOf(const QList<Run> &runs, const QString &configPath)
{
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        if (it->isOf(configPath) && it->succeeded())
            return it->ended();
    }
    return {};
}

QList<Run> RunHistory::load() const
{
    QList<Run> runs;
    QFile f(m_file);
    if (!f.open(QIODevice::ReadOnly))
        return runs;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        if (auto run = fromJson(QJsonDocument::fromJson(line).object()))
            runs.append(*run);
    }
    return runs;
}

Status RunHistory::append(const Run &run) const
{
    const QString dir = QFileInfo(m_file).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot create the history folder"),
                         dir);
    QList<Run> runs = load();
    runs.append(run);
    if (runs.size() > kMaxRuns)
        runs = runs.mid(runs.size() - kMaxRuns);
    // Rewritten whole and renamed into place: two programs appending at once lose at worst
    // one run's line, never the file.
    QByteArray text;
    for (const Run &r : std::as_const(runs))
        text += QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact) + '\n';
    return writeWholeFile(m_file, text,
                          QCoreApplication::translate("obnam", "cannot write the history: "), true);
}

} // namespace obnam::client
