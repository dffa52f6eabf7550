// The S3 backend against a real S3 store (tests/with-s3.sh starts a single-node Ceph RADOS
// Gateway and passes its endpoint and keys in S3_ENDPOINT, AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY): the backend conformance suite in path and virtual-host style, lists
// longer than one page, multipart uploads, a create-only write whose answer was lost, and the
// errors a wrong key or a missing bucket give.
#include "BackendConformance.h"
#include "TestSupport.h"
#include "backend/ObjectName.h"
#include "backend/S3Backend.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QXmlStreamReader>
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

// An answer lost on its way back: the request reaches the store, which carries it out, and the
// client hears 503 instead of the store's answer.
class LostAnswer final : public QNetworkReply
{
public:
    LostAnswer(QNetworkReply *real, QObject *parent)
        : QNetworkReply(parent)
        , m_real(real)
    {
        setRequest(real->request());
        setUrl(real->url());
        setOperation(real->operation());
        open(QIODevice::ReadOnly);
        real->setParent(this);
        connect(real, &QNetworkReply::finished, this, [this] {
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, 503);
            setError(InternalServerError, QStringLiteral("the answer was lost"));
            Q_EMIT metaDataChanged();
            setFinished(true);
            Q_EMIT finished();
        });
    }
    void abort() override { m_real->abort(); }
    qint64 bytesAvailable() const override { return QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }

private:
    QNetworkReply *m_real;
};

// Loses the answer to the first request of `verb` whose URL contains `part`.
class LossyNetwork final : public QNetworkAccessManager
{
public:
    LossyNetwork(QByteArray verb, QString part, QObject *parent)
        : QNetworkAccessManager(parent)
        , m_verb(std::move(verb))
        , m_part(std::move(part))
    {}

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        QNetworkReply *real = QNetworkAccessManager::createRequest(op, request, data);
        if (m_lost || request.attribute(QNetworkRequest::CustomVerbAttribute) != m_verb ||
            !request.url().toString().contains(m_part))
            return real;
        m_lost = true;
        return new LostAnswer(real, this);
    }

private:
    QByteArray m_verb;
    QString m_part;
    bool m_lost = false;
};

S3Settings virtualHostSettings()
{
    S3Settings s = settingsFromEnvironment(QStringLiteral("obnam-test"));
    s.endpoint.setHost(qEnvironmentVariable("S3_DNS_NAME"));
    s.pathStyle = false;
    s.prefix = uniquePrefix();
    return s;
}

