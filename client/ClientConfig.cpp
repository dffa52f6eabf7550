#include "ClientConfig.h"
#include "ConfigReader.h"
#include "S3Config.h"
#include "WholeFile.h"

#include "chunk/Chunker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSslCertificate>

#include <yaml-cpp/yaml.h>

#include <sys/stat.h>

namespace obnam::client {

namespace {

const QStringList kKnownKeys{
    QStringLiteral("roots"),
    QStringLiteral("server_url"),
    QStringLiteral("verify_tls_cert"),
    QStringLiteral("chunk_size"),
    QStringLiteral("log"),
    QStringLiteral("exclude_cache_tag_directories"),
    QStringLiteral("exclude"),
    QStringLiteral("one_file_system"),
    QStringLiteral("client_name"),
    QStringLiteral("compression"),
    QStringLiteral("access_token"),
    QStringLiteral("server_cert_sha256"),
    QStringLiteral("server_ca_file"),
    QStringLiteral("keep_last"),
    QStringLiteral("keep_hourly"),
    QStringLiteral("keep_daily"),
    QStringLiteral("keep_weekly"),
    QStringLiteral("keep_monthly"),
    QStringLiteral("keep_yearly"),
    QStringLiteral("schedule"),
    QStringLiteral("schedule_time"),
    QStringLiteral("schedule_day"),
    QStringLiteral("schedule_on_battery"),
    QStringLiteral("schedule_on_metered"),
    QStringLiteral("schedule_overdue_days"),
    QStringLiteral("schedule_notify_success"),
    QStringLiteral("schedule_catch_up_delay"),
};

Status parseServerUrl(ClientConfig &c, const QString &url, const ConfigReader &r,
                      const Paths &paths)
{
    if (isS3Url(url)) {
        auto s3 = parseS3(url, r, paths, c.path, c.warnings);
        if (!s3)
            return s3.error();
        c.serverUrl = url;
        c.s3 = std::move(*s3);
        return {};
    }
    for (const QString &key : s3Keys())
        if (r.has(key.toLatin1().constData()))
            return r.error(key, QCoreApplication::translate(
                                    "obnam", "only applies to an S3 repository (server_url "
                                             "s3://HOST/BUCKET)"));
    if (url.startsWith(QStringLiteral("https://"))) {
        c.serverUrl = url;
        return {};
    }
    if (url.startsWith(QStringLiteral("http://")))
        return r.error(QStringLiteral("server_url"),
                       QCoreApplication::translate(
                           "obnam", "uses plain http://, which would send backups unencrypted in "
                                    "transit; use an https: URL or a local repository path"));
    QString local = url;
    if (local.startsWith(QStringLiteral("file://")))
        local = local.mid(7);
    if (!local.startsWith(QLatin1Char('/')))
        return r.error(QStringLiteral("server_url"),
                       QCoreApplication::translate(
                           "obnam", "must be an https: URL, an s3:// URL, a file:/// URL or an "
                                    "absolute path"));
    c.serverUrl = url;
    c.repositoryPath = QDir::cleanPath(local);
    return {};
}

// The keys that reach an obnam-server: the token (OBNAM_ACCESS_TOKEN wins over the file, so a
// timer unit can keep it out of the configuration), and how the server's certificate is trusted.
Status parseServerAccess(ClientConfig &c, const ConfigReader &r, const Paths &paths)
{
    if (r.has("access_token")) {
        auto v = r.string("access_token");
        if (!v)
            return v.error();
        c.accessToken = v->trimmed().toUtf8();
        // The token opens the account on the server: as secret as passwords.yaml, which is
        // refused when others can read it. A readable configuration is only warned about, as
        // it may be shared on purpose; the warning says how to close it.
        if (!c.accessToken.isEmpty())
            if (auto w = r.readableSecretWarning("access_token",
                                                 QStringLiteral("the token to OBNAM_ACCESS_TOKEN")))
                c.warnings.append(*w);
    }
    const QString fromEnv =
        paths.environment().value(QStringLiteral("OBNAM_ACCESS_TOKEN")).trimmed();
    if (!fromEnv.isEmpty())
        c.accessToken = fromEnv.toUtf8();
    for (const char ch : std::as_const(c.accessToken)) {
        // Tokens travel in an HTTP header; anything that could split or end it is refused.
        if (ch <= 0x20 || ch >= 0x7f)
            return r.error(QStringLiteral("access_token"),
                           QCoreApplication::translate(
                               "obnam", "(or OBNAM_ACCESS_TOKEN) contains characters a token "
                                        "never has"));
    }
    if (r.has("server_cert_sha256")) {
        auto v = r.string("server_cert_sha256");
        if (!v)
            return v.error();
        QString hex = v->trimmed().toLower();
        hex.remove(QLatin1Char(':'));
        static const QRegularExpression sha256(QStringLiteral("\\A[0-9a-f]{64}\\z"));
        if (!sha256.match(hex).hasMatch())
            return r.error(QStringLiteral("server_cert_sha256"),
                           QStringLiteral("must be a SHA-256 fingerprint: 64 hex digits, colons "
                                          "allowed (obnam-server prints it at start)"));
        c.serverCertSha256 = QByteArray::fromHex(hex.toLatin1());
    }
    if (r.has("server_ca_file")) {
        auto v = r.string("server_ca_file");
        if (!v)
            return v.error();
        c.serverCaFile = paths.expandHome(*v);
        QFile ca(c.serverCaFile);
        if (!ca.open(QIODevice::ReadOnly))
            return r.error(
                QStringLiteral("server_ca_file"),
                QCoreApplication::translate("obnam", "names a file that cannot be read: ") +
                    ca.errorString());
        if (QSslCertificate::fromDevice(&ca, QSsl::Pem).isEmpty())
            return r.error(QStringLiteral("server_ca_file"),
                           QCoreApplication::translate("obnam", "holds no PEM certificate"));
    }
    if (c.isLocal() && (!c.serverCertSha256.isEmpty() || !c.serverCaFile.isEmpty()))
        return r.error(
            QStringLiteral("server_url"),
            QCoreApplication::translate("obnam", "is a local repository, so server_cert_sha256 and "
                                                 "server_ca_file do not apply"));
    return {};
}

Status parseSchedule(Schedule &s, const ConfigReader &r)
{
    if (r.has("schedule")) {
        auto v = r.string("schedule");
        if (!v)
            return v.error();
        const auto every = Schedule::parseEvery(*v);
        if (!every)
            return r.error(QStringLiteral("schedule"),
                           QCoreApplication::translate(
                               "obnam", "must be one of off, hourly, daily or weekly"));
        s.every = *every;
    }
    if (r.has("schedule_time")) {
        auto v = r.string("schedule_time");
        if (!v)
            return v.error();
        const QTime t = QTime::fromString(*v, QStringLiteral("H:mm"));
        if (!t.isValid())
            return r.error(QStringLiteral("schedule_time"),
                           QCoreApplication::translate(
                               "obnam", "must be a time of day as HH:MM, such as 12:30"));
        s.at = t;
    }
    if (r.has("schedule_day")) {
        auto v = r.string("schedule_day");
        if (!v)
            return v.error();
        const auto day = Schedule::parseWeekday(*v);
        if (!day)
            return r.error(
                QStringLiteral("schedule_day"),
                QCoreApplication::translate("obnam", "must be a day of the week, such as monday"));
        s.weekday = *day;
    }
    const std::pair<const char *, bool *> flags[] = {
        {"schedule_on_battery", &s.onBattery},
        {"schedule_on_metered", &s.onMetered},
        {"schedule_notify_success", &s.notifySuccess},
    };
    for (const auto &[key, field] : flags) {
        if (!r.has(key))
            continue;
        auto v = r.boolean(key);
        if (!v)
            return v.error();
        *field = *v;
    }
    const std::tuple<const char *, int *, int, int, const char *> numbers[] = {
        {"schedule_overdue_days", &s.overdueDays, 1, 365,
         QT_TRANSLATE_NOOP("obnam", "must be a number of days from 1 to 365")},
        {"schedule_catch_up_delay", &s.catchUpDelaySeconds, 0, 3600,
         QT_TRANSLATE_NOOP("obnam", "must be a number of seconds from 0 to 3600")},
    };
    for (const auto &[key, field, low, high, what] : numbers) {
        if (!r.has(key))
            continue;
        auto v = r.integer(key);
        if (!v)
            return v.error();
        if (*v < low || *v > high)
            return r.error(QLatin1String(key), QCoreApplication::translate("obnam", what));
        *field = int(*v);
    }
    return {};
}

Result<ClientConfig> parse(const YAML::Node &root, const QString &path, const Paths &paths)
{
    if (!root.IsMap())
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("obnam", "configuration must be a YAML mapping"), path);
    for (const auto &item : root) {
        const QString key = QString::fromStdString(item.first.as<std::string>());
        if (!kKnownKeys.contains(key) && !s3Keys().contains(key))
            return makeError(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("obnam", "unknown configuration key '%1'").arg(key),
                path);
    }
    const ConfigReader r(root, path);
    ClientConfig c;
    c.path = path;
    if (!r.has("roots"))
        return r.error(QStringLiteral("roots"),
                       QCoreApplication::translate("obnam", "is required"));
    auto roots = r.strings("roots");
    if (!roots)
        return roots.error();
    if (roots->isEmpty())
        return r.error(QStringLiteral("roots"),
                       QCoreApplication::translate("obnam", "must list at least one directory"));
    for (const QString &entry : std::as_const(*roots)) {
        if (entry.isEmpty())
            return r.error(QStringLiteral("roots"),
                           QCoreApplication::translate("obnam", "must not contain an empty path"));
        c.roots.append(paths.expandHome(entry));
    }
    if (!r.has("server_url"))
        return r.error(QStringLiteral("server_url"),
                       QCoreApplication::translate("obnam", "is required"));
    auto url = r.string("server_url");
    if (!url)
        return url.error();
    if (auto s = parseServerUrl(c, paths.expandHome(*url), r, paths); !s)
        return s.error();
    if (r.has("verify_tls_cert")) {
        auto v = r.boolean("verify_tls_cert");
        if (!v)
            return v.error();
        c.verifyTlsCert = *v;
    }
    if (auto s = parseServerAccess(c, r, paths); !s)
        return s.error();
    if (r.has("chunk_size")) {
        auto v = r.integer("chunk_size");
        if (!v)
            return v.error();
        if (*v < 4096 || *v > 16 * 1024 * 1024 ||
            !ChunkerParams::forAverage(quint32(*v)).validate())
            return r.error(QStringLiteral("chunk_size"),
                           QCoreApplication::translate(
                               "obnam", "must be a power of two from 4096 to 16777216"));
        c.chunkSize = quint32(*v);
    }
    if (r.has("log")) {
        auto v = r.string("log");
        if (!v)
            return v.error();
        c.log = paths.expandHome(*v);
    }
    if (r.has("exclude_cache_tag_directories")) {
        auto v = r.boolean("exclude_cache_tag_directories");
        if (!v)
            return v.error();
        c.excludeCacheTagDirectories = *v;
    }
    if (r.has("exclude")) {
        auto v = r.strings("exclude");
        if (!v)
            return v.error();
        // As in roots: "~/Downloads" is the home's Downloads, not a folder named "~".
        for (const QString &pattern : std::as_const(*v)) {
            if (pattern.isEmpty())
                return r.error(
                    QStringLiteral("exclude"),
                    QCoreApplication::translate("obnam", "must not contain an empty pattern"));
            c.exclude.append(paths.expandHome(pattern));
        }
    }
    if (r.has("one_file_system")) {
        auto v = r.boolean("one_file_system");
        if (!v)
            return v.error();
        c.oneFileSystem = *v;
    }
    if (r.has("client_name")) {
        auto v = r.string("client_name");
        if (!v)
            return v.error();
        c.clientName = *v;
    }
    if (c.clientName.isEmpty())
        c.clientName = QSysInfo::machineHostName();
    const std::pair<const char *, int *> keeps[] = {
        {"keep_last", &c.retention.last},       {"keep_hourly", &c.retention.hourly},
        {"keep_daily", &c.retention.daily},     {"keep_weekly", &c.retention.weekly},
        {"keep_monthly", &c.retention.monthly}, {"keep_yearly", &c.retention.yearly},
    };
    for (const auto &[key, field] : keeps) {
        if (!r.has(key))
            continue;
        auto v = r.integer(key);
        if (!v)
            return v.error();
        if (*v < 0 || *v > 1000000)
            return r.error(QLatin1String(key), QStringLiteral("must be a count from 0 to 1000000"));
        *field = int(*v);
    }
    if (auto st = parseSchedule(c.schedule, r); !st)
        return st.error();
    if (r.has("compression")) {
        auto v = r.string("compression");
        if (!v)
            return v.error();
        bool ok = false;
        const int level = v->toInt(&ok);
        if (*v == QStringLiteral("none"))
            c.compression = 0;
        else if (ok && level >= 1 && level <= 19)
            c.compression = level;
        else
            return r.error(QStringLiteral("compression"),
                           QCoreApplication::translate(
                               "obnam", "must be a zstd level from 1 to 19 or 'none'"));
    }
    return c;
}

} // namespace

