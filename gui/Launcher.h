#pragma once

#include "Paths.h"

#include <QObject>
#include <QPointer>

namespace obnam::gui {

class MainWindow;
class SetupWizard;

// What obnam-gui shows: the first-run wizard when there is no configuration yet, then (or
// straight away) the backup window. Raises whichever is showing when asked to.
class Launcher : public QObject
{
    Q_OBJECT

public:
    Launcher(client::Paths paths, QString configPath, QObject *parent = nullptr);
    ~Launcher() override;

    void start();
    // Brings the visible window to the front (a second launch asked for it).
    void raise();

    MainWindow *window() const;
    SetupWizard *wizard() const;

private:
    void showWindow(bool backUpNow);

    client::Paths m_paths;
    QString m_configPath;
    QPointer<SetupWizard> m_wizard;
    QPointer<MainWindow> m_window;
};

} // namespace obnam::gui
