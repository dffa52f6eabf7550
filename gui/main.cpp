// obnam-gui: the desktop backup window. Everything but start-up lives in the obnam_gui library.
#include "Launcher.h"
#include "Paths.h"
#include "SingleInstance.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QStandardPaths>

#include <unistd.h>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("obnam-gui"));
    QApplication::setApplicationVersion(QStringLiteral(OBNAM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.obnam.ObnamQt"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/obnam.svg")));
    obnam::gui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Encrypted, de-duplicating backups for Linux: the desktop "
                                        "backup window."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(
        {QStringLiteral("c"), QStringLiteral("config")},
        QApplication::translate("main", "Use this configuration file instead of the default."),
        QStringLiteral("FILE"));
    parser.addOption(config);
    const QCommandLineOption tray(
        QStringLiteral("tray"),
        QApplication::translate("main", "Start in the system tray only, as at login: scheduled "
                                        "backups run, and a click on the icon opens the window."));
    parser.addOption(tray);
    parser.process(app);

    const obnam::client::Paths paths;
    const QString configPath = parser.isSet(config)
                                   ? QFileInfo(parser.value(config)).absoluteFilePath()
                                   : paths.defaultConfigFile();

    QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        runtime = QDir::tempPath();
    // One window per user and configuration.
    const QString name =
        QStringLiteral("obnam-gui-%1-%2.socket").arg(::getuid()).arg(qHash(configPath), 0, 16);
    obnam::gui::SingleInstance instance(runtime, name);
    if (!instance.claim())
        return 0;

    obnam::gui::Launcher launcher(paths, configPath);
    launcher.setTrayOnly(parser.isSet(tray));
    QObject::connect(&instance, &obnam::gui::SingleInstance::activated, &launcher,
                     &obnam::gui::Launcher::raise);
    launcher.start();
    return app.exec();
}
