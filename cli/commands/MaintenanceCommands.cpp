// forget, prune, repair and unlock: the commands that remove or rewrite repository objects.
// Each takes the repository's exclusive lock, so no backup, restore or check runs meanwhile.
#include "Commands.h"

#include "../Format.h"
#include "Forget.h"
#include "backend/ObjectName.h"
#include "maint/Checker.h"
#include "maint/Pruner.h"
#include "maint/Repairer.h"
#include "maint/Retention.h"
#include "repo/Lock.h"
#include "repo/Repository.h"
#include "support/CrashPoint.h"

#include <QFile>

namespace obnam::cli {

namespace {

const char *const kKeepOptions[][2] = {
    {"keep-last", "Keep the newest N generations."},
    {"keep-hourly", "Keep the newest generation of each of the last N hours that have one."},
    {"keep-daily", "Keep the newest generation of each of the last N days that have one."},
    {"keep-weekly", "Keep the newest generation of each of the last N weeks that have one."},
    {"keep-monthly", "Keep the newest generation of each of the last N months that have one."},
    {"keep-yearly", "Keep the newest generation of each of the last N years that have one."},
};

class ForgetCommand final : public RepositoryCommand
{
public:
    ForgetCommand()
        : RepositoryCommand(
              QStringLiteral("forget"),
              QStringLiteral("Remove the generations a retention policy does not keep (from "
                             "--keep-* options, else the keep_* configuration keys). Only the "
                             "generation records go; 'prune' then frees the data no kept "
                             "generation uses."))
    {
        for (const auto &o : kKeepOptions)
            addOption({QLatin1String(o[0]), QLatin1String(o[1]), QStringLiteral("N")});
        addOption({QStringLiteral("dry-run"),
                   QStringLiteral("Show what would be kept and removed; change nothing.")});
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        RetentionPolicy policy = s.config.retention;
        bool fromOptions = false;
        int *fields[] = {&policy.last,   &policy.hourly,  &policy.daily,
                         &policy.weekly, &policy.monthly, &policy.yearly};
        for (const auto &o : kKeepOptions)
            fromOptions = fromOptions || parser.isSet(QLatin1String(o[0]));
        if (fromOptions) {
            policy = RetentionPolicy{};
            for (size_t i = 0; i < std::size(kKeepOptions); ++i) {
                const QString name = QLatin1String(kKeepOptions[i][0]);
                if (!parser.isSet(name))
                    continue;
                bool ok = false;
                const int n = parser.value(name).toInt(&ok);
                if (!ok || n < 0)
                    return usage(ctx, QStringLiteral("--%1 takes a count, not '%2'")
                                          .arg(name, parser.value(name)));
                *fields[i] = n;
            }
        }
        if (policy.isEmpty())
            return usage(ctx, QStringLiteral("no retention policy: give --keep-last, "
                                             "--keep-daily, ... or set keep_* in the "
                                             "configuration (forget never removes everything)"));
        const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
        auto report = client::forget(s, policy, dryRun, [&](const RetentionDecision &d) {
            const QString when = d.generation.finished.toLocalTime().toString(Qt::ISODate);
            if (d.keep)
                ctx.out << "keep   " << d.generation.id << "  " << when << "  "
                        << d.reasons.join(QStringLiteral(", ")) << "\n";
            else
                ctx.out << (dryRun ? "would remove " : "remove ") << d.generation.id << "  " << when
                        << "\n";
        });
        if (!report)
            return fail(ctx, report.error());
        const int removed = report->removed;
        ctx.out << "generations: " << report->generations << ", "
                << (dryRun ? "would remove: " : "removed: ") << removed << "\n";
        if (!dryRun && removed > 0)
            ctx.out << "Run 'obnam-cli prune' to free the space only they used.\n";
        return ExitOk;
    }
};

class PruneCommand final : public RepositoryCommand
{
public:
    PruneCommand()
        : RepositoryCommand(
              QStringLiteral("prune"),
              QStringLiteral("Delete data that no generation uses. Packs with nothing in use "
                             "are deleted; packs mostly unused are rewritten with what is still "
                             "used. Stops before deleting anything if it cannot prove what is "
                             "unused (a damaged object, or an index that disagrees with the "
                             "storage)."))
    {
        addOption({QStringLiteral("dry-run"), QStringLiteral("Show the plan; change nothing.")});
        addOption({QStringLiteral("repack-threshold"),
                   QStringLiteral("Rewrite a pack when more than PERCENT of it is unused "
                                  "(default 50)."),
                   QStringLiteral("PERCENT")});
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        PruneOptions options;
        options.dryRun = parser.isSet(QStringLiteral("dry-run"));
        options.cacheDir = s.cacheDir;
        options.compressionLevel = s.config.compression;
        if (parser.isSet(QStringLiteral("repack-threshold"))) {
            bool ok = false;
            const double p = parser.value(QStringLiteral("repack-threshold")).toDouble(&ok);
            if (!ok || p < 0 || p > 100)
                return usage(ctx, QStringLiteral("--repack-threshold takes a percentage from 0 "
                                                 "to 100"));
            options.repackThreshold = p / 100.0;
        }
        auto lock = RepositoryLock::acquire(*s.repository, true, QStringLiteral("prune"));
        if (!lock)
            return fail(ctx, lock.error());
        Pruner pruner(*s.repository, options);
        QObject listener;
        QObject::connect(&pruner, &Pruner::progress, &listener, [&](const OperationProgress &p) {
            if (ctx.stderrIsTerminal)
                ctx.err << "\r\x1b[K" << format::stepsProgressLine(p) << Qt::flush;
        });
        auto report = pruner.run();
        if (ctx.stderrIsTerminal)
            ctx.err << "\r\x1b[K" << Qt::flush;
        if (!report)
            return fail(ctx, report.error());
        const char *verb = options.dryRun ? "would delete" : "deleted";
        ctx.out << "generations: " << report->generations << "\n"
                << "referenced-chunks: " << report->referencedChunks << "\n"
                << "packs: " << report->packs << "\n"
                << "unused-packs " << verb << ": " << report->packsDeleted << "\n"
                << "packs " << (options.dryRun ? "would be " : "")
                << "repacked: " << report->packsRepacked << "\n"
                << "packs in no index " << verb << ": " << report->orphanPacks << " ("
                << format::bytes(report->orphanBytes) << ")\n"
                << "bytes freed: " << format::bytes(report->bytesDeleted - report->bytesWritten)
                << "\n";
        if (!options.dryRun)
            ctx.out << "temporary files of unfinished writes deleted: "
                    << format::bytes(report->temporaryBytes) << "\n"
                    << "index objects: " << report->indexObjectsWritten << " written, "
                    << report->indexObjectsDeleted << " deleted\n";
        return ExitOk;
    }
};

class RepairCommand final : public RepositoryCommand
{
public:
    RepairCommand()
        : RepositoryCommand(
              QStringLiteral("repair"),
              QStringLiteral("Rebuild the index from the packs: every pack is read and every "
                             "chunk verified; damaged chunks are left out so the next backup "
                             "stores them again. Then runs 'check' to name every file that "
                             "lost data. Nothing is ever filled in with zeros."))
    {}

protected:
    bool reportsDamageItself() const override { return true; }
    bool usesObjectCache() const override { return false; }

