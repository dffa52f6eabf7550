#include "SearchIndex.h"

#include "SearchIndexSql.h"
#include "Session.h"
#include "repo/Repository.h"

#include <QFile>
#include <QMap>

#include <algorithm>

namespace obnam::client {

namespace {

// Paths once each; a name column (lower-cased, for the trigram index, which reads it from
// here); generations in the order they were added (seq), with what they changed; spans of
// consecutive seqs of one client in which a path exists (last NULL: still there in that
// client's newest); each client's newest added generation.
const char *const kSchema = R"(
CREATE TABLE paths (id INTEGER PRIMARY KEY, path BLOB NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE VIRTUAL TABLE names USING fts5(name, content = 'paths', content_rowid = 'id',
                                      tokenize = 'trigram', detail = 'none');
CREATE TABLE gens (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                   client INTEGER NOT NULL, previous TEXT, added INTEGER, changed INTEGER,
                   removed INTEGER);
CREATE TABLE clients (key INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, head_seq INTEGER,
                      head_id TEXT);
CREATE TABLE spans (path INTEGER NOT NULL, client INTEGER NOT NULL, first INTEGER NOT NULL,
                    last INTEGER, PRIMARY KEY (path, client, first)) WITHOUT ROWID;
)";

void removeFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

// The version of the file at `path`, or -1 when it is not an SQLite database.
int versionOf(sqlite3 *db)
{
    sql::Statement q(db, "PRAGMA user_version");
    if (q.step() != SQLITE_ROW)
        return -1;
    return int(q.integer(0));
}

} // namespace

QString SearchIndex::fileIn(const QString &cacheDir)
{
    return cacheDir + QStringLiteral("/search.db");
}

SearchIndex::SearchIndex(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{}

SearchIndex::~SearchIndex()
{
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::open(const QString &path)
{
    const QByteArray file = QFile::encodeName(path);
    for (int attempt = 0;; ++attempt) {
        sqlite3 *db = nullptr;
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
        if (sqlite3_open_v2(file.constData(), &db, flags, nullptr) != SQLITE_OK) {
            Error e = sql::error(db, path, "open");
            sqlite3_close_v2(db);
            return e;
        }
        auto index = std::unique_ptr<SearchIndex>(new SearchIndex(db, path));
        // Another process may be adding a generation: wait for it rather than fail.
        sqlite3_busy_timeout(db, 30000);
        int version = versionOf(db);
        if (version == 0) {
            sql::exec(db, "PRAGMA journal_mode = WAL");
            sql::Transaction t(db);
            version = versionOf(db); // another process may have created it meanwhile
            if (t.isOpen() && version == 0) {
                if (!sql::exec(db, kSchema) ||
                    !sql::exec(db,
                               QByteArray("PRAGMA user_version = " + QByteArray::number(kVersion))
                                   .constData()) ||
                    !t.commit())
                    return sql::error(db, path, "create");
                version = kVersion;
            }
        }
        if (version == kVersion) {
            sql::exec(db, "PRAGMA synchronous = NORMAL");
            return index;
        }
        // Not an index, or one of another version: a cache, so it is started again.
        index.reset();
        if (attempt > 0)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("obnam", "the search index cannot be rebuilt"), path);
        removeFiles(path);
    }
}

Result<QList<SearchHit>> SearchIndex::find(const PathPattern &pattern, int limit,
                                           bool *truncated) const
{
    if (truncated)
        *truncated = false;
    if (!pattern.isValid())
        return makeError(ErrorCode::InvalidArgument, pattern.errorString());
    // The generations still indexed, by seq, with their client.
    QMap<qint64, QPair<QString, qint64>> gens;
    {
        sql::Statement q(m_db, "SELECT seq, id, client FROM gens");
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            gens.insert(q.integer(0), {q.text(1), q.integer(2)});
        if (rc != SQLITE_DONE)
            return sql::error(m_db, m_path, "list generations");
    }
    // The trigram index narrows the names down; the pattern decides.
    sql::Statement q(m_db, "SELECT p.id, p.path FROM names JOIN paths p ON p.id = names.rowid "
                           "WHERE names.name LIKE ?1");
    q.bind(1, pattern.nameLike());
    QList<QPair<QByteArray, qint64>> found;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        QByteArray path = q.blob(1);
        if (!pattern.matches(path))
            continue;
        found.append({std::move(path), q.integer(0)});
    }
    if (rc != SQLITE_DONE)
        return sql::error(m_db, m_path, "search");
    std::sort(found.begin(), found.end());
    if (limit >= 0 && found.size() > limit) {
        found.resize(limit);
        if (truncated)
            *truncated = true;
    }

    sql::Statement spans(m_db, "SELECT client, first, last FROM spans WHERE path = ?1");
    QList<SearchHit> hits;
    hits.reserve(found.size());
    for (const auto &[path, id] : found) {
        SearchHit hit{path, {}};
        spans.bind(1, id);
        QList<qint64> seqs;
        while ((rc = spans.step()) == SQLITE_ROW) {
            const qint64 client = spans.integer(0);
            const qint64 first = spans.integer(1);
            const qint64 last =
                spans.isNull(2) ? std::numeric_limits<qint64>::max() : spans.integer(2);
            for (auto it = gens.lowerBound(first); it != gens.cend() && it.key() <= last; ++it)
                if (it->second == client)
                    seqs.append(it.key());
        }
        spans.reset();
        if (rc != SQLITE_DONE)
            return sql::error(m_db, m_path, "read spans");
        // A path only in generations forgotten since is no hit.
        if (seqs.isEmpty())
            continue;
        std::sort(seqs.begin(), seqs.end());
        for (qint64 s : seqs)
            hit.generations.append(gens.value(s).first);
        hits.append(std::move(hit));
    }
    return hits;
}

Result<QHash<QString, GenerationChanges>> SearchIndex::changes() const
{
    QHash<QString, GenerationChanges> out;
    sql::Statement q(m_db, "SELECT id, added, changed, removed FROM gens WHERE added IS NOT NULL");
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        out.insert(q.text(0), GenerationChanges{q.integer(1), q.integer(2), q.integer(3)});
    if (rc != SQLITE_DONE)
        return sql::error(m_db, m_path, "read changes");
    return out;
}

Result<QStringList> SearchIndex::indexedGenerations() const
{
    QStringList out;
    sql::Statement q(m_db, "SELECT id FROM gens ORDER BY seq");
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        out.append(q.text(0));
    if (rc != SQLITE_DONE)
        return sql::error(m_db, m_path, "list generations");
    return out;
}

Result<std::unique_ptr<SearchIndex>>
updatedSearchIndex(Session &session, OperationControl *control,
                   const std::function<void(int, int)> &progress)
{
    auto generations = session.repository->generations();
    if (!generations)
        return generations.error();
    const QString file = SearchIndex::fileIn(session.cacheDir);
    for (int attempt = 0;; ++attempt) {
        auto index = SearchIndex::open(file);
        if (!index)
            return index.error();
        auto updated = (*index)->update(*session.repository, session.cacheDir, *generations,
                                        control, progress);
        if (updated)
            return index;
        // A damaged index is started again, once; damage elsewhere (a generation database)
        // is the repository's and is reported.
        if (updated.error().code != ErrorCode::Corrupt || updated.error().path != file ||
            attempt > 0)
            return updated.error();
        index->reset();
        removeFiles(file);
    }
}

Status updateSearchIndexIfPresent(Session &session)
{
    if (!QFile::exists(SearchIndex::fileIn(session.cacheDir)))
        return {};
    auto index = updatedSearchIndex(session);
    if (!index)
        return index.error();
    return {};
}

} // namespace obnam::client
