// `obnam-server migrate`: a server that kept its accounts in clients.json and its objects in its
// data directory moves to a real PostgreSQL (tests/with-postgres.sh) and a real S3 bucket
// (tests/with-s3.sh). Its clients back up and restore through the new set-up with the tokens
// they had; a run can be repeated or resumed; conflicts are refused, never overwritten.
#include "CliRunner.h"
#include "ServerProcess.h"
#include "TestPostgres.h"
#include "TestSharedStorage.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

// The account ids clients.json gives each client name.
QHash<QString, QString> accountIds(const QString &dataDir)
{
    QFile f(dataDir + QStringLiteral("/clients.json"));
    f.open(QIODevice::ReadOnly);
    QHash<QString, QString> ids;
    const QJsonArray clients =
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("clients")).toArray();
    for (const QJsonValue &c : clients)
        ids.insert(c.toObject().value(QStringLiteral("name")).toString(),
                   c.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run server(const QString &config, const QStringList &args)
{
    QProcess p;
    p.start(test::serverBinary(), QStringList{QStringLiteral("--config"), config} + args);
    Run r;
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit)
        return r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestServerMigrate : public QObject
{
    Q_OBJECT

private:
    // Where this test's instances keep objects: a prefix of their own in the test bucket.
    QString m_storage;

    struct Client
    {
        std::unique_ptr<test::CliHome> home;
        QString source;
        QProcessEnvironment env;
    };

    static void pointAt(Client &c, const test::ServerProcess &s)
    {
        c.home->writeConfig("roots: [\"" + enc(c.source) +
                            "\"]\nserver_url: " + s.baseUrl().toUtf8() +
                            "\nserver_cert_sha256: \"" + s.fingerprintText().toLatin1() + "\"\n");
    }

    static Client makeClient(const QByteArray &token, int files, quint32 seed)
    {
        Client c;
        c.home = std::make_unique<test::CliHome>();
        c.source = c.home->path() + QStringLiteral("/src");
        [&] {
            QVERIFY(test::writeSampleTree(c.source, files, 64 * 1024, 4099, seed));
        }();
        c.env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("correct horse"));
        c.env.insert(QStringLiteral("OBNAM_ACCESS_TOKEN"), QString::fromLatin1(token));
        return c;
    }

    static QString backUp(const Client &c, bool first)
    {
        if (first) {
            const auto r = c.home->run({QStringLiteral("init")}, c.env);
            if (r.code != 0)
                return QStringLiteral("init failed: ") + r.err;
        }
        const auto r = c.home->run({QStringLiteral("backup")}, c.env);
        return r.code == 0 ? QString() : QStringLiteral("backup failed: ") + r.err;
    }

    static QString restoreAndCompare(const Client &c)
    {
        return c.home->restoreAndCompare(c.source, c.env);
    }

    // The instances' server.yaml: the old data directory, the database and the bucket.
    std::unique_ptr<test::ServerProcess> sharedServer(const QString &dataDir) const
    {
        auto s = std::make_unique<test::ServerProcess>("database: " + qgetenv("PG_URL") +
                                                       "\nstorage: " + m_storage.toUtf8() + "\n");
        s->setDataDir(dataDir);
        return s;
    }

    // The bucket below a client's prefix, as the instances see it.
    std::shared_ptr<S3Backend> clientObjects(const QString &accountId) const
    {
        return test::clientObjects(m_storage, accountId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("S3_ENDPOINT") || qEnvironmentVariableIsEmpty("PG_URL"))
            QSKIP("no S3 store or PostgreSQL: run through tests/with-s3.sh and "
                  "tests/with-postgres.sh");
    }

    void init()
    {
        QVERIFY(test::dropServerTables());
        m_storage =
            QStringLiteral("s3+http://") + QUrl(qEnvironmentVariable("S3_ENDPOINT")).authority() +
            QStringLiteral("/obnam-migrate/run%1").arg(QRandomGenerator::global()->generate());
    }

    void clientsGoOnWithTheirTokensAfterMigrating()
    {
        test::ServerProcess old;
        QVERIFY2(old.start(), qPrintable(old.log()));
        const auto laptopTokens = old.addClient(QStringLiteral("laptop"));
        const auto nasTokens = old.addClient(
            QStringLiteral("nas"), {QStringLiteral("--append-only"), QStringLiteral("--quota"),
                                    QStringLiteral("50000000")});
        Client laptop = makeClient(laptopTokens.token, 12, 100);
        Client nas = makeClient(nasTokens.token, 5, 200);
        pointAt(laptop, old);
        pointAt(nas, old);
        QCOMPARE(backUp(laptop, true), QString());
        QVERIFY(test::writeFile(enc(laptop.source + QStringLiteral("/f3")), "changed\n"));
        QCOMPARE(backUp(laptop, false), QString());
        QCOMPARE(backUp(nas, true), QString());
        QCOMPARE(old.terminate(10000), 0);
        const auto dataBefore = test::manifest(enc(old.dataDir()));

        auto shared = sharedServer(old.dataDir());
        const Run migrated = server(shared->configPath(), {QStringLiteral("migrate")});
        QVERIFY2(migrated.code == 0, qPrintable(migrated.out + migrated.err));
        QVERIFY2(migrated.out.contains(QStringLiteral("2 of 2 clients migrated")),
                 qPrintable(migrated.out));
        QVERIFY2(migrated.out.contains(QStringLiteral("laptop: ")) &&
                     migrated.out.contains(QStringLiteral("account added")),
                 qPrintable(migrated.out));
        // The data directory was only read.
        QCOMPARE(test::manifestDiff(test::manifest(enc(old.dataDir())), dataBefore), QString());

        QVERIFY2(shared->start(), qPrintable(shared->log()));
        QCOMPARE(shared->fingerprintText(), old.fingerprintText()); // the same certificate
        pointAt(laptop, *shared);
        pointAt(nas, *shared);
        // Both generations, restored as they were, with the tokens the clients had.
        const auto listed = laptop.home->run({QStringLiteral("list")}, laptop.env);
        QCOMPARE(listed.code, 0);
        QCOMPARE(listed.out.count(QLatin1Char('\n')), 2);
        QCOMPARE(restoreAndCompare(laptop), QString());
        QCOMPARE(restoreAndCompare(nas), QString());
        // Backups go on from where they were: the unchanged files are not sent again.
        QVERIFY(test::writeFile(enc(laptop.source + QStringLiteral("/f5")), "changed too\n"));
        QCOMPARE(backUp(laptop, false), QString());
        QCOMPARE(restoreAndCompare(laptop), QString());

        // What the account was: append-only (the access token deletes nothing, the admin
        // token does), its quota, and a count of what it stores to hold the quota against.
        const QString nasId = accountIds(old.dataDir()).value(QStringLiteral("nas"));
        QCOMPARE(test::accountColumn(QStringLiteral("nas"), QStringLiteral("id")).toString(),
                 nasId);
        QCOMPARE(
            test::accountColumn(QStringLiteral("nas"), QStringLiteral("quota_bytes")).toLongLong(),
            50000000);
        QVERIFY(test::accountColumn(QStringLiteral("nas"), QStringLiteral("append_only")).toBool());
        auto bucket = clientObjects(nasId);
        QVERIFY(bucket);
        const auto inBucket = bucket->listWithSizes({}).result();
        QVERIFY(inBucket && !inBucket->isEmpty());
        qint64 stored = 0;
        for (const auto &object : *inBucket)
            stored += object.size;
        QCOMPARE(
            test::accountColumn(QStringLiteral("nas"), QStringLiteral("used_bytes")).toLongLong(),
            stored);
        const QString someObject = inBucket->first().name;
        QVERIFY(!shared->backend(nasTokens.token)->remove(someObject).result());
        QVERIFY(shared->backend(nasTokens.admin)->stat(someObject).result());

        // Since the move, the laptop's passphrase changed, its token was rotated and its first
        // generation forgotten, all on the new set-up. Another run undoes none of it.
        const auto slots =
            laptop.home->run({QStringLiteral("key"), QStringLiteral("list")}, laptop.env);
        QCOMPARE(slots.code, 0);
        QProcessEnvironment changed = laptop.env;
        changed.insert(QStringLiteral("OBNAM_NEW_PASSPHRASE"), QStringLiteral("battery staple"));
        const auto passwd = laptop.home->run({QStringLiteral("key"), QStringLiteral("passwd"),
                                              slots.out.section(QLatin1Char(' '), 0, 0)},
                                             changed);
        QVERIFY2(passwd.code == 0, qPrintable(passwd.err));
        laptop.env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("battery staple"));
        const QString firstGeneration = listed.out.section(QLatin1Char(' '), 0, 0);
        const auto forgot = laptop.home->run(
            {QStringLiteral("forget"), QStringLiteral("--keep-last"), QStringLiteral("2")},
            laptop.env);
        QVERIFY2(forgot.code == 0, qPrintable(forgot.err));
        const auto rotated =
            server(shared->configPath(),
                   {QStringLiteral("client"), QStringLiteral("rotate"), QStringLiteral("laptop")});
        QCOMPARE(rotated.code, 0);
        laptop.env.insert(QStringLiteral("OBNAM_ACCESS_TOKEN"),
                          rotated.out.section(QStringLiteral("access_token: "), 1).trimmed());
        const QString rotatedHash =
            test::accountColumn(QStringLiteral("laptop"), QStringLiteral("token_sha256"))
                .toString();
        const auto before = laptop.home->run({QStringLiteral("list")}, laptop.env);
        QVERIFY2(before.code == 0, qPrintable(before.err));
        QVERIFY(!before.out.contains(firstGeneration));

        const Run again = server(shared->configPath(), {QStringLiteral("migrate")});
        QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
        QVERIFY2(again.out.contains(QStringLiteral("2 of 2 clients migrated, 0 objects (0 bytes) "
                                                   "sent")),
                 qPrintable(again.out));
        QVERIFY(again.out.contains(QStringLiteral("laptop: migrated before")));
        QCOMPARE(test::accountColumn(QStringLiteral("laptop"), QStringLiteral("token_sha256"))
                     .toString(),
                 rotatedHash);
        const auto after = laptop.home->run({QStringLiteral("list")}, laptop.env);
        QVERIFY2(after.code == 0, qPrintable(after.err));
        QCOMPARE(after.out, before.out);
        QCOMPARE(restoreAndCompare(laptop), QString());

        // A client removed on the new set-up stays removed, however often migrate runs.
        QCOMPARE(server(shared->configPath(),
                        {QStringLiteral("client"), QStringLiteral("remove"), QStringLiteral("nas")})
                     .code,
                 0);
        const Run afterRemoval = server(shared->configPath(), {QStringLiteral("migrate")});
        QVERIFY2(afterRemoval.code == 0, qPrintable(afterRemoval.out + afterRemoval.err));
        QVERIFY2(afterRemoval.out.contains(QStringLiteral("nas: migrated before")),
                 qPrintable(afterRemoval.out));
        QVERIFY(test::accountColumn(QStringLiteral("nas"), QStringLiteral("id")).isNull());
        QVERIFY(!shared->backend(nasTokens.token)->list({}).result());
    }

    void anInterruptedMigrationIsCompletedByTheNextRun()
    {
        test::ServerProcess old;
        QVERIFY2(old.start(), qPrintable(old.log()));
        const auto tokens = old.addClient(QStringLiteral("desk"));
        Client desk = makeClient(tokens.token, 10, 300);
        pointAt(desk, old);
        QCOMPARE(backUp(desk, true), QString());
        auto shared = sharedServer(old.dataDir());
        // Not while the old server still changes what would be copied.
        const Run early = server(shared->configPath(), {QStringLiteral("migrate")});
        QCOMPARE(early.code, 1);
        QVERIFY2(early.err.contains(QStringLiteral("still running: stop it before migrating")),
                 qPrintable(early.err));
        QCOMPARE(old.terminate(10000), 0);
        QCOMPARE(server(shared->configPath(), {QStringLiteral("migrate")}).code, 0);

        // As a run stopped part of the way leaves it, with the old server run again after it:
        // some objects in the bucket, the rest not, one the old server has since removed (a
        // lock), and no account yet.
        auto bucket = clientObjects(accountIds(old.dataDir()).value(QStringLiteral("desk")));
        QVERIFY(bucket);
        const auto names = bucket->list({}).result();
        QVERIFY(names && names->size() > 4);
        int removed = 0;
        for (int i = 0; i < names->size(); i += 2, ++removed)
            QVERIFY(bucket->remove(names->at(i)).result());
        const QString leftover = QStringLiteral("locks/") + QString(32, QLatin1Char('a'));
        QVERIFY(bucket->put(leftover, "a lock since released", PutMode::CreateOnly).result());
        QVERIFY(test::withDatabase([](QSqlDatabase &db) {
            return !db.exec(QStringLiteral("DELETE FROM obnam_accounts")).lastError().isValid() &&
                   !db.exec(QStringLiteral("DELETE FROM obnam_migrated")).lastError().isValid();
        }));
        QVERIFY2(shared->start(), qPrintable(shared->log()));
        pointAt(desk, *shared);

        const Run resumed = server(shared->configPath(), {QStringLiteral("migrate")});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.out + resumed.err));
        QVERIFY2(resumed.out.contains(QStringLiteral(", %1 sent (").arg(removed)) &&
                     resumed.out.contains(
                         QStringLiteral(", 1 left by an interrupted run removed; account added")),
                 qPrintable(resumed.out));
        QCOMPARE(bucket->list({}).result().value(), *names);
        QCOMPARE(restoreAndCompare(desk), QString());
    }

    void aDamagedObjectGoesAsItIsAndIsNamed()
    {
        test::ServerProcess old;
        QVERIFY2(old.start(), qPrintable(old.log()));
        const auto tokens = old.addClient(QStringLiteral("desk"));
        Client desk = makeClient(tokens.token, 6, 600);
        pointAt(desk, old);
        QCOMPARE(backUp(desk, true), QString());
        QCOMPARE(old.terminate(10000), 0);
        // A pack that rotted on the old server's disk: one byte changed.
        const QString deskDir = old.dataDir() + QStringLiteral("/clients/") +
                                accountIds(old.dataDir()).value(QStringLiteral("desk"));
        QDirIterator packs(deskDir + QStringLiteral("/packs"), QDir::Files,
                           QDirIterator::Subdirectories);
        QVERIFY(packs.hasNext());
        QFile file(packs.next());
        const QString pack = QDir(deskDir).relativeFilePath(file.fileName());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x40);
        QVERIFY(file.seek(0) && file.write(bytes) == bytes.size());
        file.close();

        auto shared = sharedServer(old.dataDir());
        const Run migrated = server(shared->configPath(), {QStringLiteral("migrate")});
        QVERIFY2(migrated.code == 0, qPrintable(migrated.err));
        QVERIFY2(migrated.err.contains(QStringLiteral("warning: desk: ") + pack +
                                       QStringLiteral(" does not match its name")),
                 qPrintable(migrated.err));
        QVERIFY2(migrated.err.contains(QStringLiteral("desk: 1 damaged object(s)")),
                 qPrintable(migrated.err));
        auto bucket = clientObjects(accountIds(old.dataDir()).value(QStringLiteral("desk")));
        QCOMPARE(bucket->get(pack).result().value(), bytes);
        // The client's own check, reading the packs, then says what it affects.
        QVERIFY2(shared->start(), qPrintable(shared->log()));
        pointAt(desk, *shared);
        const auto checked =
            desk.home->run({QStringLiteral("check"), QStringLiteral("--read-data")}, desk.env);
        QVERIFY2(checked.code != 0 && checked.out.contains(pack), qPrintable(checked.out));
    }

    void conflictsAreRefusedAndNothingIsReplaced()
    {
        test::ServerProcess old;
        QVERIFY2(old.start(), qPrintable(old.log()));
        const auto laptopTokens = old.addClient(QStringLiteral("laptop"));
        const auto deskTokens = old.addClient(QStringLiteral("desk"));
        Client laptop = makeClient(laptopTokens.token, 4, 400);
        Client desk = makeClient(deskTokens.token, 4, 500);
        pointAt(laptop, old);
        pointAt(desk, old);
        QCOMPARE(backUp(laptop, true), QString());
        QCOMPARE(backUp(desk, true), QString());
        QCOMPARE(old.terminate(10000), 0);
        const auto ids = accountIds(old.dataDir());
        auto shared = sharedServer(old.dataDir());

        // Another "laptop", a different account, is in the database already; and the bucket
        // has something else under the name of one of desk's packs.
        QCOMPARE(server(shared->configPath(),
                        {QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("laptop")})
                     .code,
                 0);
        const QString otherId =
            test::accountColumn(QStringLiteral("laptop"), QStringLiteral("id")).toString();
        const QString deskDir =
            old.dataDir() + QStringLiteral("/clients/") + ids.value(QStringLiteral("desk"));
        QDirIterator packs(deskDir + QStringLiteral("/packs"), QDir::Files,
                           QDirIterator::Subdirectories);
        QVERIFY(packs.hasNext());
        const QString pack = QDir(deskDir).relativeFilePath(packs.next());
        auto deskBucket = clientObjects(ids.value(QStringLiteral("desk")));
        QVERIFY(deskBucket->put(pack, "not the same", PutMode::CreateOnly).result());

        const Run refused = server(shared->configPath(), {QStringLiteral("migrate")});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("laptop")) &&
                     refused.err.contains(QStringLiteral("another client of this name")),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("different object")) &&
                     refused.err.contains(pack),
                 qPrintable(refused.err));
        QVERIFY(refused.out.contains(QStringLiteral("0 of 2 clients migrated")));
        // Neither is let in, nothing of the laptop is sent, and the bucket's object stays.
        QCOMPARE(test::accountColumn(QStringLiteral("laptop"), QStringLiteral("id")).toString(),
                 otherId);
        QVERIFY(test::accountColumn(QStringLiteral("desk"), QStringLiteral("id")).isNull());
        const auto nothing = clientObjects(ids.value(QStringLiteral("laptop")))->list({}).result();
        QVERIFY(nothing);
        QVERIFY(nothing->isEmpty());
        QCOMPARE(deskBucket->get(pack).result().value(), QByteArray("not the same"));
        QVERIFY(server(shared->configPath(), {QStringLiteral("client"), QStringLiteral("list")})
                    .out.startsWith(QStringLiteral("laptop\n")));
    }

    void badSetUpsAreNamed()
    {
        test::ServerProcess local;
        QVERIFY2(local.start(), qPrintable(local.log()));
        local.addClient(QStringLiteral("laptop"));
        QCOMPARE(local.terminate(10000), 0);
        // Without a database to move to.
        Run r = server(local.configPath(), {QStringLiteral("migrate")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("name a database")), qPrintable(r.err));
        // Without accounts to move.
        auto shared = sharedServer(local.dataDir() + QStringLiteral("/elsewhere"));
        r = server(shared->configPath(), {QStringLiteral("migrate")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no accounts file")) &&
                     r.err.contains(QStringLiteral("clients.json")),
                 qPrintable(r.err));
        r = server(shared->configPath(), {QStringLiteral("migrate"), QStringLiteral("now")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("usage: ")));
    }
};

QTEST_GUILESS_MAIN(TestServerMigrate)
#include "tst_servermigrate.moc"
