// The S3 backend against a real S3 store (tests/with-s3.sh starts a single-node Ceph RADOS
// Gateway and passes its endpoint and keys in S3_ENDPOINT, AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY): the backend conformance suite in path and virtual-host style, lists
// longer than one page, multipart uploads, and the errors a wrong key or a missing bucket give.
#include "BackendConformance.h"
#include "TestSupport.h"
#include "backend/ObjectName.h"
#include "backend/S3Backend.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QtTest>

using namespace obnam;

namespace {

S3Settings settingsFromEnvironment(const QString &bucket)
{
    S3Settings s;
    s.endpoint = QUrl(qEnvironmentVariable("S3_ENDPOINT"));
    s.bucket = bucket;
    s.region = qEnvironmentVariable("AWS_DEFAULT_REGION", QStringLiteral("us-east-1")).toUtf8();
    s.credentials.accessKey = qgetenv("AWS_ACCESS_KEY_ID");
    s.credentials.secretKey = qgetenv("AWS_SECRET_ACCESS_KEY");
    s.http.maxAttempts = 3;
    s.http.initialBackoffMs = 100;
    return s;
}

QString uniquePrefix()
{
    static int n = 0;
    return QStringLiteral("t%1-%2/").arg(++n).arg(QRandomGenerator::global()->generate(), 8, 16,
                                                  QLatin1Char('0'));
}

// Virtual-host addressing without DNS: requests for BUCKET.S3_DNS_NAME:PORT go to 127.0.0.1
// with their Host header kept, as a resolver would send them. The gateway knows its DNS name
// (rgw dns name) and takes the bucket from the Host.
class LoopbackResolver final : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &original,
                                 QIODevice *data) override
    {
        QNetworkRequest request(original);
        QUrl url = request.url();
        request.setRawHeader("Host", url.authority().toUtf8());
        url.setHost(QStringLiteral("127.0.0.1"));
        request.setUrl(url);
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

S3Settings virtualHostSettings()
{
    S3Settings s = settingsFromEnvironment(QStringLiteral("obnam-test"));
    s.endpoint.setHost(qEnvironmentVariable("S3_DNS_NAME"));
    s.pathStyle = false;
    s.prefix = uniquePrefix();
    return s;
}

// Multipart uploads started in the bucket and neither completed nor aborted (ListMultipartUploads),
// counted with a plain signed request.
int pendingUploads(const S3Settings &s)
{
    QNetworkAccessManager nam;
    QUrl url = s.endpoint;
    url.setPath(QLatin1Char('/') + s.bucket);
    url.setQuery(QStringLiteral("uploads"));
    s3::SigningRequest r;
    r.method = "GET";
    r.host = url.authority().toUtf8();
    r.path = url.path().toUtf8();
    r.query = {{"uploads", ""}};
    r.payloadSha256 = s3::sha256Hex({});
    const auto signature =
        s3::sign(r, s.credentials, s.region, "s3", QDateTime::currentDateTimeUtc());
    QNetworkRequest request(url);
    for (const auto &[name, value] : signature.headers)
        if (name.compare("Host", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    delete reply;
    if (!body.contains("ListMultipartUploadsResult"))
        return -1;
    return int(body.count("<Upload>"));
}

} // namespace

class TestS3Backend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsLongerThanOnePage()
    {
        S3Settings s = settingsFromEnvironment(QStringLiteral("obnam-test"));
        s.prefix = uniquePrefix();
        S3Backend backend(s);
        QVERIFY(backend.createBucket().result());
        QStringList expected;
        QList<QFuture<Status>> writes;
        for (int i = 0; i < 1203; ++i) {
            const QString name = objectname::pack(QString::fromLatin1(
                QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256)
                    .toHex()));
            expected.append(name);
            writes.append(backend.put(name, QByteArray::number(i), PutMode::CreateOnly));
        }
        for (auto &w : writes)
            QVERIFY2(w.result(), qPrintable(w.result().error().toString()));
        expected.sort();
        const Result<QStringList> listed = backend.list(QStringLiteral("packs/")).result();
        QVERIFY2(listed, listed ? "" : qPrintable(listed.error().toString()));
        QCOMPARE(*listed, expected);
    }

    void aKnownHashIsSignedAndAWrongOneRefused()
    {
        S3Settings s = settingsFromEnvironment(QStringLiteral("obnam-test"));
        s.prefix = uniquePrefix();
        S3Backend backend(s);
        QVERIFY(backend.createBucket().result());
        const QByteArray data = test::randomData(300000, 7);
        const QByteArray hash = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        const QString name = objectname::pack(QString::fromLatin1(hash.toHex()));
        // A wrong hash: the store checks the body against what was signed and refuses it.
        QByteArray wrong = hash;
        wrong[0] = char(wrong[0] ^ 1);
        const Status refused = backend.putHashed(name, data, PutMode::CreateOnly, wrong).result();
        QVERIFY(!refused);
        QVERIFY2(!backend.stat(name).result(), "a body that did not match its hash was stored");
        // Its own hash: stored, and with the other listed sizes.
        const Status stored = backend.putHashed(name, data, PutMode::CreateOnly, hash).result();
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().toString()));
        QCOMPARE(backend.get(name).result().value(), data);
        const auto listed = backend.listWithSizes(QStringLiteral("packs/")).result();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().name, name);
        QCOMPARE(listed->first().size, qint64(data.size()));
    }

    void largeObjectsGoUpInParts()
    {
        S3Settings s = settingsFromEnvironment(QStringLiteral("obnam-test"));
        s.prefix = uniquePrefix();
        s.multipartThreshold = 6 * 1024 * 1024;
        s.partSize = 5 * 1024 * 1024; // S3's smallest part
        S3Backend backend(s);
        QByteArray data(12 * 1024 * 1024 + 123, Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); ++i)
            data[i] = char((i * 7919) >> 5);
        const QString name = objectname::pack(QString::fromLatin1(
            QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        const Status put = backend.put(name, data, PutMode::CreateOnly).result();
        QVERIFY2(put, qPrintable(put.error().toString()));
        QCOMPARE(*backend.stat(name).result(), data.size());
        QVERIFY(*backend.get(name).result() == data);
        QVERIFY(*backend.getRange(name, 5 * 1024 * 1024 - 10, 20).result() ==
                data.mid(5 * 1024 * 1024 - 10, 20));

        // Create-only holds for a large object too; an overwrite replaces it.
        const Status again = backend.put(name, data, PutMode::CreateOnly).result();
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        const QByteArray other = data.left(7 * 1024 * 1024) + "tail";
        const QString lock = QStringLiteral("locks/0123456789abcdef");
        const Status first = backend.put(lock, data, PutMode::Overwrite).result();
        QVERIFY2(first, qPrintable(first.error().toString()));
        QVERIFY(backend.put(lock, other, PutMode::Overwrite).result());
        QVERIFY(*backend.get(lock).result() == other);

        // A completion the store refuses (parts below its 5 MiB minimum) is an error, and
        // the upload is aborted.
        S3Settings small = s;
        small.partSize = 1024 * 1024;
        const Status refused =
            S3Backend(small)
                .put(QStringLiteral("locks/fedcba9876543210"), data, PutMode::Overwrite)
                .result();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("EntityTooSmall")),
                 qPrintable(refused.error().toString()));

        // No upload is left behind in the bucket: the store would keep its parts.
        S3Settings raw = s;
        raw.prefix.clear();
        QCOMPARE(pendingUploads(raw), 0);
        QCOMPARE(*backend.list({}).result(), (QStringList{lock, name}));
    }

    void wrongKeysAndMissingBucketsAreSaidPlainly()
    {
        S3Settings wrong = settingsFromEnvironment(QStringLiteral("obnam-test"));
        wrong.credentials.secretKey = "not-the-secret";
        S3Backend refused(wrong);
        const Result<QByteArray> r = refused.get(QStringLiteral("config")).result();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permanent);
        QVERIFY2(r.error().message.contains(QStringLiteral("check the access key")),
                 qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QStringLiteral("not-the-secret")));

        S3Backend missing(settingsFromEnvironment(QStringLiteral("no-such-bucket-here")));
        const Result<QByteArray> m = missing.get(QStringLiteral("config")).result();
        QVERIFY(!m);
        QCOMPARE(m.error().code, ErrorCode::Permanent);
        QVERIFY2(m.error().message.contains(QStringLiteral("bucket does not exist")),
                 qPrintable(m.error().message));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("S3_ENDPOINT")) {
        fprintf(stderr, "S3_ENDPOINT is not set: run this test through tests/with-s3.sh\n");
        return 1;
    }
    {
        S3Backend setup(settingsFromEnvironment(QStringLiteral("obnam-test")));
        if (auto made = setup.createBucket().result(); !made) {
            fprintf(stderr, "cannot create the test bucket: %s\n",
                    qPrintable(made.error().toString()));
            return 1;
        }
    }
    int failures = 0;
    {
        // Path style, which every store understands.
        test::BackendConformance conformance([] {
            S3Settings s = settingsFromEnvironment(QStringLiteral("obnam-test"));
            s.prefix = uniquePrefix();
            return std::make_shared<S3Backend>(s);
        });
        conformance.setObjectName(QStringLiteral("S3PathStyle"));
        failures += QTest::qExec(&conformance, argc, argv);
    }
    if (!qEnvironmentVariableIsEmpty("S3_DNS_NAME")) {
        test::BackendConformance conformance([] {
            return std::make_shared<S3Backend>(virtualHostSettings(), [](QObject *parent) {
                return new LoopbackResolver(parent);
            });
        });
        conformance.setObjectName(QStringLiteral("S3VirtualHost"));
        failures += QTest::qExec(&conformance, argc, argv);
    }
    TestS3Backend extra;
    failures += QTest::qExec(&extra, argc, argv);
    return failures == 0 ? 0 : 1;
}

#include "tst_s3backend.moc"
