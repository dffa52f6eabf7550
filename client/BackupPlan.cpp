#include "BackupPlan.h"

#include "ExcludePresets.h"

#include <QFile>

namespace obnam::client {

QList<QByteArray> backupRoots(const ClientConfig &config)
{
    QList<QByteArray> out;
    for (const QString &root : std::as_const(config.roots))
        out.append(QFile::encodeName(root));
    return out;
}

BackupOptions backupOptions(const ClientConfig &config, const Paths &paths, const QString &cacheDir)
{
    BackupOptions options;
    options.roots = backupRoots(config);
    options.excludeCacheTagDirectories = config.excludeCacheTagDirectories;
    options.excludes = config.exclude;
    options.quietExcludes = presetPatterns(paths);
    options.oneFileSystem = config.oneFileSystem;
    options.clientName = config.clientName;
    options.compressionLevel = config.compression;
    options.cacheDir = cacheDir;
    options.ownPaths.append(QFile::encodeName(paths.cacheRoot())); // OwnCache
    if (config.isLocal())
        options.ownPaths.append(QFile::encodeName(config.repositoryPath)); // OwnRepository
    return options;
}

} // namespace obnam::client
