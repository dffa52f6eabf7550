// A repository in an S3 bucket as obnam.yaml names it: the s3:// and s3+http:// URLs, the
// s3_* keys, and the AWS environment variables and files the AWS tools use, in their order;
// every mistake named by its key, and no secret shown by `config`.
#include "ClientConfig.h"
#include "Session.h"
#include "backend/Backend.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace obnam;
using namespace obnam::client;

class TestS3Config : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString home() const { return m_tmp.path() + QStringLiteral("/home"); }

    Paths paths(const QStringList &vars = {}) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), home());
        for (const QString &v : vars) {
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            env.insert(v.left(eq), v.mid(eq + 1));
        }
        return Paths(env);
    }

    Result<ClientConfig> parse(const QByteArray &body, const QStringList &vars = {}) const
    {
        return ClientConfig::fromText("roots: [/srv]\n" + body,
                                      m_tmp.path() + QStringLiteral("/obnam.yaml"), paths(vars));
    }

    void writeHomeFile(const QString &relative, const QByteArray &text)
    {
        const QString path = home() + QLatin1Char('/') + relative;
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

    static QString failure(const Result<ClientConfig> &r)
    {
        return r ? QStringLiteral("(accepted)") : r.error().message;
    }

private Q_SLOTS:
    void init() { QDir(home()).removeRecursively(); }

    void urlAndKeysInTheConfiguration()
    {
        const auto c = parse("server_url: s3://store.example.net:8443/backups/laptop/daily\n"
                             "s3_region: eu-central-1\n"
                             "s3_access_key_id: AKIDEXAMPLE\n"
                             "s3_secret_access_key: wJalrXUtnFEMI/K7MDENG\n");
        QVERIFY2(c, qPrintable(failure(c)));
        QVERIFY(c->isS3());
        QVERIFY(!c->isLocal());
        QCOMPARE(c->s3.address.endpoint, QUrl(QStringLiteral("https://store.example.net:8443")));
        QCOMPARE(c->s3.address.bucket, QStringLiteral("backups"));
        QCOMPARE(c->s3.address.prefix, QStringLiteral("laptop/daily/"));
        QCOMPARE(c->s3.region, QByteArray("eu-central-1"));
        QCOMPARE(c->s3.credentials.accessKey, QByteArray("AKIDEXAMPLE"));
        QCOMPARE(c->s3.credentials.secretKey, QByteArray("wJalrXUtnFEMI/K7MDENG"));
        QVERIFY(c->s3.pathStyle);

        // `obnam-cli config` shows where the keys come from, never the keys.
        const QByteArray shown = QJsonDocument(c->toJson()).toJson();
        QVERIFY(!shown.contains("wJalrXUtnFEMI"));
        QVERIFY(!shown.contains("AKIDEXAMPLE"));
        QVERIFY(shown.contains("\"s3_credentials\": \"configuration\""));
        QVERIFY(shown.contains("\"s3_region\": \"eu-central-1\""));

        // The backend it makes is the S3 one, at the bucket and prefix.
        auto backend = makeBackend(*c, nullptr);
        QVERIFY(backend);
        QVERIFY2((*backend)->location().contains(QStringLiteral("s3://backups/laptop/daily/")),
                 qPrintable((*backend)->location()));
    }

    void plainHttpIsForLoopback()
    {
        const QStringList keys{QStringLiteral("AWS_ACCESS_KEY_ID=a"),
                               QStringLiteral("AWS_SECRET_ACCESS_KEY=b")};
        auto c = parse("server_url: s3+http://127.0.0.1:7480/obnam\n", keys);
        QVERIFY2(c, qPrintable(failure(c)));
        QCOMPARE(c->s3.address.endpoint, QUrl(QStringLiteral("http://127.0.0.1:7480")));
        QCOMPARE(c->s3.address.prefix, QString());
        QVERIFY(c->warnings.isEmpty());
        c = parse("server_url: s3+http://store.example.net/obnam\n", keys);
        QVERIFY(c);
        QCOMPARE(c->warnings.size(), 1);
        QVERIFY(c->warnings.first().contains(QStringLiteral("travel unencrypted")));
    }

    void environmentThenCredentialsFile()
    {
        // The environment, with a session token and a region.
        auto c = parse("server_url: s3://s3.example.net/bk1\n",
                       {QStringLiteral("AWS_ACCESS_KEY_ID=envid"),
                        QStringLiteral("AWS_SECRET_ACCESS_KEY=envsecret"),
                        QStringLiteral("AWS_SESSION_TOKEN=envtoken"),
                        QStringLiteral("AWS_DEFAULT_REGION=ap-south-1")});
        QVERIFY2(c, qPrintable(failure(c)));
        QCOMPARE(c->s3.credentials.accessKey, QByteArray("envid"));
        QCOMPARE(c->s3.credentials.sessionToken, QByteArray("envtoken"));
        QCOMPARE(c->s3.credentialSource, QStringLiteral("environment"));
        QCOMPARE(c->s3.region, QByteArray("ap-south-1"));

        // Keys in the configuration win over the environment, as the AWS tools have it.
        c = parse("server_url: s3://s3.example.net/bk1\ns3_access_key_id: cfgid\n"
                  "s3_secret_access_key: cfgsecret\n",
                  {QStringLiteral("AWS_ACCESS_KEY_ID=envid"),
                   QStringLiteral("AWS_SECRET_ACCESS_KEY=envsecret")});
        QVERIFY(c);
        QCOMPARE(c->s3.credentials.accessKey, QByteArray("cfgid"));

        // ~/.aws/credentials and ~/.aws/config: the default profile, then a named one.
        writeHomeFile(QStringLiteral(".aws/credentials"),
                      "# keys\n[default]\naws_access_key_id = fileid\n"
                      "aws_secret_access_key = filesecret\n\n[work]\n"
                      "aws_access_key_id=workid\naws_secret_access_key=worksecret\n"
                      "aws_session_token = worktoken\n");
        writeHomeFile(QStringLiteral(".aws/config"),
                      "[default]\nregion = eu-west-3\n[profile work]\nregion = us-west-2\n");
        c = parse("server_url: s3://s3.example.net/bk1\n");
        QVERIFY2(c, qPrintable(failure(c)));
        QCOMPARE(c->s3.credentials.accessKey, QByteArray("fileid"));
        QCOMPARE(c->s3.credentials.secretKey, QByteArray("filesecret"));
        QCOMPARE(c->s3.region, QByteArray("eu-west-3"));
        QVERIFY(c->s3.credentialSource.endsWith(QStringLiteral("/.aws/credentials [default]")));
        c = parse("server_url: s3://s3.example.net/bk1\n", {QStringLiteral("AWS_PROFILE=work")});
        QVERIFY(c);
        QCOMPARE(c->s3.credentials.accessKey, QByteArray("workid"));
        QCOMPARE(c->s3.credentials.sessionToken, QByteArray("worktoken"));
        QCOMPARE(c->s3.region, QByteArray("us-west-2"));
        c = parse("server_url: s3://s3.example.net/bk1\ns3_profile: work\ns3_region: eu-north-1\n");
        QVERIFY(c);
        QCOMPARE(c->s3.credentials.accessKey, QByteArray("workid"));
        QCOMPARE(c->s3.region, QByteArray("eu-north-1"));

        // Files elsewhere, named by the environment.
        writeHomeFile(QStringLiteral("other/creds"),
                      "[default]\naws_access_key_id=otherid\naws_secret_access_key=o\n");
        c = parse("server_url: s3://s3.example.net/bk1\n",
                  {QStringLiteral("AWS_SHARED_CREDENTIALS_FILE=~/other/creds"),
                   QStringLiteral("AWS_CONFIG_FILE=") + home() + QStringLiteral("/nowhere")});
        QVERIFY2(c, qPrintable(failure(c)));
        QCOMPARE(c->s3.credentials.accessKey, QByteArray("otherid"));
        QCOMPARE(c->s3.region, QByteArray("us-east-1"));

        // A profile that is not there is said, with the file it looked in.
        c = parse("server_url: s3://s3.example.net/bk1\ns3_profile: home\n");
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(QStringLiteral("no S3 credentials")) &&
                     c.error().message.contains(QStringLiteral("'home'")) &&
                     c.error().message.contains(home() + QStringLiteral("/.aws/credentials")),
                 qPrintable(c.error().message));
    }

    void addressing()
    {
        const QStringList keys{QStringLiteral("AWS_ACCESS_KEY_ID=a"),
                               QStringLiteral("AWS_SECRET_ACCESS_KEY=b")};
        auto c = parse("server_url: s3://s3.eu-west-1.amazonaws.com/my-backups\n", keys);
        QVERIFY(c);
        QVERIFY(!c->s3.pathStyle);
        c = parse("server_url: s3://s3.eu-west-1.amazonaws.com/my-backups\ns3_addressing: path\n",
                  keys);
        QVERIFY(c);
        QVERIFY(c->s3.pathStyle);
        c = parse("server_url: s3://minio.lan/My.Backups\ns3_addressing: virtual-host\n", keys);
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(QStringLiteral("'s3_addressing'")),
                 qPrintable(c.error().message));
    }

    void mistakesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("expected");
        const QStringList keys{QStringLiteral("AWS_ACCESS_KEY_ID=a"),
                               QStringLiteral("AWS_SECRET_ACCESS_KEY=b")};
        QTest::newRow("no bucket") << QByteArray("server_url: s3://s3.example.net\n") << keys
                                   << QStringLiteral("names no bucket");
        QTest::newRow("bad bucket") << QByteArray("server_url: s3://s3.example.net/a\n") << keys
                                    << QStringLiteral("not a valid S3 bucket name");
        QTest::newRow("dot-dot prefix")
            << QByteArray("server_url: s3://s3.example.net/bucket/../x\n") << keys
            << QStringLiteral("prefix part '..'");
        QTest::newRow("keys in the URL")
            << QByteArray("server_url: s3://id:secret@s3.example.net/bucket\n") << keys
            << QStringLiteral("must not hold credentials");
        QTest::newRow("query") << QByteArray("server_url: s3://s3.example.net/bucket?x=1\n") << keys
                               << QStringLiteral("s3://HOST[:PORT]/BUCKET");
        QTest::newRow("id without secret")
            << QByteArray("server_url: s3://s3.example.net/bucket\ns3_access_key_id: x\n") << keys
            << QStringLiteral("'s3_secret_access_key' is needed too");
        QTest::newRow("env id without secret")
            << QByteArray("server_url: s3://s3.example.net/bucket\n")
            << QStringList{QStringLiteral("AWS_ACCESS_KEY_ID=a")}
            << QStringLiteral("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together");
        QTest::newRow("no credentials") << QByteArray("server_url: s3://s3.example.net/bucket\n")
                                        << QStringList() << QStringLiteral("no S3 credentials");
        QTest::newRow("bad region")
            << QByteArray("server_url: s3://s3.example.net/bucket\ns3_region: Mars One\n") << keys
            << QStringLiteral("'s3_region'");
        QTest::newRow("bad addressing")
            << QByteArray("server_url: s3://s3.example.net/bucket\ns3_addressing: dns\n") << keys
            << QStringLiteral("must be path or virtual-host");
        QTest::newRow("s3 key for a local repository")
            << QByteArray("server_url: /media/backup\ns3_region: eu-west-1\n") << keys
            << QStringLiteral("'s3_region' only applies to an S3 repository");
        QTest::newRow("secret with a newline")
            << QByteArray("server_url: s3://s3.example.net/bucket\ns3_access_key_id: a\n"
                          "s3_secret_access_key: \"b\\nc\"\n")
            << QStringList() << QStringLiteral("contain characters keys never have");
    }

    void mistakesAreNamed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, vars);
        QFETCH(QString, expected);
        const auto c = parse(body, vars);
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(expected), qPrintable(c.error().message));
        QCOMPARE(c.error().code, ErrorCode::InvalidArgument);
    }

    void readableSecretIsWarnedAbout()
    {
        const QString path = m_tmp.path() + QStringLiteral("/shared.yaml");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("roots: [/srv]\nserver_url: s3://s3.example.net/bucket\n"
                "s3_access_key_id: a\ns3_secret_access_key: b\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        auto c = ClientConfig::load(path, paths());
        QVERIFY(c);
        QCOMPARE(c->warnings.size(), 1);
        QVERIFY(c->warnings.first().contains(QStringLiteral("chmod 600")));
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        c = ClientConfig::load(path, paths());
        QVERIFY(c);
        QVERIFY(c->warnings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestS3Config)
#include "tst_s3config.moc"
