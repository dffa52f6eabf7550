#include "PassphraseSources.h"

#include <QCoreApplication>
#include <QFile>

namespace obnam::client {

Result<std::optional<QByteArray>>
findPassphrase(const PassphraseSources &sources, const QProcessEnvironment &environment,
               const std::function<std::optional<QByteArray>(const QString &entry)> &keyringRead)
{
    if (!sources.explicitValue.isEmpty())
        return std::optional<QByteArray>(sources.explicitValue.toUtf8());
    if (!sources.file.isEmpty()) {
        QFile f(sources.file);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("obnam", "cannot read passphrase file: ") +
                                 f.errorString(),
                             sources.file);
        QByteArray pw = f.read(4096);
        // One line: the trailing newline an editor adds is not part of the passphrase.
        const qsizetype nl = pw.indexOf('\n');
        if (nl >= 0)
            pw.truncate(nl);
        if (pw.endsWith('\r'))
            pw.chop(1);
        if (pw.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate("obnam", "passphrase file is empty"),
                             sources.file);
        return std::optional<QByteArray>(pw);
    }
    if (environment.contains(QStringLiteral("OBNAM_PASSPHRASE"))) {
        QByteArray pw = environment.value(QStringLiteral("OBNAM_PASSPHRASE")).toUtf8();
        if (pw.isEmpty())
            return makeError(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("obnam", "OBNAM_PASSPHRASE is set but empty"));
        return std::optional<QByteArray>(pw);
    }
    if (!sources.keyringEntry.isEmpty() && keyringRead) {
        if (auto stored = keyringRead(sources.keyringEntry); stored && !stored->isEmpty())
            return stored;
    }
    return std::optional<QByteArray>();
}

} // namespace obnam::client