QString ClientConfig::credentialsPath() const
{
    return QFileInfo(path).absolutePath() + QStringLiteral("/passwords.yaml");
}

QJsonObject ClientConfig::toJson() const
{
    return QJsonObject{
        {QStringLiteral("roots"), QJsonArray::fromStringList(roots)},
        {QStringLiteral("server_url"), serverUrl},
        {QStringLiteral("s3_region"),
         isS3() ? QJsonValue(QString::fromLatin1(s3.region)) : QJsonValue()},
        {QStringLiteral("s3_addressing"),
         isS3() ? QJsonValue(s3.pathStyle ? QStringLiteral("path") : QStringLiteral("virtual-host"))
                : QJsonValue()},
        // Where the keys come from, never the keys themselves.
        {QStringLiteral("s3_credentials"), isS3() ? QJsonValue(s3.credentialSource) : QJsonValue()},
        {QStringLiteral("verify_tls_cert"), verifyTlsCert},
        {QStringLiteral("chunk_size"), qint64(chunkSize)},
        {QStringLiteral("log"), log.isEmpty() ? QJsonValue() : QJsonValue(log)},
        {QStringLiteral("exclude_cache_tag_directories"), excludeCacheTagDirectories},
        {QStringLiteral("exclude"), QJsonArray::fromStringList(exclude)},
        {QStringLiteral("one_file_system"), oneFileSystem},
        {QStringLiteral("client_name"), clientName},
        {QStringLiteral("compression"),
         compression == 0 ? QJsonValue(QStringLiteral("none")) : QJsonValue(compression)},
        {QStringLiteral("keep_last"), retention.last},
        {QStringLiteral("keep_hourly"), retention.hourly},
        {QStringLiteral("keep_daily"), retention.daily},
        {QStringLiteral("keep_weekly"), retention.weekly},
        {QStringLiteral("keep_monthly"), retention.monthly},
        {QStringLiteral("keep_yearly"), retention.yearly},
        {QStringLiteral("schedule"), Schedule::everyName(schedule.every)},
        {QStringLiteral("schedule_time"), schedule.at.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("schedule_day"), Schedule::weekdayName(schedule.weekday)},
        {QStringLiteral("schedule_on_battery"), schedule.onBattery},
        {QStringLiteral("schedule_on_metered"), schedule.onMetered},
        {QStringLiteral("schedule_overdue_days"), schedule.overdueDays},
        {QStringLiteral("schedule_notify_success"), schedule.notifySuccess},
        {QStringLiteral("schedule_catch_up_delay"), schedule.catchUpDelaySeconds},
        // Whether a token is set, never the token itself.
        {QStringLiteral("access_token"),
         accessToken.isEmpty() ? QJsonValue() : QJsonValue(QStringLiteral("(set)"))},
        {QStringLiteral("server_cert_sha256"),
         serverCertSha256.isEmpty() ? QJsonValue()
                                    : QJsonValue(QString::fromLatin1(serverCertSha256.toHex(':')))},
        {QStringLiteral("server_ca_file"),
         serverCaFile.isEmpty() ? QJsonValue() : QJsonValue(serverCaFile)},
    };
}

