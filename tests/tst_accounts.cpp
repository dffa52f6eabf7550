// obnam-server's client accounts in PostgreSQL (tests/with-postgres.sh starts a real
// PostgreSQL 15 and passes PG_URL): the behaviour every account store shows, run against
// clients.json and the database alike; two stores on one database as two instances see each
// other's changes at once; concurrent adds; the schema created, kept and refused when newer;
// a failed statement and a deadlock in a transaction told apart from a lost connection; the
// database stopped and killed under a store, and obnam-server itself on the database.
#include "ClientStore.h"
#include "ObjectStore.h"
#include "PgAccountStore.h"
#include "ServerProcess.h"
#include "TestSupport.h"

#include <QFutureSynchronizer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <atomic>
#include <latch>
#include <thread>

using namespace obnam;
using namespace obnam::server;

namespace {

DatabaseSettings settingsFromEnvironment()
{
    return *DatabaseSettings::fromUrl(qEnvironmentVariable("PG_URL"));
}

// Runs pg-up.sh (stop, kill, start) on the test's database.
bool pgUp(const QString &command)
{
    QProcess p;
    p.start(qEnvironmentVariable("PG_UP"), {command, qEnvironmentVariable("PG_DIR")});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

std::optional<Caller> callerOf(AccountStore &store, const QString &token)
{
    auto found = store.authenticate(token.toLatin1());
    if (!found)
        qWarning("authenticate failed: %s", qPrintable(found.error().toString()));
    return found ? *found : std::nullopt;
}

// The one value a query answers, as an int.
Result<int> scalar(Database &db, const QString &query)
{
    return db.run<int>([&](QSqlDatabase &c) -> Result<int> {
        QSqlQuery q(c);
        if (!q.exec(query) || !q.next())
            return makeError(ErrorCode::Io, QStringLiteral("cannot read"), query);
        return q.value(0).toInt();
    });
}

// Runs statements one after the other, each with the same values bound (none: sent as they
// are, since PostgreSQL prepares no DDL); the first that fails ends it with its error.
Status execute(Database &db, const QStringList &statements, const QVariantList &values = {})
{
    return db.run<void>([&](QSqlDatabase &c) -> Status {
        QSqlQuery q(c);
        for (const QString &statement : statements) {
            bool done = false;
            if (values.isEmpty()) {
                done = q.exec(statement);
            } else {
                q.prepare(statement);
                for (const QVariant &v : values)
                    q.addBindValue(v);
                done = q.exec();
            }
            if (!done)
                return makeError(ErrorCode::Io, q.lastError().text(), statement);
        }
        return {};
    });
}

void dropEverything()
{
    Database db(settingsFromEnvironment());
    QVERIFY(execute(db, {QStringLiteral("DROP TABLE IF EXISTS obnam_objects, obnam_accounts, "
                                        "obnam_migrated, obnam_schema")}));
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    std::unique_ptr<AccountStore> makeStore(const QString &kind)
    {
        if (kind == QStringLiteral("file"))
            return std::make_unique<ClientStore>(m_tmp.filePath(QStringLiteral("clients.json")));
        auto store = PgAccountStore::open(settingsFromEnvironment());
        if (!store)
            qWarning("%s", qPrintable(store.error().toString()));
        return store ? std::move(*store) : nullptr;
    }

    // A PostgreSQL store with one client account added: what most cases below start from.
    struct PgClient
    {
        std::unique_ptr<PgAccountStore> store;
        QString name;
        QString id;
        QString token;
        PgAccountStore *operator->() const { return store.get(); }
        explicit operator bool() const { return store != nullptr; }
    };
    PgClient pgClient(const QString &name, qint64 quotaBytes = 0)
    {
        auto store = PgAccountStore::open(settingsFromEnvironment());
        if (!store) {
            qWarning("%s", qPrintable(store.error().toString()));
            return {};
        }
        const auto added = (*store)->add(name, false, quotaBytes);
        const auto caller = added ? callerOf(**store, added->token) : std::nullopt;
        if (!caller) {
            qWarning("cannot add the client %s", qPrintable(name));
            return {};
        }
        return {std::move(*store), name, caller->account.id, added->token};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("PG_URL"))
            QSKIP("no PostgreSQL: run through tests/with-postgres.sh");
    }

    void init()
    {
        QFile::remove(m_tmp.filePath(QStringLiteral("clients.json")));
        dropEverything();
    }

    void everyStoreBehavesAlike_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("clients.json") << QStringLiteral("file");
        QTest::newRow("PostgreSQL") << QStringLiteral("postgresql");
    }

