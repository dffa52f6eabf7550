#pragma once

#include "Paths.h"
#include "S3Location.h"
#include "Schedule.h"
#include "maint/Retention.h"
#include "support/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace obnam::client {

// The client's YAML configuration (obnam.yaml). Parsing is strict: an unknown key, a wrong
// type, a missing required key or an empty roots list is an error that names the key.
struct ClientConfig
{
    QString path;
    QStringList roots;
    QString serverUrl;
    QString repositoryPath; // set when server_url names a local repository
    S3Location s3;          // set when server_url is s3:// or s3+http://
    bool verifyTlsCert = true;
    QByteArray accessToken;      // from access_token or OBNAM_ACCESS_TOKEN; never printed
    QByteArray serverCertSha256; // raw digest of a pinned server certificate
    QString serverCaFile;
    quint32 chunkSize = 1024 * 1024;
    QString log;
    bool excludeCacheTagDirectories = true;
    QStringList exclude;
    bool oneFileSystem = false;
    QString clientName;
    int compression = 3;       // zstd level; 0 = none
    RetentionPolicy retention; // keep_last, keep_daily, ... for forget
    Schedule schedule;         // schedule, schedule_time, ... for scheduled backups
    QStringList warnings;      // found while loading, for the user to see

    bool isLocal() const { return !repositoryPath.isEmpty(); }
    bool isS3() const { return s3.isSet(); }
    // passwords.yaml next to the config file.
    QString credentialsPath() const;
    QJsonObject toJson() const;

    // `paths` gives the home directory for "~" and the environment (OBNAM_ACCESS_TOKEN).
    static Result<ClientConfig> load(const QString &path, const Paths &paths);
    // The same from text that is to become the file at `path` (a settings window checks what
    // it is about to save).
    static Result<ClientConfig> fromText(const QByteArray &text, const QString &path,
                                         const Paths &paths);
    // Writes a commented default configuration; refuses to replace an existing file.
    static Status writeDefault(const QString &path, const QStringList &roots,
                               const QString &repository);
};

} // namespace obnam::client
