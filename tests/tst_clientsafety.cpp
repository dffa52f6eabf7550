// What obnam-cli keeps on the client and what it backs up of itself: the cache (private modes
// whatever the umask, a cached generation database trusted only when it is what its
// authenticated record names), a token in a configuration others can read, and the
// repository and cache never backed up into themselves.
#include "CliRunner.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace obnam;
using test::CliHome;

namespace {

QProcessEnvironment passphrase()
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("correct horse"));
    return e;
}

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {};
    return ::lstat(enc(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(-1);
}

qint64 treeBytes(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

QStringList cachedDatabases(const CliHome &home)
{
    QStringList out;
    QDirIterator it(home.home() + QStringLiteral("/.cache/obnam"), {QStringLiteral("*.db")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    return out;
}

// Changes one file's recorded mode in a generation database, in place, as sqlite3 would.
bool editMode(const QString &db, const QByteArray &pathSuffix, int mode)
{
    bool ok = false;
    {
        QSqlDatabase d =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        d.setDatabaseName(db);
        if (d.open()) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE files SET mode = ? WHERE substr(path, -?) = ?"));
            q.addBindValue(mode);
            q.addBindValue(pathSuffix.size());
            q.addBindValue(pathSuffix);
            ok = q.exec() && q.numRowsAffected() == 1;
            d.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    return ok;
}

} // namespace

class TestClientSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ::umask(022); } // as on a typical system

    void cacheIsPrivateWhateverTheUmask()
    {
        CliHome h;
        const QString src = h.path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(src));
        QVERIFY(test::writeFile(enc(src + QStringLiteral("/f")), "data"));
        h.writeSimpleConfig({src});
        QCOMPARE(h.run({QStringLiteral("init")}, passphrase()).code, 0);
        QCOMPARE(h.run({QStringLiteral("backup")}, passphrase()).code, 0);
        const QString cache = h.home() + QStringLiteral("/.cache/obnam");
        const auto everythingPrivate = [&]() -> QString {
            QString wrong;
            if (modeOf(cache) != 0700)
                wrong += cache + QLatin1Char(' ');
            QDirIterator it(cache, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString p = it.next();
                if (modeOf(p) != (it.fileInfo().isDir() ? 0700 : 0600))
                    wrong += QStringLiteral("%1 (%2) ").arg(p).arg(modeOf(p), 0, 8);
            }
            return wrong;
        };
        QVERIFY(!cachedDatabases(h).isEmpty());
        QVERIFY2(everythingPrivate().isEmpty(), qPrintable(everythingPrivate()));
        QFile tag(cache + QStringLiteral("/CACHEDIR.TAG"));
        QVERIFY(tag.open(QIODevice::ReadOnly));
        QVERIFY(tag.readAll().startsWith("Signature: 8a477f597d28d172789f06886806bc55"));

        // A cache an older version left readable is put right by the next command.
        QDirIterator it(cache, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            QVERIFY(::chmod(enc(p).constData(), it.fileInfo().isDir() ? 0755 : 0644) == 0);
        }
        QVERIFY(::chmod(enc(cache).constData(), 0755) == 0);
        QCOMPARE(h.run({QStringLiteral("list")}, passphrase()).code, 0);
        QVERIFY2(everythingPrivate().isEmpty(), qPrintable(everythingPrivate()));
    }

    void editedCachedDatabaseIsNotTrusted()
    {
        CliHome h;
        const QString src = h.path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(src + QStringLiteral("/d")));
        QVERIFY(test::writeFile(enc(src + QStringLiteral("/d/plain")), "contents"));
        QVERIFY(::chmod(enc(src + QStringLiteral("/d/plain")).constData(), 0644) == 0);
        h.writeSimpleConfig({src});
        QCOMPARE(h.run({QStringLiteral("init")}, passphrase()).code, 0);
        QCOMPARE(h.run({QStringLiteral("backup")}, passphrase()).code, 0);
        const QStringList dbs = cachedDatabases(h);
        QCOMPARE(dbs.size(), 1);
        const qint64 size = QFileInfo(dbs.first()).size();
        // Set-uid and world-writable, as someone who can write to the cache would make it.
        QVERIFY(editMode(dbs.first(), "/d/plain", 04777));
        QCOMPARE(QFileInfo(dbs.first()).size(), size);

        const QString target = h.path() + QStringLiteral("/restored");
        const auto r =
            h.run({QStringLiteral("restore"), QStringLiteral("latest"), target}, passphrase());
        QCOMPARE(r.code, 0);
        QCOMPARE(modeOf(target + src + QStringLiteral("/d/plain")), mode_t(0644));
        const QString diff =
            test::manifestDiff(test::manifest(enc(src)), test::manifest(enc(target + src)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // The edited file was a cache miss: a good copy took its place.
        QSqlDatabase d =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("look"));
        d.setDatabaseName(cachedDatabases(h).first());
        QVERIFY(d.open());
        QSqlQuery q(d);
        q.prepare(QStringLiteral("SELECT mode FROM files WHERE substr(path, -8) = ?"));
        q.addBindValue(QByteArray("/d/plain"));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0644);
        q.finish();
        d.close();
    }

    void readableTokenIsWarnedAbout()
    {
        CliHome h;
        const QString config = h.writeConfig(
            "roots: [/tmp]\nserver_url: https://127.0.0.1:1\n"
            "access_token: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
        QVERIFY(::chmod(enc(config).constData(), 0644) == 0);
        auto r = h.run({QStringLiteral("config")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("warning: ") + config) &&
                     r.err.contains(QStringLiteral("chmod 600 ") + config),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("0123456789abcdef"))); // the token itself: never
        QVERIFY(!r.out.contains(QStringLiteral("0123456789abcdef")));
        QVERIFY(::chmod(enc(config).constData(), 0600) == 0);
        r = h.run({QStringLiteral("config")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.err.contains(QStringLiteral("warning")), qPrintable(r.err));
        // Without a token in it, a readable configuration is nothing to warn about.
        h.writeConfig("roots: [/tmp]\nserver_url: /tmp/repository\n");
        QVERIFY(::chmod(enc(config).constData(), 0644) == 0);
        r = h.run({QStringLiteral("config")});
        QVERIFY2(!r.err.contains(QStringLiteral("warning")), qPrintable(r.err));
    }

    void backupNeverIncludesItsOwnRepositoryOrCache()
    {
        // The default set-up: home backed up, repository and cache inside it.
        CliHome h;
        QVERIFY(QDir().mkpath(h.home() + QStringLiteral("/Documents")));
        QVERIFY(test::writeFile(enc(h.home() + QStringLiteral("/Documents/letter.txt")),
                                test::randomData(200000, 3)));
        const auto init = h.run({QStringLiteral("init")}, passphrase());
        QCOMPARE(init.code, 0);
        const QString repository = h.home() + QStringLiteral("/.local/share/obnam/repository");
        QVERIFY2(QFileInfo(repository + QStringLiteral("/config")).exists(), qPrintable(init.out));
        QList<qint64> sizes;
        for (int i = 0; i < 3; ++i) {
            const auto b = h.run({QStringLiteral("backup")}, passphrase());
            QCOMPARE(b.code, 0);
            QVERIFY2(b.err.contains(QStringLiteral("note: not backed up: ") + repository +
                                    QStringLiteral(" (this backup's own repository)")),
                     qPrintable(b.err));
            QVERIFY2(b.err.contains(QStringLiteral("(obnam's own cache)")), qPrintable(b.err));
            QCOMPARE(b.err.count(QStringLiteral("note: not backed up")), 2);
            sizes.append(treeBytes(repository));
        }
        const auto files =
            h.run({QStringLiteral("list-files"), QStringLiteral("latest")}, passphrase());
        QCOMPARE(files.code, 0);
        QVERIFY(files.out.contains(QStringLiteral("letter.txt")));
        QVERIFY2(!files.out.contains(QStringLiteral(".local/share/obnam/repository/")),
                 "the repository was backed up");
        QVERIFY2(!files.out.contains(QStringLiteral(".cache/obnam/")), "the cache was backed up");
        // With nothing changed, each backup adds about one small database, not a copy of the
        // repository.
        qInfo("repository size after three backups: %lld, %lld, %lld bytes", sizes[0], sizes[1],
              sizes[2]);
        QVERIFY(sizes[2] - sizes[1] < 64 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestClientSafety)
#include "tst_clientsafety.moc"
