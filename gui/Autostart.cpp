#include "Autostart.h"

#include "WholeFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace obnam::gui::autostart {

QString file(const client::Paths &paths)
{
    return paths.configHome() + QStringLiteral("/autostart/org.obnam.ObnamQt.desktop");
}

bool enabled(const client::Paths &paths)
{
    return QFile::exists(file(paths));
}

QString execArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool quote = argument.isEmpty();
    QString escaped;
    // The value is unescaped as a string first (\\ becomes \), then split by the quoting
    // rules, where " ` $ and \ inside quotes take a backslash: so each such character is
    // written with two backslashes before it, and a backslash as four.
    for (const QChar c : argument) {
        quote = quote || reserved.contains(c);
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$'))
            escaped += QStringLiteral("\\\\") + c;
        else if (c == QLatin1Char('\\'))
            escaped += QStringLiteral("\\\\\\\\");
        else
            escaped += c;
    }
    // Field codes start with %: a literal one is doubled, quoted or not.
    escaped.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return quote ? QLatin1Char('"') + escaped + QLatin1Char('"') : escaped;
}

Status enable(const client::Paths &paths, const QString &program, const QString &configPath)
{
    const QString path = file(paths);
    if (!QDir().mkpath(QFileInfo(path).path()))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot create the folder"),
                         QFileInfo(path).path());
    QString exec = execArgument(program) + QStringLiteral(" --tray");
    if (QFileInfo(configPath).absoluteFilePath() !=
        QFileInfo(paths.defaultConfigFile()).absoluteFilePath())
        exec += QStringLiteral(" --config ") + execArgument(configPath);
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Obnam Backup\n"
                                         "Comment=Scheduled backups, waiting in the tray\n"
                                         "Exec=%1\n"
                                         "Icon=org.obnam.ObnamQt\n"
                                         "Terminal=false\n"
                                         "NoDisplay=true\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(exec);
    return client::writeWholeFile(
        path, entry.toUtf8(),
        QCoreApplication::translate("obnam", "cannot write the autostart entry: "), false);
}

Status disable(const client::Paths &paths)
{
    const QString path = file(paths);
    if (QFile::exists(path) && !QFile::remove(path))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot remove the autostart entry"),
                         path);
    return {};
}

} // namespace obnam::gui::autostart
