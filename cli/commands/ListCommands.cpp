// Read-only commands about generations: list, list-files, resolve, show-generation, gen-info.
#include "Commands.h"

#include "../Format.h"
#include "engine/GenerationStore.h"
#include "repo/Repository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace obnam::cli {

namespace {

const QCommandLineOption kJson(QStringLiteral("json"), QStringLiteral("Print JSON."));

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

class ListCommand final : public RepositoryCommand
{
public:
    ListCommand()
        : RepositoryCommand(
              QStringLiteral("list"),
              QStringLiteral("List generations, oldest first: id, end time, file count, size."))
    {
        addOption(kJson);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        auto gens = s.repository->generations();
        if (!gens)
            return fail(ctx, gens.error());
        QJsonArray array;
        for (const GenerationRecord &g : std::as_const(*gens)) {
            if (parser.isSet(kJson))
                array.append(QJsonObject{{QStringLiteral("generation_id"), g.id},
                                         {QStringLiteral("started"), iso(g.started)},
                                         {QStringLiteral("ended"), iso(g.finished)},
                                         {QStringLiteral("file_count"), g.fileCount},
                                         {QStringLiteral("file_bytes"), g.totalBytes},
                                         {QStringLiteral("client_name"), g.clientName}});
            else
                ctx.out << g.id << " " << iso(g.finished) << " " << g.fileCount << " "
                        << g.totalBytes << "\n";
        }
        if (parser.isSet(kJson))
            ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
};

class ListFilesCommand final : public RepositoryCommand
{
public:
    ListFilesCommand()
        : RepositoryCommand(
              QStringLiteral("list-files"),
              QStringLiteral(
                  "List the entries of a generation: KIND PATH (REASON). KIND is - regular, "
                  "d directory, l symlink, s socket, p FIFO, b/c device; REASON is new, "
                  "changed, unchanged or fileerror."))
    {
        addOption(kJson);
        addPositional(QStringLiteral("GEN"),
                      QStringLiteral("Generation: latest (default), an id or a unique prefix."),
                      QStringLiteral("[GEN]"));
        setPositionalRange(0, 1);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        const QString spec = parser.positionalArguments().value(0, QStringLiteral("latest"));
        auto gen = s.repository->resolveGeneration(spec);
        if (!gen)
            return fail(ctx, gen.error());
        auto db = generationstore::open(*s.repository, *gen, s.cacheDir);
        if (!db)
            return fail(ctx, db.error());
        const bool json = parser.isSet(kJson);
        QJsonArray array;
        auto walked = (*db)->forEachFile([&](const FileEntry &e) {
            if (json)
                array.append(format::fileJson(e));
            else
                ctx.out << kindLetter(e.kind) << " " << format::path(e.path) << " ("
                        << reasonName(e.reason) << ")\n";
            return true;
        });
        if (!walked)
            return fail(ctx, walked.error());
        if (json)
            ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
};

class ResolveCommand final : public RepositoryCommand
{
public:
    ResolveCommand()
        : RepositoryCommand(
              QStringLiteral("resolve"),
              QStringLiteral(
                  "Print the full id of a generation given as latest, an id or a unique prefix."))
    {
        addPositional(QStringLiteral("GEN"), QStringLiteral("Generation to resolve."));
        setPositionalRange(1, 1);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        const QString spec = parser.positionalArguments().constFirst();
        auto gen = s.repository->resolveGeneration(spec);
        if (!gen) {
            if (gen.error().code == ErrorCode::NotFound) {
                ctx.err << "Unknown generation: " << spec << "\n";
                return ExitError;
            }
            return fail(ctx, gen.error());
        }
        ctx.out << gen->id << "\n";
        return ExitOk;
    }
};

class ShowGenerationCommand final : public RepositoryCommand
{
public:
    ShowGenerationCommand()
        : RepositoryCommand(
              QStringLiteral("show-generation"),
              QStringLiteral(
                  "Print a generation's summary as JSON: id, file count and bytes, database "
                  "size, start and end time."))
    {
        addPositional(QStringLiteral("GEN"), QStringLiteral("Generation (default: latest)."),
                      QStringLiteral("[GEN]"));
        setPositionalRange(0, 1);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        auto gen = s.repository->resolveGeneration(
            parser.positionalArguments().value(0, QStringLiteral("latest")));
        if (!gen)
            return fail(ctx, gen.error());
        const QJsonObject o{{QStringLiteral("generation_id"), gen->id},
                            {QStringLiteral("file_count"), gen->fileCount},
                            {QStringLiteral("file_bytes"), gen->totalBytes},
                            {QStringLiteral("db_bytes"), gen->dbSize},
                            {QStringLiteral("started"), iso(gen->started)},
                            {QStringLiteral("ended"), iso(gen->finished)},
                            {QStringLiteral("client_name"), gen->clientName},
                            {QStringLiteral("parent"),
                             gen->parent.isEmpty() ? QJsonValue() : QJsonValue(gen->parent)}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
};

class GenInfoCommand final : public RepositoryCommand
{
public:
    GenInfoCommand()
        : RepositoryCommand(
              QStringLiteral("gen-info"),
              QStringLiteral("Print the generation database's own metadata as JSON, including its "
                             "schema version and chunk id kind."))
    {
        addPositional(QStringLiteral("GEN"), QStringLiteral("Generation."));
        setPositionalRange(1, 1);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        auto gen = s.repository->resolveGeneration(parser.positionalArguments().constFirst());
        if (!gen)
            return fail(ctx, gen.error());
        auto db = generationstore::open(*s.repository, *gen, s.cacheDir);
        if (!db)
            return fail(ctx, db.error());
        auto meta = (*db)->allMeta();
        if (!meta)
            return fail(ctx, meta.error());
        QJsonObject o{{QStringLiteral("generation_id"), gen->id}};
        QJsonObject schema;
        for (const auto &[key, value] : std::as_const(*meta)) {
            if (key == QStringLiteral("schema_version_major"))
                schema[QStringLiteral("major")] = value.toInt();
            else if (key == QStringLiteral("schema_version_minor"))
                schema[QStringLiteral("minor")] = value.toInt();
            else if (key == QStringLiteral("roots"))
                o[key] = QJsonDocument::fromJson(value.toUtf8()).array();
            else if (key == QStringLiteral("file_count") || key == QStringLiteral("total_bytes"))
                o[key] = value.toLongLong();
            else
                o[key] = value;
        }
        o[QStringLiteral("schema_version")] = schema;
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeListCommand()
{
    return std::make_unique<ListCommand>();
}

std::unique_ptr<Command> makeListFilesCommand()
{
    return std::make_unique<ListFilesCommand>();
}

std::unique_ptr<Command> makeResolveCommand()
{
    return std::make_unique<ResolveCommand>();
}

std::unique_ptr<Command> makeShowGenerationCommand()
{
    return std::make_unique<ShowGenerationCommand>();
}

std::unique_ptr<Command> makeGenInfoCommand()
{
    return std::make_unique<GenInfoCommand>();
}

} // namespace obnam::cli
