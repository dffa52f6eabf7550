#include "Commands.h"

#include "../Format.h"
#include "../Interrupt.h"
#include "BackupPlan.h"
#include "RunHistory.h"
#include "SearchIndex.h"
#include "engine/BackupEngine.h"
#include "engine/StatAhead.h"
#include "maint/Resume.h"
#include "repo/Lock.h"
#include "repo/Repository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QScopeGuard>

namespace obnam::cli {

namespace {

class BackupCommand final : public RepositoryCommand
{
public:
    BackupCommand()
        : RepositoryCommand(
              QStringLiteral("backup"),
              QStringLiteral("Back up the configured roots as a new generation. Unchanged files "
                             "(same kind, size, mode, mtime, ctime, inode and symlink target as in "
                             "the latest generation) are not read again."))
    {
        addOption({QStringLiteral("full"),
                   QStringLiteral("Read every file, ignoring the previous generation.")});
        addOption({QStringLiteral("json"),
                   QStringLiteral("Print progress events and the result as JSON lines.")});
    }

protected:
    // On a cold cache a backup that changes little is mostly inode reads: start them while
    // the repository opens (its index, the lock, the previous generation).
    void configLoaded(const ClientConfig &config, const QCommandLineParser &parser) override
    {
        Q_UNUSED(parser);
        m_statAhead = std::make_shared<StatAhead>(
            BackupEngine::walkedRoots(client::backupRoots(config)), config.oneFileSystem);
    }
    void configReleased() override { m_statAhead.reset(); }

    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        const bool json = parser.isSet(QStringLiteral("json"));
        BackupOptions options = client::backupOptions(s.config, ctx.paths(), s.cacheDir);
        options.full = parser.isSet(QStringLiteral("full"));
        options.statAhead = std::exchange(m_statAhead, {});

