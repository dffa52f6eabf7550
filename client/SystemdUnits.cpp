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

// The schedule in words for the unit's description: in English and without the locale's time
// format, so the file is the same whoever writes it (status compares it byte for byte).
QString inWords(const Schedule &s)
{
    const QString time = s.at.toString(QStringLiteral("HH:mm"));
    switch (s.every) {
    case Schedule::Every::Off:
        return QStringLiteral("not scheduled");
    case Schedule::Every::Hourly:
        return QStringLiteral("every hour at %1 minutes past").arg(s.at.minute());
    case Schedule::Every::Daily:
        return QStringLiteral("daily at %1").arg(time);
    case Schedule::Every::Weekly:
        return QStringLiteral("every %1 at %2").arg(Schedule::weekdayName(s.weekday), time);
    }
    return {};
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
    service += QStringLiteral("\n[Service]\n");
    // Not oneshot: systemd restarts only a service of another type on an exit status.
    service += QStringLiteral("Type=exec\n");
    service += QStringLiteral("ExecStart=%1 --config %2 schedule run\n")
                   .arg(systemdArgument(program), systemdArgument(absolute));
    // `schedule run` exits 75 when it held the backup back (on battery, the disk missing,
    // another backup running): it is tried again a quarter of an hour later, until it runs.
    service += QStringLiteral("RestartForceExitStatus=75\n");
    service += QStringLiteral("RestartSec=15min\n");
    // A backup in the background should not make the desktop sluggish.
    service += QStringLiteral("Nice=10\n");
    service += QStringLiteral("IOSchedulingClass=idle\n");
    t.service = service.toUtf8();

    QString timer;
    timer += QStringLiteral("# Written by `obnam-cli schedule install` from %1's schedule keys.\n")
                 .arg(plain(absolute));
    timer += QStringLiteral("[Unit]\n");
    timer += QStringLiteral("Description=Obnam backups, %1\n").arg(plain(inWords(s)));
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
