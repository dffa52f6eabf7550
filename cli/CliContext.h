#pragma once

#include "Paths.h"
#include "support/Result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QTextStream>

#include <functional>
#include <optional>

namespace obnam::cli {

// Everything a command touches outside itself, so tests run commands in-process with
// captured output, their own environment and scripted passphrase answers.
struct CliContext
{
    QTextStream &out;
    QTextStream &err;
    QProcessEnvironment env;
    bool stderrIsTerminal = false;
    // Asks for a passphrase without echo; empty optional when no terminal can be asked.
    std::function<std::optional<QByteArray>(const QString &prompt)> promptPassphrase;
    // The desktop keyring; unset means none. read gives nothing when there is no entry.
    std::function<std::optional<QByteArray>(const QString &entry)> keyringRead;
    std::function<Status(const QString &entry, const QByteArray &passphrase)> keyringWrite;

    // Where the client keeps its files, for this environment.
    client::Paths paths() const { return client::Paths(env); }
};

// Exit codes, documented in --help and docs/cli.md.
enum ExitCode : int
{
    ExitOk = 0,
    ExitError = 1,
    ExitUsage = 2,
};

} // namespace obnam::cli
