#include "Commands.h"

#include "../Format.h"
#include "../Interrupt.h"
#include "engine/RestoreEngine.h"
#include "engine/RestorePreview.h"
#include "repo/Lock.h"
#include "repo/Repository.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

namespace obnam::cli {

namespace {

QJsonArray pathsJson(const QList<QByteArray> &paths)
{
    QJsonArray out;
    for (const QByteArray &p : paths)
        out.append(format::path(p));
    return out;
}

QJsonArray besidesJson(const QList<QPair<QByteArray, QByteArray>> &besides, const QString &target)
{
    QJsonArray out;
    for (const auto &[p, beside] : besides)
        out.append(QJsonObject{{QStringLiteral("path"), format::path(p)},
                               {QStringLiteral("restored_as"),
                                format::path(QFile::encodeName(target) + '/' + beside)}});
    return out;
}

const char *existingWord(RestoreOptions::Existing how)
{
    switch (how) {
    case RestoreOptions::Existing::Overwrite:
        return "overwrite";
    case RestoreOptions::Existing::Skip:
        return "skip";
    case RestoreOptions::Existing::KeepBoth:
        return "keep-both";
    case RestoreOptions::Existing::Refuse:
        break;
    }
    return "refuse";
}

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
        addOption({QStringLiteral("skip-existing"),
                   QStringLiteral("Restore into a non-empty DIR, leaving files that are there "
                                  "alone.")});
        addOption({QStringLiteral("keep-both"),
                   QStringLiteral("Restore into a non-empty DIR; a file whose place is taken is "
                                  "restored beside it as \"NAME (restored).EXT\".")});
        addOption({QStringLiteral("dry-run"),
                   QStringLiteral("Write nothing: list what would be created, overwritten (or "
                                  "skipped, or kept beside) and not restored, and the bytes "
                                  "needed against the free space of DIR's file system. Exits "
                                  "non-zero when the restore would not go ahead.")});
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

private:
    // --dry-run: the preview, and whether the restore would go ahead.
    int dryRun(CliContext &ctx, const QCommandLineParser &parser, Session &s,
               const GenerationRecord &gen, const RestoreOptions &options) const
    {
        auto preview = previewRestore(*s.repository, gen, options);
        if (!preview)
            return fail(ctx, preview.error());
        const RestoreOptions::Existing how = options.existing;
        const bool refused = preview->targetNotEmpty && how == RestoreOptions::Existing::Refuse;
        const bool fits = preview->fits(how);
        const qint64 needed = preview->bytesNeeded(how);
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray skipped;
            for (const ItemWarning &w : std::as_const(preview->skipped))
                skipped.append(QJsonObject{{QStringLiteral("path"), w.path},
                                           {QStringLiteral("message"), w.message}});
            ctx.out << QJsonDocument(
                           QJsonObject{
                               {QStringLiteral("dry_run"), true},
                               {QStringLiteral("generation_id"), gen.id},
                               {QStringLiteral("target"), options.target},
                               {QStringLiteral("create"), pathsJson(preview->create)},
                               {QStringLiteral("existing"), pathsJson(preview->existing)},
                               {QStringLiteral("existing_action"),
                                QLatin1String(existingWord(how))},
                               {QStringLiteral("not_restored"), skipped},
                               {QStringLiteral("bytes_needed"), needed},
                               {QStringLiteral("free_bytes"), preview->freeBytes},
                               {QStringLiteral("volume"), preview->volume},
                               {QStringLiteral("target_not_empty"), preview->targetNotEmpty},
                               {QStringLiteral("would_restore"), !refused && fits}})
                           .toJson(QJsonDocument::Indented);
            return refused || !fits ? ExitError : ExitOk;
        }
        const char *verb = how == RestoreOptions::Existing::Overwrite  ? "overwrite"
                           : how == RestoreOptions::Existing::Skip     ? "skip"
                           : how == RestoreOptions::Existing::KeepBoth ? "keep both"
                                                                       : "exists";
        for (const QByteArray &p : std::as_const(preview->create))
            ctx.out << "create " << format::path(p) << "\n";
        for (const QByteArray &p : std::as_const(preview->existing))
            ctx.out << verb << " " << format::path(p) << "\n";
        for (const ItemWarning &w : std::as_const(preview->skipped))
            ctx.out << "not restored " << w.path << ": " << w.message << "\n";
        ctx.out << "dry run: nothing was written\n"
                << "create: " << preview->create.size() << " ("
                << format::bytes(preview->createBytes) << ")\n"
                << "existing: " << preview->existing.size() << " ("
                << format::bytes(preview->existingBytes) << ", "
                << (how == RestoreOptions::Existing::Overwrite  ? "overwritten"
                    : how == RestoreOptions::Existing::Skip     ? "skipped"
                    : how == RestoreOptions::Existing::KeepBoth ? "restored beside them"
                                                                : "the restore would refuse")
                << ")\n"
                << "not restored: " << preview->skipped.size() << "\n"
                << "bytes needed: " << format::bytes(needed) << "\n";
        if (preview->freeBytes >= 0)
            ctx.out << "free: " << format::bytes(preview->freeBytes) << " on " << preview->volume
                    << "\n";
        if (refused)
            ctx.err << "error: " << options.target
                    << " is not empty: the restore would refuse it; add --overwrite, "
                       "--skip-existing or --keep-both\n";
        if (!fits)
            ctx.err << "error: the restore needs " << format::bytes(needed) << " but "
                    << preview->volume << " has " << format::bytes(preview->freeBytes) << " free\n";
        return refused || !fits ? ExitError : ExitOk;
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
        const int modes = int(parser.isSet(QStringLiteral("overwrite"))) +
                          int(parser.isSet(QStringLiteral("skip-existing"))) +
                          int(parser.isSet(QStringLiteral("keep-both")));
        if (modes > 1)
            return usage(ctx, QStringLiteral("choose one of --overwrite, --skip-existing and "
                                             "--keep-both"));
        options.existing =
            parser.isSet(QStringLiteral("overwrite"))       ? RestoreOptions::Existing::Overwrite
            : parser.isSet(QStringLiteral("skip-existing")) ? RestoreOptions::Existing::Skip
            : parser.isSet(QStringLiteral("keep-both"))     ? RestoreOptions::Existing::KeepBoth
                                                            : RestoreOptions::Existing::Refuse;
        options.cacheDir = s.cacheDir;
        for (const QString &p : args.mid(2))
            options.paths.append(QFile::encodeName(p));
        if (parser.isSet(QStringLiteral("dry-run")))
            return dryRun(ctx, parser, s, *gen, options);

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
                {QStringLiteral("skipped_existing"), pathsJson(result->skipped)},
                {QStringLiteral("kept_both"), besidesJson(result->besides, options.target)},
                {QStringLiteral("errors"), errors},
                {QStringLiteral("stopped"),
                 result->stoppedBy ? QJsonValue(result->stoppedBy->message) : QJsonValue()},
                {QStringLiteral("duration"), result->durationSeconds}});
            return status;
        }
        for (const QByteArray &p : std::as_const(result->skipped))
            ctx.out << "skipped (exists): " << format::path(p) << "\n";
        for (const auto &[p, beside] : std::as_const(result->besides))
            ctx.out << "kept both: " << format::path(p) << " restored as "
                    << format::path(QFile::encodeName(options.target) + '/' + beside) << "\n";
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
