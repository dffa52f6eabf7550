// find: every path that matches a pattern, in any generation, from the search index.
#include "Commands.h"

#include "../Format.h"
#include "PathPattern.h"
#include "SearchIndex.h"
#include "repo/Repository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace obnam::cli {

namespace {

const QCommandLineOption kJson(QStringLiteral("json"), QStringLiteral("Print JSON."));

class FindCommand final : public RepositoryCommand
{
public:
    FindCommand()
        : RepositoryCommand(
              QStringLiteral("find"),
              QStringLiteral(
                  "List every backed-up path that matches PATTERN, in any generation, with the "
                  "generations that hold it: a file deleted long ago is found too. Without "
                  "wildcards the pattern matches names that contain it; with * ? or [...] it "
                  "matches whole names; with a slash it matches the end of the path "
                  "(Documents/*.odt), or the whole path when it starts with one. Letter case "
                  "does not matter. Served from a search index in the cache, which is brought up "
                  "to date first. Exits 1 when nothing matches."))
    {
        addPositional(QStringLiteral("PATTERN"), QStringLiteral("A name, part of one, or a glob."));
        setPositionalRange(1, 1);
        addOption(kJson);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        const client::PathPattern pattern(parser.positionalArguments().constFirst());
        if (!pattern.isValid())
            return usage(ctx, pattern.errorString());
        bool told = false;
        auto index = client::updatedSearchIndex(s, nullptr, [&](int done, int total) {
            if (done == 0 && total > 1 && !told && ctx.stderrIsTerminal) {
                ctx.err << "indexing " << total << " generations for searching\n" << Qt::flush;
                told = true;
            }
        });
        if (!index)
            return fail(ctx, index.error());
        auto hits = (*index)->find(pattern);
        if (!hits)
            return fail(ctx, hits.error());
        auto generations = s.repository->generations();
        if (!generations)
            return fail(ctx, generations.error());
        QHash<QString, qsizetype> order;
        for (qsizetype i = 0; i < generations->size(); ++i)
            order.insert(generations->at(i).id, i);

        if (parser.isSet(kJson)) {
            QJsonArray array;
            for (const client::SearchHit &hit : std::as_const(*hits))
                array.append(QJsonObject{
                    {QStringLiteral("path"), format::path(hit.path)},
                    {QStringLiteral("generations"), QJsonArray::fromStringList(hit.generations)}});
            ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return hits->isEmpty() ? ExitError : ExitOk;
        }
        if (hits->isEmpty()) {
            ctx.err << "nothing matches " << parser.positionalArguments().constFirst()
                    << " in any generation\n";
            return ExitError;
        }
        for (const client::SearchHit &hit : std::as_const(*hits)) {
            ctx.out << format::path(hit.path) << " (" << hit.generations.size() << " of "
                    << generations->size() << " generations)\n";
            // Consecutive generations as one range, in the order `list` shows them.
            QList<qsizetype> at;
            for (const QString &id : hit.generations)
                at.append(order.value(id, -1));
            std::sort(at.begin(), at.end());
            for (qsizetype i = 0; i < at.size();) {
                qsizetype j = i;
                while (j + 1 < at.size() && at[j + 1] == at[j] + 1)
                    ++j;
                if (at[i] >= 0) {
                    const GenerationRecord &first = generations->at(at[i]);
                    ctx.out << "  " << first.id << " "
                            << first.finished.toUTC().toString(Qt::ISODate);
                    if (j > i) {
                        const GenerationRecord &last = generations->at(at[j]);
                        ctx.out << " .. " << last.id << " "
                                << last.finished.toUTC().toString(Qt::ISODate);
                    }
                    ctx.out << "\n";
                }
                i = j + 1;
            }
        }
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeFindCommand()
{
    return std::make_unique<FindCommand>();
}

} // namespace obnam::cli
