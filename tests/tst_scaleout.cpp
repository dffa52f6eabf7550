// Scale-out as deployed: two obnam-server instances sharing one S3 bucket (a real Ceph RADOS
// Gateway, tests/with-s3.sh) and one PostgreSQL database (tests/with-postgres.sh), behind a real
// HAProxy that sends each request to the next instance. obnam-cli backs up and restores through
// it, compared by manifest; an instance killed with SIGKILL in the middle of a backup, a
// database restart and a gateway outage during backups; a quota held across instances.
#include "CliRunner.h"
#include "ServerProcess.h"
#include "TestPostgres.h"
#include "TestSharedStorage.h"
#include "TestSupport.h"
#include "backend/ObjectName.h"
#include "crypto/Crypto.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtTest>

#include <csignal>
#include <sys/prctl.h>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// What the shared database counts as stored for a client, and with `held`, also what it holds
// for uploads in progress; -1 for no such client.
qint64 usedBytes(const QString &client, bool held = false)
{
    const QVariant used = test::accountColumn(
        client, held ? QStringLiteral("used_bytes + held_bytes") : QStringLiteral("used_bytes"));
    return used.isValid() ? used.toLongLong() : -1;
}

// What a client stores, summed through the server's API.
qint64 storedBytes(Backend &backend)
{
    const auto names = backend.list({}).result();
    if (!names)
        return -1;
    qint64 total = 0;
    for (const QString &name : *names)
        total += *backend.stat(name).result();
    return total;
}

// HAProxy in front of the instances: TLS with the instances' certificate, each request
// balanced on its own (round robin), instances checked every 200 ms.
class Balancer
{
public:
    ~Balancer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QString &dir, const QString &certificatePem, const QString &keyPem,
               const QList<quint16> &instances)
    {
        QFile combined(dir + QStringLiteral("/haproxy.pem"));
        QFile cert(certificatePem), key(keyPem);
        if (!combined.open(QIODevice::WriteOnly) || !cert.open(QIODevice::ReadOnly) ||
            !key.open(QIODevice::ReadOnly))
            return false;
        combined.write(cert.readAll() + key.readAll());
        combined.close();
        m_port = freePort();
        QByteArray config = "global\n  maxconn 512\n"
                            "defaults\n  mode http\n  timeout connect 5s\n"
                            "  timeout client 120s\n  timeout server 120s\n"
                            "  option redispatch\n  retries 3\n"
                            "frontend obnam\n  bind 127.0.0.1:" +
                            QByteArray::number(m_port) + " ssl crt " + enc(combined.fileName()) +
                            "\n  default_backend instances\n"
                            "backend instances\n  balance roundrobin\n"
                            "  option httpchk GET /v1/objects\n  http-check expect status 401\n";
        for (int i = 0; i < instances.size(); ++i)
            config += "  server i" + QByteArray::number(i) +
                      " 127.0.0.1:" + QByteArray::number(instances[i]) +
                      " ssl verify none check inter 200ms fall 1 rise 1\n";
        QFile cfg(dir + QStringLiteral("/haproxy.cfg"));
        if (!cfg.open(QIODevice::WriteOnly))
            return false;
        cfg.write(config);
        cfg.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start(QStringLiteral("haproxy"),
                        {QStringLiteral("-db"), QStringLiteral("-f"), cfg.fileName()});
        if (!m_process.waitForStarted(10000))
            return false;
        // Up once it accepts connections.
        for (int i = 0; i < 100; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return true;
            QThread::msleep(50);
        }
        return false;
    }
    quint16 port() const { return m_port; }
    QString output() { return QString::fromUtf8(m_process.readAll()); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// Requests of the client "laptop" an instance served, from its log (OBNAM_SERVER_LOG=info: one
// line per request, naming the account; the balancer's health checks name none).
int requestsServed(const test::ServerProcess &server)
{
    return int(server.log().count(QStringLiteral(" laptop ")));
}

} // namespace

