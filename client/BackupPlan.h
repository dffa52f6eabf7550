#pragma once

#include "ClientConfig.h"
#include "Paths.h"
#include "engine/BackupEngine.h"

namespace obnam::client {

// The roots of a configuration, as paths the backup engine takes.
QList<QByteArray> backupRoots(const ClientConfig &config);

// What a backup of this configuration does: its roots, exclude rules, file system and cache
// tag rules, compression, the repository's cache directory, and what it must never back up
// (its own local repository and obnam's cache), for one BackupEngine run.
BackupOptions backupOptions(const ClientConfig &config, const Paths &paths,
                            const QString &cacheDir);

// BackupOptions::ownPaths indices, for naming what a backup left out.
enum OwnPath : qsizetype
{
    OwnCache = 0,
    OwnRepository = 1,
};

} // namespace obnam::client
