// obnam-cli commands run in-process with captured output: configuration errors, credentials,
// every command's output format, key slots, and the errors a user must see.
#include "CliRunner.h"
#include "TestSupport.h"
#include "crypto/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QtTest>

#include <sys/time.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace obnam;
using test::CliHome;

namespace {

QProcessEnvironment passphrase(const QString &pw = QStringLiteral("correct horse"))
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("OBNAM_PASSPHRASE"), pw);
    return e;
}

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    // A home with a small tree, a config and an initialised repository.
    struct Ready
    {
        CliHome home;
        QString src;
    };

    std::unique_ptr<Ready> ready()
    {
        auto r = std::make_unique<Ready>();
        r->src = r->home.path() + QStringLiteral("/src");
        QDir().mkpath(r->src + QStringLiteral("/dir"));
        test::writeFile(enc(r->src + QStringLiteral("/file.txt")), "some text\n");
        test::writeFile(enc(r->src + QStringLiteral("/dir/data.bin")), test::randomData(300000, 1));
        r->home.writeSimpleConfig({r->src});
        const auto init = r->home.run({QStringLiteral("init")}, passphrase());
        if (init.code != 0)
            qWarning() << init.err;
        return r;
    }

private Q_SLOTS:
    void helpAndVersion()
    {
        CliHome h;
        auto r = h.run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *cmd :
             {"init", "backup", "list", "list-files", "restore", "resolve", "show-generation",
              "gen-info", "diff", "versions", "find", "key", "config", "chunkify"})
            QVERIFY2(r.out.contains(QLatin1String(cmd)), cmd);
        QVERIFY(r.out.contains(QStringLiteral("Exit status")));
        r = h.run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("obnam-cli ")));
        r = h.run({QStringLiteral("backup"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("--full")));
        QVERIFY(r.out.contains(QStringLiteral("obnam-cli backup")));
    }

    void badUsage()
    {
        CliHome h;
        QCOMPARE(h.run({}).code, 2);
        auto r = h.run({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        r = h.run({QStringLiteral("backup"), QStringLiteral("--bogus")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("bogus")));
        r = h.run({QStringLiteral("resolve")});
        QCOMPARE(r.code, 2);
        r = h.run({QStringLiteral("restore"), QStringLiteral("latest")});
        QCOMPARE(r.code, 2);
    }

    void configErrorsNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << QByteArray("roots: [/a]\nserver_url: /r\nfrobs: 1\n")
                                     << "unknown configuration key 'frobs'";
        QTest::newRow("missing roots") << QByteArray("server_url: /r\n") << "'roots' is required";
        QTest::newRow("empty roots")
            << QByteArray("roots: []\nserver_url: /r\n") << "'roots' must list at least one";
        QTest::newRow("roots not a list")
            << QByteArray("roots: /a\nserver_url: /r\n") << "'roots' must be a list";
        QTest::newRow("missing url") << QByteArray("roots: [/a]\n") << "'server_url' is required";
        QTest::newRow("http") << QByteArray("roots: [/a]\nserver_url: http://example.org\n")
                              << "https:";
        QTest::newRow("relative repo")
            << QByteArray("roots: [/a]\nserver_url: repo\n") << "'server_url' must be";
        QTest::newRow("bad bool") << QByteArray(
                                         "roots: [/a]\nserver_url: /r\none_file_system: maybe\n")
                                  << "'one_file_system' must be true or false";
        QTest::newRow("bad chunk size")
            << QByteArray("roots: [/a]\nserver_url: /r\nchunk_size: 1000\n") << "'chunk_size'";
        QTest::newRow("bad compression")
            << QByteArray("roots: [/a]\nserver_url: /r\ncompression: 99\n") << "'compression'";
        QTest::newRow("not yaml") << QByteArray("roots: [/a\n") << "not valid YAML";
        QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << "YAML mapping";
    }

    void configErrorsNameTheKey()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        CliHome h;
        h.writeConfig(yaml);
        for (const char *cmd : {"config", "backup"}) {
            const auto r = h.run({QLatin1String(cmd)});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(expected), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
    }

    void configShowsExpandedPaths()
    {
        CliHome h;
        h.writeConfig("roots: [\"~/docs\"]\nserver_url: file:///srv/repo\nlog: "
                      "~/obnam.log\nexclude: ['*.tmp']\n"
                      "compression: none\n");
        const auto r = h.run({QStringLiteral("config")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("roots")).toArray().first().toString(),
                 h.home() + QStringLiteral("/docs"));
        QCOMPARE(o.value(QStringLiteral("log")).toString(),
                 h.home() + QStringLiteral("/obnam.log"));
        QCOMPARE(o.value(QStringLiteral("verify_tls_cert")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("exclude_cache_tag_directories")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("compression")).toString(), QStringLiteral("none"));
        QVERIFY(!o.value(QStringLiteral("client_name")).toString().isEmpty());
    }

    void explicitConfigOption()
    {
        CliHome h;
        const QString other = h.path() + QStringLiteral("/other.yaml");
        test::writeFile(enc(other), "roots: [/x]\nserver_url: /y\n");
        auto r = h.run({QStringLiteral("--config"), other, QStringLiteral("config")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("\"/y\"")));
        r = h.run({QStringLiteral("config"), QStringLiteral("-c"), other});
        QCOMPARE(r.code, 0);
        r = h.run({QStringLiteral("config")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("does not exist")));
    }

    void commandsNeedInit()
    {
        CliHome h;
        h.writeSimpleConfig({h.path()});
        for (const char *cmd : {"backup", "list"}) {
            const auto r = h.run({QLatin1String(cmd)});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QStringLiteral("obnam-cli init")), qPrintable(r.err));
        }
    }

    void initWritesDefaultConfigAndCredentials()
    {
        CliHome h;
        const QString root = h.path() + QStringLiteral("/data");
        QDir().mkpath(root);
        const auto r = h.run({QStringLiteral("init"), QStringLiteral("--root"), root}, {},
                             {QByteArray("pw1"), QByteArray("pw1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Wrote a default configuration")));
        QVERIFY(QFile::exists(h.home() + QStringLiteral("/.local/share/obnam/repository/config")));
        struct stat st
        {};
        QVERIFY(::stat(enc(h.home() + QStringLiteral("/.config/obnam/passwords.yaml")).constData(),
                       &st) == 0);
        QCOMPARE(st.st_mode & 0777, 0400u);
        QFile creds(h.home() + QStringLiteral("/.config/obnam/passwords.yaml"));
        QVERIFY(creds.open(QIODevice::ReadOnly));
        QVERIFY(!creds.readAll().contains("pw1"));
        // A second init unlocks the same repository instead of making another.
        const auto again = h.run({QStringLiteral("init")}, passphrase(QStringLiteral("pw1")));
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.contains(QStringLiteral("Unlocked")));
    }

    void initPromptMismatch()
    {
        CliHome h;
        h.writeSimpleConfig({h.path()});
        const auto r = h.run({QStringLiteral("init")}, {}, {QByteArray("one"), QByteArray("two")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("do not match")));
        QVERIFY(!QFile::exists(h.repositoryPath() + QStringLiteral("/config")));
    }

    void initWithoutAnyPassphraseSource()
    {
        CliHome h;
        h.writeSimpleConfig({h.path()});
        const auto r = h.run({QStringLiteral("init")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("no passphrase")));
    }

    void wrongPassphrase()
    {
        auto r = ready();
        QFile::remove(r->home.home() + QStringLiteral("/.config/obnam/passwords.yaml"));
        const auto run =
            r->home.run({QStringLiteral("init")}, passphrase(QStringLiteral("not it")));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("wrong passphrase")), qPrintable(run.err));
        // Commands can also open with a passphrase instead of credentials.
        QCOMPARE(r->home.run({QStringLiteral("list")}, passphrase(QStringLiteral("not it"))).code,
                 1);
        QCOMPARE(r->home.run({QStringLiteral("list")}, passphrase()).code, 0);
    }

    void passphraseFile()
    {
        CliHome h;
        h.writeSimpleConfig({h.path()});
        const QString file = h.path() + QStringLiteral("/pw");
        test::writeFile(enc(file), "from a file\n");
        QCOMPARE(h.run({QStringLiteral("init"), QStringLiteral("--passphrase-file"), file}).code,
                 0);
        QFile::remove(h.home() + QStringLiteral("/.config/obnam/passwords.yaml"));
        QCOMPARE(h.run({QStringLiteral("init"), QStringLiteral("--insecure-passphrase"),
                        QStringLiteral("from a file")})
                     .code,
                 0);
    }

    void credentialsReadableByOthersAreRefused()
    {
        auto r = ready();
        const QString creds = r->home.home() + QStringLiteral("/.config/obnam/passwords.yaml");
        QVERIFY(::chmod(enc(creds).constData(), 0644) == 0);
        const auto run = r->home.run({QStringLiteral("list")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("can be read by other users")));
    }

    void credentialsWithABadRepositoryIdAreRefused()
    {
        auto r = ready();
        const QString creds = r->home.home() + QStringLiteral("/.config/obnam/passwords.yaml");
        QFile f(creds);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        // The id names a cache directory: a path in its place must not reach the file system.
        const qsizetype at = text.indexOf("repository_id: ") + 15;
        text.replace(at, text.indexOf('\n', at) - at, "../../escape");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        const auto run = r->home.run({QStringLiteral("list")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("repository_id is not a hex id")),
                 qPrintable(run.err));
    }

    void backupOutputAndListings()
    {
        auto r = ready();
        const auto b = r->home.run({QStringLiteral("backup")});
        QVERIFY2(b.code == 0, qPrintable(b.err));
        const QStringList lines = b.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("status: OK"));
        QCOMPARE(lines[1], QStringLiteral("warnings: 0"));
        QVERIFY(lines[2].startsWith(QStringLiteral("duration: ")));
        QCOMPARE(lines[3], QStringLiteral("file-count: 4"));
        QVERIFY(lines[4].startsWith(QStringLiteral("generation-id: ")));
        const QString id = lines[4].mid(15);

        auto list = r->home.run({QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        const QStringList fields = list.out.trimmed().split(QLatin1Char(' '));
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields[0], id);
        QVERIFY(QDateTime::fromString(fields[1], Qt::ISODate).isValid());
        QCOMPARE(fields[2], QStringLiteral("4"));
        QCOMPARE(fields[3], QStringLiteral("300010"));

        auto files = r->home.run({QStringLiteral("list-files")});
        QCOMPARE(files.code, 0);
        QCOMPARE(files.out,
                 QStringLiteral(
                     "d %1 (new)\n- %1/dir/data.bin (new)\n- %1/file.txt (new)\nd %1/dir (new)\n")
                         .arg(r->src)
                         .split(QLatin1Char('\n'))
                         .mid(0, 0)
                         .join(QString()) +
                     files.out); // order checked below
        QVERIFY(files.out.contains(QStringLiteral("- %1/file.txt (new)\n").arg(r->src)));
        QVERIFY(files.out.contains(QStringLiteral("d %1/dir (new)\n").arg(r->src)));
        QVERIFY(files.out.startsWith(QStringLiteral("d %1 (new)\n").arg(r->src)));

        QCOMPARE(r->home.run({QStringLiteral("resolve"), QStringLiteral("latest")}).out.trimmed(),
                 id);
        QCOMPARE(r->home.run({QStringLiteral("resolve"), id.left(6)}).out.trimmed(), id);
        const auto unknown =
            r->home.run({QStringLiteral("resolve"), QStringLiteral("fffffffffff")});
        QCOMPARE(unknown.code, 1);
        QCOMPARE(unknown.err, QStringLiteral("Unknown generation: fffffffffff\n"));

        const QJsonObject show =
            QJsonDocument::fromJson(r->home.run({QStringLiteral("show-generation")}).out.toUtf8())
                .object();
        QCOMPARE(show.value(QStringLiteral("generation_id")).toString(), id);
        QCOMPARE(show.value(QStringLiteral("file_count")).toInteger(), 4);
        QCOMPARE(show.value(QStringLiteral("file_bytes")).toInteger(), 300010);
        QVERIFY(show.value(QStringLiteral("db_bytes")).toInteger() > 0);
        QVERIFY(show.contains(QStringLiteral("started")) && show.contains(QStringLiteral("ended")));

        const QJsonObject info =
            QJsonDocument::fromJson(r->home.run({QStringLiteral("gen-info"), id}).out.toUtf8())
                .object();
        QCOMPARE(info.value(QStringLiteral("schema_version"))
                     .toObject()
                     .value(QStringLiteral("major"))
                     .toInt(),
                 1);
        QCOMPARE(info.value(QStringLiteral("schema_version"))
                     .toObject()
                     .value(QStringLiteral("minor"))
                     .toInt(),
                 0);
        QCOMPARE(info.value(QStringLiteral("chunk_id_kind")).toString(),
                 QStringLiteral("hmac-sha256"));
        QCOMPARE(info.value(QStringLiteral("roots")).toArray().first().toString(), r->src);

        const auto json = r->home.run({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                     .array()
                     .first()
                     .toObject()
                     .value(QStringLiteral("generation_id"))
                     .toString(),
                 id);
        const auto filesJson =
            r->home.run({QStringLiteral("list-files"), QStringLiteral("--json"), id});
        QCOMPARE(QJsonDocument::fromJson(filesJson.out.toUtf8()).array().size(), 4);
    }

    void incrementalReasonsAndDiff()
    {
        auto r = ready();
        const auto first = r->home.run({QStringLiteral("backup")});
        QCOMPARE(first.code, 0);
        QTest::qSleep(10);
        test::writeFile(enc(r->src + QStringLiteral("/file.txt")), "changed text\n");
        test::writeFile(enc(r->src + QStringLiteral("/new.txt")), "new\n");
        QFile::remove(r->src + QStringLiteral("/dir/data.bin"));
        const auto second = r->home.run({QStringLiteral("backup")});
        QCOMPARE(second.code, 0);
        const auto files = r->home.run({QStringLiteral("list-files"), QStringLiteral("latest")});
        QVERIFY(files.out.contains(QStringLiteral("- %1/file.txt (changed)").arg(r->src)));
        QVERIFY(files.out.contains(QStringLiteral("- %1/new.txt (new)").arg(r->src)));
        const QStringList ids =
            r->home.run({QStringLiteral("list")}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(ids.size(), 2);
        const auto diff =
            r->home.run({QStringLiteral("diff"), ids[0].section(QLatin1Char(' '), 0, 0),
                         ids[1].section(QLatin1Char(' '), 0, 0)});
        QCOMPARE(diff.code, 0);
        QVERIFY(diff.out.contains(QStringLiteral("+ %1/new.txt\n").arg(r->src)));
        QVERIFY(diff.out.contains(QStringLiteral("* %1/file.txt\n").arg(r->src)));
        QVERIFY(diff.out.contains(QStringLiteral("- %1/dir/data.bin\n").arg(r->src)));
    }

    // A file changed in 2 of 5 generations has 3 versions; a change of content alone (same
    // size, same time) is one, a change of permissions alone is not.
    void versionsFoldsWhatDidNotChange()
    {
        auto r = ready();
        const QString file = r->src + QStringLiteral("/file.txt");
        const auto setTime = [&file] {
            struct timeval times[2] = {{1700000000, 0}, {1700000000, 0}};
            QVERIFY(::utimes(QFile::encodeName(file).constData(), times) == 0);
        };
        const auto backUp = [&r] {
            QTest::qSleep(10);
            QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        };
        QVERIFY(test::writeFile(enc(file), "version one\n"));
        setTime();
        backUp();                                             // 1: the first version
        backUp();                                             // 2: unchanged
        QVERIFY(test::writeFile(enc(file), "version two\n")); // same size
        setTime();                                            // same time
        backUp(); // 3: the second version, by its content alone
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
        backUp(); // 4: the same content
        QVERIFY(test::writeFile(enc(file), "the third and longest version\n"));
        backUp(); // 5: the third version

        auto v = r->home.run({QStringLiteral("versions"), file});
        QVERIFY2(v.code == 0, qPrintable(v.err));
        QVERIFY2(v.out.startsWith(file + QStringLiteral(": 3 versions in 5 generations\n")),
                 qPrintable(v.out));
        const QStringList lines = v.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[1].endsWith(QStringLiteral(" - 12 2023-11-14T22:13:20Z x2")));
        QVERIFY(lines[2].endsWith(QStringLiteral(" - 12 2023-11-14T22:13:20Z x2")));
        QVERIFY(lines[3].contains(QStringLiteral(" - 30 ")));
        QVERIFY(lines[3].endsWith(QStringLiteral(" x1")));

        v = r->home.run({QStringLiteral("versions"), QStringLiteral("--json"), file});
        QCOMPARE(v.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(v.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("generations")).toInt(), 5);
        const QJsonArray versions = o.value(QStringLiteral("versions")).toArray();
        QCOMPARE(versions.size(), 3);
        QCOMPARE(versions[2].toObject().value(QStringLiteral("size")).toInt(), 30);
        QCOMPARE(versions[1].toObject().value(QStringLiteral("generations")).toInt(), 2);

        v = r->home.run({QStringLiteral("versions"), r->src + QStringLiteral("/no-such-file")});
        QCOMPARE(v.code, 1);
        QVERIFY2(v.err.contains(QStringLiteral("no-such-file is in no generation")),
                 qPrintable(v.err));
    }

    void findSearchesEveryGeneration()
    {
        auto r = ready();
        const QString gone = r->src + QStringLiteral("/dir/Old-Report.odt");
        QVERIFY(test::writeFile(enc(gone), "old"));
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        QVERIFY(QFile::remove(gone));
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);

        auto f = r->home.run({QStringLiteral("find"), QStringLiteral("report")});
        QVERIFY2(f.code == 0, qPrintable(f.err));
        const QStringList lines = f.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], gone + QStringLiteral(" (1 of 3 generations)"));
        const auto gens = r->home.run({QStringLiteral("list")});
        QVERIFY(lines[1].trimmed().startsWith(gens.out.section(QLatin1Char(' '), 0, 0)));

        // Globs, a path, JSON; the index stays in the cache and learns each new backup.
        f = r->home.run(
            {QStringLiteral("find"), QStringLiteral("--json"), QStringLiteral("*.txt")});
        QCOMPARE(f.code, 0);
        QJsonArray hits = QJsonDocument::fromJson(f.out.toUtf8()).array();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].toObject().value(QStringLiteral("path")).toString(),
                 r->src + QStringLiteral("/file.txt"));
        QCOMPARE(hits[0].toObject().value(QStringLiteral("generations")).toArray().size(), 3);
        const auto b = r->home.run({QStringLiteral("backup"), QStringLiteral("--json")});
        QVERIFY(b.out.contains(QStringLiteral("search_index_seconds")));
        f = r->home.run(
            {QStringLiteral("find"), QStringLiteral("--json"), QStringLiteral("dir/*.bin")});
        hits = QJsonDocument::fromJson(f.out.toUtf8()).array();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].toObject().value(QStringLiteral("generations")).toArray().size(), 4);

        f = r->home.run({QStringLiteral("find"), QStringLiteral("no-such-name")});
        QCOMPARE(f.code, 1);
        QVERIFY(f.err.contains(QStringLiteral("nothing matches no-such-name")));
        QCOMPARE(r->home.run({QStringLiteral("find"), QString()}).code, 2);
    }

    void restoreDryRunPreviewsAndWritesNothing()
    {
        auto r = ready();
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        const QString target = r->home.path() + QStringLiteral("/target");
        const QString taken = target + r->src + QStringLiteral("/file.txt");
        QVERIFY(QDir().mkpath(QFileInfo(taken).path()));
        QVERIFY(test::writeFile(enc(taken), "mine, not the backup's\n"));
        const auto before = test::manifest(enc(target));
        const QStringList base{QStringLiteral("restore"), QStringLiteral("--dry-run"),
                               QStringLiteral("latest"), target};

        // Into a folder that is not empty, without saying what to do: it would refuse.
        auto d = r->home.run(base);
        QCOMPARE(d.code, 1);
        QVERIFY2(d.out.contains(QStringLiteral("exists ") + r->src + QStringLiteral("/file.txt\n")),
                 qPrintable(d.out));
        QVERIFY(
            d.out.contains(QStringLiteral("create ") + r->src + QStringLiteral("/dir/data.bin\n")));
        QVERIFY(d.err.contains(QStringLiteral("is not empty")));

        d = r->home.run(base +
                        QStringList{QStringLiteral("--overwrite"), QStringLiteral("--json")});
        QCOMPARE(d.code, 0);
        QJsonObject o = QJsonDocument::fromJson(d.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("existing")).toArray(),
                 QJsonArray({QJsonValue(r->src + QStringLiteral("/file.txt"))}));
        QCOMPARE(o.value(QStringLiteral("bytes_needed")).toInteger(), 300000 + 10);
        QCOMPARE(o.value(QStringLiteral("existing_action")).toString(),
                 QStringLiteral("overwrite"));
        const QString space =
            test::freeSpaceProblem(o.value(QStringLiteral("free_bytes")).toInteger(), target);
        QVERIFY2(space.isEmpty(), qPrintable(space));
        QCOMPARE(o.value(QStringLiteral("volume")).toString(), QStorageInfo(target).rootPath());
        QVERIFY(o.value(QStringLiteral("would_restore")).toBool());

        d = r->home.run(base +
                        QStringList{QStringLiteral("--skip-existing"), QStringLiteral("--json")});
        o = QJsonDocument::fromJson(d.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("bytes_needed")).toInteger(), 300000);
        QCOMPARE(test::manifest(enc(target)), before); // nothing written, ever

        QCOMPARE(r->home
                     .run(base + QStringList{QStringLiteral("--skip-existing"),
                                             QStringLiteral("--keep-both")})
                     .code,
                 2);
    }

    void restoreSkipsOrKeepsBoth()
    {
        auto r = ready();
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        const QString target = r->home.path() + QStringLiteral("/target");
        const QString taken = target + r->src + QStringLiteral("/file.txt");
        QVERIFY(QDir().mkpath(QFileInfo(taken).path()));
        QVERIFY(test::writeFile(enc(taken), "mine\n"));

        auto s = r->home.run({QStringLiteral("restore"), QStringLiteral("--skip-existing"),
                              QStringLiteral("latest"), target});
        QVERIFY2(s.code == 0, qPrintable(s.err));
        QVERIFY(s.out.contains(QStringLiteral("skipped (exists): ")));
        QCOMPARE(contents((taken)), QByteArray("mine\n"));
        QCOMPARE(contents((target + r->src + QStringLiteral("/dir/data.bin"))),
                 test::randomData(300000, 1));

        s = r->home.run({QStringLiteral("restore"), QStringLiteral("--keep-both"),
                         QStringLiteral("latest"), target, r->src + QStringLiteral("/file.txt")});
        QVERIFY2(s.code == 0, qPrintable(s.err));
        const QString beside = target + r->src + QStringLiteral("/file (restored).txt");
        QVERIFY2(s.out.contains(QStringLiteral("restored as ") + beside), qPrintable(s.out));
        QCOMPARE(contents((taken)), QByteArray("mine\n"));
        QCOMPARE(contents((beside)), QByteArray("some text\n"));
        s = r->home.run({QStringLiteral("restore"), QStringLiteral("--keep-both"),
                         QStringLiteral("latest"), target, r->src + QStringLiteral("/file.txt")});
        QCOMPARE(contents((target + r->src + QStringLiteral("/file (restored 2).txt"))),
                 QByteArray("some text\n"));
    }

    void backupJsonEvents()
    {
        auto r = ready();
        const auto b = r->home.run({QStringLiteral("backup"), QStringLiteral("--json")});
        QCOMPARE(b.code, 0);
        const QStringList lines = b.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 2);
        for (const QString &line : lines)
            QVERIFY(QJsonDocument::fromJson(line.toUtf8()).isObject());
        const QJsonObject last = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        QCOMPARE(last.value(QStringLiteral("event")).toString(), QStringLiteral("result"));
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("OK"));
        QCOMPARE(last.value(QStringLiteral("file_count")).toInteger(), 4);
        QCOMPARE(QJsonDocument::fromJson(lines.first().toUtf8())
                     .object()
                     .value(QStringLiteral("event"))
                     .toString(),
                 QStringLiteral("progress"));
    }

    void missingRootIsFatal()
    {
        CliHome h;
        h.writeSimpleConfig({h.path() + QStringLiteral("/absent")});
        QCOMPARE(h.run({QStringLiteral("init")}, passphrase()).code, 0);
        const auto b = h.run({QStringLiteral("backup")});
        QCOMPARE(b.code, 1);
        QVERIFY(b.err.contains(h.path() + QStringLiteral("/absent")));
        QVERIFY(b.err.contains(QStringLiteral("does not exist")));
        QVERIFY(h.run({QStringLiteral("list")}).out.isEmpty());
    }

    void cacheDirTags()
    {
        auto r = ready();
        const QByteArray tag = "Signature: 8a477f597d28d172789f06886806bc55\n# a cache\n";
        QDir().mkpath(r->src + QStringLiteral("/cache"));
        test::writeFile(enc(r->src + QStringLiteral("/cache/CACHEDIR.TAG")), tag);
        test::writeFile(enc(r->src + QStringLiteral("/cache/junk")), "cached");
        auto b = r->home.run({QStringLiteral("backup")});
        QCOMPARE(b.code, 0); // first backup: nothing to compare with
        auto files = r->home.run({QStringLiteral("list-files")}).out;
        QVERIFY(files.contains(QStringLiteral("d %1/cache (new)").arg(r->src)));
        QVERIFY(files.contains(QStringLiteral("- %1/cache/CACHEDIR.TAG (new)").arg(r->src)));
        QVERIFY(!files.contains(QStringLiteral("junk")));

        // A tag that appears later is reported, the backup completes, and the exit code is 1.
        QDir().mkpath(r->src + QStringLiteral("/later"));
        test::writeFile(enc(r->src + QStringLiteral("/later/stuff")), "x");
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        test::writeFile(enc(r->src + QStringLiteral("/later/CACHEDIR.TAG")), tag);
        b = r->home.run({QStringLiteral("backup")});
        QCOMPARE(b.code, 1);
        QVERIFY(b.out.contains(QStringLiteral("%1/later/CACHEDIR.TAG").arg(r->src)));
        QVERIFY(b.out.contains(QStringLiteral("status: ERROR")));
        QVERIFY(b.out.contains(QStringLiteral("generation-id: ")));
        QCOMPARE(r->home.run({QStringLiteral("list")}).out.count(QLatin1Char('\n')), 3);
        // With the option off, tagged directories are backed up whole.
        r->home.writeConfig("roots: [\"" + r->src.toUtf8() +
                            "\"]\nserver_url: " + r->home.repositoryPath().toUtf8() +
                            "\nexclude_cache_tag_directories: false\n");
        b = r->home.run({QStringLiteral("backup")});
        QCOMPARE(b.code, 0);
        QVERIFY(r->home.run({QStringLiteral("list-files")})
                    .out.contains(QStringLiteral("/cache/junk")));
    }

    void excludes()
    {
        auto r = ready();
        test::writeFile(enc(r->src + QStringLiteral("/skip.tmp")), "x");
        r->home.writeConfig("roots: [\"" + r->src.toUtf8() +
                            "\"]\nserver_url: " + r->home.repositoryPath().toUtf8() +
                            "\nexclude: ['*.tmp', '" + r->src.toUtf8() + "/dir']\n");
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        const QString files = r->home.run({QStringLiteral("list-files")}).out;
        QVERIFY(!files.contains(QStringLiteral("skip.tmp")));
        QVERIFY(!files.contains(QStringLiteral("/dir")));
        QVERIFY(files.contains(QStringLiteral("file.txt")));
    }

    void restoreRoundTripAndTargetRules()
    {
        auto r = ready();
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        const QString target = r->home.path() + QStringLiteral("/restored");
        const auto res = r->home.run({QStringLiteral("restore"), QStringLiteral("latest"), target});
        QVERIFY2(res.code == 0, qPrintable(res.err));
        QVERIFY(res.out.contains(QStringLiteral("status: OK")));
        const QString diff =
            test::manifestDiff(test::manifest(enc(r->src)), test::manifest(enc(target + r->src)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Non-empty target refused, then allowed with --overwrite.
        const auto again =
            r->home.run({QStringLiteral("restore"), QStringLiteral("latest"), target});
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains(QStringLiteral("--overwrite")));
        QCOMPARE(r->home
                     .run({QStringLiteral("restore"), QStringLiteral("--overwrite"),
                           QStringLiteral("latest"), target})
                     .code,
                 0);
        // Only one path.
        const QString part = r->home.path() + QStringLiteral("/part");
        QCOMPARE(r->home
                     .run({QStringLiteral("restore"), QStringLiteral("latest"), part,
                           r->src + QStringLiteral("/dir")})
                     .code,
                 0);
        QVERIFY(QFile::exists(part + r->src + QStringLiteral("/dir/data.bin")));
        QVERIFY(!QFile::exists(part + r->src + QStringLiteral("/file.txt")));
        const auto missing = r->home.run({QStringLiteral("restore"), QStringLiteral("latest"),
                                          r->home.path() + QStringLiteral("/none"),
                                          QStringLiteral("/no/such/path")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QStringLiteral("no such path")));
        QCOMPARE(r->home.run({QStringLiteral("restore"), QStringLiteral("nope"), target}).code, 1);
    }

    void restoreWithinASmallDescriptorLimit()
    {
        // Restored files hold descriptors from their creation until they are named: the real
        // binary, with a hard limit far below what a full window of files would need, shrinks
        // its windows to fit and restores everything.
        auto r = ready();
        for (int i = 0; i < 700; ++i)
            QVERIFY(test::writeFile(enc(r->src + QStringLiteral("/dir/f") + QString::number(i)),
                                    test::randomData(100 + i, 3000 + i)));
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        const QString target = r->home.path() + QStringLiteral("/restored");
        const auto res = r->home.runBinary(
            {QStringLiteral("restore"), QStringLiteral("latest"), target}, {}, [] {
                const struct rlimit low
                {
                    340, 340
                };
                ::setrlimit(RLIMIT_NOFILE, &low);
            });
        QVERIFY2(res.code == 0, qPrintable(res.err));
        const QString diff =
            test::manifestDiff(test::manifest(enc(r->src)), test::manifest(enc(target + r->src)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void corruptedObjectFailsRestore()
    {
        auto r = ready();
        QCOMPARE(r->home.run({QStringLiteral("backup")}).code, 0);
        // Damage every pack: some chunk of data.bin is hit; the database comes from the cache.
        QDirIterator it(r->home.repositoryPath() + QStringLiteral("/packs"), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray bytes = f.readAll();
            for (qsizetype i = 100; i < bytes.size() - 100; i += 4096)
                bytes[i] = char(bytes[i] ^ 0x55);
            f.seek(0);
            f.write(bytes);
        }
        const QString target = r->home.path() + QStringLiteral("/damaged");
        const auto res = r->home.run({QStringLiteral("restore"), QStringLiteral("latest"), target});
        QCOMPARE(res.code, 1);
        QVERIFY2(res.err.contains(QStringLiteral("does not authenticate")), qPrintable(res.err));
        QVERIFY(res.err.contains(QStringLiteral("data.bin")));
        QVERIFY(!QFile::exists(target + r->src + QStringLiteral("/dir/data.bin")));
    }

    void keySlotCommands()
    {
        auto r = ready();
        auto list = r->home.run({QStringLiteral("key"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QCOMPARE(list.out.count(QLatin1Char('\n')), 1);
        QVERIFY(list.out.contains(QStringLiteral("memory=65536KiB")));
        QProcessEnvironment fresh;
        fresh.insert(QStringLiteral("OBNAM_NEW_PASSPHRASE"), QStringLiteral("second pass"));
        const auto add = r->home.run({QStringLiteral("key"), QStringLiteral("add")}, fresh);
        QCOMPARE(add.code, 0);
        const QString newId = add.out.trimmed().section(QLatin1Char(' '), -1);
        QCOMPARE(r->home.run({QStringLiteral("key"), QStringLiteral("list")})
                     .out.count(QLatin1Char('\n')),
                 2);

        // The new passphrase opens the repository on a client without credentials.
        QFile::remove(r->home.home() + QStringLiteral("/.config/obnam/passwords.yaml"));
        QCOMPARE(
            r->home.run({QStringLiteral("init")}, passphrase(QStringLiteral("second pass"))).code,
            0);

        QProcessEnvironment change = passphrase(QStringLiteral("second pass"));
        change.insert(QStringLiteral("OBNAM_NEW_PASSPHRASE"), QStringLiteral("third pass"));
        QCOMPARE(r->home.run({QStringLiteral("key"), QStringLiteral("passwd"), newId}, change).code,
                 0);
        QFile::remove(r->home.home() + QStringLiteral("/.config/obnam/passwords.yaml"));
        QCOMPARE(
            r->home.run({QStringLiteral("init")}, passphrase(QStringLiteral("second pass"))).code,
            1);
        QCOMPARE(
            r->home.run({QStringLiteral("init")}, passphrase(QStringLiteral("third pass"))).code,
            0);

        QCOMPARE(r->home.run({QStringLiteral("key"), QStringLiteral("remove"), newId}).code, 0);
        const QString last = r->home.run({QStringLiteral("key"), QStringLiteral("list")})
                                 .out.section(QLatin1Char(' '), 0, 0);
        const auto refuse = r->home.run({QStringLiteral("key"), QStringLiteral("remove"), last});
        QCOMPARE(refuse.code, 1);
        QVERIFY(refuse.err.contains(QStringLiteral("last key slot")));
        QCOMPARE(r->home.run({QStringLiteral("key"), QStringLiteral("frob")}).code, 2);
        QCOMPARE(r->home.run({QStringLiteral("key"), QStringLiteral("remove")}).code, 2);
    }

    void chunkifyPrintsPlainChecksums()
    {
        CliHome h;
        h.writeSimpleConfig({h.path()});
        const QString file = h.path() + QStringLiteral("/blob");
        const QByteArray data = test::randomData(3 * 1024 * 1024, 5);
        test::writeFile(enc(file), data);
        const auto r = h.run({QStringLiteral("chunkify"), file});
        QCOMPARE(r.code, 0);
        const QJsonArray chunks = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(chunks.size() >= 1);
        qint64 offset = 0;
        for (const QJsonValue &v : chunks) {
            const QJsonObject c = v.toObject();
            QCOMPARE(c.value(QStringLiteral("filename")).toString(), file);
            QCOMPARE(c.value(QStringLiteral("offset")).toInteger(), offset);
            const qint64 len = c.value(QStringLiteral("len")).toInteger();
            QCOMPARE(c.value(QStringLiteral("checksum")).toString(),
                     QString::fromLatin1(crypto::sha256(data.mid(offset, len)).toHex()));
            offset += len;
        }
        QCOMPARE(offset, qint64(data.size()));
        QCOMPARE(h.run({QStringLiteral("chunkify"), h.path() + QStringLiteral("/absent")}).code, 1);
    }

    void logFileRecordsWithoutSecrets()
    {
        auto r = ready();
        const QString log = r->home.path() + QStringLiteral("/obnam.log");
        r->home.writeConfig("roots: [\"" + r->src.toUtf8() + "\"]\nserver_url: " +
                            r->home.repositoryPath().toUtf8() + "\nlog: " + log.toUtf8() + "\n");
        QCOMPARE(r->home.run({QStringLiteral("backup")}, passphrase()).code, 0);
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("backup finished"));
        QVERIFY(!text.contains("correct horse"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
