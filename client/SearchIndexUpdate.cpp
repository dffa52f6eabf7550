// Adding generations to the search index and dropping forgotten ones.
#include "SearchIndex.h"

#include "SearchIndexSql.h"
#include "engine/GenerationStore.h"
#include "support/OperationControl.h"

#include <QSet>

#include <algorithm>
#include <optional>

namespace obnam::client {

namespace {

Error cancelled()
{
    return makeError(ErrorCode::Cancelled, QCoreApplication::translate(
                                               "obnam", "updating the search index was cancelled"));
}

// Walks the paths of two generations side by side, in order, and calls back for each path
// that only one of them has. Without an older generation every path is new. Both lists come
// from the path indexes alone: comparing a million paths reads no table row.
Status comparePaths(const GenerationDb *older, const GenerationDb &newer,
                    const std::function<Status(const QByteArray &)> &onlyNewer,
                    const std::function<Status(const QByteArray &)> &onlyOlder,
                    OperationControl *control)
{
    auto after = newer.streamPaths();
    if (!after)
        return after.error();
    std::unique_ptr<GenerationDb::PathStream> before;
    if (older) {
        auto s = older->streamPaths();
        if (!s)
            return s.error();
        before = std::move(*s);
    }
    const auto pull = [](GenerationDb::PathStream *s) -> Result<std::optional<QByteArray>> {
        return s ? s->next() : Result<std::optional<QByteArray>>(std::optional<QByteArray>());
    };
    auto a = pull(before.get());
    auto b = pull(after->get());
    for (quint64 step = 1;; ++step) {
        if (!a)
            return a.error();
        if (!b)
            return b.error();
        if (!a->has_value() && !b->has_value())
            return {};
        if ((step & 0xffff) == 0 && control && control->isCancelled())
            return cancelled();
        if (!b->has_value() || (a->has_value() && **a < **b)) {
            if (auto s = onlyOlder(**a); !s)
                return s;
            a = pull(before.get());
        } else if (!a->has_value() || **b < **a) {
            if (auto s = onlyNewer(**b); !s)
                return s;
            b = pull(after->get());
        } else {
            a = pull(before.get());
            b = pull(after->get());
        }
    }
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

Result<qint64> reasonChanged(const GenerationDb &db)
{
    auto counts = db.reasonCounts();
    if (!counts)
        return counts.error();
    return counts->at(int(Reason::Changed));
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
        if (auto s = forget(generations); !s)
            return s;
    }
    if (auto s = recount(generations, repository, cacheDir, control); !s)
        return s;
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
    return {};
}

// The statements that write one generation's paths and spans, prepared once for all of them.
struct SearchIndex::Writer
{
    explicit Writer(sqlite3 *db)
        : insertPath(db, "INSERT INTO paths (path, name) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
        , selectPath(db, "SELECT id FROM paths WHERE path = ?1")
        , insertName(db, "INSERT INTO names (rowid, name) VALUES (?1, ?2)")
        , openSpan(db, "INSERT INTO spans (path, client, first) VALUES (?1, ?2, ?3)")
        , closeSpan(db, "UPDATE spans SET last = ?3 WHERE path = ?1 AND client = ?2 AND "
                        "last IS NULL")
    {}
    sql::Statement insertPath, selectPath, insertName, openSpan, closeSpan;
};

Status SearchIndex::add(Repository &repository, const QString &cacheDir,
                        const GenerationRecord &gen,
                        const QHash<QString, GenerationRecord> &present, OperationControl *control)
{
    const std::optional<Head> seen = headOf(m_db, gen.clientName);
    auto db = generationstore::open(repository, gen, cacheDir, control);
    if (!db)
        return db.error();
    // The client's previous generation in the index, when the repository still has it: only
    // the paths that differ from it are written.
    std::unique_ptr<GenerationDb> previous;
    if (seen && seen->seq > 0 && present.contains(seen->id)) {
        auto p = generationstore::open(repository, present.value(seen->id), cacheDir, control);
        if (!p)
            return p.error();
        previous = std::move(*p);
    }

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
        if (previous)
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
        if (create) {
            w.insertPath.bind(1, path);
            w.insertPath.bind(2, QString::fromUtf8(entryName(path)).toLower());
            if (!w.insertPath.run())
                return sql::error(m_db, m_path, "add a path");
            if (sqlite3_changes(m_db) == 1) {
                const qint64 id = sqlite3_last_insert_rowid(m_db);
                w.insertName.bind(1, id);
                w.insertName.bind(2, QString::fromUtf8(entryName(path)).toLower());
                if (!w.insertName.run())
                    return sql::error(m_db, m_path, "add a name");
                return id;
            }
        }
        w.selectPath.bind(1, path);
        const int rc = w.selectPath.step();
        const qint64 id = rc == SQLITE_ROW ? w.selectPath.integer(0) : 0;
        w.selectPath.reset();
        if (rc != SQLITE_ROW)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("obnam", "the search index lacks a path it had"),
                m_path);
        return id;
    };
    const auto appeared = [&](const QByteArray &path) -> Status {
        auto id = pathId(path, true);
        if (!id)
            return id.error();
        w.openSpan.bind(1, *id);
        w.openSpan.bind(2, head->key);
        w.openSpan.bind(3, seq);
        if (!w.openSpan.run())
            return sql::error(m_db, m_path, "add a span");
        ++changes.added;
        return {};
    };
    const auto disappeared = [&](const QByteArray &path) -> Status {
        auto id = pathId(path, false);
        if (!id)
            return id.error();
        w.closeSpan.bind(1, *id);
        w.closeSpan.bind(2, head->key);
        w.closeSpan.bind(3, head->seq);
        if (!w.closeSpan.run())
            return sql::error(m_db, m_path, "close a span");
        ++changes.removed;
        return {};
    };
    if (auto s = comparePaths(previous.get(), **db, appeared, disappeared, control); !s)
        return s;
    if (previous) {
        auto changed = reasonChanged(**db);
        if (!changed)
            return changed.error();
        changes.changed = *changed;
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
    QHash<QString, GenerationRecord> byId;
    for (const GenerationRecord &g : present)
        byId.insert(g.id, g);
    {
        sql::Transaction t(m_db);
        if (!t.isOpen())
            return sql::error(m_db, m_path, "begin");
        sql::Statement list(m_db, "SELECT id FROM gens");
        QStringList gone;
        while (list.step() == SQLITE_ROW)
            if (!byId.contains(list.text(0)))
                gone.append(list.text(0));
        sql::Statement drop(m_db, "DELETE FROM gens WHERE id = ?1");
        for (const QString &id : std::as_const(gone)) {
            drop.bind(1, id);
            if (!drop.run())
                return sql::error(m_db, m_path, "drop a generation");
        }
        // What a generation changed against one that is gone is counted again below.
        if (!sql::exec(m_db,
                       "UPDATE gens SET added = NULL, changed = NULL, removed = NULL "
                       "WHERE previous IS NOT NULL AND previous NOT IN (SELECT id FROM gens)") ||
            !t.commit())
            return sql::error(m_db, m_path, "drop generations");
    }
    return {};
}

// Counts again what a generation changed against the one before it that remains, where the
// one it was compared with was forgotten (or a recount was cut short).
Status SearchIndex::recount(const QList<GenerationRecord> &present, Repository &repository,
                            const QString &cacheDir, OperationControl *control)
{
    QHash<QString, GenerationRecord> byId;
    for (const GenerationRecord &g : present)
        byId.insert(g.id, g);
    struct Recount
    {
        qint64 seq;
        QString id;
        QString previous;
    };
    QList<Recount> recounts;
    {
        sql::Statement q(m_db, "SELECT g.seq, g.id, (SELECT p.id FROM gens p WHERE p.client = "
                               "g.client AND p.seq < g.seq ORDER BY p.seq DESC LIMIT 1) "
                               "FROM gens g WHERE g.added IS NULL");
        while (q.step() == SQLITE_ROW)
            recounts.append({q.integer(0), q.text(1), q.text(2)});
    }
    for (const Recount &r : std::as_const(recounts)) {
        if (!byId.contains(r.id))
            continue;
        auto db = generationstore::open(repository, byId.value(r.id), cacheDir, control);
        if (!db)
            return db.error();
        std::unique_ptr<GenerationDb> previous;
        if (byId.contains(r.previous)) {
            auto p = generationstore::open(repository, byId.value(r.previous), cacheDir, control);
            if (!p)
                return p.error();
            previous = std::move(*p);
        }
        GenerationChanges changes;
        const auto added = [&](const QByteArray &) -> Status {
            ++changes.added;
            return {};
        };
        const auto removed = [&](const QByteArray &) -> Status {
            ++changes.removed;
            return {};
        };
        if (auto s = comparePaths(previous.get(), **db, added, removed, control); !s)
            return s;
        if (previous) {
            auto changed = reasonChanged(**db);
            if (!changed)
                return changed.error();
            changes.changed = *changed;
        }
        sql::Statement q(m_db, "UPDATE gens SET added = ?2, changed = ?3, removed = ?4, "
                               "previous = ?5 WHERE seq = ?1");
        q.bind(1, r.seq);
        q.bind(2, changes.added);
        q.bind(3, changes.changed);
        q.bind(4, changes.removed);
        if (previous)
            q.bind(5, r.previous);
        else
            q.bindNull(5);
        if (!q.run())
            return sql::error(m_db, m_path, "count changes");
    }
    return {};
}

} // namespace obnam::client