    int executeWithRepository(CliContext &ctx, const QCommandLineParser &, Session &s) override
    {
        auto lock = RepositoryLock::acquire(*s.repository, true, QStringLiteral("repair"));
        if (!lock)
            return fail(ctx, lock.error());
        Repairer repairer(*s.repository);
        QObject listener;
        QObject::connect(&repairer, &Repairer::progress, &listener,
                         [&](const OperationProgress &p) {
                             if (ctx.stderrIsTerminal)
                                 ctx.err << "\r\x1b[K" << format::stepsProgressLine(p) << Qt::flush;
                         });
        auto report = repairer.run();
        if (ctx.stderrIsTerminal)
            ctx.err << "\r\x1b[K" << Qt::flush;
        if (!report)
            return fail(ctx, report.error());
        for (const QString &p : std::as_const(report->problems))
            ctx.out << "damaged: " << p << "\n";
        ctx.out << "packs read: " << report->packsRead
                << " (unreadable: " << report->packsUnreadable << ")\n"
                << "chunks indexed: " << report->chunksKept
                << ", left out: " << report->chunksDropped << "\n"
                << "damaged packs: " << report->packsDamaged
                << " (good chunks copied to new packs: " << report->chunksSalvaged
                << "; 'obnam-cli prune' removes the damaged packs)\n"
                << "index objects: " << report->indexObjectsWritten << " written, "
                << report->indexObjectsDeleted << " removed\n";

        // What is lost now, by file: a fresh look at the repository with the new index.
        auto reopened = Repository::open(s.repository->backendPtr(), s.repository->keys());
        if (!reopened)
            return fail(ctx, reopened.error());
        CheckOptions options;
        options.cacheDir = s.cacheDir;
        Checker checker(**reopened, options);
        auto check = checker.run();
        if (!check)
            return fail(ctx, check.error());
        for (const CheckFinding &f : std::as_const(check->damaged))
            ctx.out << "damaged: " << f.object << ": " << f.message << "\n";
        for (const AffectedFile &a : std::as_const(check->affected))
            ctx.out << "affected: generation " << a.generation << ": "
                    << (a.path.isEmpty() ? QStringLiteral("(every file)") : format::path(a.path))
                    << ": " << a.reason << "\n";
        const bool healthy = check->healthy() && report->problems.isEmpty();
        ctx.out << "status: " << (check->healthy() ? "OK" : "DAMAGED") << "\n";
        if (!check->healthy())
            ctx.out << "The files above cannot be restored whole. A new backup stores what is "
                       "still on disk again.\n";
        return healthy ? ExitOk : ExitError;
    }
};

class UnlockCommand final : public RepositoryCommand
{
public:
    UnlockCommand()
        : RepositoryCommand(
              QStringLiteral("unlock"),
              QStringLiteral("Remove stale locks: those of processes on this host that no longer "
                             "run, and those not refreshed for 30 minutes. With --remove-all, "
                             "every lock (only when you know no other client is working)."))
    {
        addOption({QStringLiteral("remove-all"), QStringLiteral("Remove every lock.")});
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        auto removed =
            RepositoryLock::removeStale(*s.repository, parser.isSet(QStringLiteral("remove-all")));
        if (!removed)
            return fail(ctx, removed.error());
        for (const LockInfo &l : std::as_const(*removed))
            ctx.out << "removed " << l.describe() << "\n";
        auto left = RepositoryLock::list(*s.repository);
        if (!left)
            return fail(ctx, left.error());
        for (const LockInfo &l : std::as_const(*left))
            ctx.out << "still held: " << l.describe() << "\n";
        ctx.out << "removed: " << removed->size() << ", still held: " << left->size() << "\n";
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeForgetCommand()
{
    return std::make_unique<ForgetCommand>();
}

std::unique_ptr<Command> makePruneCommand()
{
    return std::make_unique<PruneCommand>();
}

std::unique_ptr<Command> makeRepairCommand()
{
    return std::make_unique<RepairCommand>();
}

std::unique_ptr<Command> makeUnlockCommand()
{
    return std::make_unique<UnlockCommand>();
}

} // namespace obnam::cli