    void everyStoreBehavesAlike()
    {
        QFETCH(QString, kind);
        auto store = makeStore(kind);
        QVERIFY(store);
        auto laptop = store->add(QStringLiteral("laptop"), false, 0);
        QVERIFY2(laptop, qPrintable(laptop ? QString() : laptop.error().toString()));
        QCOMPARE(laptop->token.size(), 64);
        QVERIFY(laptop->adminToken.isEmpty());
        auto nas = store->add(QStringLiteral("nas"), true, 5000);
        QVERIFY(nas);
        QCOMPARE(nas->adminToken.size(), 64);

        auto caller = callerOf(*store, laptop->token);
        QVERIFY(caller);
        QCOMPARE(caller->account.name, QStringLiteral("laptop"));
        QVERIFY(!caller->admin);
        QCOMPARE(caller->account.id.size(), 32);
        caller = callerOf(*store, nas->adminToken);
        QVERIFY(caller && caller->admin && caller->account.appendOnly);
        QCOMPARE(caller->account.quotaBytes, 5000);
        caller = callerOf(*store, nas->token);
        QVERIFY(caller && !caller->admin);
        QVERIFY(!callerOf(*store, QString(64, QLatin1Char('a'))));
        QVERIFY(!callerOf(*store, QStringLiteral("short")));
        QVERIFY(!callerOf(*store, QStringLiteral("' OR 1=1 --") + QString(53, QLatin1Char(' '))));

        auto again = store->add(QStringLiteral("laptop"), false, 0);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        auto bad = store->add(QStringLiteral("no/slashes"), false, 0);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);

