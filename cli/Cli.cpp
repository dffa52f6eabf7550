#include "Cli.h"

#include "commands/Commands.h"

#include <QCommandLineParser>

namespace obnam::cli {

namespace {

QString globalHelp()
{
    QString text = QStringLiteral(
        "Usage: obnam-cli [--config FILE] COMMAND [OPTIONS] [ARGS]\n\n"
        "Encrypted, de-duplicating backups for Linux.\n\n"
        "Options:\n"
        "  -c, --config FILE  Use configuration FILE (default: "
        "$XDG_CONFIG_HOME/obnam/obnam.yaml).\n"
        "  -h, --help         Show this help; 'obnam-cli COMMAND --help' shows a command's.\n"
        "  -V, --version      Show the version.\n\n"
        "Commands:\n");
    for (const auto &c : allCommands())
        text += QStringLiteral("  %1%2\n")
                    .arg(c->name(), -17)
                    .arg(c->description().section(QLatin1Char('.'), 0, 0));
    text +=
        QStringLiteral("\nEnvironment:\n"
                       "  OBNAM_PASSPHRASE      passphrase, instead of a prompt\n"
                       "  OBNAM_NEW_PASSPHRASE  new passphrase for 'key add' and 'key passwd'\n\n"
                       "Exit status: 0 success, 1 error (including a backup that found new "
                       "CACHEDIR.TAG files, and a\n"
                       "restore with entries that could not be restored), 2 bad usage, 130 or "
                       "143 when\nCtrl-C or SIGTERM stopped a backup or restore at a safe "
                       "point.\n");
    return text;
}

} // namespace

int run(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version({QStringLiteral("V"), QStringLiteral("version")}, QString());
    const QCommandLineOption config({QStringLiteral("c"), QStringLiteral("config")}, QString(),
                                    QStringLiteral("FILE"));
    parser.addOptions({help, version, config});
    if (!parser.parse(arguments)) {
        ctx.err << "error: " << parser.errorText() << "\nTry 'obnam-cli --help'.\n";
        return ExitUsage;
    }
    if (parser.isSet(version)) {
        ctx.out << "obnam-cli " << OBNAM_VERSION << "\n";
        return ExitOk;
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(help) || rest.isEmpty()) {
        (rest.isEmpty() && !parser.isSet(help) ? ctx.err : ctx.out) << globalHelp();
        return parser.isSet(help) ? ExitOk : ExitUsage;
    }
    for (const auto &command : allCommands()) {
        if (command->name() == rest.first()) {
            QStringList commandArgs = rest;
            commandArgs[0] = QStringLiteral("obnam-cli ") + rest.first();
            const int code = command->run(ctx, commandArgs, parser.value(config));
            ctx.out.flush();
            ctx.err.flush();
            return code;
        }
    }
    ctx.err << "error: unknown command '" << rest.first() << "'\nTry 'obnam-cli --help'.\n";
    return ExitUsage;
}

} // namespace obnam::cli