        // Ctrl-C and SIGTERM from here on stop the backup at a safe point: the lock is released
        // and what was stored is indexed, so nothing is lost and nothing is uploaded twice.
        Stopper<BackupEngine> stopper;
        const InterruptScope interrupts(&Stopper<BackupEngine>::cancel, &stopper);
        // Shared: backups, restores and checks run side by side; prune waits for them.
        auto lock = RepositoryLock::acquire(*s.repository, false, QStringLiteral("backup"));
        if (!lock)
            return fail(ctx, lock.error());
        // What earlier backups that died (killed, crashed, powered off) left: their locks go,
        // and the packs they stored are taken over instead of being uploaded again.
        if (auto resumed = resumeInterrupted(*s.repository, (*lock)->info()); !resumed) {
            ctx.err << "warning: could not take over what an interrupted backup stored: "
                    << resumed.error().toString() << "\n";
        } else {
            for (const LockInfo &l : std::as_const(resumed->staleLocksRemoved))
                ctx.err << "note: removed the stale lock of a process that is gone: "
                        << l.describe() << "\n";
            if (resumed->packsAdopted > 0)
                ctx.err << "note: resuming: " << resumed->packsAdopted << " packs ("
                        << format::bytes(resumed->bytesAdopted)
                        << ") stored by an interrupted backup are reused\n";
        }
        BackupEngine engine(*s.repository, options);
        stopper.attach(&engine);
        const auto detach = qScopeGuard([&] { stopper.attach(nullptr); });
        QObject listener;
        const bool live = ctx.stderrIsTerminal && !json;
        QObject::connect(&engine, &BackupEngine::progress, &listener, [&](const BackupProgress &p) {
            if (json)
                ctx.out << format::jsonLine(format::backupProgressJson(p));
            else if (live)
                ctx.err << "\r\x1b[K" << format::backupProgressLine(p) << Qt::flush;
        });
        client::logRun(s.config, QStringLiteral("INFO"), QStringLiteral("backup started"));
        const QDateTime started = QDateTime::currentDateTime();
        QElapsedTimer clock;
        clock.start();
        auto result = engine.run();
        // In the history obnam-gui shows too, however the run ended.
        client::Run run = client::describeBackup(started, clock.elapsed() / 1000.0, result,
                                                 engine.stored(), QStringLiteral("obnam-cli"));
        run.config = QFileInfo(s.config.path).absoluteFilePath();
        if (auto recorded = client::RunHistory(ctx.paths()).append(run); !recorded)
            ctx.err << "warning: " << recorded.error().toString() << "\n";
        if (live)
            ctx.err << "\r\x1b[K" << Qt::flush;
        if (!result && interrupts.signal() != 0) {
            const ChunkWriterStats &kept = engine.stored();
            client::logRun(s.config, QStringLiteral("WARN"), QStringLiteral("backup interrupted"));
            ctx.err << "interrupted: the backup stopped at a safe point and made no generation. "
                    << format::bytes(kept.storedBytes) << " of new data in " << kept.packsWritten
                    << " packs is stored and indexed: the next backup reuses it. Nothing was "
                       "lost; earlier generations are untouched.\n";
            return interrupts.exitStatus();
        }
        if (!result) {
            client::logRun(s.config, QStringLiteral("ERROR"),
                           QStringLiteral("backup failed: ") + result.error().toString());
            return fail(ctx, result.error());
        }
        for (const ItemWarning &w : std::as_const(result->warnings))
            client::logRun(s.config, QStringLiteral("WARN"),
                           w.path + QStringLiteral(": ") + w.message);
        client::logRun(s.config, QStringLiteral("INFO"),
                       QStringLiteral("backup finished: generation %1").arg(result->generationId));
        const int status = result->newCacheTags.isEmpty() ? ExitOk : ExitError;
        QElapsedTimer indexing;
        indexing.start();
        if (auto indexed = client::updateSearchIndexIfPresent(s); !indexed)
            ctx.err << "warning: the search index was not updated (the next search does it): "
                    << indexed.error().toString() << "\n";
        const double indexSeconds = double(indexing.nsecsElapsed()) / 1e9;
        // Said on every run, once per directory, and never a warning: it is how it should be.
        for (const auto &[own, which] : std::as_const(result->skippedOwn))
            ctx.err << "note: not backed up: " << format::path(own)
                    << (which == client::OwnCache ? " (obnam's own cache)"
                                                  : " (this backup's own repository)")
                    << "\n";
        if (json) {
            QJsonArray warnings;
            for (const ItemWarning &w : std::as_const(result->warnings))
                warnings.append(QJsonObject{{QStringLiteral("path"), w.path},
                                            {QStringLiteral("message"), w.message}});
            QJsonArray skipped;
            for (const auto &own : std::as_const(result->skippedOwn))
                skipped.append(format::path(own.first));
            QJsonArray tags;
            for (const QByteArray &t : std::as_const(result->newCacheTags))
                tags.append(format::path(t));
            ctx.out << format::jsonLine(
                QJsonObject{{QStringLiteral("event"), QStringLiteral("result")},
                            {QStringLiteral("status"),
                             status == ExitOk ? QStringLiteral("OK") : QStringLiteral("ERROR")},
                            {QStringLiteral("warnings"), warnings},
                            {QStringLiteral("new_cachedir_tags"), tags},
                            {QStringLiteral("skipped_own"), skipped},
                            {QStringLiteral("duration"), result->durationSeconds},
                            {QStringLiteral("search_index_seconds"), indexSeconds},
                            {QStringLiteral("file_count"), result->fileCount},
                            {QStringLiteral("total_bytes"), result->totalBytes},
                            {QStringLiteral("new_chunks"), result->stats.newChunks},
                            {QStringLiteral("reused_chunks"), result->stats.reusedChunks},
                            {QStringLiteral("uploaded_bytes"), result->stats.storedBytes},
                            {QStringLiteral("generation_id"), result->generationId}});
            return status;
        }
        for (const ItemWarning &w : std::as_const(result->warnings))
            ctx.out << "warning: " << w.path << ": " << w.message << "\n";
        if (!result->newCacheTags.isEmpty()) {
            ctx.out
                << "New CACHEDIR.TAG files since the last backup (their directories' contents were "
                   "not backed up; if that was not your intention, remove the tags):\n";
            for (const QByteArray &t : std::as_const(result->newCacheTags))
                ctx.out << "- " << format::path(t) << "\n";
        }
        ctx.out << "status: " << (status == ExitOk ? "OK" : "ERROR") << "\n"
                << "warnings: " << result->warnings.size() << "\n"
                << "duration: " << qint64(result->durationSeconds + 0.5) << "\n"
                << "file-count: " << result->fileCount << "\n"
                << "generation-id: " << result->generationId << "\n";
        return status;
    }

private:
    std::shared_ptr<StatAhead> m_statAhead;
};

} // namespace

std::unique_ptr<Command> makeBackupCommand()
{
    return std::make_unique<BackupCommand>();
}

} // namespace obnam::cli
