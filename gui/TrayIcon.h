#pragma once

#include "BackupRunner.h"

#include <QIcon>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace obnam::gui {

class ScheduledBackups;

// obnam-gui in the system tray: an icon whose shape says how backups stand (and whose tooltip
// says it in words), and a menu to back up now, pause the schedule, open the window or the
// browser, and quit. A click opens the window.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,    // a check mark: the last backup went well
        Running, // an arrow: a backup runs
        Paused,  // two bars: a backup or the schedule is paused
        Overdue, // a clock: no successful backup for longer than the schedule allows
        Error,   // a cross: the last backup failed
    };
    Q_ENUM(State)

    TrayIcon(ScheduledBackups *backups, BackupRunner *runner, QObject *parent = nullptr);
    ~TrayIcon() override;

    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }
    State state() const { return m_state; }
    QString toolTip() const;
    void show();

    // The icon of a state, drawn over the application's icon; the shapes differ, not only the
    // colours, so they read on any panel and for colour-blind users.
    static QIcon icon(State state);

Q_SIGNALS:
    void openWindow();
    void browse();
    void quit();

private:
    void update();
    QString pausedUntil() const;
    QString heldBack() const;

    ScheduledBackups *m_backups;
    QPointer<BackupRunner> m_runner;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QAction *m_backUp;
    QMenu *m_pauseMenu;
    QAction *m_resume;
    State m_state = State::Idle;
    bool m_stateSet = false;
    OperationProgress m_progress;
    bool m_haveProgress = false;
};

} // namespace obnam::gui
