#include "S3Config.h"

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>

#include <sys/stat.h>

namespace obnam::client {

namespace {

const QString kScheme = QStringLiteral("s3");
const QString kPlainScheme = QStringLiteral("s3+http");

// One section of an AWS INI file (~/.aws/credentials, ~/.aws/config): key = value lines under
// [name]. Comments start with # or ;. Nothing else of the format is needed here.
QHash<QString, QString> iniSection(const QByteArray &text, const QString &section)
{
    QHash<QString, QString> values;
    bool inside = false;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
            line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            inside = line.mid(1, line.size() - 2).trimmed() == section;
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (inside && eq > 0)
            values.insert(line.left(eq).trimmed().toLower(), line.mid(eq + 1).trimmed());
    }
    return values;
}

// A file of the AWS tools: missing is "nothing there"; unreadable is said.
Result<QByteArray> readAwsFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot read the AWS file: ") +
                             file.errorString(),
                         path);
    return file.read(1024 * 1024);
}

bool printable(const QByteArray &value)
{
    for (const char ch : value)
        if (ch <= 0x20 || ch >= 0x7f)
            return false;
    return true;
}

QString envValue(const Paths &paths, const char *name)
{
    return paths.environment().value(QLatin1String(name)).trimmed();
}

// Bucket and prefix from the URL's path: /BUCKET[/PREFIX...].
Status splitPath(S3Location &s3, const QString &path, const ConfigReader &r)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return r.error(
            QStringLiteral("server_url"),
            QCoreApplication::translate(
                "obnam", "names no bucket: use s3://HOST/BUCKET or s3://HOST/BUCKET/PREFIX"));
    // S3's rules for bucket names, with the capitals and underscores older stores allow.
    static const QRegularExpression bucket(QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9._-]{1,61}"
                                                          "[A-Za-z0-9]\\z"));
    if (!bucket.match(parts.first()).hasMatch())
        return r.error(QStringLiteral("server_url"),
                       QCoreApplication::translate("obnam", "names the bucket '%1', which is not "
                                                            "a valid S3 bucket name (3 to 63 "
                                                            "letters, digits, dots and hyphens)")
                           .arg(parts.first()));
    s3.bucket = parts.first();
    static const QRegularExpression segment(QStringLiteral("\\A[A-Za-z0-9_-][A-Za-z0-9._-]*\\z"));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (!segment.match(parts[i]).hasMatch() || parts[i] == QStringLiteral(".."))
            return r.error(QStringLiteral("server_url"),
                           QCoreApplication::translate(
                               "obnam", "has the prefix part '%1': a prefix is made of letters, "
                                        "digits, dots, hyphens and underscores between slashes")
                               .arg(parts[i]));
        s3.prefix += parts[i] + QLatin1Char('/');
    }
    return {};
}

// Keys from the configuration, the environment or the credentials file, in that order.
Status findCredentials(S3Location &s3, const ConfigReader &r, const Paths &paths,
                       const QString &profile, const QString &configPath, QStringList &warnings)
{
    const bool hasId = r.has("s3_access_key_id");
    const bool hasSecret = r.has("s3_secret_access_key");
    if (hasId != hasSecret)
        return r.error(hasId ? QStringLiteral("s3_secret_access_key")
                             : QStringLiteral("s3_access_key_id"),
                       QCoreApplication::translate(
                           "obnam", "is needed too: the access key ID and the secret access key "
                                    "go together"));
    if (hasId) {
        auto id = r.string("s3_access_key_id");
        if (!id)
            return id.error();
        auto secret = r.string("s3_secret_access_key");
        if (!secret)
            return secret.error();
        s3.credentials.accessKey = id->trimmed().toUtf8();
        s3.credentials.secretKey = secret->trimmed().toUtf8();
        s3.credentialSource = QStringLiteral("configuration");
        struct stat st
        {};
        if (::stat(QFile::encodeName(configPath).constData(), &st) == 0 && (st.st_mode & 077) != 0)
            warnings.append(
                QStringLiteral("%1 holds s3_secret_access_key and can be read by other users "
                               "(mode %2): run 'chmod 600 %1', or move the keys to "
                               "~/.aws/credentials or the AWS_* environment variables")
                    .arg(configPath)
                    .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0')));
    } else if (!envValue(paths, "AWS_ACCESS_KEY_ID").isEmpty() ||
               !envValue(paths, "AWS_SECRET_ACCESS_KEY").isEmpty()) {
        s3.credentials.accessKey = envValue(paths, "AWS_ACCESS_KEY_ID").toUtf8();
        s3.credentials.secretKey = envValue(paths, "AWS_SECRET_ACCESS_KEY").toUtf8();
        s3.credentials.sessionToken = envValue(paths, "AWS_SESSION_TOKEN").toUtf8();
        s3.credentialSource = QStringLiteral("environment");
        if (s3.credentials.accessKey.isEmpty() || s3.credentials.secretKey.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate(
                                 "obnam", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be "
                                          "set together"),
                             configPath);
    } else {
        QString file = envValue(paths, "AWS_SHARED_CREDENTIALS_FILE");
        file = file.isEmpty() ? paths.home() + QStringLiteral("/.aws/credentials")
                              : paths.expandHome(file);
        auto text = readAwsFile(file);
        if (!text)
            return text.error();
        const auto values = iniSection(*text, profile);
        s3.credentials.accessKey = values.value(QStringLiteral("aws_access_key_id")).toUtf8();
        s3.credentials.secretKey = values.value(QStringLiteral("aws_secret_access_key")).toUtf8();
        s3.credentials.sessionToken = values.value(QStringLiteral("aws_session_token")).toUtf8();
        s3.credentialSource = QStringLiteral("%1 [%2]").arg(file, profile);
        if (s3.credentials.accessKey.isEmpty() || s3.credentials.secretKey.isEmpty())
            return makeError(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate(
                    "obnam", "no S3 credentials: set s3_access_key_id and s3_secret_access_key, "
                             "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give the profile "
                             "'%1' aws_access_key_id and aws_secret_access_key in %2")
                    .arg(profile, file),
                configPath);
    }
    if (!printable(s3.credentials.accessKey) || !printable(s3.credentials.secretKey) ||
        !printable(s3.credentials.sessionToken))
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "obnam", "the S3 credentials (%1) contain characters keys never have")
                             .arg(s3.credentialSource),
                         configPath);
    return {};
}

