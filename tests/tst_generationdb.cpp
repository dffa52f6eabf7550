// The generation database: schema, round trip of every column including raw path bytes,
// and refusal of unknown schema versions and files that are not SQLite databases.
#include "TestSupport.h"
#include "engine/PreviousGeneration.h"
#include "gen/ChunkCursor.h"
#include "gen/GenerationDb.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace obnam;

namespace {
FileEntry sample(const QByteArray &path)
{
    FileEntry e;
    e.path = path;
    e.kind = FileKind::Regular;
    e.mode = 04755;
    e.uid = 1000;
    e.gid = 100;
    e.user = QStringLiteral("alice");
    e.group = QStringLiteral("users");
    e.size = 1234567890123LL;
    e.mtimeNs = 1700000000123456789LL;
    e.ctimeNs = 1700000001000000001LL;
    e.atimeNs = -5; // before 1970 is legal
    e.inode = 0xfffffffffff0ULL;
    e.device = 2049;
    e.nlink = 3;
    e.target = "";
    e.xattrs = QByteArray("\x00\x01", 2);
    e.reason = Reason::Changed;
    e.cachedir = true;
    return e;
}
} // namespace

class TestGenerationDb : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString path(const char *name) const
    {
        return m_tmp.path() + QLatin1Char('/') + QLatin1String(name);
    }

    // Runs SQL on a database file behind GenerationDb's back, as a hostile writer could.
    static bool execRaw(const QString &file, const QStringList &statements)
    {
        const QString connection = QStringLiteral("raw");
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(file);
            ok = db.open();
            QSqlQuery q(db);
            for (const QString &sql : statements)
                ok = ok && q.exec(sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

private Q_SLOTS:
    void roundTripsEveryColumn()
    {
        const QString file = path("a.db");
        {
            auto db = GenerationDb::create(file);
            QVERIFY(db);
            QVERIFY((*db)->setMeta(QStringLiteral("client_name"), QStringLiteral("laptop")));
            const QByteArray raw("/home/u/caf\xe9\xff", 13);
            auto id = (*db)->insertFile(sample(raw), {QByteArray(32, 'a'), QByteArray(32, 'b')});
            QVERIFY(id);
            FileEntry link = sample("/home/u/link");
            link.kind = FileKind::Symlink;
            link.target = "../target";
            QVERIFY((*db)->insertFile(link, {}));
            QVERIFY((*db)->finish());
        }
        auto db = GenerationDb::openReadOnly(file);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
        QCOMPARE(*(*db)->meta(QStringLiteral("client_name")), QStringLiteral("laptop"));
        QCOMPARE(*(*db)->meta(QStringLiteral("schema_version_major")), QStringLiteral("1"));
        QCOMPARE(*(*db)->fileCount(), qint64(2));
        auto found = (*db)->lookup(QByteArray("/home/u/caf\xe9\xff", 13));
        QVERIFY(found && found->has_value());
        const FileEntry &e = **found;
        const FileEntry want = sample(QByteArray("/home/u/caf\xe9\xff", 13));
        QCOMPARE(e.mode, want.mode);
        QCOMPARE(e.size, want.size);
        QCOMPARE(e.mtimeNs, want.mtimeNs);
        QCOMPARE(e.ctimeNs, want.ctimeNs);
        QCOMPARE(e.atimeNs, want.atimeNs);
        QCOMPARE(e.inode, want.inode);
        QCOMPARE(e.user, want.user);
        QCOMPARE(e.xattrs, want.xattrs);
        QCOMPARE(e.reason, Reason::Changed);
        QVERIFY(e.cachedir);
        QCOMPARE(*(*db)->chunks(e.fileId),
                 (QList<QByteArray>{QByteArray(32, 'a'), QByteArray(32, 'b')}));
        auto link = (*db)->lookup("/home/u/link");
        QCOMPARE((*link)->target, QByteArray("../target"));
        QVERIFY(!(*db)->lookup("/nope")->has_value());
        QStringList order;
        QVERIFY((*db)->forEachFile([&](const FileEntry &f) {
            order.append(QString::fromLatin1(f.path.toHex()));
            return true;
        }));
        QCOMPARE(order.size(), 2);
    }

    // The sequential scans read rows through SQLite directly: the same values as a lookup,
    // and the same refusal of rows a hostile database could hold.
    void streamsReadEveryColumnAndRefuseBadRows()
    {
        const QString file = path("stream.db");
        {
            auto db = GenerationDb::create(file);
            QVERIFY(db);
            QVERIFY((*db)->insertFile(sample("/a"), {QByteArray(32, 'x')}));
            FileEntry b = sample(QByteArray("/b\0\xff", 4));
            b.user.clear();
            b.xattrs.clear();
            b.ctimeNs = kCtimeUnknown;
            QVERIFY((*db)->insertFile(b, {}));
            QVERIFY((*db)->finish());
        }
        {
            auto db = GenerationDb::openReadOnly(file);
            QVERIFY(db);
            auto files = (*db)->streamFiles();
            QVERIFY(files);
            for (const QByteArray &p : {QByteArray("/a"), QByteArray("/b\0\xff", 4)}) {
                auto row = (*files)->next();
                QVERIFY(row && row->has_value());
                auto looked = (*db)->lookup(p);
                QVERIFY(looked && looked->has_value());
                const FileEntry &x = **row;
                const FileEntry &y = **looked;
                QCOMPARE(x.path, p);
                QCOMPARE(x.fileId, y.fileId);
                QCOMPARE(int(x.kind), int(y.kind));
                QCOMPARE(x.mode, y.mode);
                QCOMPARE(x.uid, y.uid);
                QCOMPARE(x.user, y.user);
                QCOMPARE(x.group, y.group);
                QCOMPARE(x.size, y.size);
                QCOMPARE(x.mtimeNs, y.mtimeNs);
                QCOMPARE(x.ctimeNs, y.ctimeNs);
                QCOMPARE(x.atimeNs, y.atimeNs);
                QCOMPARE(x.inode, y.inode);
                QCOMPARE(x.device, y.device);
                QCOMPARE(x.nlink, y.nlink);
                QCOMPARE(x.target, y.target);
                QCOMPARE(x.xattrs, y.xattrs);
                QCOMPARE(x.reason, y.reason);
                QCOMPARE(x.cachedir, y.cachedir);
            }
            QCOMPARE((*files)->next()->has_value(), false);
            QCOMPARE((*files)->next()->has_value(), false); // and stays at the end
            auto chunks = (*db)->streamChunks();
            QVERIFY(chunks);
            auto first = (*chunks)->next();
            QVERIFY(first && first->has_value());
            QCOMPARE((*first)->fileId, qint64(1));
            QCOMPARE((*first)->chunkId, QByteArray(32, 'x'));
            QVERIFY(!(*chunks)->next()->has_value());
        }
        QVERIFY(execRaw(file, {QStringLiteral("UPDATE files SET kind = 99 WHERE fileid = 2"),
                               QStringLiteral("INSERT INTO chunks VALUES (2, 0, x'0102')")}));
        auto db = GenerationDb::openReadOnly(file);
        QVERIFY(db);
        auto files = (*db)->streamFiles();
        QVERIFY(files && (*files)->next());
        auto bad = (*files)->next();
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Corrupt);
        auto chunks = (*db)->streamChunks();
        QVERIFY(chunks && (*chunks)->next());
        auto shortId = (*chunks)->next();
        QVERIFY(!shortId);
        QCOMPARE(shortId.error().code, ErrorCode::Corrupt);
    }

    void readOnlyCannotWrite()
    {
        const QString file = path("ro.db");
        {
            auto db = GenerationDb::create(file);
            QVERIFY(db && (*db)->finish());
        }
        auto db = GenerationDb::openReadOnly(file);
        QVERIFY(db);
        QVERIFY(!(*db)->setMeta(QStringLiteral("x"), QStringLiteral("y")));
    }

    void unknownSchemaVersionIsRefused()
    {
        const QString file = path("future.db");
        {
            auto db = GenerationDb::create(file);
            QVERIFY(db);
            QVERIFY((*db)->setMeta(QStringLiteral("schema_version_major"), QStringLiteral("2")));
            QVERIFY((*db)->setMeta(QStringLiteral("schema_version_minor"), QStringLiteral("5")));
            QVERIFY((*db)->finish());
        }
        auto db = GenerationDb::openReadOnly(file);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Unsupported);
        QVERIFY(db.error().message.contains(QStringLiteral("2.5")));
    }

    void newerMinorVersionIsAccepted()
    {
        const QString file = path("minor.db");
        {
            auto db = GenerationDb::create(file);
            QVERIFY(db);
            QVERIFY((*db)->setMeta(QStringLiteral("schema_version_minor"), QStringLiteral("9")));
            QVERIFY((*db)->finish());
        }
        QVERIFY(GenerationDb::openReadOnly(file));
    }

    void notSqliteIsRefused()
    {
        const QString file = path("garbage.db");
        QVERIFY(test::writeFile(QFile::encodeName(file), test::randomData(8192, 1)));
        auto db = GenerationDb::openReadOnly(file);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
        QVERIFY(db.error().message.contains(QStringLiteral("not an SQLite database")));
        QCOMPARE(db.error().path, file);
    }

    void sqliteWithoutOurTablesIsRefused()
    {
        const QString file = path("other.db");
        QVERIFY(execRaw(file, {QStringLiteral("CREATE TABLE t (x)")}));
        auto db = GenerationDb::openReadOnly(file);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
    }

    void aViewInPlaceOfATableIsRefused()
    {
        // A hostile database whose files "table" is a recursive view would make every query
        // run forever.
        const QString file = path("view.db");
        {
            auto db = GenerationDb::create(file);
            QVERIFY(db);
            QVERIFY((*db)->finish());
        }
        QVERIFY(execRaw(
            file, {QStringLiteral("ALTER TABLE files RENAME TO real_files"),
                   QStringLiteral("CREATE VIEW files AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                                  "SELECT i + 1 FROM n) SELECT real_files.* FROM real_files, n")}));
        auto db = GenerationDb::openReadOnly(file);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
        QVERIFY(db.error().message.contains(QStringLiteral("lacks its tables")));
    }

    void missingFile()
    {
        QCOMPARE(GenerationDb::openReadOnly(path("absent.db")).error().code, ErrorCode::NotFound);
        QVERIFY(GenerationDb::create(path("twice.db")));
        QCOMPARE(GenerationDb::create(path("twice.db")).error().code, ErrorCode::AlreadyExists);
    }

    void largeInsertIsOneTransaction()
    {
        const QString file = path("many.db");
        auto db = GenerationDb::create(file);
        QVERIFY(db);
        for (int i = 0; i < 20000; ++i)
            QVERIFY(
                (*db)->insertFile(sample("/f" + QByteArray::number(i)), {QByteArray(32, char(i))}));
        QVERIFY((*db)->finish());
        auto ro = GenerationDb::openReadOnly(file);
        QCOMPARE(*(*ro)->fileCount(), qint64(20000));
    }

    void chunkCursorConfinesADamagedRowToItsFile()
    {
        const QString file = path("damaged-row.db");
        {
            auto db = GenerationDb::create(file);
            QVERIFY(db);
            for (int i = 1; i <= 3; ++i)
                QVERIFY((*db)->insertFile(sample("/f" + QByteArray::number(i)),
                                          {QByteArray(32, char(i)), QByteArray(32, char(i + 10))}));
            QVERIFY((*db)->finish());
        }
        // The first chunk row of the second file gets a malformed id.
        QVERIFY(execRaw(file, {QStringLiteral("UPDATE chunks SET chunk_id = x'00' WHERE "
                                              "fileid = 2 AND seq = 0")}));
        auto ro = GenerationDb::openReadOnly(file);
        QVERIFY(ro);
        ChunkCursor cursor(**ro);
        auto first = cursor.chunks(1);
        QVERIFY(first);
        QCOMPARE(*first, (QList<QByteArray>{QByteArray(32, char(1)), QByteArray(32, char(11))}));
        const auto second = cursor.chunks(2);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Corrupt);
        auto third = cursor.chunks(3);
        QVERIFY(third);
        QCOMPARE(*third, (QList<QByteArray>{QByteArray(32, char(3)), QByteArray(32, char(13))}));
    }

    void previousGenerationAnswersInAnyOrder()
    {
        // The order a backup walks: a directory, then its children by byte order of their
        // names, each directory's contents right after it.
        const QList<QByteArray> walk{"/r",     "/r/a",     "/r/a/x", "/r/a/y", "/r/a.b", "/r/a0",
                                     "/r/b c", "/r/b c/d", "/r/b-d", "/r/e",   "/r/\xff"};
        for (qsizetype i = 0; i + 1 < walk.size(); ++i) {
            QVERIFY2(PreviousGeneration::walksBefore(walk[i], walk[i + 1]), walk[i].constData());
            QVERIFY(!PreviousGeneration::walksBefore(walk[i + 1], walk[i]));
        }
        const auto chunkOf = [](int file, int n) {
            return QByteArray(32, char(file * 4 + n));
        };
        const QString file = path("previous.db");
        {
            auto db = GenerationDb::create(file);
            QVERIFY(db);
            for (int i = 0; i < walk.size(); ++i) {
                QList<QByteArray> ids;
                for (int n = 0; n < i % 3; ++n) // 0, 1 or 2 chunks
                    ids.append(chunkOf(i, n));
                QVERIFY((*db)->insertFile(sample(walk[i]), ids));
            }
            QVERIFY((*db)->finish());
        }
        auto ro = GenerationDb::openReadOnly(file);
        QVERIFY(ro);
        PreviousGeneration previous(std::move(*ro));
        // A backup looks at a directory's files before its subdirectories' contents, meets
        // new files, skips deleted ones and may ask again out of order: every answer is right.
        const QList<QByteArray> asked{"/r",     "/r/a.b",   "/r/a0",  "/r/e",   "/r/a",
                                      "/r/a/x", "/r/new",   "/r/b c", "/r/b-d", "/r/\xff",
                                      "/r/a/y", "/r/b c/d", "/r/zzz", "/r"};
        for (const QByteArray &p : asked) {
            auto found = previous.lookup(p);
            QVERIFY(found);
            const qsizetype index = walk.indexOf(p);
            if (index < 0) {
                QVERIFY2(!found->has_value(), p.constData());
                continue;
            }
            QVERIFY2(found->has_value(), p.constData());
            QCOMPARE((*found)->path, p);
            QCOMPARE((*found)->fileId, qint64(index + 1));
        }
        // Chunk lists in file order (files with none among them), with gaps, then some asked
        // out of order.
        for (int i : {1, 2, 3, 5, 6, 8, 9, 10, 2, 0, 4}) {
            auto ids = previous.chunks(qint64(i + 1));
            QVERIFY(ids);
            QCOMPARE(ids->size(), qsizetype(i % 3));
            for (int n = 0; n < i % 3; ++n)
                QCOMPARE(ids->at(n), chunkOf(i, n));
        }
    }
};

QTEST_GUILESS_MAIN(TestGenerationDb)
#include "tst_generationdb.moc"
