// server.yaml as a hostile or careless hand writes it: every mistake is refused with an error
// that names the key (or the file) and says what is expected, and obnam-server exits without
// creating anything.
#include "ServerConfig.h"
#include "TestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using obnam::ErrorCode;
using obnam::server::ServerConfig;

class TestServerConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray &yaml)
    {
        const QString path = m_dir.filePath(QStringLiteral("server.yaml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(yaml) != yaml.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void mistakesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("said");
        const QByteArray base = "address: 127.0.0.1:0\nchunks: data\n";
        QTest::newRow("not YAML") << QByteArray("address: [127.0.0.1\n")
                                  << QStringLiteral("server configuration is not valid YAML");
        QTest::newRow("a list") << QByteArray("- address\n- chunks\n")
                                << QStringLiteral("configuration must be a YAML mapping");
        QTest::newRow("empty") << QByteArray("")
                               << QStringLiteral("configuration must be a YAML mapping");
        QTest::newRow("unknown key") << base + "chunk_size: 1\n"
                                     << QStringLiteral("unknown configuration key 'chunk_size'");
        QTest::newRow("a key that is a list")
            << base + "? [a, b]\n: 1\n"
            << QStringLiteral("server configuration is not valid YAML");
        QTest::newRow("no address") << QByteArray("chunks: data\n")
                                    << QStringLiteral("configuration key 'address' is required");
        QTest::newRow("no data directory")
            << QByteArray("address: 127.0.0.1:0\n")
            << QStringLiteral("configuration key 'chunks' is required");
        QTest::newRow("address without a port")
            << QByteArray("address: localhost\nchunks: data\n")
            << QStringLiteral("configuration key 'address' must be HOST:PORT");
        QTest::newRow("port out of range")
            << QByteArray("address: 127.0.0.1:70000\nchunks: data\n")
            << QStringLiteral("configuration key 'address' must be HOST:PORT");
        QTest::newRow("data directory as a list")
            << QByteArray("address: 127.0.0.1:0\nchunks: [a, b]\n")
            << QStringLiteral("configuration key 'chunks' must be a string");
        QTest::newRow("negative timeout")
            << base + "idle_timeout_seconds: -1\n"
            << QStringLiteral("configuration key 'idle_timeout_seconds' must be a whole number "
                              "from 1 to 86400");
        QTest::newRow("words for a number")
            << base + "max_connections: many\n"
            << QStringLiteral("configuration key 'max_connections' must be a whole number");
        QTest::newRow("a fraction") << base + "min_transfer_rate: 1.5\n"
                                    << QStringLiteral("configuration key 'min_transfer_rate' "
                                                      "must be a whole number from 0");
        QTest::newRow("too many threads")
            << base + "io_threads: 100000\n"
            << QStringLiteral("configuration key 'io_threads' must be a whole number from 1 to "
                              "256");
        QTest::newRow("a key without its certificate")
            << base + "tls_key: key.pem\n"
            << QStringLiteral("configuration key 'tls_cert' is required when the other TLS file "
                              "is given");
        QTest::newRow("certificate files missing")
            << base + "tls_key: key.pem\ntls_cert: cert.pem\n"
            << QStringLiteral("TLS file does not exist");
        QTest::newRow("a database that is not PostgreSQL")
            << base + "database: mysql://obnam@db/obnam\n"
            << QStringLiteral("configuration key 'database' must be postgresql://");
        QTest::newRow("a database without a user")
            << base + "database: postgresql://db/obnam\n"
            << QStringLiteral("configuration key 'database' must name a host, a user and a "
                              "database");
        QTest::newRow("a password in the file")
            << base + "database: postgresql://obnam:hunter2secret@db/obnam\n"
            << QStringLiteral("configuration key 'database' must not hold a password");
        QTest::newRow("storage of another kind")
            << base + "database: postgresql://obnam@db/obnam\nstorage: ftp://host/bucket\n"
            << QStringLiteral("configuration key 'storage' must be local or s3://");
        QTest::newRow("a bucket without a database")
            << base + "storage: s3://s3.example.net/bucket\n"
            << QStringLiteral("configuration key 'storage' is an S3 bucket, which needs "
                              "'database' too");
    }

    void mistakesAreNamed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, said);
        const QString path = write(yaml);
        const auto loaded = ServerConfig::load(path);
        QVERIFY2(!loaded, yaml.constData());
        QVERIFY2(loaded.error().message.contains(said), qPrintable(loaded.error().message));
        QVERIFY(loaded.error().code == ErrorCode::InvalidArgument ||
                loaded.error().code == ErrorCode::NotFound);
        // The file, or the file the key is in, is named with it.
        QVERIFY2(loaded.error().path == path ||
                     loaded.error().path.startsWith(m_dir.path() + QLatin1Char('/')),
                 qPrintable(loaded.error().path));
        QVERIFY2(!loaded.error().toString().contains(QStringLiteral("hunter2secret")),
                 "the error repeats the password");
    }

    void aGoodFileLoads()
    {
        // The keys above, each given a valid value, load: the cases refuse for their mistake.
        const auto loaded = ServerConfig::load(
            write("address: \"[::1]:8443\"\nchunks: data\nidle_timeout_seconds: 30\n"
                  "min_transfer_rate: 0\nmax_connections: 10\nio_threads: 2\n"
                  "database: postgresql://obnam@db.example.net:5433/obnam\n"
                  "storage: s3://s3.example.net/bucket/prefix\n"));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->host, QStringLiteral("::1"));
        QCOMPARE(loaded->port, 8443);
        QCOMPARE(loaded->chunks, m_dir.filePath(QStringLiteral("data")));
        QCOMPARE(loaded->idleTimeoutSeconds, 30);
        QCOMPARE(loaded->minTransferRate, 0);
        QCOMPARE(loaded->ioThreads, 2);
        QVERIFY(loaded->database);
        QCOMPARE(loaded->database->port, 5433);
        QVERIFY(loaded->storage);
    }

    void theServerStopsAtAMistakeAndCreatesNothing()
    {
        const QString path = write("address: 127.0.0.1:0\nchunks: data\nio_threads: 0\n");
        QProcess server;
        server.start(obnam::test::serverBinary(), {QStringLiteral("--config"), path});
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QVERIFY(server.exitCode() != 0);
        const QString err = QString::fromLocal8Bit(server.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("configuration key 'io_threads' must be a whole "
                                             "number from 1 to 256")) &&
                     err.contains(path),
                 qPrintable(err));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("data"))));

        // A file that is not there: named, and nothing made in its place.
        const QString missing = m_dir.filePath(QStringLiteral("absent.yaml"));
        server.start(obnam::test::serverBinary(), {QStringLiteral("--config"), missing});
        QVERIFY(server.waitForFinished(20000));
        QVERIFY(server.exitCode() != 0);
        QVERIFY(QString::fromLocal8Bit(server.readAllStandardError()).contains(missing));
        QVERIFY(!QFileInfo::exists(missing));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
