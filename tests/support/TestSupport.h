#pragma once

#include <functional>

#include <QByteArray>
#include <QRandomGenerator>

namespace obnam::test {

// Deterministic pseudo-random bytes, so a failing test fails the same way again.
QByteArray randomData(qsizetype size, quint32 seed);

} // namespace obnam::test

#include <QMap>

namespace obnam::test {

// A description of a tree, for comparing an original with its restore: one line per entry,
// keyed by path relative to root: kind, mode, mtime ns, size, SHA-256, symlink target, link
// count and extended attributes.
QMap<QByteArray, QByteArray> manifest(const QByteArray &root, bool withTimes = true);

// Writes a file with the given contents (parent directories must exist).
bool writeFile(const QByteArray &path, const QByteArray &data);
// A small tree to back up under `root`: `files` files f0, f1, ... of random bytes (the i-th
// of size + i * step bytes, from seed + i) and nested/small. False when one was not written.
bool writeSampleTree(const QString &root, int files, qsizetype size, qsizetype step, quint32 seed);

// The longest gap, in milliseconds, between two turns of this thread's event loop while
// `start` runs its asynchronous work and until `done` holds (or `timeoutMs` has passed): how
// long a window on this thread would have been frozen.
qint64 longestStall(const std::function<void()> &start, const std::function<bool()> &done,
                    int timeoutMs = 60000);

// Human-readable difference between two manifests, empty when they are equal.
QString manifestDiff(const QMap<QByteArray, QByteArray> &a, const QMap<QByteArray, QByteArray> &b);

} // namespace obnam::test

#include <QString>

namespace obnam::test {

// The programs tests run: the build's, unless OBNAM_CLI_BINARY or OBNAM_SERVER_BINARY name
// others (installed packages, or an older build to show that a test catches a defect).
QString cliBinary();
QString serverBinary();

} // namespace obnam::test

#include "gen/FileEntry.h"

namespace obnam {
class Repository;
}

namespace obnam::test {

// Commits a generation made of exactly these entries (a crafted, perhaps hostile one): every
// regular file holds `content` (its size, when given as 0, becomes the content's). The database
// is built in `scratchDir`. Returns the generation id, empty on failure.
QString commitCrafted(Repository &repo, const QString &scratchDir, const QList<FileEntry> &entries,
                      const QByteArray &content);

} // namespace obnam::test

namespace obnam::test {

// Why `reported` cannot be the free space of the file system that holds `path`, empty when it
// can. Other tests write to the same disk meanwhile, so a reading taken a moment later need not
// match; what must hold is that the space is known and no more than that file system's size
// (or unknown, where the mount table does not show the file system).
QString freeSpaceProblem(qint64 reported, const QString &path);

} // namespace obnam::test
