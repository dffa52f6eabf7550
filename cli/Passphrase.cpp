#include "Passphrase.h"

#include "crypto/Crypto.h"

#include <QFile>

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace obnam::cli {

Result<QByteArray> obtainPassphrase(const CliContext &ctx, const QString &explicitValue,
                                    const QString &passphraseFile, const QString &purpose,
                                    bool confirm, const QString &keyringEntry)
{
    if (!explicitValue.isEmpty())
        return explicitValue.toUtf8();
    if (!passphraseFile.isEmpty()) {
        QFile f(passphraseFile);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io,
                             QStringLiteral("cannot read passphrase file: ") + f.errorString(),
                             passphraseFile);
        QByteArray pw = f.read(4096);
        // One line: the trailing newline an editor adds is not part of the passphrase.
        const qsizetype nl = pw.indexOf('\n');
        if (nl >= 0)
            pw.truncate(nl);
        if (pw.endsWith('\r'))
            pw.chop(1);
        if (pw.isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("passphrase file is empty"),
                             passphraseFile);
        return pw;
    }
    if (ctx.env.contains(QStringLiteral("OBNAM_PASSPHRASE"))) {
        QByteArray pw = ctx.env.value(QStringLiteral("OBNAM_PASSPHRASE")).toUtf8();
        if (pw.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("OBNAM_PASSPHRASE is set but empty"));
        return pw;
    }
    if (!keyringEntry.isEmpty() && ctx.keyringRead) {
        if (auto stored = ctx.keyringRead(keyringEntry); stored && !stored->isEmpty())
            return *stored;
    }
    if (ctx.promptPassphrase) {
        // A new passphrase is typed twice; answers that differ (a slip of the finger) are
        // asked for again, three times in all.
        for (int attempt = 1; attempt <= (confirm ? 3 : 1); ++attempt) {
            auto first = ctx.promptPassphrase(purpose + QStringLiteral(": "));
            if (!first)
                break;
            if (first->isEmpty())
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("the passphrase is empty"));
            if (!confirm)
                return *first;
            auto second = ctx.promptPassphrase(QStringLiteral("Repeat to confirm: "));
            if (second && *second == *first) {
                crypto::wipe(*second);
                return *first;
            }
            crypto::wipe(*first);
            if (second)
                crypto::wipe(*second);
            if (!second)
                break;
            if (attempt == 3)
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("the passphrases did not match, three times"));
            ctx.err << "The passphrases do not match; try again.\n" << Qt::flush;
        }
    }
    return makeError(
        ErrorCode::InvalidArgument,
        QStringLiteral(
            "no passphrase given: use a terminal, OBNAM_PASSPHRASE or --passphrase-file"));
}

std::optional<QByteArray> promptOnTerminal(const QString &prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return std::nullopt;
    struct termios old
    {};
    if (::tcgetattr(fd, &old) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    const QByteArray p = prompt.toLocal8Bit();
    (void)!::write(fd, p.constData(), size_t(p.size()));
    struct termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
    QByteArray line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line.append(c);
    ::tcsetattr(fd, TCSAFLUSH, &old);
    ::close(fd);
    return line;
}

} // namespace obnam::cli