class TestScaleOut : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ServerProcess> m_one;
    std::unique_ptr<test::ServerProcess> m_two;
    std::unique_ptr<Balancer> m_balancer;
    QTemporaryDir m_dir;
    QString m_storage; // the instances' `storage`: a prefix of their own in the test bucket

    struct Client
    {
        std::unique_ptr<test::CliHome> home;
        QString source;
        QProcessEnvironment env;
    };

    Client makeClient(const QString &name, int files, qsizetype size)
    {
        Client c;
        c.home = std::make_unique<test::CliHome>();
        c.source = c.home->path() + QStringLiteral("/src");
        [&] {
            QVERIFY(test::writeSampleTree(c.source, files, size, 0, 11));
        }();
        c.env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("correct horse"));
        c.env.insert(QStringLiteral("OBNAM_ACCESS_TOKEN"),
                     QString::fromLatin1(m_one->addClient(name).token));
        c.home->writeConfig(
            "roots: [\"" + c.source.toUtf8() +
            "\"]\nserver_url: https://127.0.0.1:" + QByteArray::number(m_balancer->port()) +
            "\nserver_cert_sha256: \"" + m_one->fingerprintText().toLatin1() + "\"\n");
        return c;
    }

    static QString restoreAndCompare(const Client &c)
    {
        return c.home->restoreAndCompare(c.source, c.env);
    }

    void startInstances()
    {
        QVERIFY(test::dropServerTables());
        const QUrl s3(qEnvironmentVariable("S3_ENDPOINT"));
        m_storage = QStringLiteral("s3+http://%1/obnam-scaleout/run%2")
                        .arg(s3.authority())
                        .arg(QRandomGenerator::global()->generate());
        const QByteArray shared =
            "database: " + qgetenv("PG_URL") + "\nstorage: " + m_storage.toUtf8() + "\n";
        m_one = std::make_unique<test::ServerProcess>(shared);
        QVERIFY2(m_one->start(), qPrintable(m_one->log()));
        // The second instance serves the same certificate, as a deployment's instances do.
        m_two = std::make_unique<test::ServerProcess>(
            shared + "tls_key: " + enc(m_one->dataDir() + QStringLiteral("/tls/key.pem")) +
            "\ntls_cert: " + enc(m_one->certPath()) + "\n");
        QVERIFY2(m_two->start(), qPrintable(m_two->log()));
        QCOMPARE(m_two->fingerprintText(), m_one->fingerprintText());
        m_balancer = std::make_unique<Balancer>();
        QVERIFY2(m_balancer->start(m_dir.path(), m_one->certPath(),
                                   m_one->dataDir() + QStringLiteral("/tls/key.pem"),
                                   {m_one->port(), m_two->port()}),
                 qPrintable(m_balancer->output()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("S3_ENDPOINT") || qEnvironmentVariableIsEmpty("PG_URL"))
            QSKIP("no S3 store or PostgreSQL: run through tests/with-shared-storage.sh");
        if (QStandardPaths::findExecutable(QStringLiteral("haproxy")).isEmpty())
            QSKIP("haproxy is not installed");
        qputenv("OBNAM_SERVER_LOG", "info");
    }

    void init() { startInstances(); }

    void cleanup()
    {
        m_balancer.reset();
        m_two.reset();
        m_one.reset();
    }

    void backupAndRestoreThroughTwoInstances()
    {
        Client c = makeClient(QStringLiteral("laptop"), 24, 150 * 1024);
        auto r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = c.home->run({QStringLiteral("backup")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(restoreAndCompare(c), QString());
        QVERIFY(test::writeFile(enc(c.source + QStringLiteral("/f3")), "changed\n"));
        QVERIFY(test::writeFile(enc(c.source + QStringLiteral("/new")), "new\n"));
        r = c.home->run({QStringLiteral("backup")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = c.home->run({QStringLiteral("list")}, c.env);
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 2);
        QCOMPARE(restoreAndCompare(c), QString());
        r = c.home->run({QStringLiteral("check")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        // Both instances served this client, request by request.
        QVERIFY2(requestsServed(*m_one) > 5 && requestsServed(*m_two) > 5,
                 qPrintable(QStringLiteral("%1 and %2 requests")
                                .arg(requestsServed(*m_one))
                                .arg(requestsServed(*m_two))));
    }

    void usageCountsEachObjectOnce()
    {
        const QByteArray token = m_one->addClient(QStringLiteral("laptop")).token;
        auto one = m_one->backend(token);
        auto two = m_two->backend(token);
        QList<QString> names;
        for (int i = 0; i < 40; ++i) {
            names.append(QStringLiteral("locks/%1").arg(i, 32, 16, QLatin1Char('0')));
            QVERIFY(one->put(names.last(), QByteArray(1000 + i, 'x'), PutMode::Overwrite).result());
        }
        // Replaced through the other instance: counted at its new size, not added again.
        QVERIFY(two->put(names.first(), QByteArray(10, 'y'), PutMode::Overwrite).result());
        QCOMPARE(usedBytes(QStringLiteral("laptop")), storedBytes(*one));
        // Each removed through both instances at the same moment, as a client's retry through
        // the balancer can do: subtracted once, however the two interleave.
        for (int i = 0; i < 20; ++i) {
            auto first = one->remove(names[i]);
            auto second = two->remove(names[i]);
            first.waitForFinished();
            second.waitForFinished();
            QVERIFY(first.result() || second.result());
        }
        QCOMPARE(usedBytes(QStringLiteral("laptop")), storedBytes(*one));

        // A pack in the bucket that the database does not count, as an instance that died
        // between storing and counting it leaves: the client's upload of it is answered 409,
        // and the pack is counted then (once, however often it is sent).
        const QByteArray data = test::randomData(5000, 77);
        const QString pack = objectname::pack(QString::fromLatin1(crypto::sha256(data).toHex()));
        const auto bucket = test::clientObjects(
            m_storage,
            test::accountColumn(QStringLiteral("laptop"), QStringLiteral("id")).toString());
        QVERIFY(bucket);
        QVERIFY(bucket->put(pack, data, PutMode::CreateOnly).result());
        QCOMPARE(usedBytes(QStringLiteral("laptop")) + data.size(), storedBytes(*one));
        for (const auto &through : {one, two, one}) {
            const Status again = through->put(pack, data, PutMode::CreateOnly).result();
            QVERIFY(!again);
            QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        }
        QCOMPARE(usedBytes(QStringLiteral("laptop")), storedBytes(*one));
    }

    void instanceKilledInTheMiddleOfABackup()
    {
        Client c = makeClient(QStringLiteral("laptop"), 12, 4 * 1024 * 1024);
        auto r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto backup = c.home->start({QStringLiteral("backup")}, c.env);
        // Once packs are on their way, the first instance dies without a word.
        QTRY_VERIFY_WITH_TIMEOUT(m_one->log().contains(QStringLiteral("PUT /v1/objects/packs/")),
                                 60000);
        m_one->kill();
        QCOMPARE(backup->state(), QProcess::Running);
        r = test::CliHome::finish(*backup);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(restoreAndCompare(c), QString());
        // Nothing half-written: check reads every object back and finds each whole.
        r = c.home->run({QStringLiteral("check")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

        // The uploads the killed instance had admitted stay held (an object it stored but had
        // not counted is within its hold) until a recount counts what is stored.
        auto api = m_two->backend(c.env.value(QStringLiteral("OBNAM_ACCESS_TOKEN")).toLatin1());
        const qint64 stored = storedBytes(*api);
        QVERIFY(stored > 0);
        QVERIFY2(usedBytes(QStringLiteral("laptop"), true) >= stored,
                 qPrintable(QStringLiteral("%1 counted and held, %2 stored")
                                .arg(usedBytes(QStringLiteral("laptop"), true))
                                .arg(stored)));
        QProcess recount;
        recount.start(QStringLiteral(OBNAM_SERVER),
                      {QStringLiteral("--config"), m_two->configPath(), QStringLiteral("client"),
                       QStringLiteral("recount"), QStringLiteral("laptop")});
        QVERIFY(recount.waitForFinished(60000));
        QCOMPARE(recount.exitCode(), 0);
        QVERIFY(recount.readAllStandardOutput().contains(
            QByteArray(QByteArray::number(stored) + " bytes")));
        QCOMPARE(usedBytes(QStringLiteral("laptop")), stored);
    }

    void databaseRestartDuringABackup()
    {
        Client c = makeClient(QStringLiteral("laptop"), 24, 2 * 1024 * 1024);
        auto r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto backup = c.home->start({QStringLiteral("backup")}, c.env);
        QTRY_VERIFY_WITH_TIMEOUT(requestsServed(*m_one) + requestsServed(*m_two) > 8, 60000);
        const QString pgUp = qEnvironmentVariable("PG_UP");
        const QString pgDir = qEnvironmentVariable("PG_DIR");
        QVERIFY(run(pgUp, {QStringLiteral("stop"), pgDir}));
        QCOMPARE(backup->state(), QProcess::Running); // the restart falls inside the backup
        QTest::qWait(1000);
        QVERIFY(run(pgUp, {QStringLiteral("start"), pgDir}));
        r = test::CliHome::finish(*backup);
        // Survived (503s retried) or failed cleanly, saying so; either way the next backup
        // completes and restores.
        if (r.code != 0)
            QVERIFY2(r.err.contains(QStringLiteral("503")) ||
                         r.err.contains(QStringLiteral("unavailable")),
                     qPrintable(r.err));
        r = c.home->run({QStringLiteral("backup")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(restoreAndCompare(c), QString());
    }

    void gatewayOutageIsRetriedThenReported()
    {
        Client c = makeClient(QStringLiteral("laptop"), 24, 1024 * 1024);
        auto r = c.home->run({QStringLiteral("init")}, c.env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString cephUp = qEnvironmentVariable("CEPH_UP");
        const QString cephDir = qEnvironmentVariable("CEPH_DIR");
        const auto stopGateway = [&] {
            QFile pid(cephDir + QStringLiteral("/run/ceph-client.rgw.a.pid"));
            QVERIFY(pid.open(QIODevice::ReadOnly));
            const int gateway = pid.readAll().trimmed().toInt();
            QVERIFY(gateway > 0);
            ::kill(gateway, SIGTERM);
            QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(gateway)),
                                     30000);
        };

        // Down for a moment while a backup runs: retried, and the backup completes.
        auto backup = c.home->start({QStringLiteral("backup")}, c.env);
        QTRY_VERIFY_WITH_TIMEOUT(requestsServed(*m_one) + requestsServed(*m_two) > 4, 60000);
        stopGateway();
        QCOMPARE(backup->state(), QProcess::Running); // the outage falls inside the backup
        QTest::qWait(1500);
        QVERIFY(run(cephUp, {QStringLiteral("start"), cephDir}));
        r = test::CliHome::finish(*backup);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(restoreAndCompare(c), QString());

        // Down for good: a request is retried by the instance, then answered 503, which the
        // client retries and in the end reports.
        stopGateway();
        HttpsSettings once =
            m_two->settings(c.env.value(QStringLiteral("OBNAM_ACCESS_TOKEN")).toLatin1());
        once.maxAttempts = 1;
        HttpsBackend direct(once);
        const auto failed = direct.get(QStringLiteral("config")).result();
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QStringLiteral("503")),
                 qPrintable(failed.error().message));
        // The instance's log says why, where the client hears only 503.
        const QRegularExpression explained(
            QStringLiteral(" GET /v1/objects/config 503 \\d+: cannot reach [^\n]*:%1\\b")
                .arg(QUrl(qEnvironmentVariable("S3_ENDPOINT")).port()));
        QVERIFY2(m_two->log().contains(explained), qPrintable(m_two->log().right(2000)));
        QVERIFY(run(cephUp, {QStringLiteral("start"), cephDir}));
    }

    void quotaHoldsAcrossInstances()
    {
        const auto tokens = m_one->addClient(
            QStringLiteral("small"), {QStringLiteral("--quota"), QStringLiteral("3000000")});
        // Uploads of 1 MB each through both instances at once: no more than the quota is
        // taken, however they are spread.
        QList<QFuture<Status>> puts;
        std::shared_ptr<HttpsBackend> backends[] = {m_one->backend(tokens.token),
                                                    m_two->backend(tokens.token)};
        for (int i = 0; i < 8; ++i) {
            const QByteArray data = test::randomData(1000000, quint32(100 + i));
            const QString name =
                objectname::pack(QString::fromLatin1(crypto::sha256(data).toHex()));
            puts.append(backends[i % 2]->put(name, data, PutMode::CreateOnly));
        }
        int stored = 0;
        for (auto &p : puts) {
            const Status s = p.result();
            if (s)
                ++stored;
            else
                QVERIFY2(s.error().message.contains(QStringLiteral("507")) ||
                             s.error().message.contains(QStringLiteral("quota")),
                         qPrintable(s.error().toString()));
        }
        QCOMPARE(stored, 3);
    }
};

QTEST_GUILESS_MAIN(TestScaleOut)
#include "tst_scaleout.moc"
