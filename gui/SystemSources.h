#pragma once

#include "Scheduler.h"

#include <QObject>
#include <QVariantMap>

namespace obnam::gui {

// The scheduler's view of this computer. Each source that can tell when it changes says so
// through changed(), so a plugged-in charger starts a held-back backup without waiting.

class SystemClock : public client::Clock
{
public:
    QDateTime now() const override;
    qint64 monotonicMs() const override; // CLOCK_MONOTONIC: stands still while suspended
    QTimeZone zone() const override;
};

// UPower's OnBattery on the system bus. Without UPower (a desktop, a container) the answer is
// "not on battery".
class UPowerSource : public QObject, public client::PowerSource
{
    Q_OBJECT

public:
    explicit UPowerSource(QObject *parent = nullptr);
    bool onBattery() const override { return m_onBattery; }

Q_SIGNALS:
    void changed();

private Q_SLOTS:
    void propertiesChanged(const QString &interface, const QVariantMap &changed,
                           const QStringList &invalidated);

private:
    void ask();
    bool m_onBattery = false;
};

// QNetworkInformation's metered flag (NetworkManager's backend on Linux). Where no backend
// can tell, the connection counts as not metered.
class NetworkInfoSource : public QObject, public client::NetworkSource
{
    Q_OBJECT

public:
    explicit NetworkInfoSource(QObject *parent = nullptr);
    bool metered() const override;

Q_SIGNALS:
    void changed();
};

class FileDiskSource : public client::DiskSource
{
public:
    bool present(const QString &repositoryPath) const override;
};

} // namespace obnam::gui
