// The search index over every generation: patterns, files found in generations they were
// deleted from since, the spans kept right when generations are added one at a time, by
// several clients, or forgotten, what each generation changed, and an index that is damaged,
// cancelled or of another version.
#include "PathPattern.h"
#include "SearchIndex.h"
#include "Session.h"
#include "TestSupport.h"
#include "backend/MemoryBackend.h"
#include "backend/ObjectName.h"
#include "crypto/Kdf.h"
#include "engine/BackupEngine.h"
#include "repo/Repository.h"
#include "support/OperationControl.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

using namespace obnam;
using namespace obnam::client;

namespace {

Repository::InitOptions fastOptions()
{
    Repository::InitOptions o;
    o.kdf = crypto::KdfParams::testing();
    return o;
}

QStringList ids(const QList<GenerationRecord> &gens, std::initializer_list<int> which)
{
    QStringList out;
    for (int i : which)
        out.append(gens.at(i).id);
    return out;
}

// The index file's schema version; with `set`, written after reading.
int userVersion(const QString &file, int set = -1)
{
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(file).constData(), &db);
    sqlite3_stmt *q = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, nullptr);
    const int version = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
    sqlite3_finalize(q);
    if (set >= 0)
        sqlite3_exec(db, QByteArray("PRAGMA user_version = " + QByteArray::number(set)).constData(),
                     nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return version;
}