Result<QByteArray> findRegion(const ConfigReader &r, const Paths &paths, const QString &profile)
{
    QString region;
    if (r.has("s3_region")) {
        auto v = r.string("s3_region");
        if (!v)
            return v.error();
        region = v->trimmed();
    }
    if (region.isEmpty())
        region = envValue(paths, "AWS_REGION");
    if (region.isEmpty())
        region = envValue(paths, "AWS_DEFAULT_REGION");
    if (region.isEmpty()) {
        QString file = envValue(paths, "AWS_CONFIG_FILE");
        file =
            file.isEmpty() ? paths.home() + QStringLiteral("/.aws/config") : paths.expandHome(file);
        auto text = readAwsFile(file);
        if (!text)
            return text.error();
        // ~/.aws/config names every profile but the default one "profile NAME".
        const QString section =
            profile == QStringLiteral("default") ? profile : QStringLiteral("profile ") + profile;
        region = iniSection(*text, section).value(QStringLiteral("region"));
    }
    if (region.isEmpty())
        region = QStringLiteral("us-east-1");
    static const QRegularExpression valid(QStringLiteral("\\A[a-z0-9-]{1,64}\\z"));
    if (!valid.match(region).hasMatch())
        return r.error(QStringLiteral("s3_region"),
                       QCoreApplication::translate(
                           "obnam", "(or AWS_REGION) must be a region name such as eu-west-1"));
    return region.toLatin1();
}

} // namespace

const QStringList &s3Keys()
{
    static const QStringList keys{
        QStringLiteral("s3_region"),
        QStringLiteral("s3_access_key_id"),
        QStringLiteral("s3_secret_access_key"),
        QStringLiteral("s3_profile"),
        QStringLiteral("s3_addressing"),
    };
    return keys;
}

bool isS3Url(const QString &url)
{
    return url.startsWith(kScheme + QStringLiteral("://")) ||
           url.startsWith(kPlainScheme + QStringLiteral("://"));
}

Result<S3Location> parseS3(const QString &text, const ConfigReader &r, const Paths &paths,
                           const QString &configPath, QStringList &warnings)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment())
        return r.error(QStringLiteral("server_url"),
                       QCoreApplication::translate(
                           "obnam", "must be s3://HOST[:PORT]/BUCKET[/PREFIX] for an S3 store"));
    if (!url.userInfo().isEmpty())
        return r.error(QStringLiteral("server_url"),
                       QCoreApplication::translate(
                           "obnam", "must not hold credentials: use s3_access_key_id and "
                                    "s3_secret_access_key, the AWS_* variables or "
                                    "~/.aws/credentials"));
    S3Location s3;
    const bool plain = url.scheme() == kPlainScheme;
    s3.endpoint.setScheme(plain ? QStringLiteral("http") : QStringLiteral("https"));
    s3.endpoint.setHost(url.host());
    s3.endpoint.setPort(url.port());
    if (auto st = splitPath(s3, url.path(), r); !st)
        return st.error();
    if (plain && !QHostAddress(url.host()).isLoopback() &&
        url.host() != QStringLiteral("localhost"))
        warnings.append(
            QStringLiteral(
                "server_url uses s3+http://, so requests to %1 travel unencrypted: the network can "
                "see "
                "object names, sizes and the access key ID (never the secret key), and the backups "
                "themselves stay encrypted; use s3:// for a store that is not on this machine")
                .arg(url.host()));
    QString profile = QStringLiteral("default");
    if (r.has("s3_profile")) {
        auto v = r.string("s3_profile");
        if (!v)
            return v.error();
        profile = v->trimmed();
    } else if (!envValue(paths, "AWS_PROFILE").isEmpty()) {
        profile = envValue(paths, "AWS_PROFILE");
    }
    if (auto st = findCredentials(s3, r, paths, profile, configPath, warnings); !st)
        return st.error();
    auto region = findRegion(r, paths, profile);
    if (!region)
        return region.error();
    s3.region = *region;
    // AWS wants virtual-host addressing; every other store understands path style.
    s3.pathStyle = !url.host().endsWith(QStringLiteral(".amazonaws.com"));
    if (r.has("s3_addressing")) {
        auto v = r.string("s3_addressing");
        if (!v)
            return v.error();
        if (*v == QStringLiteral("path"))
            s3.pathStyle = true;
        else if (*v == QStringLiteral("virtual-host"))
            s3.pathStyle = false;
        else
            return r.error(QStringLiteral("s3_addressing"),
                           QCoreApplication::translate("obnam", "must be path or virtual-host"));
    }
    // The bucket becomes a DNS label, and the certificate must cover it.
    static const QRegularExpression dnsBucket(QStringLiteral("\\A[a-z0-9-]+\\z"));
    if (!s3.pathStyle && !dnsBucket.match(s3.bucket).hasMatch())
        return r.error(QStringLiteral("s3_addressing"),
                       QCoreApplication::translate(
                           "obnam", "is virtual-host, which needs a bucket name of lower-case "
                                    "letters, digits and hyphens; use path addressing for '%1'")
                           .arg(s3.bucket));
    return s3;
}

} // namespace obnam::client