Result<ClientConfig> ClientConfig::load(const QString &path, const Paths &paths)
{
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "configuration file does not exist"),
                         path, Remedy::SetUpClient);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot read configuration: ") +
                             file.errorString(),
                         path);
    if (file.size() > 1024 * 1024)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "configuration file is too large"),
                         path);
    return fromText(file.readAll(), path, paths);
}

Result<ClientConfig> ClientConfig::fromText(const QByteArray &text, const QString &path,
                                            const Paths &paths)
{
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        return parse(root, path, paths);
    } catch (const YAML::Exception &e) {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("obnam", "configuration is not valid YAML: ") +
                             QString::fromStdString(e.what()),
                         path);
    }
}

Status ClientConfig::writeDefault(const QString &path, const QStringList &roots,
                                  const QString &repository)
{
    if (QFileInfo::exists(path))
        return makeError(ErrorCode::AlreadyExists,
                         QCoreApplication::translate("obnam", "configuration file exists"), path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("obnam", "cannot create configuration directory"), path);
    YAML::Emitter y;
    y << YAML::BeginMap;
    y << YAML::Key << "roots" << YAML::Value << YAML::BeginSeq;
    for (const QString &root : roots)
        y << root.toStdString();
    y << YAML::EndSeq;
    y << YAML::Key << "server_url" << YAML::Value << repository.toStdString();
    y << YAML::EndMap;
    return writeWholeFile(
        path,
        QByteArray("# obnam-cli configuration; see docs/cli.md for every key.\n") + y.c_str() +
            '\n',
        QCoreApplication::translate("obnam", "cannot write configuration: "), false);
}

} // namespace obnam::client
