#include "Commands.h"

#include "../Passphrase.h"
#include "crypto/Crypto.h"
#include "repo/Repository.h"

namespace obnam::cli {

namespace {

const QCommandLineOption
    kNewPassphraseFile(QStringLiteral("new-passphrase-file"),
                       QStringLiteral("Read the new passphrase from the first line of FILE."),
                       QStringLiteral("FILE"));

// The new passphrase for add and passwd: --new-passphrase-file, OBNAM_NEW_PASSPHRASE, or a
// prompt asked twice.
Result<QByteArray> newPassphrase(const CliContext &ctx, const QCommandLineParser &parser)
{
    CliContext scoped{
        ctx.out, ctx.err, QProcessEnvironment(), ctx.stderrIsTerminal, ctx.promptPassphrase,
        {}, // never the keyring: it holds the old passphrase
        {}};
    if (ctx.env.contains(QStringLiteral("OBNAM_NEW_PASSPHRASE")))
        scoped.env.insert(QStringLiteral("OBNAM_PASSPHRASE"),
                          ctx.env.value(QStringLiteral("OBNAM_NEW_PASSPHRASE")));
    return obtainPassphrase(scoped, {}, parser.value(kNewPassphraseFile),
                            QStringLiteral("New passphrase"), true);
}

class KeyCommand final : public RepositoryCommand
{
public:
    KeyCommand()
        : RepositoryCommand(
              QStringLiteral("key"),
              QStringLiteral(
                  "Manage the repository's key slots: 'key list', 'key add', 'key remove "
                  "ID', 'key passwd ID'. Each slot opens the repository with its own "
                  "passphrase; changing one never re-encrypts data."))
    {
        addOption(kNewPassphraseFile);
        addPositional(QStringLiteral("ACTION"), QStringLiteral("list, add, remove or passwd."));
        addPositional(QStringLiteral("ID"), QStringLiteral("Key slot id, for remove and passwd."),
                      QStringLiteral("[ID]"));
        setPositionalRange(1, 2);
    }

protected:
    int executeWithRepository(CliContext &ctx, const QCommandLineParser &parser,
                              Session &s) override
    {
        const QStringList args = parser.positionalArguments();
        const QString action = args[0];
        const bool needsId =
            action == QStringLiteral("remove") || action == QStringLiteral("passwd");
        if (needsId != (args.size() == 2) ||
            !QStringList{QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("remove"),
                         QStringLiteral("passwd")}
                 .contains(action)) {
            ctx.err << "error: usage: obnam-cli key list | add | remove ID | passwd ID\n";
            return ExitUsage;
        }
        Repository &repo = *s.repository;
        if (action == QStringLiteral("list")) {
            auto keys = repo.listKeys();
            if (!keys)
                return fail(ctx, keys.error());
            for (const KeySlotInfo &k : std::as_const(*keys))
                ctx.out << k.id << " argon2id memory=" << k.params.memoryKiB
                        << "KiB iterations=" << k.params.iterations
                        << " parallelism=" << k.params.parallelism << "\n";
            return ExitOk;
        }
        if (action == QStringLiteral("remove")) {
            if (auto st = repo.removeKey(args[1]); !st)
                return fail(ctx, st.error());
            ctx.out << "Removed key slot " << args[1] << "\n";
            return ExitOk;
        }
        QByteArray oldPassphrase;
        if (action == QStringLiteral("passwd")) {
            auto old = obtainPassphrase(ctx, {}, parser.value(QStringLiteral("passphrase-file")),
                                        QStringLiteral("Current passphrase of key slot ") + args[1],
                                        false);
            if (!old)
                return fail(ctx, old.error());
            oldPassphrase = *old;
        }
        auto fresh = newPassphrase(ctx, parser);
        if (!fresh)
            return fail(ctx, fresh.error());
        if (action == QStringLiteral("add")) {
            auto id = repo.addKey(*fresh, crypto::KdfParams::production());
            crypto::wipe(*fresh);
            if (!id)
                return fail(ctx, id.error());
            ctx.out << "Added key slot " << *id << "\n";
            return ExitOk;
        }
        auto st =
            repo.changePassphrase(args[1], oldPassphrase, *fresh, crypto::KdfParams::production());
        crypto::wipe(*fresh);
        crypto::wipe(oldPassphrase);
        if (!st)
            return fail(ctx, st.error());
        ctx.out << "Changed the passphrase of key slot " << args[1] << "\n";
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeKeyCommand()
{
    return std::make_unique<KeyCommand>();
}

} // namespace obnam::cli
