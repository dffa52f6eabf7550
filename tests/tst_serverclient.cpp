// obnam-cli against a real obnam-server on loopback: init, backup, list and restore through
// HTTPS compared by manifest; certificate trust, token and URL errors; a server killed and
// restarted during a backup; eight clients backing up at once; a server whose disk fills up.
#include "CliRunner.h"
#include "ServerProcess.h"
#include "TestSupport.h"
#include "crypto/Crypto.h"

#include <QDirIterator>
#include <QtTest>

#include <sys/mount.h>
#include <unistd.h>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

// A source tree of `files` files of `size` bytes each (seeded, so runs are repeatable) plus a
// small nested directory, below `root`.
void makeTree(const QString &root, int files, qsizetype size, quint32 seed)
{
    QVERIFY(QDir().mkpath(root + QStringLiteral("/nested/deeper")));
    for (int i = 0; i < files; ++i)
        QVERIFY(test::writeFile(enc(root + QStringLiteral("/file-%1").arg(i)),
                                test::randomData(size, seed + quint32(i))));
    QVERIFY(test::writeFile(enc(root + QStringLiteral("/nested/deeper/small")), "small\n"));
    QVERIFY(test::writeFile(enc(root + QStringLiteral("/nested/empty")), {}));
}

// Every object a client stored must be whole: a pack, index object or generation record
// whose bytes are not what its name says would be a half-written object under its final name.
QString checkStoredObjects(const QString &dataDir)
{
    QDirIterator it(dataDir, QDir::Files, QDirIterator::Subdirectories);
    int checked = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = it.fileName();
        const QString kind = QFileInfo(path).dir().dirName();
        const bool addressed = path.contains(QStringLiteral("/packs/")) ||
                               kind == QStringLiteral("index") ||
                               kind == QStringLiteral("generations");
        if (!addressed || name.startsWith(QLatin1Char('.')))
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read ") + path;
        if (QString::fromLatin1(crypto::sha256(f.readAll()).toHex()) != name)
            return QStringLiteral("object does not match its name: ") + path;
        ++checked;
    }
    return checked == 0 ? QStringLiteral("no objects found below ") + dataDir : QString();
}

} // namespace

class TestServerClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ServerProcess> m_server;

    struct Client
    {
        std::unique_ptr<test::CliHome> home;
        QString source;
        QProcessEnvironment env;
    };

    // A home whose configuration points at the server, pinned to its certificate.
    Client makeClient(const QString &name, const QByteArray &extraConfig = {},
                      test::ServerProcess *server = nullptr)
    {
        server = server ? server : m_server.get();
        Client c;
        c.home = std::make_unique<test::CliHome>();
        c.source = c.home->path() + QStringLiteral("/src");
        c.env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("correct horse"));
        c.env.insert(QStringLiteral("OBNAM_ACCESS_TOKEN"),
                     QString::fromLatin1(server->addClient(name).token));
        c.home->writeConfig("roots:\n  - \"" + c.source.toUtf8() + "\"\nserver_url: " +
                            server->baseUrl().toUtf8() + "\nserver_cert_sha256: \"" +
                            server->fingerprintText().toLatin1() + "\"\n" + extraConfig);
        return c;
    }

    static QString restoreAndCompare(const Client &c)
    {
        return c.home->restoreAndCompare(c.source, c.env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->log()));
    }

    void backupListRestoreThroughServer()
    {
        Client c = makeClient(QStringLiteral("laptop"));
        makeTree(c.source, 20, 300 * 1024, 1);
        auto r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(m_server->baseUrl()));
        r = c.home->run({QStringLiteral("backup")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(restoreAndCompare(c), QString());

        // An incremental backup after a change, then both generations listed and restorable.
        QVERIFY(test::writeFile(enc(c.source + QStringLiteral("/file-3")), "changed\n"));
        r = c.home->run({QStringLiteral("backup")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = c.home->run({QStringLiteral("list")}, c.env);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 2);
        r = c.home->run({QStringLiteral("list-files"), QStringLiteral("latest")}, c.env);
        QVERIFY(r.out.contains(QStringLiteral("nested/deeper/small")));
        QCOMPARE(restoreAndCompare(c), QString());

        // Index objects and generation records are cached locally, as stored: each copy is an
        // object the server holds, and the next run reads it from here instead.
        QSet<QString> onServer;
        for (QDirIterator it(m_server->dataDir(), QDir::Files, QDirIterator::Subdirectories);
             it.hasNext();)
            onServer.insert(QFileInfo(it.next()).fileName());
        int copies[2] = {0, 0};
        for (QDirIterator it(c.home->home() + QStringLiteral("/.cache/obnam"), QDir::Files,
                             QDirIterator::Subdirectories);
             it.hasNext();) {
            const QString path = it.next();
            const QString kind = QFileInfo(path).dir().dirName();
            if (!path.contains(QStringLiteral("/objects/")))
                continue;
            ++copies[kind == QStringLiteral("index") ? 0 : 1];
            QVERIFY2(onServer.contains(it.fileName()), qPrintable(path));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QCOMPARE(QString::fromLatin1(crypto::sha256(bytes).toHex()), it.fileName());
            QVERIFY(!bytes.contains("nested/deeper"));
        }
        QVERIFY(copies[0] >= 1);
        QCOMPARE(copies[1], 2);
        QCOMPARE(checkStoredObjects(m_server->dataDir()), QString());

        // A generation record damaged on the server: other commands read the cached copy, but
        // check reads the server and names the damage.
        QString record;
        for (QDirIterator it(m_server->dataDir(), QDir::Files, QDirIterator::Subdirectories);
             it.hasNext() && record.isEmpty();) {
            const QString path = it.next();
            if (QFileInfo(path).dir().dirName() == QStringLiteral("generations") &&
                !it.fileName().startsWith(QLatin1Char('.')))
                record = path;
        }
        QVERIFY(!record.isEmpty());
        QFile damaged(record);
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        const QByteArray original = damaged.readAll();
        QByteArray flipped = original;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 1);
        QVERIFY(damaged.seek(0) && damaged.write(flipped) == flipped.size());
        damaged.close();
        r = c.home->run({QStringLiteral("list")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 2);
        r = c.home->run({QStringLiteral("check")}, c.env);
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.out.contains(QStringLiteral("damaged: generations/") + QFileInfo(record).fileName()),
            qPrintable(r.out + r.err));
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(damaged.write(original), original.size());
        damaged.close();

        // The server holds only whole, encrypted objects: no file name or content in clear.
        QCOMPARE(checkStoredObjects(m_server->dataDir()), QString());
        QDirIterator it(m_server->dataDir(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("nested/deeper"), qPrintable(f.fileName()));
        }
    }

    void untrustedCertificateIsRefused()
    {
        Client c = makeClient(QStringLiteral("unpinned"));
        // The same configuration without the pin: the self-signed certificate is not trusted.
        c.home->writeConfig("roots: [\"" + c.source.toUtf8() +
                            "\"]\nserver_url: " + m_server->baseUrl().toUtf8() + "\n");
        auto r = c.home->run({QStringLiteral("init")}, c.env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("certificate")), qPrintable(r.err));
        // A wrong pin is refused the same way.
        c.home->writeConfig("roots: [\"" + c.source.toUtf8() +
                            "\"]\nserver_url: " + m_server->baseUrl().toUtf8() +
                            "\nserver_cert_sha256: " + QByteArray(64, 'a') + "\n");
        r = c.home->run({QStringLiteral("init")}, c.env);
        QCOMPARE(r.code, 1);
        // It says the pin does not match and shows what the server presented.
        QVERIFY2(r.err.contains(QStringLiteral("does not match server_cert_sha256")) &&
                     r.err.contains(m_server->fingerprintText()),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("pin it with")), qPrintable(r.err));
        // A CA file holding the server's own certificate makes it trusted.
        c.home->writeConfig("roots: [\"" + c.source.toUtf8() +
                            "\"]\nserver_url: " + m_server->baseUrl().toUtf8() +
                            "\nserver_ca_file: \"" + m_server->certPath().toUtf8() + "\"\n");
        r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void uncheckedCertificateWarns()
    {
        Client c = makeClient(QStringLiteral("unchecked"));
        c.home->writeConfig("roots: [\"" + c.source.toUtf8() + "\"]\nserver_url: " +
                            m_server->baseUrl().toUtf8() + "\nverify_tls_cert: false\n");
        const auto r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("warning: verify_tls_cert is false")),
                 qPrintable(r.err));
    }

    void tokenAndUrlErrors()
    {
        Client c = makeClient(QStringLiteral("errors"));
        QProcessEnvironment noToken = c.env;
        noToken.remove(QStringLiteral("OBNAM_ACCESS_TOKEN"));
        auto r = c.home->run({QStringLiteral("init")}, noToken);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("OBNAM_ACCESS_TOKEN")), qPrintable(r.err));

        QProcessEnvironment wrong = c.env;
        wrong.insert(QStringLiteral("OBNAM_ACCESS_TOKEN"), QString(64, QLatin1Char('0')));
        r = c.home->run({QStringLiteral("init")}, wrong);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("refused the access token")), qPrintable(r.err));

        c.home->writeConfig("roots: [/tmp]\nserver_url: http://127.0.0.1:" +
                            QByteArray::number(m_server->port()) + "\n");
        r = c.home->run({QStringLiteral("init")}, c.env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("http://")), qPrintable(r.err));

        // Nothing listens there: the message names the address, not the "config" object.
        c.home->writeConfig("roots: [/tmp]\nserver_url: https://127.0.0.1:1\n");
        r = c.home->run({QStringLiteral("init")}, c.env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot reach the server at 127.0.0.1:1")) &&
                     !r.err.contains(QStringLiteral("(config)")),
                 qPrintable(r.err));

        c.home->writeConfig("roots: [/tmp]\nserver_url: https://127.0.0.1:1/some/path\n");
        r = c.home->run({QStringLiteral("init")}, c.env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("server_url")), qPrintable(r.err));

        // The token never shows in the printed configuration.
        c.home->writeConfig("roots: [/tmp]\nserver_url: https://127.0.0.1:1\naccess_token: "
                            "s3cr3t-t0ken\n");
        r = c.home->run({QStringLiteral("config")}, {});
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.contains(QStringLiteral("s3cr3t")));
        QVERIFY(r.out.contains(QStringLiteral("(set)")));
    }

    void anotherClientsTokenIsNamedAsSuch()
    {
        Client mine = makeClient(QStringLiteral("token-mine"));
        Client theirs = makeClient(QStringLiteral("token-theirs"));
        QCOMPARE(mine.home->run({QStringLiteral("init")}, mine.env).code, 0);
        QCOMPARE(theirs.home->run({QStringLiteral("init")}, theirs.env).code, 0);
        // A client configured with the other client's (valid) token reaches a repository its
        // credentials do not belong to.
        QProcessEnvironment swapped = mine.env;
        swapped.insert(QStringLiteral("OBNAM_ACCESS_TOKEN"),
                       theirs.env.value(QStringLiteral("OBNAM_ACCESS_TOKEN")));
        const auto r = mine.home->run({QStringLiteral("list")}, swapped);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("belong to a different repository")) &&
                     !r.err.contains(QStringLiteral("damaged")),
                 qPrintable(r.err));
    }

    void survivesServerRestartDuringBackup()
    {
        test::ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.log()));
        Client c = makeClient(QStringLiteral("restart"), {}, &server);
        makeTree(c.source, 12, 8 * 1024 * 1024, 50); // 96 MiB: several packs
        auto r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));

        auto backup = c.home->start({QStringLiteral("backup")}, c.env);
        // Kill the server as soon as the first pack has landed, so the backup is mid-way.
        QDeadlineTimer deadline(60000);
        bool sawPack = false;
        while (!deadline.hasExpired() && !sawPack && backup->state() != QProcess::NotRunning) {
            QDirIterator it(server.dataDir(), {QStringLiteral("*")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext() && !sawPack)
                sawPack = it.next().contains(QStringLiteral("/packs/"));
            QTest::qWait(10);
        }
        QVERIFY2(sawPack, "the backup stored no pack");
        server.kill();
        QTest::qWait(500);
        QVERIFY2(server.start(), qPrintable(server.log()));
        r = test::CliHome::finish(*backup);
        qInfo("backup across the restart: %s",
              r.code == 0 ? "completed by retrying" : "failed cleanly; the next run completes");
        if (r.code != 0) {
            // Failing is allowed only cleanly: a message, exit 1, and the next run completes.
            QCOMPARE(r.code, 1);
            QVERIFY(!r.err.isEmpty());
            r = c.home->run({QStringLiteral("backup")}, c.env);
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        QCOMPARE(restoreAndCompare(c), QString());
        QCOMPARE(checkStoredObjects(server.dataDir()), QString());
    }

    void eightClientsAtOnce()
    {
        std::vector<Client> clients;
        for (int i = 0; i < 8; ++i) {
            clients.push_back(makeClient(QStringLiteral("machine-%1").arg(i)));
            makeTree(clients.back().source, 6, 1024 * 1024 + i, quint32(1000 + 10 * i));
            const auto r = clients.back().home->run({QStringLiteral("init")}, clients.back().env);
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        std::vector<std::unique_ptr<QProcess>> running;
        for (const Client &c : clients)
            running.push_back(c.home->start({QStringLiteral("backup")}, c.env));
        for (auto &p : running) {
            const auto r = test::CliHome::finish(*p);
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(!r.err.contains(QStringLiteral("error")), qPrintable(r.err));
        }
        for (const Client &c : clients)
            QVERIFY2(restoreAndCompare(c).isEmpty(), qPrintable(c.source));
    }

    void fullServerDiskFailsCleanly()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small file system for the server needs root (CI runs as root)");
        QTemporaryDir dir;
        const QByteArray mountPoint = enc(dir.path() + QStringLiteral("/small"));
        QVERIFY(QDir().mkpath(QString::fromUtf8(mountPoint)));
        QVERIFY2(::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=6m") == 0,
                 strerror(errno));
        struct Unmount
        {
            QByteArray path;
            ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
        } unmount{mountPoint};

        test::ServerProcess server;
        server.setDataDir(QString::fromUtf8(mountPoint) + QStringLiteral("/data"));
        QVERIFY2(server.start(), qPrintable(server.log()));
        Client c = makeClient(QStringLiteral("full"), {}, &server);
        Client other = makeClient(QStringLiteral("other"), {}, &server);
        makeTree(c.source, 4, 4 * 1024 * 1024, 77); // 16 MiB of incompressible data
        auto r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = c.home->run({QStringLiteral("backup")}, c.env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("out of storage")), qPrintable(r.err));
        // Still serving: another client can work, and nothing half-written is stored.
        r = other.home->run({QStringLiteral("init")}, other.env);
        QVERIFY2(r.code == 0 || r.err.contains(QStringLiteral("out of storage")),
                 qPrintable(r.err));
        QVERIFY(server.isRunning());
        QCOMPARE(checkStoredObjects(server.dataDir()).contains(QStringLiteral("does not match")),
                 false);
        r = c.home->run({QStringLiteral("list")}, c.env);
        QCOMPARE(r.code, 0);

        // Space freed: the next backup completes and restores.
        QVERIFY2(::mount("tmpfs", mountPoint.constData(), "tmpfs", MS_REMOUNT, "size=128m") == 0,
                 strerror(errno));
        r = c.home->run({QStringLiteral("backup")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(restoreAndCompare(c), QString());
    }
};

QTEST_GUILESS_MAIN(TestServerClient)

#include "tst_serverclient.moc"
