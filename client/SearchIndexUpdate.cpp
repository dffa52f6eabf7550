// Adding generations to the search index and dropping forgotten ones.
#include "SearchIndex.h"

#include "SearchIndexSql.h"
#include "crypto/Crypto.h"
#include "engine/GenerationStore.h"
#include "gen/ChunkCursor.h"
#include "repo/Repository.h"
#include "support/OperationControl.h"

#include <QScopeGuard>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>

namespace obnam::client {

namespace {

Error cancelled()
{
    return makeError(ErrorCode::Cancelled, QCoreApplication::translate(
                                               "obnam", "updating the search index was cancelled"));
}

// temp.dropped collects the paths whose spans went, to look among them for paths left
// without any; empty between uses.
bool startDropping(sqlite3 *db)
{
    return sql::exec(db, "CREATE TEMP TABLE IF NOT EXISTS dropped (path INTEGER NOT NULL)") &&
           sql::exec(db, "DELETE FROM temp.dropped");
}

// Deletes the spans `where` selects (with ?1 and ?2 bound to `a` and `b`) and notes their
// paths in temp.dropped, in one pass over the spans.
bool dropSpans(sqlite3 *db, const char *where, qint64 a, qint64 b)
{
    const QByteArray sql = QByteArray("DELETE FROM spans WHERE ") + where + " RETURNING path";
    sql::Statement drop(db, sql.constData());
    sql::Statement note(db, "INSERT INTO temp.dropped (path) VALUES (?1)");
    drop.bind(1, a);
    drop.bind(2, b);
    int rc;
    while ((rc = drop.step()) == SQLITE_ROW) {
        note.bind(1, drop.integer(0));
        if (!note.run())
            return false;
    }
    return rc == SQLITE_DONE;
}

// What only forgotten generations held. An open span (last NULL) always holds its client's
// newest remaining generation, which forget() has made the head; so only closed spans can
// have lost every generation, and only those that overlapped a forgotten seq in
// [firstGone, lastGone]. Finding them reads the spans (nothing indexes their ends); each
// candidate is then one seek into the generations. Then the paths left without spans go,
// with their names in the trigram index: those in temp.dropped, or with `everyPath` all.
// Without this the index would keep every file that ever existed.
bool dropWhatOnlyForgottenHeld(sqlite3 *db, qint64 firstGone, qint64 lastGone, bool everyPath)
{
    if (!dropSpans(db,
                   "last IS NOT NULL AND last >= ?1 AND first <= ?2 AND NOT EXISTS (SELECT 1 "
                   "FROM gens g WHERE g.client = spans.client AND g.seq BETWEEN spans.first "
                   "AND spans.last)",
                   firstGone, lastGone))
        return false;
    // The trigram index reads names from `paths`: it is told first, with the name it has.
    const QByteArray orphan =
        QByteArray(everyPath ? "" : "id IN (SELECT path FROM temp.dropped) AND ") +
        "NOT EXISTS (SELECT 1 FROM spans s WHERE s.path = paths.id)";
    const QByteArray unname =
        "INSERT INTO names (names, rowid, name) SELECT 'delete', id, name FROM paths WHERE " +
        orphan;
    const QByteArray unpath = "DELETE FROM paths WHERE " + orphan;
    return sql::exec(db, unname.constData()) && sql::exec(db, unpath.constData()) &&
           sql::exec(db, "DELETE FROM temp.dropped");
}

// What makes two versions of an entry different for a person: kind, size, modification time,
// link target and content (its chunk ids). Permissions and owners are not a new version.
QByteArray versionSignature(const FileEntry &e, const QList<QByteArray> &chunks)
{
    QByteArray s = QByteArray::number(int(e.kind)) + ' ' + QByteArray::number(e.size) + ' ' +
                   QByteArray::number(e.mtimeNs) + ' ' +
                   (e.reason == Reason::FileError ? "unread " : "") + e.target + '\0';
    for (const QByteArray &c : chunks)
        s += c;
    return crypto::sha256(s).left(16);
}

// Byte order, as SQLite sorts blobs: the order both streams come in.
int byteOrder(QByteArrayView a, QByteArrayView b)
{
    const int c = std::memcmp(a.data(), b.data(), size_t(std::min(a.size(), b.size())));
    return c != 0 ? c : (a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0);
}

// Walks the paths of two generations side by side, in order, and calls back for each path
// only the older one has. Both lists come from the path indexes alone, compared where SQLite
// keeps them: comparing a million paths reads no table row and copies none.
Status removedPaths(const GenerationDb &older, const GenerationDb &newer,
                    const std::function<Status(const QByteArray &)> &onlyOlder,
                    OperationControl *control)
{
    auto after = newer.streamPaths();
    if (!after)
        return after.error();
    auto before = older.streamPaths();
    if (!before)
        return before.error();
    auto a = (*before)->next();
    auto b = (*after)->next();
    for (quint64 step = 1;; ++step) {
        if (!a)
            return a.error();
        if (!b)
            return b.error();
        if (!a->has_value())
            return {};
        if ((step & 0xffff) == 0 && control && control->isCancelled())
            return cancelled();
        const int order = b->has_value() ? byteOrder(**a, **b) : -1;
        if (order < 0) {
            if (auto s = onlyOlder((*a)->toByteArray()); !s)
                return s;
            a = (*before)->next();
        } else if (order > 0) {
            b = (*after)->next();
        } else {
            a = (*before)->next();
            b = (*after)->next();
        }
    }
}

// Not QtConcurrent's global pool: opening a database verifies it there.
QThreadPool *removalPool()
{
    static QThreadPool pool;
    return &pool;
}

struct Head
{
    qint64 key = 0;
    qint64 seq = 0; // 0: the client has no generation in the index yet
    QString id;
    bool operator==(const Head &) const = default;
};

std::optional<Head> headOf(sqlite3 *db, const QString &client)
{
    sql::Statement q(db, "SELECT key, head_seq, head_id FROM clients WHERE name = ?1");
    q.bind(1, client);
    if (q.step() != SQLITE_ROW)
        return std::nullopt;
    return Head{q.integer(0), q.integer(1), q.text(2)};
}

} // namespace

Status SearchIndex::update(Repository &repository, const QString &cacheDir,
                           const QList<GenerationRecord> &generations, OperationControl *control,
                           const std::function<void(int, int)> &progress)
{
    QHash<QString, GenerationRecord> present;
    for (const GenerationRecord &g : generations)
        present.insert(g.id, g);
    auto indexed = indexedGenerations();
    if (!indexed)
        return indexed.error();
    const QSet<QString> known(indexed->cbegin(), indexed->cend());
    if (std::any_of(known.cbegin(), known.cend(),
                    [&](const QString &id) { return !present.contains(id); })) {
        // Listed again first: a backup may have added a generation (and indexed it) since
        // the list was made, and it must not be taken for a forgotten one.
        auto now = repository.generations();
        if (!now)
            return now.error();
        QList<GenerationRecord> keep = *now;
        keep.append(generations);
        if (auto s = forget(keep); !s)
            return s;
    }
    QList<GenerationRecord> todo;
    for (const GenerationRecord &g : generations)
        if (!known.contains(g.id))
            todo.append(g);
    std::sort(todo.begin(), todo.end(), [](const GenerationRecord &a, const GenerationRecord &b) {
        return std::tie(a.finished, a.id) < std::tie(b.finished, b.id);
    });
    for (int done = 0; done < todo.size(); ++done) {
        if (progress)
            progress(done, int(todo.size()));
        if (control && !control->proceed())
            return cancelled();
        if (auto s = add(repository, cacheDir, todo.at(done), present, control); !s)
            return s;
    }
    if (progress)
        progress(int(todo.size()), int(todo.size()));
    return recount();
}

// The statements that write one generation's paths and spans, prepared once for all of them.
struct SearchIndex::Writer
{
    explicit Writer(sqlite3 *db)
        : insertPath(db, "INSERT INTO paths (path, name) VALUES (?1, ?2)")
        , selectPath(db, "SELECT id FROM paths WHERE path = ?1")
        , insertName(db, "INSERT INTO names (rowid, name) VALUES (?1, ?2)")
        , openSpan(db, "INSERT INTO spans (path, client, first, kind, size, mtime, sig) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        , closeSpan(db, "UPDATE spans SET last = ?3 WHERE path = ?1 AND client = ?2 AND "
                        "last IS NULL")
        , openSig(db, "SELECT sig FROM spans WHERE path = ?1 AND client = ?2 AND last IS NULL")
    {}
    sql::Statement insertPath, selectPath, insertName, openSpan, closeSpan, openSig;
};

Status SearchIndex::add(Repository &repository, const QString &cacheDir,
                        const GenerationRecord &gen,
                        const QHash<QString, GenerationRecord> &present, OperationControl *control)
{
    const std::optional<Head> seen = headOf(m_db, gen.clientName);
    auto db = generationstore::open(repository, gen, cacheDir, control);
    if (!db)
        return db.error();
    // The client's previous generation in the index, when the repository still has it: what
    // it had and this one lacks was removed.
    std::unique_ptr<GenerationDb> previous;
    if (seen && seen->seq > 0 && present.contains(seen->id)) {
        auto p = generationstore::open(repository, present.value(seen->id), cacheDir, control);
        if (!p)
            return p.error();
        previous = std::move(*p);
    }
    // What the previous generation has and this one lacks, found on another thread while
    // this one looks at the entries (each database is opened again there: a connection
    // belongs to its thread).
    QFuture<Result<QList<QByteArray>>> removed;
    if (previous) {
        const GenerationRecord before = present.value(seen->id);
        removed = QtConcurrent::run(
            removalPool(),
            [&repository, before, gen, cacheDir, control]() -> Result<QList<QByteArray>> {
                auto older = generationstore::open(repository, before, cacheDir, control);
                if (!older)
                    return older.error();
                auto newer = generationstore::open(repository, gen, cacheDir, control);
                if (!newer)
                    return newer.error();
                QList<QByteArray> gone;
                const auto collect = [&gone](const QByteArray &path) -> Status {
                    gone.append(path);
                    return {};
                };
                if (auto s = removedPaths(**older, **newer, collect, control); !s)
                    return s.error();
                return gone;
            });
    }
    // Waited for however this ends: it reads through the repository and the control.
    const auto join = qScopeGuard([&removed] { removed.waitForFinished(); });
    // A backup that compared itself with that same generation marked what it found unchanged:
    // only the rest needs looking at (about 1 % of a day's backup). Otherwise every entry.
    const bool recordedOnly = previous && gen.parent == seen->id;

    sql::Transaction t(m_db);
    if (!t.isOpen())
        return sql::error(m_db, m_path, "begin");
    {
        sql::Statement q(m_db, "SELECT 1 FROM gens WHERE id = ?1");
        q.bind(1, gen.id);
        if (q.step() == SQLITE_ROW)
            return {}; // another process added it meanwhile
    }
    std::optional<Head> head = headOf(m_db, gen.clientName);
    if (head != seen) {
        t.commit();
        return add(repository, cacheDir, gen, present, control); // moved on meanwhile
    }
    if (!head) {
        sql::Statement q(m_db, "INSERT INTO clients (name) VALUES (?1)");
        q.bind(1, gen.clientName);
        if (!q.run())
            return sql::error(m_db, m_path, "add a client");
        head = Head{sqlite3_last_insert_rowid(m_db), 0, {}};
    }
    qint64 seq = 0;
    {
        sql::Statement q(m_db, "INSERT INTO gens (id, client, previous) VALUES (?1, ?2, ?3)");
        q.bind(1, gen.id);
        q.bind(2, head->key);
        if (head->seq > 0)
            q.bind(3, head->id);
        else
            q.bindNull(3);
        if (!q.run())
            return sql::error(m_db, m_path, "add a generation");
        seq = sqlite3_last_insert_rowid(m_db);
    }
    if (!previous && head->seq > 0) {
        // The client's previous generation was forgotten: what it held ends there.
        sql::Statement q(m_db, "UPDATE spans SET last = ?2 WHERE client = ?1 AND last IS NULL");
        q.bind(1, head->key);
        q.bind(2, head->seq);
        if (!q.run())
            return sql::error(m_db, m_path, "close spans");
    }

    Writer w(m_db);
    GenerationChanges changes;
    const auto pathId = [&](const QByteArray &path, bool create) -> Result<qint64> {
        // Most paths a generation brings are known already (changed files): looked up first.
        w.selectPath.bind(1, path);
        const int rc = w.selectPath.step();
        const qint64 known = rc == SQLITE_ROW ? w.selectPath.integer(0) : 0;
        w.selectPath.reset();
        if (rc == SQLITE_ROW)
            return known;
        if (!create)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("obnam", "the search index lacks a path it had"),
                m_path);
        const QString name = QString::fromUtf8(entryName(path)).toLower();
        w.insertPath.bind(1, path);
        w.insertPath.bind(2, name);
        if (!w.insertPath.run())
            return sql::error(m_db, m_path, "add a path");
        const qint64 id = sqlite3_last_insert_rowid(m_db);
        w.insertName.bind(1, id);
        w.insertName.bind(2, name);
        if (!w.insertName.run())
            return sql::error(m_db, m_path, "add a name");
        return id;
    };
    const auto close = [&](qint64 id) -> Status {
        w.closeSpan.bind(1, id);
        w.closeSpan.bind(2, head->key);
        w.closeSpan.bind(3, head->seq);
        if (!w.closeSpan.run())
            return sql::error(m_db, m_path, "close a span");
        return {};
    };
    // Each entry looked at continues its path's open span when it is the same version, or
    // starts a new one.
    const auto entry = [&](const FileEntry &e, const QList<QByteArray> &chunks) -> Status {
        const QByteArray sig = versionSignature(e, chunks);
        auto id = pathId(e.path, true);
        if (!id)
            return id.error();
        w.openSig.bind(1, *id);
        w.openSig.bind(2, head->key);
        const int rc = w.openSig.step();
        const QByteArray open = rc == SQLITE_ROW ? w.openSig.blob(0) : QByteArray();
        w.openSig.reset();
        if (rc == SQLITE_ROW && open == sig)
            return {};
        if (rc == SQLITE_ROW) {
            ++changes.changed;
            if (auto s = close(*id); !s)
                return s;
        } else {
            ++changes.added;
        }
        w.openSpan.bind(1, *id);
        w.openSpan.bind(2, head->key);
        w.openSpan.bind(3, seq);
        w.openSpan.bind(4, qint64(e.kind));
        w.openSpan.bind(5, e.size);
        w.openSpan.bind(6, e.mtimeNs);
        w.openSpan.bind(7, sig);
        if (!w.openSpan.run())
            return sql::error(m_db, m_path, "add a span");
        return {};
    };
    auto stream = (*db)->streamFiles(recordedOnly);
    if (!stream)
        return stream.error();
    ChunkCursor cursor(**db);
    for (quint64 step = 1;; ++step) {
        auto row = (*stream)->next();
        if (!row)
            return row.error();
        if (!row->has_value())
            break;
        if ((step & 0xfff) == 0 && control && control->isCancelled())
            return cancelled();
        const FileEntry &e = **row;
        QList<QByteArray> chunks;
        if (e.kind == FileKind::Regular) {
            // A few files: indexed lookups; all of them: one scan beside the files.
            auto c = recordedOnly ? (*db)->chunks(e.fileId) : cursor.chunks(e.fileId);
            if (!c)
                return c.error();
            chunks = std::move(*c);
        }
        if (auto s = entry(e, chunks); !s)
            return s;
    }
    // What the previous generation had and this one lacks (the comparison ran meanwhile).
    if (previous) {
        auto gone = removed.result();
        if (!gone)
            return gone.error();
        for (const QByteArray &path : std::as_const(*gone)) {
            auto id = pathId(path, false);
            if (!id)
                return id.error();
            ++changes.removed;
            if (auto s = close(*id); !s)
                return s;
        }
    }
    sql::Statement counts(m_db, "UPDATE gens SET added = ?2, changed = ?3, removed = ?4 "
                                "WHERE seq = ?1");
    counts.bind(1, seq);
    counts.bind(2, changes.added);
    counts.bind(3, changes.changed);
    counts.bind(4, changes.removed);
    sql::Statement moved(m_db, "UPDATE clients SET head_seq = ?2, head_id = ?3 WHERE key = ?1");
    moved.bind(1, head->key);
    moved.bind(2, seq);
    moved.bind(3, gen.id);
    if (!counts.run() || !moved.run() || !t.commit())
        return sql::error(m_db, m_path, "finish a generation");
    return {};
}

