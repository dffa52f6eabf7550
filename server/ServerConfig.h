#pragma once

#include "Database.h"
#include "backend/S3Address.h"
#include "support/Result.h"

#include <optional>

#include <QString>

namespace obnam::server {

// server.yaml. Obnam's keys (address, chunks, tls_key, tls_cert) plus limits; parsing is
// strict: unknown keys, wrong types and missing required keys are errors naming the key.
struct ServerConfig
{
    QString path;
    QString host = QStringLiteral("0.0.0.0");
    quint16 port = 8888;
    QString chunks;  // data directory
    QString tlsKey;  // PEM; generated with a self-signed certificate when both are absent
    QString tlsCert; // PEM
    qint64 maxBodyBytes = 64 * 1024 * 1024;
    qint64 maxHeaderBytes = 16 * 1024;
    int headerTimeoutSeconds = 10; // a request's head must arrive within this
    int idleTimeoutSeconds = 60;   // a connection with no progress for this long is closed
    // A body or answer must also move this many bytes a second on average, counted after a
    // first idle timeout's grace; 0: no such floor.
    qint64 minTransferRate = 500;
    int maxConnections = 256;
    // One source address cannot take every connection: a client needs a handful (six per
    // host in Qt), and a machine behind NAT a few dozen.
    int maxConnectionsPerAddress = 32;
    int ioThreads = 4;
    // Client accounts in PostgreSQL (shared by several instances) instead of clients.json.
    std::optional<DatabaseSettings> database;
    // Objects in an S3 bucket instead of clients/ in the data directory (needs `database`).
    std::optional<s3::Address> storage;
    QByteArray s3Region; // s3_region, else AWS_REGION or AWS_DEFAULT_REGION, else us-east-1

    QString clientsFile() const { return chunks + QStringLiteral("/clients.json"); }
    QString clientsDir() const { return chunks + QStringLiteral("/clients"); }
    // Where uploads to object storage are received, per instance.
    QString spoolDir() const { return chunks + QStringLiteral("/spool"); }

    static Result<ServerConfig> load(const QString &path);
};

} // namespace obnam::server
