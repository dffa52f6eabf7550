#include "SystemSources.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QDir>
#include <QNetworkInformation>

#include <time.h>

namespace obnam::gui {

namespace {
const QString kUPower = QStringLiteral("org.freedesktop.UPower");
const QString kUPowerPath = QStringLiteral("/org/freedesktop/UPower");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");
} // namespace

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

QTimeZone SystemClock::zone() const
{
    return QTimeZone::systemTimeZone();
}

UPowerSource::UPowerSource(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return;
    bus.connect(kUPower, kUPowerPath, kProperties, QStringLiteral("PropertiesChanged"), this,
                SLOT(propertiesChanged(QString, QVariantMap, QStringList)));
    ask();
}

void UPowerSource::ask()
{
    QDBusMessage get =
        QDBusMessage::createMethodCall(kUPower, kUPowerPath, kProperties, QStringLiteral("Get"));
    get << kUPower << QStringLiteral("OnBattery");
    // Asynchronous: a system bus that is slow to answer must not hold up the tray's start.
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::systemBus().asyncCall(get, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (reply.isError())
            return;
        const bool battery = reply.value().variant().toBool();
        if (battery != m_onBattery) {
            m_onBattery = battery;
            Q_EMIT changed();
        }
    });
}

void UPowerSource::propertiesChanged(const QString &interface, const QVariantMap &changedProps,
                                     const QStringList &invalidated)
{
    if (interface != kUPower)
        return;
    if (changedProps.contains(QStringLiteral("OnBattery"))) {
        const bool battery = changedProps.value(QStringLiteral("OnBattery")).toBool();
        if (battery != m_onBattery) {
            m_onBattery = battery;
            Q_EMIT changed();
        }
    } else if (invalidated.contains(QStringLiteral("OnBattery"))) {
        ask();
    }
}

NetworkInfoSource::NetworkInfoSource(QObject *parent)
    : QObject(parent)
{
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Metered);
    if (auto *info = QNetworkInformation::instance())
        connect(info, &QNetworkInformation::isMeteredChanged, this, &NetworkInfoSource::changed);
}

bool NetworkInfoSource::metered() const
{
    const auto *info = QNetworkInformation::instance();
    return info && info->supports(QNetworkInformation::Feature::Metered) && info->isMetered();
}

bool FileDiskSource::present(const QString &repositoryPath) const
{
    // A removable disk's mount point may exist while the disk is away; the repository in it
    // does not, or is an empty folder.
    const QDir dir(repositoryPath);
    return dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace obnam::gui
