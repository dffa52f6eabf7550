// obnam-cli with a repository straight in an S3 bucket of a real store (tests/with-s3.sh starts
// a single-node Ceph RADOS Gateway and passes S3_ENDPOINT and the AWS_* keys): init creates the
// bucket, backups and restores compared by manifest, only encrypted objects in the bucket, the
// real binary with keys from ~/.aws/credentials, and wrong keys said plainly.
#include "CliRunner.h"
#include "TestSupport.h"
#include "backend/S3Backend.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

QString uniqueBucket()
{
    return QStringLiteral("obnam-cli-%1")
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

// s3+http://HOST:PORT of the store the script started.
QByteArray storeUrl()
{
    QUrl endpoint(qEnvironmentVariable("S3_ENDPOINT"));
    endpoint.setScheme(QStringLiteral("s3+http"));
    return endpoint.toString().toUtf8();
}

QProcessEnvironment awsEnvironment()
{
    QProcessEnvironment env;
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION"})
        env.insert(QLatin1String(name), qEnvironmentVariable(name));
    env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("correct horse"));
    return env;
}

void makeTree(const QString &root)
{
    QVERIFY(QDir().mkpath(root + QStringLiteral("/nested/deeper")));
    for (int i = 0; i < 12; ++i)
        QVERIFY(test::writeFile(enc(root + QStringLiteral("/file-%1").arg(i)),
                                test::randomData(200 * 1024, quint32(i + 7))));
    QVERIFY(test::writeFile(enc(root + QStringLiteral("/nested/deeper/secret-name.txt")),
                            "a line no one else should read\n"));
    QVERIFY(test::writeFile(enc(root + QStringLiteral("/nested/empty")), {}));
}

} // namespace

class TestS3Client : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("S3_ENDPOINT"))
            QSKIP("no S3 store: run through tests/with-s3.sh");
    }

    void backupAndRestoreInABucket()
    {
        test::CliHome home;
        const QString source = home.path() + QStringLiteral("/src");
        makeTree(source);
        const QString bucket = uniqueBucket();
        home.writeConfig("roots: [\"" + source.toUtf8() + "\"]\nserver_url: " + storeUrl() + '/' +
                         bucket.toUtf8() + "/laptop\n");
        const QProcessEnvironment env = awsEnvironment();

        // init creates the bucket, which did not exist.
        auto r = home.run({QStringLiteral("init")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = home.run({QStringLiteral("backup")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(home.restoreAndCompare(source, env), QString());

        // An incremental backup after a change; both generations listed.
        QVERIFY(test::writeFile(enc(source + QStringLiteral("/file-3")), "changed\n"));
        r = home.run({QStringLiteral("backup")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = home.run({QStringLiteral("list")}, env);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 2);
        r = home.run({QStringLiteral("list-files"), QStringLiteral("latest")}, env);
        QVERIFY(r.out.contains(QStringLiteral("nested/deeper/secret-name.txt")));
        QCOMPARE(home.restoreAndCompare(source, env), QString());
        r = home.run({QStringLiteral("check")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

        // The bucket holds the repository below the prefix, and nothing of it in clear.
        S3Settings s;
        s.endpoint = QUrl(qEnvironmentVariable("S3_ENDPOINT"));
        s.bucket = bucket;
        s.prefix = QStringLiteral("laptop/");
        s.region = qgetenv("AWS_DEFAULT_REGION");
        s.credentials = {qgetenv("AWS_ACCESS_KEY_ID"), qgetenv("AWS_SECRET_ACCESS_KEY"), {}};
        S3Backend store(s);
        const auto names = store.list({}).result();
        QVERIFY(names);
        QVERIFY(names->contains(QStringLiteral("config")));
        int packs = 0;
        for (const QString &name : *names) {
            const auto bytes = store.get(name).result();
            QVERIFY(bytes);
            QVERIFY2(!bytes->contains("secret-name") && !bytes->contains("no one else"),
                     qPrintable(name));
            packs += name.startsWith(QStringLiteral("packs/"));
        }
        QVERIFY(packs >= 1);
    }

    void realBinaryWithTheCredentialsFile()
    {
        test::CliHome home;
        const QString source = home.path() + QStringLiteral("/src");
        makeTree(source);
        QVERIFY(QDir().mkpath(home.home() + QStringLiteral("/.aws")));
        QVERIFY(test::writeFile(
            enc(home.home() + QStringLiteral("/.aws/credentials")),
            "[backup]\naws_access_key_id = " + qgetenv("AWS_ACCESS_KEY_ID") +
                "\naws_secret_access_key = " + qgetenv("AWS_SECRET_ACCESS_KEY") + "\n"));
        home.writeConfig("roots: [\"" + source.toUtf8() + "\"]\nserver_url: " + storeUrl() + '/' +
                         uniqueBucket().toUtf8() + "\ns3_profile: backup\n");
        QProcessEnvironment env;
        env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("correct horse"));
        auto r = home.runBinary({QStringLiteral("init")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = home.runBinary({QStringLiteral("backup")}, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(home.restoreAndCompare(source, env, QStringLiteral("latest"), true), QString());
        r = home.runBinary({QStringLiteral("config")}, env);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("/.aws/credentials [backup]")), qPrintable(r.out));
        QVERIFY(!r.out.contains(qEnvironmentVariable("AWS_SECRET_ACCESS_KEY")));
    }

    void wrongKeysAreSaidPlainly()
    {
        test::CliHome home;
        const QString source = home.path() + QStringLiteral("/src");
        makeTree(source);
        home.writeConfig("roots: [\"" + source.toUtf8() + "\"]\nserver_url: " + storeUrl() + '/' +
                         uniqueBucket().toUtf8() + "\n");
        QProcessEnvironment env = awsEnvironment();
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("not-the-secret-key"));
        const auto r = home.run({QStringLiteral("init")}, env);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("check the access key")), qPrintable(r.err));
        QVERIFY(!QString(r.out + r.err).contains(QStringLiteral("not-the-secret-key")));
    }
};

QTEST_GUILESS_MAIN(TestS3Client)
#include "tst_s3client.moc"
