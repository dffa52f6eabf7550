#pragma once

#include "Paths.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace obnam::gui {

class BackupRunner;
class DesktopNotifier;
class MainWindow;
class ScheduledBackups;
class SetupWizard;
class SystemSourcesBundle;
class TrayIcon;

// What obnam-gui shows: the first-run wizard when there is no configuration yet, then (or
// straight away) the backup window; and, once there is a configuration, the scheduler with
// its tray icon. With `trayOnly` (obnam-gui --tray, as started at login) only the tray shows
// until the user opens the window. Raises whichever window is showing when asked to.
class Launcher : public QObject
{
    Q_OBJECT

public:
    Launcher(client::Paths paths, QString configPath, QObject *parent = nullptr);
    ~Launcher() override;

    void setTrayOnly(bool trayOnly) { m_trayOnly = trayOnly; }
    // How long --tray waits for a panel's tray to appear before it says there is none.
    void setTrayWait(int ms) { m_trayWaitMs = ms; }
    void start();
    // Brings the visible window to the front (a second launch asked for it).
    void raise();

    MainWindow *window() const;
    SetupWizard *wizard() const;
    TrayIcon *tray() const { return m_tray; }
    ScheduledBackups *scheduled() const { return m_scheduled; }

private:
    void showWindow(bool backUpNow);
    void startScheduler();
    void showTray(int waitedMs);
    void updateTray();
    void noTray();

    client::Paths m_paths;
    QString m_configPath;
    bool m_trayOnly = false;
    QPointer<SetupWizard> m_wizard;
    QPointer<MainWindow> m_window;
    BackupRunner *m_runner = nullptr;
    std::unique_ptr<SystemSourcesBundle> m_sources;
    DesktopNotifier *m_notifier = nullptr;
    ScheduledBackups *m_scheduled = nullptr;
    TrayIcon *m_tray = nullptr;
    bool m_trayAvailable = false;
    bool m_trayChecked = false;   // whether there is a tray is known
    bool m_noTrayOffered = false; // the timer was offered in this process
    int m_trayWaitMs = 20000;
};

} // namespace obnam::gui
