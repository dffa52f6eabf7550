#include "Commands.h"

#include "../Format.h"
#include "maint/Checker.h"
#include "repo/Lock.h"
#include "repo/Repository.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace obnam::cli {

namespace {

// "--read-data-subset=N%" or "i/n".
Result<CheckOptions> parseSubset(const QString &value)
{
    CheckOptions o;
    static const QRegularExpression percent(QStringLiteral("\\A(\\d{1,3}(?:\\.\\d+)?)%\\z"));
    static const QRegularExpression slice(QStringLiteral("\\A(\\d{1,6})/(\\d{1,6})\\z"));
    if (const auto m = percent.match(value); m.hasMatch()) {
        o.fraction = m.captured(1).toDouble() / 100.0;
        if (o.fraction <= 0 || o.fraction > 1)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--read-data-subset percentage must be above 0 and at "
                                            "most 100: ") +
                                 value);
        o.readData = CheckOptions::ReadData::Fraction;
        return o;
    }
    if (const auto m = slice.match(value); m.hasMatch()) {
        o.slice = m.captured(1).toInt();
        o.slices = m.captured(2).toInt();
        if (o.slices < 1 || o.slice < 1 || o.slice > o.slices)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--read-data-subset i/n needs 1 <= i <= n: ") + value);
        o.readData = CheckOptions::ReadData::Slice;
        return o;
    }
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("--read-data-subset takes N% or i/n, not: ") + value);
}

class CheckCommand final : public RepositoryCommand
{
public:
    CheckCommand()
        : RepositoryCommand(
              QStringLiteral("check"),
              QStringLiteral("Verify the repository: every generation's database, every chunk a "
                             "file needs in the index and inside an existing pack. With "
                             "--read-data, also download every pack and authenticate every "
                             "chunk. Names each damaged object and each affected file; exits "
                             "0 only when the repository is healthy."))
    {
        addOption({QStringLiteral("read-data"),
                   QStringLiteral("Also read, decrypt and verify every pack.")});
        addOption({QStringLiteral("read-data-subset"),
                   QStringLiteral("Read a random N% of the packs, or slice i of n (the same "
                                  "packs each time; n runs cover all)."),
                   QStringLiteral("N%|i/n")});
        addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
        addNoLockOption();
    }

protected:
    bool reportsDamageItself() const override { return true; }
    bool usesObjectCache() const override { return false; }

    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        CheckOptions options;
        if (parser.isSet(QStringLiteral("read-data-subset"))) {
            if (parser.isSet(QStringLiteral("read-data")))
                return usage(ctx, QStringLiteral("--read-data and --read-data-subset exclude "
                                                 "each other"));
            auto subset = parseSubset(parser.value(QStringLiteral("read-data-subset")));
            if (!subset)
                return usage(ctx, subset.error().message);
            options = *subset;
        } else if (parser.isSet(QStringLiteral("read-data"))) {
            options.readData = CheckOptions::ReadData::All;
        }
        options.cacheDir = s.cacheDir;
        const bool json = parser.isSet(QStringLiteral("json"));
        const bool live = ctx.stderrIsTerminal && !json;

        // Shared: backups, restores and checks run side by side; prune waits for them.
        auto lock = readingLock(ctx, parser, s, QStringLiteral("check"));
        if (!lock)
            return fail(ctx, lock.error());
        Checker checker(*s.repository, options);
        QObject listener;
        QObject::connect(&checker, &Checker::progress, &listener, [&](const OperationProgress &p) {
            if (live)
                ctx.err << "\r\x1b[K"
                        << (p.phase == Phase::ReadingData
                                ? format::stepsProgressLine(p)
                                : QStringLiteral("checking ") + format::stepsProgressLine(p))
                        << Qt::flush;
        });
        auto report = checker.run();
        if (live)
            ctx.err << "\r\x1b[K" << Qt::flush;
        if (!report)
            return fail(ctx, report.error());
        const bool healthy = report->healthy();
        if (json) {
            QJsonArray damaged, affected;
            for (const CheckFinding &f : std::as_const(report->damaged))
                damaged.append(QJsonObject{{QStringLiteral("object"), f.object},
                                           {QStringLiteral("message"), f.message}});
            for (const AffectedFile &a : std::as_const(report->affected))
                affected.append(QJsonObject{{QStringLiteral("generation"), a.generation},
                                            {QStringLiteral("path"), format::path(a.path)},
                                            {QStringLiteral("reason"), a.reason}});
            ctx.out << format::jsonLine(
                QJsonObject{{QStringLiteral("status"),
                             healthy ? QStringLiteral("OK") : QStringLiteral("DAMAGED")},
                            {QStringLiteral("damaged"), damaged},
                            {QStringLiteral("affected_files"), affected},
                            {QStringLiteral("notes"), QJsonArray::fromStringList(report->notes)},
                            {QStringLiteral("generations"), report->generations},
                            {QStringLiteral("key_slots"), report->keySlots},
                            {QStringLiteral("index_objects"), report->indexObjects},
                            {QStringLiteral("packs"), report->packs},
                            {QStringLiteral("packs_read"), report->packsRead},
                            {QStringLiteral("bytes_read"), report->bytesRead},
                            {QStringLiteral("chunks"), report->chunks},
                            {QStringLiteral("files"), report->filesChecked},
                            {QStringLiteral("duration"), report->durationSeconds}});
            return healthy ? ExitOk : ExitError;
        }
        for (const CheckFinding &f : std::as_const(report->damaged))
            ctx.out << "damaged: " << f.object << ": " << f.message << "\n";
        for (const AffectedFile &a : std::as_const(report->affected))
            ctx.out << "affected: generation " << a.generation << ": "
                    << (a.path.isEmpty() ? QStringLiteral("(every file)") : format::path(a.path))
                    << ": " << a.reason << "\n";
        for (const QString &n : std::as_const(report->notes))
            ctx.out << "note: " << n << "\n";
        ctx.out << "generations: " << report->generations << "\n"
                << "key-slots: " << report->keySlots << "\n"
                << "index-objects: " << report->indexObjects << "\n"
                << "packs: " << report->packs << " (read: " << report->packsRead << ", "
                << format::bytes(report->bytesRead) << ")\n"
                << "chunks: " << report->chunks << "\n"
                << "files: " << report->filesChecked << "\n"
                << "status: " << (healthy ? "OK" : "DAMAGED") << "\n";
        return healthy ? ExitOk : ExitError;
    }
};

} // namespace

std::unique_ptr<Command> makeCheckCommand()
{
    return std::make_unique<CheckCommand>();
}

} // namespace obnam::cli
