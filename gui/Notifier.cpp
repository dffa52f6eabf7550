#include "Notifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>

namespace obnam::gui {

DesktopNotifier::DesktopNotifier(QObject *parent)
    : Notifier(parent)
{}

void DesktopNotifier::notify(const QString &title, const QString &body, Urgency urgency)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        fallBack(title, body, urgency);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    const QVariantMap hints{
        {QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency))},
        {QStringLiteral("desktop-entry"), QStringLiteral("org.obnam.ObnamQt")},
    };
    call << QStringLiteral("Obnam") << uint(0) << QStringLiteral("org.obnam.ObnamQt") << title
         << body << QStringList() << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, title, body, urgency](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                if (QDBusPendingReply<uint>(*w).isError())
                    fallBack(title, body, urgency);
            });
}

void DesktopNotifier::fallBack(const QString &title, const QString &body, Urgency urgency)
{
    if (!m_tray || !m_tray->isVisible())
        return;
    m_tray->showMessage(title, body,
                        urgency == Urgency::Critical ? QSystemTrayIcon::Critical
                                                     : QSystemTrayIcon::Information);
}

} // namespace obnam::gui

namespace obnam::gui {

void DesktopNotifier::setTray(QSystemTrayIcon *tray)
{
    m_tray = tray;
}

} // namespace obnam::gui
