#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace obnam::gui {

// Tells the user something while no window may be open: a failed backup, backups overdue.
class Notifier : public QObject
{
    Q_OBJECT

public:
    enum class Urgency
    {
        Low,
        Normal,
        Critical,
    };
    using QObject::QObject;
    virtual void notify(const QString &title, const QString &body, Urgency urgency) = 0;
};

// The freedesktop notification service on the session bus (what GNOME, KDE, XFCE and most
// others show); where there is none, the tray icon's own message balloon.
class DesktopNotifier : public Notifier
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    void setTray(QSystemTrayIcon *tray);
    void notify(const QString &title, const QString &body, Urgency urgency) override;

private:
    void fallBack(const QString &title, const QString &body, Urgency urgency);
    QPointer<QSystemTrayIcon> m_tray;
};

} // namespace obnam::gui
