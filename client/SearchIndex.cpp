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
// consecutive seqs of one client in which a path exists as one version (last NULL: still
// there in that client's newest), with that version's signature; each client's newest
// added generation.
const char *const kSchema = R"(
CREATE TABLE paths (id INTEGER PRIMARY KEY, path BLOB NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE VIRTUAL TABLE names USING fts5(name, content = 'paths', content_rowid = 'id',
                                      tokenize = 'trigram', detail = 'none');
CREATE TABLE gens (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                   client INTEGER NOT NULL, previous TEXT, added INTEGER, changed INTEGER,
                   removed INTEGER);
CREATE INDEX gens_by_client ON gens (client, seq);
CREATE TABLE clients (key INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, head_seq INTEGER,
                      head_id TEXT);
CREATE TABLE spans (path INTEGER NOT NULL, client INTEGER NOT NULL, first INTEGER NOT NULL,
                    last INTEGER, kind INTEGER NOT NULL, size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL, sig BLOB NOT NULL,
                    PRIMARY KEY (path, client, first)) WITHOUT ROWID;
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

// The generations still indexed, by seq, with their client.
using Generations = QMap<qint64, QPair<QString, qint64>>;

Result<Generations> loadGenerations(sqlite3 *db, const QString &file)
{
    Generations gens;
    sql::Statement q(db, "SELECT seq, id, client FROM gens");
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        gens.insert(q.integer(0), {q.text(1), q.integer(2)});
    if (rc != SQLITE_DONE)
        return sql::error(db, file, "list generations");
    return gens;
}

// The seqs of the client's generations that a span covers (last NULL: up to the newest).
QList<qint64> covered(const Generations &gens, const sql::Statement &span, int clientColumn)
{
    const qint64 client = span.integer(clientColumn);
    const qint64 first = span.integer(clientColumn + 1);
    const qint64 last = span.isNull(clientColumn + 2) ? std::numeric_limits<qint64>::max()
                                                      : span.integer(clientColumn + 2);
    QList<qint64> seqs;
    for (auto it = gens.lowerBound(first); it != gens.cend() && it.key() <= last; ++it)
        if (it->second == client)
            seqs.append(it.key());
    return seqs;
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
            // A cache: a power cut that damages it costs a rebuild, never data, so commits
            // do not wait for the disk. A day's few thousand changes land at random places
            // in large trees: a bigger page cache keeps them from being read twice.
            sql::exec(db, "PRAGMA synchronous = OFF");
            sql::exec(db, "PRAGMA cache_size = -65536");
            catchUpWithForgetting(db);
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
    auto gens = loadGenerations(m_db, m_path);
    if (!gens)
        return gens.error();
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

    // In path order, up to the limit; a path only forgotten generations held is no hit (its
    // rows go at the next update, and a search may come first).
    sql::Statement spans(m_db, "SELECT client, first, last FROM spans WHERE path = ?1");
    QList<SearchHit> hits;
    for (const auto &[path, id] : found) {
        spans.bind(1, id);
        QList<qint64> seqs;
        while ((rc = spans.step()) == SQLITE_ROW)
            seqs += covered(*gens, spans, 0);
        spans.reset();
        if (rc != SQLITE_DONE)
            return sql::error(m_db, m_path, "read spans");
        if (seqs.isEmpty())
            continue;
        if (limit >= 0 && hits.size() == limit) {
            if (truncated)
                *truncated = true;
            break;
        }
        std::sort(seqs.begin(), seqs.end());
        SearchHit hit{path, {}};
        for (qint64 s : seqs)
            hit.generations.append(gens->value(s).first);
        hits.append(std::move(hit));
    }
    return hits;
}

Result<QList<IndexedVersion>> SearchIndex::versions(const QByteArray &path) const
{
    auto gens = loadGenerations(m_db, m_path);
    if (!gens)
        return gens.error();
    sql::Statement q(m_db, "SELECT s.client, s.first, s.last, s.kind, s.size, s.mtime, s.sig "
                           "FROM spans s JOIN paths p ON p.id = s.path WHERE p.path = ?1");
    q.bind(1, path);
    struct Span
    {
        QList<qint64> seqs;
        QByteArray sig;
        IndexedVersion version;
    };
    QList<Span> spans;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        Span span{covered(*gens, q, 0), q.blob(6), {}};
        if (span.seqs.isEmpty())
            continue; // only in generations forgotten since
        const qint64 kind = q.integer(3);
        if (kind < 0 || kind > int(FileKind::CharDevice))
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("obnam", "search index: %1: %2")
                                 .arg(QStringLiteral("read versions"), QStringLiteral("kind")),
                             m_path);
        span.version = IndexedVersion{FileKind(kind), q.integer(4), q.integer(5), {}};
        spans.append(std::move(span));
    }
    if (rc != SQLITE_DONE)
        return sql::error(m_db, m_path, "read versions");
    // In the order the generations were added; a version that comes back (from another
    // client, or after a gap) right after itself is still one version.
    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.seqs.first() < b.seqs.first(); });
    QList<IndexedVersion> out;
    QList<QList<qint64>> seqs; // each version's, sorted once all are in
    QByteArray lastSig;
    for (Span &span : spans) {
        if (out.isEmpty() || span.sig != lastSig) {
            out.append(span.version);
            seqs.append(QList<qint64>());
        }
        seqs.last() += span.seqs;
        lastSig = span.sig;
    }
    for (qsizetype i = 0; i < out.size(); ++i) {
        std::sort(seqs[i].begin(), seqs[i].end()); // two computers' generations interleave
        for (qint64 seq : std::as_const(seqs[i]))
            out[i].generations.append(gens->value(seq).first);
    }
    return out;
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
