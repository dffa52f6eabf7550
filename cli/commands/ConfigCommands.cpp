// Commands that need the configuration but not the repository: config and chunkify.
#include "Commands.h"

#include "Credentials.h"
#include "chunk/Chunker.h"
#include "crypto/Crypto.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace obnam::cli {

namespace {

class ConfigCommand final : public Command
{
public:
    ConfigCommand()
        : Command(QStringLiteral("config"),
                  QStringLiteral("Print the effective configuration as JSON, with paths expanded."))
    {}

protected:
    int execute(CliContext &ctx, const QCommandLineParser &) override
    {
        auto config = loadConfig(configPath(ctx), ctx);
        if (!config)
            return fail(ctx, config.error());
        ctx.out << QJsonDocument(config->toJson()).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
};

class ChunkifyCommand final : public Command
{
public:
    ChunkifyCommand()
        : Command(
              QStringLiteral("chunkify"),
              QStringLiteral(
                  "Split files into chunks as a backup would and print each chunk's offset, length "
                  "and plain SHA-256 as JSON (a debugging aid). Uses the repository's chunker "
                  "seed when this client has credentials."))
    {
        addPositional(QStringLiteral("FILE"), QStringLiteral("Files to split."),
                      QStringLiteral("FILE..."));
        setPositionalRange(1, 1 << 20);
    }

protected:
    int execute(CliContext &ctx, const QCommandLineParser &parser) override
    {
        auto config = loadConfig(configPath(ctx), ctx);
        if (!config)
            return fail(ctx, config.error());
        QByteArray seed(32, '\0');
        if (auto credentials = client::Credentials::load(config->credentialsPath()); credentials)
            seed = credentials->keys.chunkerSeed;
        const Chunker chunker(seed, ChunkerParams::forAverage(config->chunkSize));
        QJsonArray out;
        for (const QString &name : parser.positionalArguments()) {
            QFile file(name);
            if (!file.open(QIODevice::ReadOnly))
                return fail(ctx,
                            makeError(ErrorCode::Io,
                                      QStringLiteral("cannot read: ") + file.errorString(), name));
            const qsizetype window = qsizetype(chunker.params().maxSize) * 4;
            QByteArray buf;
            qint64 offset = 0;
            bool eof = false;
            while (!eof || !buf.isEmpty()) {
                if (!eof && buf.size() < window) {
                    const QByteArray more = file.read(window - buf.size());
                    eof = more.isEmpty();
                    buf.append(more);
                }
                qsizetype pos = 0;
                while (pos < buf.size() &&
                       (eof || buf.size() - pos >= qsizetype(chunker.params().maxSize))) {
                    const qsizetype n = chunker.cut(
                        reinterpret_cast<const uchar *>(buf.constData()) + pos, buf.size() - pos);
                    out.append(QJsonObject{
                        {QStringLiteral("filename"), name},
                        {QStringLiteral("offset"), offset},
                        {QStringLiteral("len"), qint64(n)},
                        {QStringLiteral("checksum"),
                         QString::fromLatin1(
                             crypto::sha256(QByteArrayView(buf).sliced(pos, n)).toHex())}});
                    pos += n;
                    offset += n;
                }
                buf.remove(0, pos);
            }
        }
        ctx.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeConfigCommand()
{
    return std::make_unique<ConfigCommand>();
}

std::unique_ptr<Command> makeChunkifyCommand()
{
    return std::make_unique<ChunkifyCommand>();
}

} // namespace obnam::cli