// One integer that `sql` (with an optional text parameter) answers in the index file.
qint64 askIndex(const QString &file, const char *sql, const QByteArray &param = {})
{
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(file).constData(), &db);
    sqlite3_stmt *q = nullptr;
    qint64 answer = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK) {
        if (!param.isNull())
            sqlite3_bind_blob(q, 1, param.constData(), int(param.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(q) == SQLITE_ROW)
            answer = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return answer;
}

// Runs `sql` on the index file, as another program would; SQLite's result code.
int execIndex(const QString &file, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(file).constData(), &db);
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<Repository> m_repo;
    QByteArray m_src;
    QString m_cache;

    QByteArray p(const char *rel) const { return m_src + rel; }

    QString backup(const QString &client = QStringLiteral("laptop"), const QByteArray &root = {})
    {
        QTest::qSleep(5); // distinct finish times
        BackupOptions o;
        o.roots = {root.isEmpty() ? m_src : root};
        o.cacheDir = m_cache;
        o.clientName = client;
        BackupEngine engine(*m_repo, o);
        auto r = engine.run();
        return r ? r->generationId : QString();
    }

    // What `obnam-cli forget` does to a generation: its record goes.
    void forgetGeneration(const QString &id)
    {
        QVERIFY(m_repo->backend().remove(objectname::generation(id)).result());
    }

    QList<GenerationRecord> generations()
    {
        auto g = m_repo->generations();
        return g ? *g : QList<GenerationRecord>();
    }

    std::unique_ptr<SearchIndex> index(const QList<GenerationRecord> &gens)
    {
        auto opened = SearchIndex::open(SearchIndex::fileIn(m_cache));
        if (!opened)
            return {};
        if (!(*opened)->update(*m_repo, m_cache, gens))
            return {};
        return std::move(*opened);
    }

    static QMap<QByteArray, QStringList> found(const SearchIndex &index, const QString &pattern)
    {
        QMap<QByteArray, QStringList> out;
        auto hits = index.find(PathPattern(pattern));
        if (hits)
            for (const SearchHit &h : *hits)
                out.insert(h.path, h.generations);
        return out;
    }

    // Five generations: "report.odt" deleted after the second, "notes.txt" added in the
    // fourth, "diary.txt" changed in the third.
    QList<GenerationRecord> fiveGenerations()
    {
        test::writeFile(p("/report.odt"), "quarterly");
        test::writeFile(p("/diary.txt"), "monday");
        ::mkdir(p("/Documents").constData(), 0755);
        test::writeFile(p("/Documents/plan.odt"), "plan");
        backup();
        backup();
        ::unlink(p("/report.odt").constData());
        test::writeFile(p("/diary.txt"), "monday, tuesday");
        backup();
        test::writeFile(p("/notes.txt"), "new");
        backup();
        backup();
        return generations();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        auto repo = Repository::init(std::make_shared<MemoryBackend>(), "pw", fastOptions());
        QVERIFY(repo);
        m_repo = std::move(*repo);
        static int n = 0;
        ++n;
        m_src = QFile::encodeName(m_tmp.path()) + "/src" + QByteArray::number(n);
        m_cache = m_tmp.path() + QStringLiteral("/cache") + QString::number(n);
        QVERIFY(::mkdir(m_src.constData(), 0755) == 0);
        QVERIFY(QDir().mkpath(m_cache));
    }

    void cleanup() { m_repo.reset(); }

    void patterns()
    {
        // Without wildcards: names that contain it, in any case.
        QVERIFY(PathPattern(QStringLiteral("port")).matches("/home/a/Report.odt"));
        QVERIFY(!PathPattern(QStringLiteral("home")).matches("/home/a/Report.odt"));
        // With wildcards: the whole name.
        QVERIFY(PathPattern(QStringLiteral("*.ODT")).matches("/home/a/Report.odt"));
        QVERIFY(!PathPattern(QStringLiteral("*.od")).matches("/home/a/Report.odt"));
        QVERIFY(PathPattern(QStringLiteral("r?port.[ot]dt")).matches("/x/report.odt"));
        QVERIFY(!PathPattern(QStringLiteral("[!r]eport.odt")).matches("/x/report.odt"));
        // With a slash: the end of the path, component by component; * stops at a slash.
        QVERIFY(PathPattern(QStringLiteral("Documents/*.odt")).matches("/h/Documents/a.odt"));
        QVERIFY(!PathPattern(QStringLiteral("Documents/*.odt")).matches("/h/Documents/x/a.odt"));
        QVERIFY(!PathPattern(QStringLiteral("ments/*.odt")).matches("/h/Documents/a.odt"));
        QVERIFY(PathPattern(QStringLiteral("/h/*/a.odt")).matches("/h/Documents/a.odt"));
        QVERIFY(!PathPattern(QStringLiteral("/Documents/*.odt")).matches("/h/Documents/a.odt"));
        // LIKE's own wildcards are plain characters in a pattern.
        QVERIFY(PathPattern(QStringLiteral("100%")).matches("/x/100%.txt"));
        QVERIFY(!PathPattern(QStringLiteral("100%")).matches("/x/1000.txt"));
        QVERIFY(PathPattern(QStringLiteral("a_b")).matches("/x/a_b"));
        QVERIFY(!PathPattern(QStringLiteral("a_b")).matches("/x/axb"));
        QCOMPARE(PathPattern(QStringLiteral("Report")).nameLike(), QStringLiteral("%report%"));
        QCOMPARE(PathPattern(QStringLiteral("Docs/*.o_t")).nameLike(), QStringLiteral("%.o_t"));
        QVERIFY(!PathPattern(QString()).isValid());
        QVERIFY(!PathPattern(QString()).errorString().isEmpty());
    }

    void findsFilesDeletedGenerationsAgo()
    {
        const auto gens = fiveGenerations();
        QCOMPARE(gens.size(), 5);
        auto idx = index(gens);
        QVERIFY(idx);
        QCOMPARE(found(*idx, QStringLiteral("report")).value(p("/report.odt")), ids(gens, {0, 1}));
        QCOMPARE(found(*idx, QStringLiteral("NOTES")).value(p("/notes.txt")), ids(gens, {3, 4}));
        // A change of content is no gap.
        QCOMPARE(found(*idx, QStringLiteral("diary.txt")).value(p("/diary.txt")),
                 ids(gens, {0, 1, 2, 3, 4}));
        const auto odt = found(*idx, QStringLiteral("*.odt"));
        QCOMPARE(odt.keys(), (QList<QByteArray>{p("/Documents/plan.odt"), p("/report.odt")}));
        QCOMPARE(found(*idx, QStringLiteral("Documents/*")).keys(),
                 QList<QByteArray>{p("/Documents/plan.odt")});
        QVERIFY(found(*idx, QStringLiteral("nothing-like-it")).isEmpty());

        bool truncated = false;
        auto limited = idx->find(PathPattern(QStringLiteral("*")), 2, &truncated);
        QVERIFY(limited);
        QCOMPARE(limited->size(), 2);
        QVERIFY(truncated);

        auto changes = idx->changes();
        QVERIFY(changes);
        const GenerationChanges third = changes->value(gens[2].id);
        QCOMPARE(third.added, 0);
        QCOMPARE(third.removed, 1);
        QVERIFY(third.changed >= 1); // diary.txt (and the folder whose listing changed)
        QCOMPARE(changes->value(gens[3].id).added, 1);
        QCOMPARE(changes->value(gens[0].id).added, gens[0].fileCount);
        QCOMPARE(changes->value(gens[4].id).added + changes->value(gens[4].id).removed, 0);
    }

    void versionsAreTheOnesThatDiffer()
    {
        const QByteArray file = p("/file.txt");
        const auto setTime = [&file] {
            struct timeval times[2] = {{1700000000, 0}, {1700000000, 0}};
            QVERIFY(::utimes(file.constData(), times) == 0);
        };
        QVERIFY(test::writeFile(file, "version one\n"));
        setTime();
        backup(); // 1: the first version
        backup(); // 2: unchanged
        QVERIFY(test::writeFile(file, "version two\n"));
        setTime();
        backup(); // 3: same size and time, other content: a version
        QVERIFY(::chmod(file.constData(), 0600) == 0);
        backup(); // 4: permissions alone: no version
        QVERIFY(test::writeFile(file, "the third and longest version\n"));
        backup(); // 5
        const auto gens = generations();
        auto idx = index(gens);
        QVERIFY(idx);
        auto v = idx->versions(file);
        QVERIFY(v);
        QCOMPARE(v->size(), 3);
        QCOMPARE(v->at(0).generations, ids(gens, {0, 1}));
        QCOMPARE(v->at(1).generations, ids(gens, {2, 3}));
        QCOMPARE(v->at(2).generations, ids(gens, {4}));
        QCOMPARE(v->at(0).size, 12);
        QCOMPARE(v->at(1).mtimeNs, qint64(1700000000) * 1000000000);
        QCOMPARE(v->at(2).size, 30);
        QCOMPARE(idx->changes()->value(gens[2].id).changed, 1);
        QCOMPARE(idx->changes()->value(gens[3].id).changed, 0);
        QVERIFY(idx->versions(p("/no-such-file"))->isEmpty());

        // Built one generation at a time (each backup compared with the one before), the same.
        idx.reset();
        QVERIFY(QFile::remove(SearchIndex::fileIn(m_cache)));
        for (int n = 1; n <= gens.size(); ++n)
            QVERIFY(index(gens.mid(0, n)));
        idx = index(gens);
        QCOMPARE(idx->versions(file)->size(), 3);
        QCOMPARE(idx->versions(file)->at(1).generations, ids(gens, {2, 3}));
        // The generation that brought the second version forgotten: the third generation is
        // then where it first appears, and its change is counted against the first.
        forgetGeneration(gens[1].id);
        idx = index(generations());
        QCOMPARE(idx->versions(file)->at(1).generations, ids(gens, {2, 3}));
        QCOMPARE(idx->changes()->value(gens[2].id).changed, 1);
        forgetGeneration(gens[2].id); // and the third
        idx = index(generations());
        QCOMPARE(idx->versions(file)->at(1).generations, ids(gens, {3}));
        QCOMPARE(idx->changes()->value(gens[3].id).changed, 1);
        QCOMPARE(idx->changes()->value(gens[3].id).added, 0);
    }

    void addedOneAtATimeGivesTheSameAnswers()
    {
        const auto gens = fiveGenerations();
        auto whole = index(gens);
        QVERIFY(whole);
        const auto all = found(*whole, QStringLiteral("*"));
        const auto allChanges = whole->changes();
        whole.reset();
        QVERIFY(QFile::remove(SearchIndex::fileIn(m_cache)));
        for (int n = 1; n <= gens.size(); ++n)
            QVERIFY(index(gens.mid(0, n)));
        auto stepwise = index(gens);
        QVERIFY(stepwise);
        QCOMPARE(found(*stepwise, QStringLiteral("*")), all);
        QCOMPARE(stepwise->changes()->size(), 5);
        for (const GenerationRecord &g : gens)
            QCOMPARE(stepwise->changes()->value(g.id).removed, allChanges->value(g.id).removed);
    }

    void forgottenGenerationsLeaveTheAnswers()
    {
        const auto gens = fiveGenerations();
        QVERIFY(index(gens));
        // The second and the newest are forgotten: report.odt is then only in the first,
        // and the third's changes are counted against the first.
        forgetGeneration(gens[4].id);
        forgetGeneration(gens[1].id);
        auto idx = index(generations());
        QVERIFY(idx);
        QCOMPARE(found(*idx, QStringLiteral("report.odt")).value(p("/report.odt")), ids(gens, {0}));
        QCOMPARE(found(*idx, QStringLiteral("notes")).value(p("/notes.txt")), ids(gens, {3}));
        QCOMPARE(idx->indexedGenerations().value(), ids(gens, {0, 2, 3}));
        QCOMPARE(idx->changes()->value(gens[2].id).removed, 1);
        // A new generation after the newest indexed one was forgotten: notes.txt is gone.
        ::unlink(p("/notes.txt").constData());
        backup();
        idx = index(generations());
        QVERIFY(idx);
        QCOMPARE(found(*idx, QStringLiteral("notes")).value(p("/notes.txt")), ids(gens, {3}));
        QCOMPARE(found(*idx, QStringLiteral("diary")).value(p("/diary.txt")).size(), 4);
        // Compared with the newest that remains, not counted as all new.
        const GenerationChanges newest = idx->changes()->value(generations().constLast().id);
        QCOMPARE(newest.added, 0);
        QCOMPARE(newest.removed, 1);
    }

    void whatOnlyForgottenGenerationsHeldIsDropped()
    {
        const auto gens = fiveGenerations();
        auto idx = index(gens);
        QVERIFY(idx);
        const QString file = SearchIndex::fileIn(m_cache);
        const char *const pathRows = "SELECT COUNT(*) FROM paths WHERE path = ?1";
        // Every span has a remaining generation of its client in it, and the trigram index
        // agrees with the paths it was made from.
        const auto consistent = [&] {
            const qint64 dead = askIndex(
                file, "SELECT COUNT(*) FROM spans WHERE NOT EXISTS (SELECT 1 FROM gens g WHERE "
                      "g.client = spans.client AND g.seq >= spans.first AND "
                      "(spans.last IS NULL OR g.seq <= spans.last))");
            return dead == 0 && execIndex(file, "INSERT INTO names (names, rank) VALUES "
                                                "('integrity-check', 1)") == SQLITE_OK;
        };
        QCOMPARE(askIndex(file, pathRows, p("/report.odt")), 1);
        QCOMPARE(idx->versions(p("/diary.txt"))->size(), 2);
        const qint64 spansBefore = askIndex(file, "SELECT COUNT(*) FROM spans");
        idx.reset();

        // report.odt and diary.txt's first version were only in the first two.
        forgetGeneration(gens[0].id);
        forgetGeneration(gens[1].id);
        idx = index(generations());
        QVERIFY(idx);
        QCOMPARE(askIndex(file, pathRows, p("/report.odt")), 0);
        QCOMPARE(askIndex(file, "SELECT COUNT(*) FROM names WHERE name LIKE '%report%'"), 0);
        QVERIFY(askIndex(file, "SELECT COUNT(*) FROM spans") <= spansBefore - 2);
        QVERIFY(consistent());
        const auto diary = idx->versions(p("/diary.txt"));
        QVERIFY(diary);
        QCOMPARE(diary->size(), 1);
        QCOMPARE(diary->first().generations, ids(gens, {2, 3, 4}));
        QCOMPARE(found(*idx, QStringLiteral("*.odt")).keys(),
                 QList<QByteArray>{p("/Documents/plan.odt")});
        idx.reset();

        // The newest two go: notes.txt was only in them, and the client is back at the third.
        forgetGeneration(gens[3].id);
        forgetGeneration(gens[4].id);
        idx = index(generations());
        QVERIFY(idx);
        QCOMPARE(askIndex(file, pathRows, p("/notes.txt")), 0);
        QCOMPARE(askIndex(file, pathRows, p("/diary.txt")), 1);
        QVERIFY(consistent());
        QCOMPARE(found(*idx, QStringLiteral("*.txt")).keys(), QList<QByteArray>{p("/diary.txt")});
    }

    void anIndexFromBeforeIsSweptOnceWhenOpened()
    {
        // An index an earlier version kept forgetting into: its generations went, their
        // versions and paths stayed, and it has no index of generations by client.
        const auto gens = fiveGenerations();
        QVERIFY(index(gens));
        const QString file = SearchIndex::fileIn(m_cache);
        const QByteArray old = "DROP INDEX gens_by_client; DELETE FROM gens WHERE id IN ('" +
                               gens[0].id.toLatin1() + "', '" + gens[1].id.toLatin1() + "')";
        QCOMPARE(execIndex(file, old.constData()), SQLITE_OK);
        // And a path whose spans went with a client's forgotten newest generations, itself left.
        const char *const spanRows =
            "SELECT COUNT(*) FROM spans WHERE path = (SELECT id FROM paths WHERE path = ?1)";
        askIndex(file, "DELETE FROM spans WHERE path = (SELECT id FROM paths WHERE path = ?1)",
                 p("/notes.txt"));
        QCOMPARE(askIndex(file, spanRows, p("/notes.txt")), 0);
        const char *const pathRows = "SELECT COUNT(*) FROM paths WHERE path = ?1";
        QCOMPARE(askIndex(file, pathRows, p("/report.odt")), 1);
        QCOMPARE(askIndex(file, pathRows, p("/notes.txt")), 1);

        auto opened = SearchIndex::open(file);
        QVERIFY(opened);
        QCOMPARE(askIndex(file, pathRows, p("/report.odt")), 0);
        QCOMPARE(askIndex(file, pathRows, p("/notes.txt")), 0);
        QCOMPARE(askIndex(file, pathRows, p("/diary.txt")), 1);
        QCOMPARE((*opened)->versions(p("/diary.txt"))->size(), 1);
        QCOMPARE(askIndex(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'gens_by_client'"),
                 1);
        QCOMPARE(askIndex(file, "SELECT COUNT(*) FROM names WHERE name LIKE '%report%'"), 0);
    }

    void clientsKeepTheirOwnSpans()
    {
        const QByteArray other = QFile::encodeName(m_tmp.path()) + QByteArray("/other");
        QVERIFY(::mkdir(other.constData(), 0755) == 0);
        test::writeFile(other + "/desk.txt", "desk");
        test::writeFile(p("/lap.txt"), "lap");
        backup(QStringLiteral("laptop"));
        backup(QStringLiteral("desktop"), other);
        backup(QStringLiteral("laptop"));
        ::unlink(QByteArray(other + "/desk.txt").constData());
        backup(QStringLiteral("desktop"), other);
        const auto gens = generations();
        QCOMPARE(gens.size(), 4);
        auto idx = index(gens);
        QVERIFY(idx);
        QCOMPARE(found(*idx, QStringLiteral("lap.txt")).value(p("/lap.txt")), ids(gens, {0, 2}));
        QCOMPARE(found(*idx, QStringLiteral("desk.txt")).value(other + "/desk.txt"),
                 ids(gens, {1}));
        // Each client's generations are compared with that client's previous one.
        QCOMPARE(idx->changes()->value(gens[2].id).added, 0);
        QCOMPARE(idx->changes()->value(gens[3].id).removed, 1);
    }

    void damagedOrForeignIndexIsRebuilt()
    {
        const auto gens = fiveGenerations();
        Session session;
        session.repository = std::move(m_repo);
        session.cacheDir = m_cache;
        const QString file = SearchIndex::fileIn(m_cache);
        QVERIFY(test::writeFile(QFile::encodeName(file), QByteArray(8192, 'x')));
        auto idx = updatedSearchIndex(session);
        QVERIFY2(idx, qPrintable(idx ? QString() : idx.error().toString()));
        QCOMPARE(found(**idx, QStringLiteral("report")).size(), 1);
        idx->reset();

        // An index from another version is started again, not misread.
        QCOMPARE(userVersion(file, 99), SearchIndex::kVersion);
        idx = updatedSearchIndex(session);
        QVERIFY(idx);
        QCOMPARE((*idx)->indexedGenerations()->size(), gens.size());
        QCOMPARE(userVersion(file), SearchIndex::kVersion);
        m_repo = std::move(session.repository);
    }

    void cancelKeepsWhatWasDone()
    {
        const auto gens = fiveGenerations();
        auto opened = SearchIndex::open(SearchIndex::fileIn(m_cache));
        QVERIFY(opened);
        OperationControl control;
        int calls = 0;
        const auto stopAfterTwo = [&](int done, int) {
            ++calls;
            if (done == 2)
                control.cancel();
        };
        auto s = (*opened)->update(*m_repo, m_cache, gens, &control, stopAfterTwo);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Cancelled);
        QCOMPARE((*opened)->indexedGenerations()->size(), 2);
        QVERIFY((*opened)->update(*m_repo, m_cache, gens));
        QCOMPARE(found(**opened, QStringLiteral("report")).value(p("/report.odt")),
                 ids(gens, {0, 1}));
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
