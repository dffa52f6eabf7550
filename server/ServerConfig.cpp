#include "ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

namespace obnam::server {

namespace {

const QStringList kKeys{QStringLiteral("address"),
                        QStringLiteral("chunks"),
                        QStringLiteral("tls_key"),
                        QStringLiteral("tls_cert"),
                        QStringLiteral("max_body_bytes"),
                        QStringLiteral("max_header_bytes"),
                        QStringLiteral("header_timeout_seconds"),
                        QStringLiteral("idle_timeout_seconds"),
                        QStringLiteral("min_transfer_rate"),
                        QStringLiteral("max_connections"),
                        QStringLiteral("max_connections_per_address"),
                        QStringLiteral("io_threads"),
                        QStringLiteral("database"),
                        QStringLiteral("storage"),
                        QStringLiteral("s3_region")};

Error keyError(const QString &file, const QString &key, const QString &what)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("configuration key '%1' %2").arg(key, what), file);
}

Result<qint64> integer(const YAML::Node &root, const char *key, const QString &file, qint64 min,
                       qint64 max)
{
    long long v = 0;
    if (!root[key].IsScalar() || !YAML::convert<long long>::decode(root[key], v) || v < min ||
        v > max)
        return keyError(file, QLatin1String(key),
                        QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
    return qint64(v);
}

Result<QString> string(const YAML::Node &root, const char *key, const QString &file)
{
    if (!root[key].IsScalar())
        return keyError(file, QLatin1String(key), QStringLiteral("must be a string"));
    return QString::fromStdString(root[key].Scalar());
}

// Relative paths in the file are relative to the file, so a config can move with its data.
QString resolve(const QString &file, const QString &path)
{
    return QDir::isAbsolutePath(path) ? QDir::cleanPath(path)
                                      : QFileInfo(file).absoluteDir().absoluteFilePath(path);
}

Result<ServerConfig> parse(const YAML::Node &root, const QString &file)
{
    if (!root.IsMap())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("configuration must be a YAML mapping"), file);
    for (const auto &item : root) {
        const QString key = QString::fromStdString(item.first.as<std::string>());
        if (!kKeys.contains(key))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("unknown configuration key '%1'").arg(key), file);
    }
    ServerConfig c;
    c.path = file;
    for (const char *required : {"address", "chunks"}) {
        if (!root[required])
            return keyError(file, QLatin1String(required), QStringLiteral("is required"));
    }
    auto address = string(root, "address", file);
    if (!address)
        return address.error();
    const qsizetype colon = address->lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon > 0 ? address->mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port > 65535)
        return keyError(file, QStringLiteral("address"),
                        QStringLiteral("must be HOST:PORT (port 0 picks a free port)"));
    c.host = address->left(colon);
    if (c.host.startsWith(QLatin1Char('[')) && c.host.endsWith(QLatin1Char(']')))
        c.host = c.host.mid(1, c.host.size() - 2);
    c.port = quint16(port);
    auto chunks = string(root, "chunks", file);
    if (!chunks)
        return chunks.error();
    c.chunks = resolve(file, *chunks);
    if (root["tls_key"] || root["tls_cert"]) {
        if (!root["tls_key"] || !root["tls_cert"])
            return keyError(
                file, root["tls_key"] ? QStringLiteral("tls_cert") : QStringLiteral("tls_key"),
                QStringLiteral("is required when the other TLS file is given"));
        auto key = string(root, "tls_key", file);
        auto cert = string(root, "tls_cert", file);
        if (!key)
            return key.error();
        if (!cert)
            return cert.error();
        c.tlsKey = resolve(file, *key);
        c.tlsCert = resolve(file, *cert);
        for (const QString &f : {c.tlsKey, c.tlsCert}) {
            if (!QFileInfo(f).isFile())
                return makeError(ErrorCode::NotFound, QStringLiteral("TLS file does not exist"), f);
        }
    }
    struct Limit
    {
        const char *key;
        qint64 min, max;
        std::function<void(qint64)> set;
    };
    const Limit limits[] = {
        {"max_body_bytes", 1024, qint64(4) << 30,
         [&](qint64 v) {
             c.maxBodyBytes = v;
         }},
        {"max_header_bytes", 1024, 1024 * 1024,
         [&](qint64 v) {
             c.maxHeaderBytes = v;
         }},
        {"header_timeout_seconds", 1, 3600,
         [&](qint64 v) {
             c.headerTimeoutSeconds = int(v);
         }},
        {"idle_timeout_seconds", 1, 86400,
         [&](qint64 v) {
             c.idleTimeoutSeconds = int(v);
         }},
        {"min_transfer_rate", 0, 1LL << 40,
         [&](qint64 v) {
             c.minTransferRate = v;
         }},
        {"max_connections", 1, 100000,
         [&](qint64 v) {
             c.maxConnections = int(v);
         }},
        {"max_connections_per_address", 1, 100000,
         [&](qint64 v) {
             c.maxConnectionsPerAddress = int(v);
         }},
        {"io_threads", 1, 256,
         [&](qint64 v) {
             c.ioThreads = int(v);
         }},
    };
    for (const Limit &l : limits) {
        if (!root[l.key])
            continue;
        auto v = integer(root, l.key, file, l.min, l.max);
        if (!v)
            return v.error();
        l.set(*v);
    }
    if (root["database"]) {
        auto url = string(root, "database", file);
        if (!url)
            return url.error();
        auto settings = DatabaseSettings::fromUrl(*url);
        if (!settings)
            return Error{settings.error().code, settings.error().message, file};
        c.database = *settings;
    }
    if (root["storage"]) {
        auto url = string(root, "storage", file);
        if (!url)
            return url.error();
        if (*url != QStringLiteral("local")) {
            auto bucket = s3::parseAddress(*url);
            if (!bucket)
                return keyError(
                    file, QStringLiteral("storage"),
                    QStringLiteral("must be local or s3://HOST[:PORT]/BUCKET[/PREFIX]: ") +
                        bucket.error().message);
            if (!c.database)
                return keyError(file, QStringLiteral("storage"),
                                QStringLiteral("is an S3 bucket, which needs 'database' too: the "
                                               "accounts and their usage that every instance "
                                               "shares"));
            c.storage = *bucket;
            // Each request waits on the store's round trips: more threads keep a client's
            // parallel uploads and reads moving.
            if (!root["io_threads"])
                c.ioThreads = 16;
        }
    }
    QString region = qEnvironmentVariable("AWS_REGION", qEnvironmentVariable("AWS_DEFAULT_REGION"));
    if (root["s3_region"]) {
        auto v = string(root, "s3_region", file);
        if (!v)
            return v.error();
        region = *v;
    }
    c.s3Region = region.isEmpty() ? QByteArray("us-east-1") : region.toLatin1();
    return c;
}

} // namespace

Result<ServerConfig> ServerConfig::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("cannot read server configuration: ") + f.errorString(),
                         path);
    try {
        return parse(YAML::Load(f.readAll().toStdString()), path);
    } catch (const YAML::Exception &e) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("server configuration is not valid YAML: ") +
                             QString::fromStdString(e.what()),
                         path);
    }
}

} // namespace obnam::server
