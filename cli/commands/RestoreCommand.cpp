#include "Commands.h"

#include "../Format.h"
#include "../Interrupt.h"
#include "engine/RestoreEngine.h"
#include "repo/Lock.h"
#include "repo/Repository.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QScopeGuard>

namespace obnam::cli {

namespace {

class RestoreCommand final : public RepositoryCommand
{
public:
    RestoreCommand()
        : RepositoryCommand(
              QStringLiteral("restore"),
              QStringLiteral(
                  "Restore a generation under DIR, recreating each backed-up path below it "
                  "(/home/u becomes DIR/home/u). Every chunk is verified; a damaged one "
                  "fails the restore and never leaves wrong bytes under a file's name."))
    {
        addOption({QStringLiteral("overwrite"),
                   QStringLiteral("Restore into a non-empty DIR, replacing files.")});
        addOption({QStringLiteral("json"),
                   QStringLiteral("Print progress events and the result as JSON lines.")});
        addNoLockOption();
        addPositional(QStringLiteral("GEN"),
                      QStringLiteral("Generation: latest, an id or a unique prefix."));
        addPositional(QStringLiteral("DIR"), QStringLiteral("Target directory."));
        addPositional(QStringLiteral("PATH"),
                      QStringLiteral("Restore only these backed-up paths and what is below them."),
                      QStringLiteral("[PATH...]"));
        setPositionalRange(2, 1 << 20);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        const QStringList args = parser.positionalArguments();
        auto gen = s.repository->resolveGeneration(args[0]);
        if (!gen)
            return fail(ctx, gen.error());
        RestoreOptions options;
        options.target = QFileInfo(args[1]).absoluteFilePath();
        options.overwrite = parser.isSet(QStringLiteral("overwrite"));
        options.cacheDir = s.cacheDir;
        for (const QString &p : args.mid(2))
            options.paths.append(QFile::encodeName(p));

        const bool json = parser.isSet(QStringLiteral("json"));
        const bool live = ctx.stderrIsTerminal && !json;
        Stopper<RestoreEngine> stopper;
        const InterruptScope interrupts(&Stopper<RestoreEngine>::cancel, &stopper);
        // Shared: backups, restores and checks run side by side; prune waits for them.
        auto lock = readingLock(ctx, parser, s, QStringLiteral("restore"));
        if (!lock)
            return fail(ctx, lock.error());
        RestoreEngine engine(*s.repository, *gen, options);
        stopper.attach(&engine);
        const auto detach = qScopeGuard([&] { stopper.attach(nullptr); });
        QObject listener;
        QObject::connect(
            &engine, &RestoreEngine::progress, &listener, [&](const RestoreProgress &p) {
                if (json)
                    ctx.out << format::jsonLine(format::restoreProgressJson(p));
                else if (live)
                    ctx.err << "\r\x1b[K" << format::restoreProgressLine(p) << Qt::flush;
            });
        auto result = engine.run();
        if (live)
            ctx.err << "\r\x1b[K" << Qt::flush;
        if (!result)
            return fail(ctx, result.error());
        const bool interrupted =
            result->stoppedBy && result->stoppedBy->code == ErrorCode::Cancelled;
        const int status = interrupted                ? interrupts.exitStatus()
                           : result->errors.isEmpty() ? ExitOk
                                                      : ExitError;
        if (json) {
            QJsonArray warnings, errors;
            for (const ItemWarning &w : std::as_const(result->warnings))
                warnings.append(QJsonObject{{QStringLiteral("path"), w.path},
                                            {QStringLiteral("message"), w.message}});
            for (const ItemWarning &w : std::as_const(result->errors))
                errors.append(QJsonObject{{QStringLiteral("path"), w.path},
                                          {QStringLiteral("message"), w.message}});
            ctx.out << format::jsonLine(QJsonObject{
                {QStringLiteral("event"), QStringLiteral("result")},
                {QStringLiteral("status"),
                 status == ExitOk ? QStringLiteral("OK") : QStringLiteral("ERROR")},
                {QStringLiteral("generation_id"), gen->id},
                {QStringLiteral("files"), result->files},
                {QStringLiteral("bytes"), result->bytes},
                {QStringLiteral("warnings"), warnings},
                {QStringLiteral("errors"), errors},
                {QStringLiteral("stopped"),
                 result->stoppedBy ? QJsonValue(result->stoppedBy->message) : QJsonValue()},
                {QStringLiteral("duration"), result->durationSeconds}});
            return status;
        }
        for (const ItemWarning &w : std::as_const(result->warnings))
            ctx.out << "warning: " << w.path << ": " << w.message << "\n";
        for (const ItemWarning &w : std::as_const(result->errors))
            ctx.err << "error: " << w.path << ": " << w.message << "\n";
        if (result->stoppedBy)
            ctx.err << (interrupted ? "interrupted: the restore stopped"
                                    : "error: the restore stopped: the target's file system is "
                                      "full")
                    << "; " << result->files << " entries were restored whole under "
                    << options.target
                    << " before it, and no file was left half-written. The repository is "
                       "unchanged"
                    << (interrupted ? "."
                                    : "; free space and run the restore again with --overwrite.")
                    << "\n";
        ctx.out << "status: " << (status == ExitOk ? "OK" : "ERROR") << "\n"
                << "restored-files: " << result->files << "\n"
                << "errors: " << result->errors.size() << "\n"
                << "duration: " << qint64(result->durationSeconds + 0.5) << "\n";
        return status;
    }
};

} // namespace

std::unique_ptr<Command> makeRestoreCommand()
{
    return std::make_unique<RestoreCommand>();
}

} // namespace obnam::cli
