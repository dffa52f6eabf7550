#include "Commands.h"

#include "../Format.h"
#include "engine/GenerationStore.h"
#include "repo/Repository.h"

#include <QMap>

namespace obnam::cli {

namespace {

// What makes two versions of an entry different for a person: content or metadata.
QByteArray signature(const FileEntry &e, const QList<QByteArray> &chunks)
{
    QByteArray s = QByteArray::number(int(e.kind)) + ' ' + QByteArray::number(e.mode) + ' ' +
                   QByteArray::number(e.size) + ' ' + QByteArray::number(e.mtimeNs) + ' ' +
                   QByteArray::number(e.uid) + ' ' + QByteArray::number(e.gid) + ' ' + e.target +
                   ' ' + e.xattrs;
    for (const QByteArray &c : chunks)
        s += c;
    return s;
}

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
        QMap<QByteArray, QByteArray> sides[2];
        for (int i = 0; i < 2; ++i) {
            auto gen = s.repository->resolveGeneration(parser.positionalArguments()[i]);
            if (!gen)
                return fail(ctx, gen.error());
            auto db = generationstore::open(*s.repository, *gen, s.cacheDir);
            if (!db)
                return fail(ctx, db.error());
            Status inner;
            auto walked = (*db)->forEachFile([&](const FileEntry &e) {
                auto chunks = (*db)->chunks(e.fileId);
                if (!chunks) {
                    inner = chunks.error();
                    return false;
                }
                sides[i].insert(e.path, signature(e, *chunks));
                return true;
            });
            if (!walked)
                return fail(ctx, walked.error());
            if (!inner)
                return fail(ctx, inner.error());
        }
        for (auto it = sides[1].cbegin(); it != sides[1].cend(); ++it) {
            const auto old = sides[0].constFind(it.key());
            if (old == sides[0].cend())
                ctx.out << "+ " << format::path(it.key()) << "\n";
            else if (*old != *it)
                ctx.out << "* " << format::path(it.key()) << "\n";
        }
        for (auto it = sides[0].cbegin(); it != sides[0].cend(); ++it) {
            if (!sides[1].contains(it.key()))
                ctx.out << "- " << format::path(it.key()) << "\n";
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
