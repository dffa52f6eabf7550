#pragma once

#include "ClientConfig.h"
#include "Paths.h"

#include <QByteArray>
#include <QString>

namespace obnam::client {

// The systemd user service and timer that run `obnam-cli schedule run` on a configuration's
// schedule, for a computer without a tray (a server, stock GNOME). Persistent=true catches up
// on a run missed while the computer was off; a run held back (on battery unless allowed, the
// disk missing, another backup running) exits 75 and systemd starts it again later.
struct UserTimer
{
    QString name;      // "obnam-backup" for the default configuration, else with a suffix
    QString directory; // $XDG_CONFIG_HOME/systemd/user
    QByteArray service;
    QByteArray timer;

    QString serviceFile() const
    {
        return directory + QLatin1Char('/') + name + QStringLiteral(".service");
    }
    QString timerFile() const
    {
        return directory + QLatin1Char('/') + name + QStringLiteral(".timer");
    }
    QString timerUnit() const { return name + QStringLiteral(".timer"); }
};

// `program` is the obnam-cli the service runs (an absolute path).
UserTimer userTimer(const ClientConfig &config, const QString &configPath, const Paths &paths,
                    const QString &program);

// One argument of a unit's command line, quoted for systemd: "…" with \ and " escaped, and
// % and $ doubled so systemd expands neither.
QString systemdArgument(const QString &argument);

} // namespace obnam::client
