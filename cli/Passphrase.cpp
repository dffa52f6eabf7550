#include "Passphrase.h"

#include "PassphraseSources.h"
#include "crypto/Crypto.h"

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace obnam::cli {

Result<QByteArray> obtainPassphrase(const CliContext &ctx, const QString &explicitValue,
                                    const QString &passphraseFile, const QString &purpose,
                                    bool confirm, const QString &keyringEntry)
{
    auto found = client::findPassphrase({explicitValue, passphraseFile, keyringEntry}, ctx.env,
                                        ctx.keyringRead);
    if (!found)
        return found.error();
    if (found->has_value())
        return **found;
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
