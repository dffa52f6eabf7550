// versions: the versions of one path that really differ, across every generation.
#include "Commands.h"

#include "../Format.h"
#include "History.h"
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
        auto history = client::fileHistory(s, path).result();
        if (!history)
            return fail(ctx, history.error());
        if (history->isEmpty()) {
            ctx.err << "error: " << format::path(path) << " is in no generation\n";
            return ExitError;
        }
        const QList<client::DistinctVersion> versions = client::distinctVersions(*history);
        if (parser.isSet(kJson)) {
            QJsonArray array;
            for (const client::DistinctVersion &v : versions) {
                QJsonObject o = format::fileJson(v.first.entry);
                o.insert(QStringLiteral("generation_id"), v.first.generation.id);
                o.insert(QStringLiteral("generation_started"), iso(v.first.generation.started));
                o.insert(QStringLiteral("last_generation_id"), v.last.id);
                o.insert(QStringLiteral("generations"), v.generations);
                array.append(o);
            }
            const QJsonObject out{{QStringLiteral("path"), format::path(path)},
                                  {QStringLiteral("generations"), int(history->size())},
                                  {QStringLiteral("versions"), array}};
            ctx.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        ctx.out << format::path(path) << ": " << versions.size()
                << (versions.size() == 1 ? " version" : " versions") << " in " << history->size()
                << (history->size() == 1 ? " generation" : " generations") << "\n";
        for (const client::DistinctVersion &v : versions) {
            const FileEntry &e = v.first.entry;
            ctx.out << v.first.generation.id << " " << iso(v.first.generation.started) << " "
                    << kindLetter(e.kind) << " " << e.size << " " << isoNs(e.mtimeNs) << " x"
                    << v.generations << "\n";
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