        auto listed = store->list();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).name, QStringLiteral("laptop"));
        QCOMPARE(listed->at(1).name, QStringLiteral("nas"));
        QVERIFY(listed->at(1).appendOnly);

        // Rotation: the old tokens open nothing, the new ones the same account.
        const QString oldId = callerOf(*store, nas->token)->account.id;
        auto rotated = store->rotate(QStringLiteral("nas"));
        QVERIFY(rotated);
        QVERIFY(!callerOf(*store, nas->token));
        QVERIFY(!callerOf(*store, nas->adminToken));
        QCOMPARE(callerOf(*store, rotated->token)->account.id, oldId);
        QVERIFY(callerOf(*store, rotated->adminToken)->admin);
        rotated = store->rotate(QStringLiteral("laptop"));
        QVERIFY(rotated && rotated->adminToken.isEmpty());
        QCOMPARE(store->rotate(QStringLiteral("ghost")).error().code, ErrorCode::NotFound);

        QVERIFY(store->remove(QStringLiteral("laptop")));
        QVERIFY(!callerOf(*store, rotated->token));
        QCOMPARE(store->remove(QStringLiteral("laptop")).error().code, ErrorCode::NotFound);
        QCOMPARE(store->list()->size(), 1);
    }

    void instancesSeeEachOthersChangesAtOnce()
    {
        auto a = makeStore(QStringLiteral("postgresql"));
        auto b = makeStore(QStringLiteral("postgresql"));
        QVERIFY(a && b);
        auto added = a->add(QStringLiteral("laptop"), false, 0);
        QVERIFY(added);
        QVERIFY(callerOf(*b, added->token));
        auto rotated = b->rotate(QStringLiteral("laptop"));
        QVERIFY(rotated);
        QVERIFY(!callerOf(*a, added->token));
        QVERIFY(callerOf(*a, rotated->token));
        QVERIFY(b->remove(QStringLiteral("laptop")));
        QVERIFY(!callerOf(*a, rotated->token));
    }

    void concurrentAddsFromTwoInstances()
    {
        auto a = makeStore(QStringLiteral("postgresql"));
        auto b = makeStore(QStringLiteral("postgresql"));
        QVERIFY(a && b);
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        QFutureSynchronizer<int> adds;
        for (int t = 0; t < 8; ++t) {
            AccountStore *store = t % 2 ? b.get() : a.get();
            adds.addFuture(QtConcurrent::run(&pool, [store, t] {
                int ok = 0;
                for (int i = 0; i < 10; ++i)
                    ok += bool(store->add(QStringLiteral("c%1-%2").arg(t).arg(i), false, 0));
                // Everyone wants this name; one gets it.
                ok += bool(store->add(QStringLiteral("shared"), false, 0)) ? 1000 : 0;
                return ok;
            }));
        }
        adds.waitForFinished();
        int total = 0;
        for (const QFuture<int> &f : adds.futures())
            total += f.result();
        QCOMPARE(total, 80 + 1000);
        QCOMPARE(a->list()->size(), 81);
    }

    void schemaIsCreatedOnceAndNewerIsRefused()
    {
        auto first = makeStore(QStringLiteral("postgresql"));
        QVERIFY(first);
        QVERIFY(first->add(QStringLiteral("kept"), false, 0));
        auto second = makeStore(QStringLiteral("postgresql"));
        QVERIFY(second);
        QCOMPARE(second->list()->size(), 1); // opening again migrates nothing away
        Database db(settingsFromEnvironment());
        auto version = db.run<int>([](QSqlDatabase &c) -> Result<int> {
            QSqlQuery q(c);
            if (!q.exec(QStringLiteral("SELECT count(*), max(version) FROM obnam_schema")) ||
                !q.next())
                return makeError(ErrorCode::Io, QStringLiteral("cannot read"));
            return q.value(0).toInt() * 1000 + q.value(1).toInt();
        });
        QVERIFY(version);
        QCOMPARE(*version, 1000 + PgAccountStore::kSchemaVersion);

        QVERIFY(execute(db, {QStringLiteral("UPDATE obnam_schema SET version = 99")}));
        auto refused = PgAccountStore::open(settingsFromEnvironment());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
        QVERIFY2(refused.error().message.contains(
                     QStringLiteral("version 99, newer than this obnam-server knows (%1)")
                         .arg(PgAccountStore::kSchemaVersion)),
                 qPrintable(refused.error().message));
    }

    void usageFollowsEachObjectOnce()
    {
        const auto pg = pgClient(QStringLiteral("laptop"));
        QVERIFY(pg);
        const QString id = pg.id;
        const auto used = [&] {
            return pg->usedBytes(pg.name).value();
        };
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/aa"), 100, 0));
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/bb"), 50, 0));
        QCOMPARE(used(), 150);
        // Replaced: counted from the size the database knows, whatever the caller saw.
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/bb"), 70, 999));
        QCOMPARE(used(), 170);
        // Removed twice (through two instances, say): subtracted once.
        QVERIFY(pg->objectRemoved(id, QStringLiteral("locks/aa"), 100));
        QVERIFY(pg->objectRemoved(id, QStringLiteral("locks/aa"), 100));
        QCOMPARE(used(), 70);
        // Eight instances storing the same new object at once, then removing it at once:
        // counted once, then subtracted once. Their connections are open before they start.
        std::vector<std::unique_ptr<PgAccountStore>> instances;
        for (int i = 0; i < 8; ++i) {
            auto own = PgAccountStore::open(settingsFromEnvironment());
            QVERIFY(own);
            instances.push_back(std::move(*own));
        }
        // A thread each (not a pool with fewer threads than instances), let go together once
        // every one is connected.
        const auto allAtOnce = [&](const std::function<bool(PgAccountStore &)> &work) {
            std::latch start(qsizetype(instances.size()));
            std::vector<char> ok(instances.size(), 0);
            std::vector<std::thread> threads;
            for (size_t i = 0; i < instances.size(); ++i)
                threads.emplace_back([&, i] {
                    // Each thread has a connection of its own: opened before the start.
                    static_cast<void>(instances[i]->wasMigrated(id));
                    start.arrive_and_wait();
                    ok[i] = work(*instances[i]);
                });
            for (std::thread &t : threads)
                t.join();
            return std::all_of(ok.cbegin(), ok.cend(), [](char v) { return v != 0; });
        };
        QVERIFY(allAtOnce([&](PgAccountStore &one) {
            return bool(one.objectStored(id, QStringLiteral("locks/cc"), 30, 0));
        }));
        QCOMPARE(used(), 100);
        QVERIFY(allAtOnce([&](PgAccountStore &one) {
            return bool(one.objectRemoved(id, QStringLiteral("locks/cc"), 30));
        }));
        QCOMPARE(used(), 70);

        // An account from before the objects were known is counted by changes, as it was,
        // until a recount tells the database what it stores.
        Database db(settingsFromEnvironment());
        QVERIFY(execute(
            db, {QStringLiteral("UPDATE obnam_accounts SET objects_tracked = false WHERE id = ?")},
            {id}));
        QVERIFY(pg->objectRemoved(id, QStringLiteral("locks/old"), 20));
        QCOMPARE(used(), 50);
        QVERIFY(pg->recount(id, [] {
            return QHash<QString, qint64>{{QStringLiteral("locks/bb"), 70},
                                          {QStringLiteral("locks/dd"), 5}};
        }));
        QCOMPARE(used(), 75);
        QVERIFY(pg->objectRemoved(id, QStringLiteral("locks/dd"), 5));
        QVERIFY(pg->objectRemoved(id, QStringLiteral("locks/dd"), 5));
        QCOMPARE(used(), 70);
        // Removing the account removes what the database knew of its objects.
        QVERIFY(pg->remove(QStringLiteral("laptop")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM obnam_objects")).value(), 0);
    }

    void aVersionOneDatabaseIsUpgraded()
    {
        // What obnam-server 0.1 left: schema version 1, one account, no obnam_migrated.
        Database db(settingsFromEnvironment());
        QVERIFY(execute(
            db, {QStringLiteral("CREATE TABLE obnam_schema (version integer NOT NULL)"),
                 QStringLiteral("INSERT INTO obnam_schema VALUES (1)"),
                 QStringLiteral(
                     "CREATE TABLE obnam_accounts (name text PRIMARY KEY, id char(32) NOT NULL "
                     "UNIQUE, token_sha256 char(64) NOT NULL UNIQUE, admin_token_sha256 char(64) "
                     "UNIQUE, append_only boolean NOT NULL DEFAULT false, quota_bytes bigint NOT "
                     "NULL DEFAULT 0, used_bytes bigint NOT NULL DEFAULT 0, created timestamptz "
                     "NOT NULL DEFAULT now())"),
                 QStringLiteral("INSERT INTO obnam_accounts (name, id, token_sha256) VALUES "
                                "('old', repeat('1', 32), repeat('2', 64))")}));
        auto store = makeStore(QStringLiteral("postgresql"));
        QVERIFY(store);
        QCOMPARE(store->list()->size(), 1);
        QCOMPARE(store->list()->first().name, QStringLiteral("old"));
        auto *pg = dynamic_cast<PgAccountStore *>(store.get());
        QVERIFY(pg);
        const QString id(32, QLatin1Char('1'));
        QCOMPARE(pg->wasMigrated(id).value(), false);
        // Its objects are not known: it is counted by changes, as before, with no rows.
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/aa"), 100, 0));
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/aa"), 60, 100));
        QCOMPARE(pg->usedBytes(QStringLiteral("old")).value(), 60);
        QVERIFY(pg->objectRemoved(id, QStringLiteral("locks/aa"), 60));
        QCOMPARE(pg->usedBytes(QStringLiteral("old")).value(), 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM obnam_objects")).value(), 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT max(version) FROM obnam_schema")).value(),
                 PgAccountStore::kSchemaVersion);
    }

    void quotasAndSizesBeyondFourGigabytes()
    {
        // Byte counts are 64-bit in every statement, including a quota that PostgreSQL would
        // otherwise take for a 32-bit integer from a comparison with 0.
        const qint64 quota = 10'000'000'000;
        const qint64 step = 4'000'000'000;
        const auto pg = pgClient(QStringLiteral("desktop"), quota);
        QVERIFY(pg);
        auto *store = pg.store.get();
        const auto caller = callerOf(*store, pg.token);
        QVERIFY(caller);
        QCOMPARE(caller->account.quotaBytes, quota);
        const QString id = pg.id;
        for (const bool fits : {true, true, false}) {
            const auto reserved = store->reserve(id, step, quota);
            QVERIFY2(reserved, qPrintable(reserved ? QString() : reserved.error().toString()));
            QCOMPARE(*reserved, fits);
        }
        QCOMPARE(pg->heldBytes(QStringLiteral("desktop")).value(), 2 * step);
        QVERIFY(store->release(id, 2 * step));
        QCOMPARE(pg->heldBytes(QStringLiteral("desktop")).value(), 0);
        const QString pack = QStringLiteral("packs/") + QString(64, QLatin1Char('b'));
        QVERIFY(store->objectStored(id, pack, 5 * step, 0));
        QCOMPARE(pg->usedBytes(QStringLiteral("desktop")).value(), 5 * step);
        QVERIFY(store->objectRemoved(id, pack, 5 * step));
        QCOMPARE(pg->usedBytes(QStringLiteral("desktop")).value(), 0);
    }

    void holdsForUploadsAreApartFromWhatIsStored()
    {
        const auto pg = pgClient(QStringLiteral("laptop"), 200);
        QVERIFY(pg);
        const QString id = pg.id;
        const QString name = pg.name;
        // An upload of 100 held, its object of 60 stored: both count against the quota.
        QCOMPARE(pg->reserve(id, 100, 200).value(), true);
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/aa"), 60, 0));
        QCOMPARE(pg->reserve(id, 41, 200).value(), false);
        QCOMPARE(pg->reserve(id, 40, 200).value(), true);
        QCOMPARE(pg->heldBytes(name).value(), 140);
        // A recount while they are in progress sets what is stored and leaves their holds.
        const auto recounted = pg->recount(id, [&] {
            return QHash<QString, qint64>{{QStringLiteral("locks/aa"), 60}};
        });
        QVERIFY(recounted);
        QCOMPARE(recounted->size(), 1);
        QCOMPARE(pg->usedBytes(name).value(), 60);
        QCOMPARE(pg->heldBytes(name).value(), 140);
        QVERIFY(pg->release(id, 100));
        QVERIFY(pg->release(id, 40));
        QCOMPARE(pg->heldBytes(name).value(), 0);
        QCOMPARE(pg->usedBytes(name).value(), 60);
        QCOMPARE(pg->reserve(id, 140, 200).value(), true);

        // Holds an instance never gave back (it was killed) are forgotten once the account
        // has made no new upload for kHoldHours.
        Database db(settingsFromEnvironment());
        QVERIFY(execute(db,
                        {QStringLiteral("UPDATE obnam_accounts SET held_until = now() - interval "
                                        "'1 minute' WHERE id = ?")},
                        {id}));
        QCOMPARE(pg->heldBytes(name).value(), 0);
        QCOMPARE(pg->reserve(id, 140, 200).value(), true);
        QCOMPARE(pg->heldBytes(name).value(), 140);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM obnam_accounts WHERE held_until "
                                           "> now() + interval '%1 hours' - interval '1 minute'")
                                .arg(PgAccountStore::kHoldHours))
                     .value(),
                 1);
    }

    void aRecountListsWhileTheAccountWaits()
    {
        // A removal through another instance in the middle of the listing: it waits for the
        // count, then takes away what the count found, so the usage is exact after both.
        const auto pg = pgClient(QStringLiteral("laptop"));
        QVERIFY(pg);
        const QString id = pg.id;
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/aa"), 100, 0));
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/bb"), 50, 0));
        auto other = PgAccountStore::open(settingsFromEnvironment());
        QVERIFY(other);
        std::atomic<bool> removed = false;
        std::thread remover;
        const auto recounted = pg->recount(id, [&] {
            remover = std::thread([&] {
                removed = bool((*other)->objectRemoved(id, QStringLiteral("locks/aa"), 100));
            });
            // Long enough for the removal to finish, were it not kept waiting.
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            const bool early = removed;
            QHash<QString, qint64> listed{{QStringLiteral("locks/aa"), 100},
                                          {QStringLiteral("locks/bb"), 50}};
            if (early)
                listed.insert(QStringLiteral("early"), 1); // the check below sees it
            return listed;
        });
        remover.join();
        QVERIFY(recounted);
        QVERIFY2(!recounted->contains(QStringLiteral("early")),
                 "a removal went through while the account was being counted");
        QVERIFY(removed);
        QCOMPARE(pg->usedBytes(QStringLiteral("laptop")).value(), 50);
    }

    void changesAfterALostConnectionAreMadeOnANewOne()
    {
        // The database drops the connection between two requests (a restart, a failover): the
        // next change finds it lost before anything was committed, and is made on a new one.
        const auto pg = pgClient(QStringLiteral("laptop"));
        QVERIFY(pg);
        const QString id = pg.id;
        Database admin(settingsFromEnvironment());
        const auto dropConnection = [&] {
            const auto backend = scalar(pg->database(), QStringLiteral("SELECT pg_backend_pid()"));
            QVERIFY(backend);
            QVERIFY(execute(admin, {QStringLiteral("SELECT pg_terminate_backend(?)")}, {*backend}));
            QTRY_COMPARE(scalar(admin, QStringLiteral("SELECT count(*) FROM pg_stat_activity "
                                                      "WHERE pid = %1")
                                           .arg(*backend))
                             .value(),
                         0);
        };
        QCOMPARE(pg->reserve(id, 100, 0).value(), true);
        dropConnection();
        QVERIFY(pg->objectStored(id, QStringLiteral("locks/aa"), 60, 0));
        dropConnection();
        QVERIFY(pg->release(id, 100));
        dropConnection();
        QVERIFY(pg->objectRemoved(id, QStringLiteral("locks/bb"), 0));
        QCOMPARE(pg->usedBytes(QStringLiteral("laptop")).value(), 60);
        QCOMPARE(pg->heldBytes(QStringLiteral("laptop")).value(), 0);
    }

    void onlyTheInstancesOwnUnfinishedUploadsAreCleanedUp()
    {
        // What tidy() may abort below the bucket's prefix: clients/ACCOUNT-ID/OBJECT-NAME.
        const QString id(32, QLatin1Char('a'));
        const QString pack = QStringLiteral("packs/ab/ab") + QString(62, QLatin1Char('0'));
        QVERIFY(S3ObjectStore::isInstanceKey(QStringLiteral("clients/") + id + QLatin1Char('/') +
                                             pack));
        QVERIFY(!S3ObjectStore::isInstanceKey(pack)); // a repository straight in the bucket
        QVERIFY(!S3ObjectStore::isInstanceKey(QStringLiteral("clients/") + id +
                                              QStringLiteral("/video.mkv")));
        QVERIFY(!S3ObjectStore::isInstanceKey(QStringLiteral("clients/short/") + pack));
        QVERIFY(!S3ObjectStore::isInstanceKey(QStringLiteral("clients/") + id +
                                              QStringLiteral("/../") + pack));
    }

    void aSessionLeftInATransactionIsEnded()
    {
        // An instance cut off inside a transaction holds its account's row until the database
        // ends the session: each connection asks for that after ten minutes.
        Database db(settingsFromEnvironment());
        const auto shown = db.run<QString>([&](QSqlDatabase &c) -> Result<QString> {
            QSqlQuery q(c);
            if (!q.exec(QStringLiteral("SHOW idle_in_transaction_session_timeout")) || !q.next())
                return db.failure(c, q.lastError(), QStringLiteral("cannot read a setting"));
            return q.value(0).toString();
        });
        QVERIFY2(shown, qPrintable(shown ? QString() : shown.error().toString()));
        QCOMPARE(*shown, QStringLiteral("10min"));
    }

    void aFailedStatementInATransactionKeepsTheConnection()
    {
        // A statement that fails in a transaction aborts the transaction, and every statement
        // after it fails too until the rollback. The error must still be the statement's own
        // (permanent), not a lost connection that a client would retry, and the connection
        // is kept for the next request.
        Database db(settingsFromEnvironment());
        const QString backend = QStringLiteral("SELECT pg_backend_pid()");
        const auto before = scalar(db, backend);
        QVERIFY(before);
        const Status failed =
            db.transaction(QStringLiteral("cannot commit"), [&](QSqlDatabase &c) -> Status {
                QSqlQuery q(c);
                if (!q.exec(QStringLiteral("SELECT 1 / 0")))
                    return db.failure(c, q.lastError(), QStringLiteral("cannot divide"));
                return {};
            });
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, ErrorCode::Permanent);
        QVERIFY2(failed.error().message.startsWith(QStringLiteral("cannot divide: ")) &&
                     failed.error().message.contains(QStringLiteral("division by zero")),
                 qPrintable(failed.error().message));
        QCOMPARE(scalar(db, backend).value(), *before); // the same connection, usable again

        // Outside a transaction, the same.
        const Status alone = db.run<void>([&](QSqlDatabase &c) -> Status {
            QSqlQuery q(c);
            if (!q.exec(QStringLiteral("SELECT * FROM obnam_no_such_table")))
                return db.failure(c, q.lastError(), QStringLiteral("cannot read"));
            return {};
        });
        QVERIFY(!alone);
        QCOMPARE(alone.error().code, ErrorCode::Permanent);
        QCOMPARE(scalar(db, backend).value(), *before);
    }

    void aDeadlockIsWorthAnotherTry()
    {
        // Two transactions that take two rows in opposite orders: PostgreSQL rolls one back
        // (SQLSTATE 40P01). That one may succeed when tried again, on the same connection.
        Database setup(settingsFromEnvironment());
        QVERIFY(execute(setup, {QStringLiteral("DROP TABLE IF EXISTS obnam_test_rows"),
                                QStringLiteral("CREATE TABLE obnam_test_rows (id int PRIMARY KEY)"),
                                QStringLiteral("INSERT INTO obnam_test_rows VALUES (1), (2)")}));
        std::latch firstRowsHeld(2);
        // Each answers its transaction's outcome, and whether its connection is the same after.
        const auto crossing = [&](int first, int second, bool *kept) {
            Database db(settingsFromEnvironment());
            int backend = 0;
            const Status done =
                db.transaction(QStringLiteral("cannot commit"), [&](QSqlDatabase &c) -> Status {
                    QSqlQuery q(c);
                    const auto take = [&](int id) {
                        return q.exec(
                            QStringLiteral("UPDATE obnam_test_rows SET id = id WHERE id = %1")
                                .arg(id));
                    };
                    if (!q.exec(QStringLiteral("SELECT pg_backend_pid()")) || !q.next())
                        return db.failure(c, q.lastError(), QStringLiteral("no backend"));
                    backend = q.value(0).toInt();
                    if (!take(first))
                        return db.failure(c, q.lastError(), QStringLiteral("first row"));
                    firstRowsHeld.arrive_and_wait();
                    if (!take(second))
                        return db.failure(c, q.lastError(), QStringLiteral("second row"));
                    return {};
                });
            *kept = scalar(db, QStringLiteral("SELECT pg_backend_pid()")).value() == backend;
            return done;
        };
        bool otherKept = false;
        Status other;
        std::thread t([&] { other = crossing(2, 1, &otherKept); });
        bool kept = false;
        const Status mine = crossing(1, 2, &kept);
        t.join();
        QVERIFY(kept);
        QVERIFY(otherKept);
        QVERIFY2(bool(mine) != bool(other), "exactly one of the two is rolled back");
        const Status &lost = mine ? other : mine;
        QCOMPARE(lost.error().code, ErrorCode::Transient);
        QVERIFY2(lost.error().message.startsWith(QStringLiteral("second row: ")) &&
                     !lost.error().message.contains(QStringLiteral("connection was lost")),
                 qPrintable(lost.error().message));
        QVERIFY(execute(setup, {QStringLiteral("DROP TABLE obnam_test_rows")}));
    }

    void survivesTheDatabaseGoingAway()
    {
        const auto client = pgClient(QStringLiteral("laptop"));
        QVERIFY(client);
        auto *store = client.store.get();

        // Stopped: the store cannot answer, which is not the same as "no such token".
        QVERIFY(pgUp(QStringLiteral("stop")));
        auto down = store->authenticate(client.token.toLatin1());
        QVERIFY(!down);
        QCOMPARE(down.error().code, ErrorCode::Transient);
        QVERIFY2(down.error().message.contains(QStringLiteral("database")),
                 qPrintable(down.error().message));
        QVERIFY(pgUp(QStringLiteral("start")));
        QVERIFY(callerOf(*store, client.token)); // a new connection, without a restart

        // Killed, as a crash: the same once it is back.
        QVERIFY(pgUp(QStringLiteral("kill")));
        QVERIFY(!store->authenticate(client.token.toLatin1()));
        QVERIFY(pgUp(QStringLiteral("start")));
        QVERIFY(callerOf(*store, client.token));
    }

    void serverOnTheDatabase()
    {
        const QByteArray config = "database: " + qgetenv("PG_URL") + "\n";
        test::ServerProcess one(config);
        test::ServerProcess two(config);
        QVERIFY2(one.start(), qPrintable(one.log()));
        QVERIFY2(two.start(), qPrintable(two.log()));
        // Added through one instance's command, accepted by the other at once.
        const auto tokens = one.addClient(QStringLiteral("laptop"));
        QVERIFY(!tokens.token.isEmpty());
        auto backend = two.backend(tokens.token);
        const auto listed = backend->list({}).result();
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().toString()));
        QVERIFY(backend->put(QStringLiteral("config"), "x", PutMode::CreateOnly).result());

        // The database down: the server says unavailable (503, which clients retry), not
        // unauthorised; back up, the same token works again.
        QVERIFY(pgUp(QStringLiteral("stop")));
        HttpsSettings quick = two.settings(tokens.token);
        quick.maxAttempts = 1;
        HttpsBackend once(quick);
        const auto refused = once.get(QStringLiteral("config")).result();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("503")),
                 qPrintable(refused.error().message));
        QVERIFY(pgUp(QStringLiteral("start")));
        const auto back = backend->get(QStringLiteral("config")).result();
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(*back, QByteArray("x"));

        // Removed through the other instance: refused by both.
        QProcess remove;
        remove.start(QStringLiteral(OBNAM_SERVER),
                     {QStringLiteral("--config"), two.configPath(), QStringLiteral("client"),
                      QStringLiteral("remove"), QStringLiteral("laptop")});
        QVERIFY(remove.waitForFinished(30000) && remove.exitCode() == 0);
        for (test::ServerProcess *server : {&one, &two}) {
            HttpsBackend gone(server->settings(tokens.token));
            const auto r = gone.list({}).result();
            QVERIFY(!r);
            QVERIFY2(r.error().message.contains(QStringLiteral("token")),
                     qPrintable(r.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
