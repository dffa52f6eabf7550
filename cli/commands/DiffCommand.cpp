#include "Commands.h"

#include "../Format.h"
#include "Changes.h"
#include "repo/Repository.h"

namespace obnam::cli {

namespace {

class DiffCommand final : public RepositoryCommand
{
public:
    DiffCommand()
        : RepositoryCommand(
              QStringLiteral("diff"),
              QStringLiteral(
                  "Show paths added (+), removed (-) and changed (*) from GEN1 to GEN2."))
    {
        addPositional(QStringLiteral("GEN1"), QStringLiteral("Older generation."));
        addPositional(QStringLiteral("GEN2"), QStringLiteral("Newer generation."));
        setPositionalRange(2, 2);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        GenerationRecord gens[2];
        for (int i = 0; i < 2; ++i) {
            auto gen = s.repository->resolveGeneration(parser.positionalArguments()[i]);
            if (!gen)
                return fail(ctx, gen.error());
            gens[i] = *gen;
        }
        auto changes = client::diffGenerations(s, gens[0], gens[1]);
        if (!changes)
            return fail(ctx, changes.error());
        for (const client::Change &c : std::as_const(*changes)) {
            const char *mark = c.kind == client::Change::Added     ? "+ "
                               : c.kind == client::Change::Changed ? "* "
                                                                   : "- ";
            ctx.out << mark << format::path(c.path) << "\n";
        }
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeDiffCommand()
{
    return std::make_unique<DiffCommand>();
}

} // namespace obnam::cli