Status SearchIndex::forget(const QList<GenerationRecord> &present)
{
    QSet<QString> ids;
    for (const GenerationRecord &g : present)
        ids.insert(g.id);
    sql::Transaction t(m_db);
    if (!t.isOpen())
        return sql::error(m_db, m_path, "begin");
    sql::Statement list(m_db, "SELECT id, seq FROM gens");
    QStringList gone;
    qint64 firstGone = std::numeric_limits<qint64>::max(), lastGone = 0;
    while (list.step() == SQLITE_ROW) {
        if (ids.contains(list.text(0)))
            continue;
        gone.append(list.text(0));
        firstGone = std::min(firstGone, list.integer(1));
        lastGone = std::max(lastGone, list.integer(1));
    }
    if (gone.isEmpty())
        return {};
    sql::Statement drop(m_db, "DELETE FROM gens WHERE id = ?1");
    for (const QString &id : std::as_const(gone)) {
        drop.bind(1, id);
        if (!drop.run())
            return sql::error(m_db, m_path, "drop a generation");
    }
    // A client whose newest generations went is taken back to its newest remaining one, as if
    // the forgotten ones had never been added: what only they held goes, and what they
    // removed is there again. The next generation is then compared with that one.
    struct Moved
    {
        qint64 key;
        qint64 seq; // 0: the client has no generation left
        QString id;
    };
    QList<Moved> moved;
    {
        sql::Statement heads(
            m_db, "SELECT c.key, (SELECT g.seq FROM gens g WHERE g.client = c.key "
                  "ORDER BY g.seq DESC LIMIT 1), (SELECT g.id FROM gens g WHERE "
                  "g.client = c.key ORDER BY g.seq DESC LIMIT 1) FROM clients c "
                  "WHERE c.head_id IS NOT NULL AND c.head_id NOT IN (SELECT id FROM gens)");
        while (heads.step() == SQLITE_ROW)
            moved.append({heads.integer(0), heads.isNull(1) ? 0 : heads.integer(1), heads.text(2)});
    }
    if (!startDropping(m_db))
        return sql::error(m_db, m_path, "prepare to drop generations");
    sql::Statement reopen(m_db, "UPDATE spans SET last = NULL WHERE client = ?1 AND last >= ?2");
    sql::Statement head(m_db, "UPDATE clients SET head_seq = ?2, head_id = ?3 WHERE key = ?1");
    for (const Moved &m : std::as_const(moved)) {
        reopen.bind(1, m.key);
        reopen.bind(2, m.seq == 0 ? std::numeric_limits<qint64>::max() : m.seq);
        head.bind(1, m.key);
        head.bind(2, m.seq);
        if (m.seq == 0)
            head.bindNull(3);
        else
            head.bind(3, m.id);
        if (!dropSpans(m_db, "client = ?1 AND first > ?2", m.key, m.seq) || !reopen.run() ||
            !head.run())
            return sql::error(m_db, m_path, "go back to an earlier generation");
    }
    if (!dropWhatOnlyForgottenHeld(m_db, firstGone, lastGone, false))
        return sql::error(m_db, m_path, "drop what only forgotten generations held");
    // What a generation changed against one that is gone is counted again (recount()).
    if (!sql::exec(m_db, "UPDATE gens SET added = NULL, changed = NULL, removed = NULL "
                         "WHERE previous IS NOT NULL AND previous NOT IN (SELECT id FROM gens)") ||
        !t.commit())
        return sql::error(m_db, m_path, "drop generations");
    return {};
}

