#include "Commands.h"

#include "../Passphrase.h"
#include "Credentials.h"
#include "Keyring.h"
#include "crypto/Crypto.h"
#include "repo/Repository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

namespace obnam::cli {

namespace {

class InitCommand final : public Command
{
public:
    InitCommand()
        : Command(QStringLiteral("init"),
                  QStringLiteral(
                      "Create the repository if it does not exist, or unlock an existing one, and "
                      "store this client's credentials next to the configuration. Without a "
                      "configuration file, writes a default one first."))
    {
        addOption({QStringLiteral("insecure-passphrase"),
                   QStringLiteral("Use passphrase P (visible to other users in the process list)."),
                   QStringLiteral("P")});
        addOption({QStringLiteral("passphrase-file"),
                   QStringLiteral("Read the passphrase from the first line of FILE."),
                   QStringLiteral("FILE")});
        addOption(
            {QStringLiteral("keyring"),
             QStringLiteral("Also keep the passphrase in the desktop keyring, where commands find "
                            "it when this client has no credentials file.")});
        addOption({QStringLiteral("root"),
                   QStringLiteral(
                       "With no configuration yet: back up DIR (repeatable; default: your home)."),
                   QStringLiteral("DIR")});
        addOption({QStringLiteral("allow-non-empty"),
                   QStringLiteral("Create a local repository in a directory that already holds "
                                  "other files.")});
        addOption(
            {QStringLiteral("repository"),
             QStringLiteral("With no configuration yet: keep the repository at PATH, or on the "
                            "obnam-server at an https://HOST:PORT URL (default: "
                            "$XDG_DATA_HOME/obnam/repository)."),
             QStringLiteral("PATH|URL")});
    }

protected:
    int execute(CliContext &ctx, const QCommandLineParser &parser) override
    {
        const QString path = configPath(ctx);
        // A default configuration is written beside its final name and moved there only once
        // the repository was created or unlocked: a failed init leaves nothing behind, and
        // running the same command again works.
        QString draft;
        const auto dropDraft = qScopeGuard([&] {
            if (!draft.isEmpty())
                QFile::remove(draft);
        });
        if (!QFileInfo::exists(path)) {
            QStringList roots;
            for (const QString &root : parser.values(QStringLiteral("root")))
                roots.append(QFileInfo(root).absoluteFilePath());
            if (roots.isEmpty())
                roots.append(ctx.paths().home());
            QString repository = parser.value(QStringLiteral("repository"));
            if (repository.isEmpty())
                repository = ctx.paths().defaultRepository();
            else if (!repository.contains(QStringLiteral("://")))
                repository = QFileInfo(repository).absoluteFilePath();
            draft = path + QStringLiteral(".new-") +
                    QString::fromLatin1(crypto::randomBytes(4).toHex());
            if (auto s = ClientConfig::writeDefault(draft, roots, repository); !s)
                return fail(ctx, Error{s.error().code, s.error().message, path});
        } else if (parser.isSet(QStringLiteral("root")) ||
                   parser.isSet(QStringLiteral("repository"))) {
            return fail(
                ctx,
                makeError(ErrorCode::InvalidArgument,
                          QStringLiteral("--root and --repository only apply when no configuration "
                                         "exists yet; edit the configuration instead"),
                          path));
        }
        auto config = loadConfig(draft.isEmpty() ? path : draft, ctx);
        if (!config)
            return fail(ctx, config.error());
        config->path = path;
        QStringList warnings;
        auto backend = client::makeBackend(*config, &warnings);
        for (const QString &w : std::as_const(warnings))
            ctx.err << "warning: " << w << "\n";
        if (!backend)
            return fail(ctx, backend.error());
        auto exists = Repository::exists(**backend);
        if (!exists)
            return fail(ctx, exists.error());
        if (!*exists && config->isLocal() && !parser.isSet(QStringLiteral("allow-non-empty"))) {
            // Not a repository, but not empty either: most likely a typo for another folder,
            // or the user's own files. A repository is not created among them.
            const QDir dir(config->repositoryPath);
            if (dir.exists() &&
                !dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
                return fail(ctx, makeError(ErrorCode::InvalidArgument,
                                           QStringLiteral("the directory is not empty and is not "
                                                          "an obnam repository; choose an empty "
                                                          "or new directory (or pass "
                                                          "--allow-non-empty)"),
                                           config->repositoryPath));
        }

        auto passphrase =
            obtainPassphrase(ctx, parser.value(QStringLiteral("insecure-passphrase")),
                             parser.value(QStringLiteral("passphrase-file")),
                             *exists ? QStringLiteral("Passphrase for the repository")
                                     : QStringLiteral("New passphrase for the repository"),
                             !*exists);
        if (!passphrase)
            return fail(ctx, passphrase.error());
        Result<std::unique_ptr<Repository>> repo = makeError(ErrorCode::Permanent, QString());
        if (*exists) {
            repo = Repository::open(*backend, *passphrase);
        } else {
            Repository::InitOptions options;
            options.chunker = ChunkerParams::forAverage(config->chunkSize);
            repo = Repository::init(*backend, *passphrase, options);
        }
        if (!repo) {
            crypto::wipe(*passphrase);
            return fail(ctx, repo.error());
        }
        if (parser.isSet(QStringLiteral("keyring"))) {
            const Status stored =
                ctx.keyringWrite
                    ? ctx.keyringWrite(client::Keyring::entryName(config->serverUrl), *passphrase)
                    : Status(makeError(ErrorCode::NotFound, QStringLiteral("no desktop keyring")));
            if (stored)
                ctx.out << "Passphrase stored in the desktop keyring\n";
            else
                ctx.err << "warning: passphrase not stored in the keyring: "
                        << stored.error().toString() << "\n";
        }
        crypto::wipe(*passphrase);
        if (!draft.isEmpty()) {
            if (!QFile::rename(draft, path))
                return fail(ctx, makeError(ErrorCode::Io,
                                           QStringLiteral("cannot write the configuration"), path));
            draft.clear();
            ctx.out << "Wrote a default configuration to " << path << "\n";
        }
        const client::Credentials credentials{(*repo)->config().repositoryIdHex(), (*repo)->keys()};
        if (auto s = credentials.save(config->credentialsPath()); !s)
            return fail(ctx, s.error());
        client::logRun(*config, QStringLiteral("INFO"),
                       QStringLiteral("init: %1 repository %2")
                           .arg(*exists ? QStringLiteral("unlocked") : QStringLiteral("created"),
                                config->serverUrl));
        ctx.out << (*exists ? "Unlocked the existing repository at "
                            : "Created a new repository at ")
                << config->serverUrl << "\n"
                << "Credentials stored in " << config->credentialsPath() << "\n";
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeInitCommand()
{
    return std::make_unique<InitCommand>();
}

} // namespace obnam::cli
