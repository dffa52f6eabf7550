#pragma once

#include "PathPattern.h"
#include "gen/FileEntry.h"
#include "repo/GenerationRecord.h"
#include "support/Result.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

struct sqlite3;

namespace obnam {
class OperationControl;
class Repository;
} // namespace obnam

namespace obnam::client {

struct Session;

// A path that matched, and the generations (ids, oldest indexed first) that hold it.
struct SearchHit
{
    QByteArray path;
    QStringList generations;
};

// How a generation differs from the one before it from the same client.
struct GenerationChanges
{
    qint64 added = 0;
    qint64 changed = 0; // a new version: kind, size, modification time, target or content
    qint64 removed = 0;
};

// One version of a path that really differs from the one before it, and the generations (ids,
// oldest first) that hold it.
struct IndexedVersion
{
    FileKind kind = FileKind::Regular;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QStringList generations;
};

// Every path of every generation, for searching them all at once and for a path's versions: a
// cache in the repository's cache directory (an SQLite database; deleting it loses nothing),
// never the source of truth. Each path is stored once, its name in an FTS5 trigram index, and
// each of its versions as a span of consecutive generations of one client with the version's
// kind, size, time and a hash of its content, so a file that stays the same for 30
// generations costs one row. A new generation is added by comparing its list of paths with the
// client's previous one (what disappeared) and looking at the entries its backup did not find
// unchanged (what appeared or changed): a day's backup writes about what changed that day.
// Several processes may use one index (a backup adds to it while a window searches it).
class SearchIndex
{
public:
    static constexpr int kVersion = 1;
    static QString fileIn(const QString &cacheDir);

    // Opens the index at `path`, or starts an empty one where there is none, or none this
    // version can read (a cache: it is rebuilt).
    static Result<std::unique_ptr<SearchIndex>> open(const QString &path);
    ~SearchIndex();
    SearchIndex(const SearchIndex &) = delete;
    SearchIndex &operator=(const SearchIndex &) = delete;

    // Brings the index in line with `generations` (the repository's list): the ones it lacks
    // are added, oldest first, each in one transaction (a cancel keeps those done); forgotten
    // ones are dropped. `progress` hears (done, total) for the generations added.
    Status update(Repository &repository, const QString &cacheDir,
                  const QList<GenerationRecord> &generations, OperationControl *control = nullptr,
                  const std::function<void(int, int)> &progress = {});

    // The paths that match, in path order; at most `limit` (all when negative), and
    // `truncated` says whether there were more.
    Result<QList<SearchHit>> find(const PathPattern &pattern, int limit = -1,
                                  bool *truncated = nullptr) const;

    // The versions of `path` that really differ, oldest first; empty when no generation the
    // index knows holds it.
    Result<QList<IndexedVersion>> versions(const QByteArray &path) const;

    // What each indexed generation added, changed and removed, by generation id.
    Result<QHash<QString, GenerationChanges>> changes() const;
    // Which of `generations` are indexed, by id.
    Result<QStringList> indexedGenerations() const;

    QString path() const { return m_path; }

private:
    SearchIndex(sqlite3 *db, QString path);
    struct Writer;
    Status forget(const QList<GenerationRecord> &present);
    // At open: sweeps once what forget() of an earlier version left behind.
    static void catchUpWithForgetting(sqlite3 *db);
    Status recount();
    Status add(Repository &repository, const QString &cacheDir, const GenerationRecord &gen,
               const QHash<QString, GenerationRecord> &present, OperationControl *control);

    sqlite3 *m_db; // owned
    QString m_path;
};

// The session's index opened and brought up to date; rebuilt from nothing once when it turns
// out to be damaged. Blocks: call it on a worker.
Result<std::unique_ptr<SearchIndex>>
updatedSearchIndex(Session &session, OperationControl *control = nullptr,
                   const std::function<void(int, int)> &progress = {});

// After a backup: where the session's repository has a search index, it learns the new
// generation (a comparison of path lists, a fraction of the backup's time); where it has none
// yet, nothing happens and the first search builds it. Blocks.
Status updateSearchIndexIfPresent(Session &session);

} // namespace obnam::client