// A request signed by hand, outside the backend: what another (killed) writer would have sent.
// Returns the status and the body.
QPair<int, QByteArray> signedRequest(const S3Settings &s, const QByteArray &method,
                                     const QString &key,
                                     const QList<QPair<QByteArray, QByteArray>> &query,
                                     const QByteArray &body = {})
{
    QNetworkAccessManager nam;
    QUrl url = s.endpoint;
    url.setPath(QLatin1Char('/') + s.bucket + (key.isEmpty() ? QString() : QLatin1Char('/') + key));
    QStringList parts;
    for (const auto &[name, value] : query)
        parts.append(QString::fromLatin1(name + '=' + s3::uriEncode(value, false)));
    url.setQuery(parts.join(QLatin1Char('&')));
    s3::SigningRequest r;
    r.method = method;
    r.host = url.authority().toUtf8();
    r.path = url.path().toUtf8();
    r.query = query;
    r.payloadSha256 = s3::sha256Hex(body);
    const auto signature =
        s3::sign(r, s.credentials, s.region, "s3", QDateTime::currentDateTimeUtc());
    QNetworkRequest request(url);
    for (const auto &[name, value] : signature.headers)
        if (name.compare("Host", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QPair<int, QByteArray> answer{
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return answer;
}

// Multipart uploads started below the settings' prefix (the whole bucket when it has none) and
// neither completed nor aborted (ListMultipartUploads).
int pendingUploads(const S3Settings &s)
{
    QList<QPair<QByteArray, QByteArray>> query{{"uploads", ""}};
    if (!s.prefix.isEmpty())
        query.prepend({"prefix", s.prefix.toUtf8()});
    const QByteArray body = signedRequest(s, "GET", {}, query).second;
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

        // A backend given up while its listing is on its way (a second page still to ask
        // for) ends the listing and waits for it in its destructor, instead of leaving the
        // listing a dangling object: the listing is whole, or says it was cut short.
        QFuture<Result<QStringList>> pending;
        {
            S3Backend shortLived(s);
            pending = shortLived.list(QStringLiteral("packs/"));
        }
        QVERIFY(pending.isFinished());
        const Result<QStringList> cut = pending.result();
        QVERIFY2(cut ? *cut == expected : cut.error().code == ErrorCode::Cancelled,
                 qPrintable(cut ? QString::number(cut->size()) : cut.error().toString()));
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

    void aWriteWhoseAnswerWasLostIsNotReportedAsRefused()
    {
        // The store stores a create-only write, its answer is lost, and the retry is refused
        // because the name is taken, by this write itself: the object's ETag shows that.
        S3Settings s = settingsFromEnvironment(QStringLiteral("obnam-test"));
        s.prefix = uniquePrefix();
        const auto packOf = [](const QByteArray &data) {
            return objectname::pack(QString::fromLatin1(
                QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        };
        const QByteArray small("a pack whose answer is lost");
        S3Backend once(s, [](QObject *parent) {
            return new LossyNetwork("PUT", QStringLiteral("/packs/"), parent);
        });
        const Status put = once.put(packOf(small), small, PutMode::CreateOnly).result();
        QVERIFY2(put, qPrintable(put ? QString() : put.error().toString()));
        QVERIFY(*once.get(packOf(small)).result() == small);
        // Another writer's object of that name is still refused.
        const Status other = S3Backend(s).put(packOf(small), small, PutMode::CreateOnly).result();
        QVERIFY(!other);
        QCOMPARE(other.error().code, ErrorCode::AlreadyExists);

        // In parts: the completion's answer is lost, and the retry finds the upload gone.
        s.multipartThreshold = 6 * 1024 * 1024;
        s.partSize = 5 * 1024 * 1024;
        QByteArray large(11 * 1024 * 1024 + 7, Qt::Uninitialized);
        for (qsizetype i = 0; i < large.size(); ++i)
            large[i] = char((i * 104729) >> 7);
        S3Backend parts(s, [](QObject *parent) {
            return new LossyNetwork("POST", QStringLiteral("uploadId="), parent);
        });
        const Status multipart = parts.put(packOf(large), large, PutMode::CreateOnly).result();
        QVERIFY2(multipart, qPrintable(multipart ? QString() : multipart.error().toString()));
        QVERIFY(*parts.get(packOf(large)).result() == large);
        QCOMPARE(pendingUploads(s), 0);
    }

    void unfinishedUploadsAreAbortedOnceStale()
    {
        // A writer killed in the middle of a multipart upload leaves it, and its parts, in
        // the bucket; removeStaleTemporaries() aborts it once it is old enough.
        S3Settings s = settingsFromEnvironment(QStringLiteral("obnam-test"));
        s.prefix = uniquePrefix();
        S3Backend backend(s);
        QVERIFY(backend.createBucket().result());
        // A name the repository would use: the store's other uploads are never touched.
        const QString key =
            s.prefix +
            objectname::pack(QString::fromLatin1(
                QCryptographicHash::hash("abandoned", QCryptographicHash::Sha256).toHex()));
        const auto start = [&](const QString &name) {
            const auto started = signedRequest(s, "POST", name, {{"uploads", ""}});
            QXmlStreamReader xml(started.second);
            QString id;
            while (!xml.atEnd())
                if (xml.readNext() == QXmlStreamReader::StartElement &&
                    xml.name() == QLatin1String("UploadId"))
                    id = xml.readElementText();
            return started.first == 200 ? id : QString();
        };
        const QString uploadId = start(key);
        QVERIFY(!uploadId.isEmpty());
        // Another program's upload under the same prefix: not a name of the repository's.
        const QString foreignKey = s.prefix + QStringLiteral("not-ours/video.mkv");
        const QString foreignId = start(foreignKey);
        QVERIFY(!foreignId.isEmpty());
        const QByteArray part(4096, 'p');
        QCOMPARE(signedRequest(s, "PUT", key,
                               {{"partNumber", "1"}, {"uploadId", uploadId.toUtf8()}}, part)
                     .first,
                 200);
        QCOMPARE(pendingUploads(s), 2);

        // Younger than the limit: kept, since its writer may still be at work.
        const Result<qint64> young = backend.removeStaleTemporaries(3600);
        QVERIFY2(young, qPrintable(young ? QString() : young.error().toString()));
        QCOMPARE(*young, qint64(0));
        QCOMPARE(pendingUploads(s), 2);
        // Old enough (no limit): aborted, and its part's bytes counted.
        QTest::qWait(1100); // the store records the start to the second
        const Result<qint64> freed = backend.removeStaleTemporaries(0);
        QVERIFY2(freed, qPrintable(freed ? QString() : freed.error().toString()));
        QCOMPARE(*freed, qint64(part.size()));
        QCOMPARE(pendingUploads(s), 1); // the other program's
        QVERIFY(backend.list({}).result()->isEmpty());
        QCOMPARE(signedRequest(s, "DELETE", foreignKey, {{"uploadId", foreignId.toUtf8()}}).first,
                 204);
        QCOMPARE(pendingUploads(s), 0);

        // Several repositories below the prefix, as obnam-server keeps them: the caller says
        // which keys are its own.
        const QString nested = s.prefix + QStringLiteral("clients/one/") + key.mid(s.prefix.size());
        QVERIFY(!start(nested).isEmpty());
        QTest::qWait(1100);
        QCOMPARE(backend.removeStaleTemporaries(0).value(), qint64(0)); // not a repository name
        QCOMPARE(pendingUploads(s), 1);
        const auto ours = [](const QString &k) {
            return k.startsWith(QStringLiteral("clients/one/")) && objectname::validate(k.mid(12));
        };
        QVERIFY(backend.removeStaleUploads(0, ours));
        QCOMPARE(pendingUploads(s), 0);
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
