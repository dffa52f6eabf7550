#include "S3Config.h"

#include "backend/S3Address.h"

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>

#include <sys/stat.h>

namespace obnam::client {

namespace {

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
        if (auto w = r.readableSecretWarning(
                "s3_secret_access_key",
                QStringLiteral(
                    "the keys to ~/.aws/credentials or the AWS_* environment variables")))
            warnings.append(*w);
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
    return s3::isAddress(url);
}

Result<S3Location> parseS3(const QString &text, const ConfigReader &r, const Paths &paths,
                           const QString &configPath, QStringList &warnings)
{
    auto address = s3::parseAddress(text);
    if (!address)
        return r.error(QStringLiteral("server_url"), address.error().message);
    const QUrl url(text);
    const bool plain = address->plainHttp;
    S3Location s3;
    s3.address = *address;
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
    if (!s3.pathStyle && !dnsBucket.match(s3.address.bucket).hasMatch())
        return r.error(QStringLiteral("s3_addressing"),
                       QCoreApplication::translate(
                           "obnam", "is virtual-host, which needs a bucket name of lower-case "
                                    "letters, digits and hyphens; use path addressing for '%1'")
                           .arg(s3.address.bucket));
    return s3;
}

} // namespace obnam::client