void SearchIndex::catchUpWithForgetting(sqlite3 *db)
{
    // An index made before forgotten generations took their paths with them holds versions
    // and paths no remaining generation has: they go once, when the index that finds a
    // client's generations in a span's range is made. A failure (another process writing for
    // long, a damaged file) changes nothing and is tried again at the next open; damage is
    // found, and the index rebuilt, by the update that follows.
    {
        sql::Statement made(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND "
                                "name = 'gens_by_client'");
        if (made.step() == SQLITE_ROW)
            return;
    }
    sql::Transaction t(db);
    if (t.isOpen() &&
        sql::exec(db, "CREATE INDEX IF NOT EXISTS gens_by_client ON gens (client, seq)") &&
        startDropping(db) &&
        dropWhatOnlyForgottenHeld(db, std::numeric_limits<qint64>::min(),
                                  std::numeric_limits<qint64>::max(), true))
        (void)t.commit();
}

Status SearchIndex::recount()
{
    // Against the generation before it from the same client that remains, from the spans
    // alone: a path is in generation s when a span of its client has first <= s <= last.
    const char *const sql = R"(
UPDATE gens SET
  added = (SELECT COUNT(*) FROM spans s WHERE s.client = gens.client AND s.first <= gens.seq
             AND (s.last IS NULL OR s.last >= gens.seq)
             AND NOT EXISTS (SELECT 1 FROM spans o JOIN gens p ON p.id = gens.previous
                             WHERE o.path = s.path AND o.client = s.client AND o.first <= p.seq
                               AND (o.last IS NULL OR o.last >= p.seq))),
  changed = (SELECT COUNT(*) FROM spans s JOIN gens p ON p.id = gens.previous
             WHERE s.client = gens.client AND s.first > p.seq AND s.first <= gens.seq
               AND (s.last IS NULL OR s.last >= gens.seq)
               AND EXISTS (SELECT 1 FROM spans o WHERE o.path = s.path AND o.client = s.client
                             AND o.first <= p.seq AND (o.last IS NULL OR o.last >= p.seq))),
  removed = (SELECT COUNT(*) FROM spans o JOIN gens p ON p.id = gens.previous
             WHERE o.client = gens.client AND o.first <= p.seq
               AND (o.last IS NULL OR o.last >= p.seq)
               AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.path = o.path
                                 AND s.client = o.client AND s.first <= gens.seq
                                 AND (s.last IS NULL OR s.last >= gens.seq)))
WHERE added IS NULL
)";
    // The new `previous` first: every expression of one UPDATE sees the row as it was.
    sql::Transaction t(m_db);
    if (!t.isOpen())
        return sql::error(m_db, m_path, "begin");
    if (!sql::exec(m_db, "UPDATE gens SET previous = (SELECT p.id FROM gens p WHERE p.client = "
                         "gens.client AND p.seq < gens.seq ORDER BY p.seq DESC LIMIT 1) "
                         "WHERE added IS NULL") ||
        !sql::exec(m_db, sql) || !t.commit())
        return sql::error(m_db, m_path, "count changes");
    return {};
}

} // namespace obnam::client
