// versions: the versions of one path that really differ, across every generation.
#include "Commands.h"

#include "../Format.h"
#include "SearchIndex.h"
#include "repo/Repository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace obnam::cli {

namespace {

const QCommandLineOption kJson(QStringLiteral("json"), QStringLiteral("Print JSON."));

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString isoNs(qint64 ns)
{
    return iso(QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC));
}

class VersionsCommand final : public RepositoryCommand
{
public:
    VersionsCommand()
        : RepositoryCommand(
              QStringLiteral("versions"),
              QStringLiteral("List the versions of PATH that differ (in kind, size, "
                             "modification time or content), oldest first: the generation "
                             "each first appears in, its size and time, and in how many "
                             "generations it stayed the same."))
    {
        addPositional(QStringLiteral("PATH"),
                      QStringLiteral("A path as list-files shows it; a relative one is taken "
                                     "from the current directory."));
        setPositionalRange(1, 1);
        addOption(kJson);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        QString given = parser.positionalArguments().constFirst();
        if (!given.startsWith(QLatin1Char('/')))
            given = QDir::current().absoluteFilePath(given);
        const QByteArray path = QFile::encodeName(QDir::cleanPath(given));
        auto index = client::updatedSearchIndex(s);
        if (!index)
            return fail(ctx, index.error());
        auto versions = (*index)->versions(path);
        if (!versions)
            return fail(ctx, versions.error());
        if (versions->isEmpty()) {
            ctx.err << "error: " << format::path(path) << " is in no generation\n";
            return ExitError;
        }
        auto generations = s.repository->generations();
        if (!generations)
            return fail(ctx, generations.error());
        QHash<QString, GenerationRecord> byId;
        for (const GenerationRecord &g : std::as_const(*generations))
            byId.insert(g.id, g);
        qsizetype holding = 0;
        for (const client::IndexedVersion &v : std::as_const(*versions))
            holding += v.generations.size();
        if (parser.isSet(kJson)) {
            QJsonArray array;
            for (const client::IndexedVersion &v : std::as_const(*versions)) {
                const GenerationRecord first = byId.value(v.generations.constFirst());
                array.append(
                    QJsonObject{{QStringLiteral("kind"), QString(kindLetter(v.kind))},
                                {QStringLiteral("size"), v.size},
                                {QStringLiteral("mtime"), isoNs(v.mtimeNs)},
                                {QStringLiteral("mtime_ns"), v.mtimeNs},
                                {QStringLiteral("generation_id"), first.id},
                                {QStringLiteral("generation_started"), iso(first.started)},
                                {QStringLiteral("last_generation_id"), v.generations.constLast()},
                                {QStringLiteral("generations"), int(v.generations.size())}});
            }
            const QJsonObject out{{QStringLiteral("path"), format::path(path)},
                                  {QStringLiteral("generations"), int(holding)},
                                  {QStringLiteral("versions"), array}};
            ctx.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        ctx.out << format::path(path) << ": " << versions->size()
                << (versions->size() == 1 ? " version" : " versions") << " in " << holding
                << (holding == 1 ? " generation" : " generations") << "\n";
        for (const client::IndexedVersion &v : std::as_const(*versions)) {
            const GenerationRecord first = byId.value(v.generations.constFirst());
            ctx.out << first.id << " " << iso(first.started) << " " << kindLetter(v.kind) << " "
                    << v.size << " " << isoNs(v.mtimeNs) << " x" << v.generations.size() << "\n";
        }
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeVersionsCommand()
{
    return std::make_unique<VersionsCommand>();
}

} // namespace obnam::cli
