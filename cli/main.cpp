#include "Cli.h"
#include "Keyring.h"
#include "Passphrase.h"
#include "support/Allocator.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv)
{
    obnam::tuneAllocator();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("obnam-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OBNAM_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    obnam::cli::CliContext ctx{out,
                               err,
                               QProcessEnvironment::systemEnvironment(),
                               ::isatty(STDERR_FILENO) == 1,
                               &obnam::cli::promptOnTerminal,
                               [](const QString &entry) {
                                   // Waiting is safe: the keyring's jobs run on its own thread.
                                   auto found = obnam::client::Keyring::read(entry).result();
                                   return found ? *found : std::nullopt;
                               },
                               [](const QString &entry, const QByteArray &passphrase) {
                                   return obnam::client::Keyring::write(entry, passphrase).result();
                               }};
    return obnam::cli::run(ctx, QCoreApplication::arguments());
}
