#include "SystemdUnits.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace obnam::client {

namespace {

// Unit files are read as text where % starts a specifier: a description must double it.
QString plain(QString text)
{
    return text.replace(QLatin1Char('%'), QStringLiteral("%%"))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace

QString systemdArgument(const QString &argument)
{
    QString out;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('%') || c == QLatin1Char('$'))
            out += c;
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return QLatin1Char('"') + out + QLatin1Char('"');
}

UserTimer userTimer(const ClientConfig &config, const QString &configPath, const Paths &paths,
                    const QString &program)
{
    UserTimer t;
    t.directory = paths.configHome() + QStringLiteral("/systemd/user");
    const QString absolute = QFileInfo(configPath).absoluteFilePath();
    // The default configuration gets the plain name (the one the package ships, which this
    // file then overrides); another configuration a name of its own, so both can be scheduled.
    t.name = QStringLiteral("obnam-backup");
    if (absolute != QFileInfo(paths.defaultConfigFile()).absoluteFilePath())
        t.name += QLatin1Char('-') +
                  QString::fromLatin1(
                      QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha256)
                          .toHex()
                          .left(8));
    const Schedule &s = config.schedule;

    QString service;
    service += QStringLiteral("# Written by `obnam-cli schedule install`; `obnam-cli schedule "
                              "remove` deletes it.\n");
    service += QStringLiteral("[Unit]\n");
    service += QStringLiteral("Description=Obnam backup of %1\n").arg(plain(absolute));
    service += QStringLiteral("Documentation=man:obnam-cli(1)\n");
    if (!s.onBattery)
        service += QStringLiteral("ConditionACPower=true\n");
    service += QStringLiteral("\n[Service]\n");
    service += QStringLiteral("Type=oneshot\n");
    service += QStringLiteral("ExecStart=%1 --config %2 schedule run\n")
                   .arg(systemdArgument(program), systemdArgument(absolute));
    // A backup in the background should not make the desktop sluggish.
    service += QStringLiteral("Nice=10\n");
    service += QStringLiteral("IOSchedulingClass=idle\n");
    t.service = service.toUtf8();

    QString timer;
    timer += QStringLiteral("# Written by `obnam-cli schedule install` from %1's schedule keys.\n")
                 .arg(plain(absolute));
    timer += QStringLiteral("[Unit]\n");
    timer += QStringLiteral("Description=Obnam backups, %1\n").arg(plain(s.describe()));
    timer += QStringLiteral("\n[Timer]\n");
    timer += QStringLiteral("OnCalendar=%1\n").arg(s.onCalendar());
    timer += QStringLiteral("Persistent=true\n");
    timer += QStringLiteral("Unit=%1.service\n").arg(t.name);
    timer += QStringLiteral("\n[Install]\n");
    timer += QStringLiteral("WantedBy=timers.target\n");
    t.timer = timer.toUtf8();
    return t;
}

} // namespace obnam::client
