#include "Commands.h"

#include "../Passphrase.h"
#include "Keyring.h"
#include "Setup.h"
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
             QStringLiteral("With no configuration yet: keep the repository at PATH, on the "
                            "obnam-server at an https://HOST:PORT URL, or in the S3 bucket at "
                            "s3://HOST/BUCKET[/PREFIX] (default: "
                            "$XDG_DATA_HOME/obnam/repository)."),
             QStringLiteral("PATH|URL")});
    }

protected:
    int execute(CliContext &ctx, const QCommandLineParser &parser) override
    {
        client::Setup::Request request;
        request.configPath = configPath(ctx);
        request.roots = parser.values(QStringLiteral("root"));
        request.repository = parser.value(QStringLiteral("repository"));
        request.allowNonEmpty = parser.isSet(QStringLiteral("allow-non-empty"));
        auto setup = client::Setup::prepare(request, ctx.paths());
        if (setup) {
            for (const QString &w : (*setup)->warnings())
                ctx.err << "warning: " << w << "\n";
        }
        if (!setup)
            return fail(ctx, setup.error());
        const bool exists = (*setup)->repositoryExists();
        auto passphrase =
            obtainPassphrase(ctx, parser.value(QStringLiteral("insecure-passphrase")),
                             parser.value(QStringLiteral("passphrase-file")),
                             exists ? QStringLiteral("Passphrase for the repository")
                                    : QStringLiteral("New passphrase for the repository"),
                             !exists);
        if (!passphrase)
            return fail(ctx, passphrase.error());
        auto done = (*setup)->complete(*passphrase);
        if (!done) {
            crypto::wipe(*passphrase);
            return fail(ctx, done.error());
        }
        const ClientConfig &config = (*setup)->config();
        if (parser.isSet(QStringLiteral("keyring"))) {
            const Status stored =
                ctx.keyringWrite
                    ? ctx.keyringWrite(client::Keyring::entryName(config.serverUrl), *passphrase)
                    : Status(makeError(ErrorCode::NotFound, QStringLiteral("no desktop keyring")));
            if (stored)
                ctx.out << "Passphrase stored in the desktop keyring\n";
            else
                ctx.err << "warning: passphrase not stored in the keyring: "
                        << stored.error().toString() << "\n";
        }
        crypto::wipe(*passphrase);
        if (done->wroteConfig)
            ctx.out << "Wrote a default configuration to " << config.path << "\n";
        ctx.out << (done->created ? "Created a new repository at "
                                  : "Unlocked the existing repository at ")
                << config.serverUrl << "\n"
                << "Credentials stored in " << config.credentialsPath() << "\n";
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeInitCommand()
{
    return std::make_unique<InitCommand>();
}

} // namespace obnam::cli
