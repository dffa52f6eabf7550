// The HTTPS backend twice over: the backend conformance suite against a real obnam-server on
// loopback (a fresh client account, so an empty namespace, per test function), and the job
// layer against a scripted access manager that answers with errors, 5xx, hangs and delays.
#include "BackendConformance.h"
#include "ServerProcess.h"
#include "TestSupport.h"
#include "backend/S3Backend.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <deque>

using namespace obnam;

namespace {

// One scripted answer.
struct Step
{
    int status = 200;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool hang = false; // never answers; only an abort ends it
    int delayMs = 0;
    QList<std::pair<QByteArray, QByteArray>> headers = {};
    bool cutAfterHead = false; // the status and headers arrive, then `error` ends the body
    int trickleEveryMs = 0;    // after the head, the body arrives a byte at a time
};

struct Script
{
    QMutex mutex;
    std::deque<Step> steps; // taken in order; when empty, fallback answers
    Step fallback;
    QList<QByteArray> seen; // "METHOD path" of every request
    QList<QByteArray> authorization;
    QList<QByteArray> bodies;
    QList<QVariant> redirectPolicies;
    std::atomic<int> inFlight{0};
    std::atomic<int> maxInFlight{0};
};

class ScriptedReply : public QNetworkReply
{
public:
    ScriptedReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, Step step,
                  qint64 uploadSize, Script *script, QObject *parent)
        : QNetworkReply(parent)
        , m_step(std::move(step))
        , m_script(script)
        , m_uploadSize(uploadSize)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly);
        const int now = ++m_script->inFlight;
        int seen = m_script->maxInFlight;
        while (now > seen && !m_script->maxInFlight.compare_exchange_weak(seen, now)) {
        }
        if (!m_step.hang)
            QTimer::singleShot(m_step.delayMs, this, [this] { complete(); });
    }

    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        done();
    }
    qint64 bytesAvailable() const override
    {
        return arrived() - m_offset + QIODevice::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = qMin<qint64>(max, arrived() - m_offset);
        memcpy(data, m_step.body.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    qint64 arrived() const { return m_step.trickleEveryMs > 0 ? m_trickled : m_step.body.size(); }

    void trickle()
    {
        if (isFinished())
            return;
        if (m_trickled == m_step.body.size())
            return done();
        ++m_trickled;
        Q_EMIT readyRead();
        Q_EMIT downloadProgress(m_trickled, m_step.body.size());
        QTimer::singleShot(m_step.trickleEveryMs, this, [this] { trickle(); });
    }

    void complete()
    {
        if (m_uploadSize > 0 && m_step.error == NoError)
            Q_EMIT uploadProgress(m_uploadSize, m_uploadSize);
        if (m_step.error != NoError && m_step.cutAfterHead) {
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_step.status);
            for (const auto &[name, value] : std::as_const(m_step.headers))
                setRawHeader(name, value);
            setError(m_step.error, QStringLiteral("scripted network error"));
        } else if (m_step.error != NoError) {
            setError(m_step.error, QStringLiteral("scripted network error"));
        } else {
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_step.status);
            for (const auto &[name, value] : std::as_const(m_step.headers))
                setRawHeader(name, value);
            if (m_step.status >= 400)
                setError(m_step.status >= 500 ? InternalServerError : ContentAccessDenied,
                         QStringLiteral("HTTP %1").arg(m_step.status));
        }
        Q_EMIT metaDataChanged();
        if (m_step.trickleEveryMs > 0)
            return trickle();
        Q_EMIT readyRead();
        if (!m_step.body.isEmpty())
            Q_EMIT downloadProgress(m_step.body.size(), m_step.body.size());
        if (isFinished())
            return; // aborted by a listener
        done();
    }
    void done()
    {
        --m_script->inFlight;
        setFinished(true);
        Q_EMIT finished();
    }

    Step m_step;
    Script *m_script;
    qint64 m_uploadSize;
    qint64 m_offset = 0;
    qint64 m_trickled = 0;
};

class ScriptedNam : public QNetworkAccessManager
{
public:
    ScriptedNam(std::shared_ptr<Script> script, QObject *parent)
        : QNetworkAccessManager(parent)
        , m_script(std::move(script))
    {}

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoing) override
    {
        Step step;
        {
            QMutexLocker lock(&m_script->mutex);
            if (!m_script->steps.empty()) {
                step = m_script->steps.front();
                m_script->steps.pop_front();
            } else {
                step = m_script->fallback;
            }
            const QByteArray verb =
                op == HeadOperation
                    ? QByteArray("HEAD")
                    : request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
            m_script->seen.append(verb + ' ' + request.url().path().toUtf8());
            m_script->authorization.append(request.rawHeader("Authorization"));
            m_script->redirectPolicies.append(
                request.attribute(QNetworkRequest::RedirectPolicyAttribute));
            m_script->bodies.append(outgoing ? outgoing->readAll() : QByteArray());
        }
        return new ScriptedReply(op, request, step, m_script->bodies.last().size(), m_script.get(),
                                 this);
    }

private:
    std::shared_ptr<Script> m_script;
};

HttpsSettings fastSettings()
{
    HttpsSettings s;
    s.baseUrl = QUrl(QStringLiteral("https://backup.invalid:8888"));
    s.accessToken = "token-for-tests";
    s.initialBackoffMs = 10;
    s.maxAttempts = 4;
    s.transferTimeoutMs = 300;
    return s;
}

std::shared_ptr<HttpsBackend> scripted(const std::shared_ptr<Script> &script,
                                       HttpsSettings settings = fastSettings())
{
    return std::make_shared<HttpsBackend>(
        std::move(settings), [script](QObject *parent) { return new ScriptedNam(script, parent); });
}

S3Settings s3Settings()
{
    S3Settings s;
    s.endpoint = QUrl(QStringLiteral("http://store.invalid:9000"));
    s.bucket = QStringLiteral("bucket");
    s.credentials = {"access", "secret", {}};
    s.http = fastSettings();
    return s;
}

HttpsConnection::NamFactory namFor(const std::shared_ptr<Script> &script)
{
    return [script](QObject *parent) {
        return new ScriptedNam(script, parent);
    };
}

const QString kPack =
    QStringLiteral("packs/ab/ab00000000000000000000000000000000000000000000000000000000000001");

} // namespace

class TestNetworkJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsCarryTheTokenAndTheBody()
    {
        auto script = std::make_shared<Script>();
        script->fallback.status = 201;
        auto backend = scripted(script);
        QVERIFY(backend->put(kPack, "payload", PutMode::CreateOnly).result());
        QCOMPARE(script->seen, QList<QByteArray>{"PUT /v1/objects/" + kPack.toLatin1()});
        QCOMPARE(script->authorization.first(), QByteArray("Bearer token-for-tests"));
        QCOMPARE(script->bodies.first(), QByteArray("payload"));
    }

    void uploadedBytesAreCounted()
    {
        auto script = std::make_shared<Script>();
        script->steps = {Step{201, {}}, Step{201, {}}, Step{400, {}}};
        auto backend = scripted(script);
        QVERIFY(backend->put(kPack, QByteArray(1000, 'a'), PutMode::CreateOnly).result());
        QVERIFY(backend->put(kPack, QByteArray(234, 'b'), PutMode::CreateOnly).result());
        QVERIFY(!backend->put(kPack, QByteArray(99, 'c'), PutMode::CreateOnly).result());
        QCOMPARE(backend->connection().bytesUploaded(), qint64(1234)); // refused bytes excluded
        QCOMPARE(backend->connection().bytesInFlight(), qint64(0));
    }

    void serverErrorsAreRetried()
    {
        auto script = std::make_shared<Script>();
        script->steps = {Step{503, "busy"}, Step{502, {}}, Step{201, {}}};
        auto backend = scripted(script);
        QVERIFY(backend->put(kPack, "x", PutMode::CreateOnly).result());
        QCOMPARE(script->seen.size(), 3);
    }

    void networkErrorsAreRetried()
    {
        auto script = std::make_shared<Script>();
        Step refused;
        refused.error = QNetworkReply::ConnectionRefusedError;
        Step reset;
        reset.error = QNetworkReply::RemoteHostClosedError;
        script->steps = {refused, reset, Step{200, "data"}};
        auto backend = scripted(script);
        auto r = backend->get(kPack).result();
        QVERIFY(r);
        QCOMPARE(*r, QByteArray("data"));
        QCOMPARE(script->seen.size(), 3);
    }

    void persistentFailureEndsAsTransientError()
    {
        auto script = std::make_shared<Script>();
        script->fallback.status = 500;
        script->fallback.body = "disk trouble";
        auto backend = scripted(script);
        auto r = backend->get(kPack).result();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Transient);
        QVERIFY2(r.error().message.contains(QStringLiteral("500")), qPrintable(r.error().message));
        QCOMPARE(r.error().path, kPack);
        QCOMPARE(script->seen.size(), 4); // maxAttempts
    }

    void clientErrorsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("400") << 400 << int(ErrorCode::InvalidArgument);
        QTest::newRow("401") << 401 << int(ErrorCode::Permanent);
        QTest::newRow("403") << 403 << int(ErrorCode::Permanent);
        QTest::newRow("409") << 409 << int(ErrorCode::AlreadyExists);
        QTest::newRow("413") << 413 << int(ErrorCode::Permanent);
        QTest::newRow("507") << 507 << int(ErrorCode::NoSpace);
    }

    void clientErrorsAreNotRetried()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        auto script = std::make_shared<Script>();
        script->fallback.status = status;
        auto backend = scripted(script);
        auto s = backend->put(kPack, "x", PutMode::CreateOnly).result();
        QVERIFY(!s);
        QCOMPARE(int(s.error().code), code);
        QCOMPARE(script->seen.size(), 1);
    }

    void aHangingReplyIsCutOffAndRetried()
    {
        auto script = std::make_shared<Script>();
        Step hang;
        hang.hang = true;
        script->steps = {hang, Step{200, "late"}};
        auto backend = scripted(script);
        QElapsedTimer timer;
        timer.start();
        auto r = backend->get(kPack).result();
        QVERIFY(r);
        QCOMPARE(*r, QByteArray("late"));
        QCOMPARE(script->seen.size(), 2);
        QVERIFY(timer.elapsed() >= 250);
    }

    void aServerThatAlwaysHangsFailsCleanly()
    {
        auto script = std::make_shared<Script>();
        script->fallback.hang = true;
        auto backend = scripted(script);
        auto r = backend->stat(kPack).result();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Transient);
        QVERIFY2(r.error().message.contains(QStringLiteral("no data moved")),
                 qPrintable(r.error().message));
        QCOMPARE(script->seen.size(), 4);
    }

    void aTricklingServerIsCutOff()
    {
        // A byte every 20 ms, never pausing for the 300 ms without progress that the watchdog
        // waits: the floor of 1,000 bytes a second allows 300 ms plus 1 ms a byte, so each try
        // ends after about a third of a second instead of the 20 s the body would take.
        auto script = std::make_shared<Script>();
        Step trickle{200, QByteArray(1000, 'x')};
        trickle.trickleEveryMs = 20;
        script->fallback = trickle;
        HttpsSettings settings = fastSettings();
        settings.minTransferRate = 1000;
        auto backend = scripted(script, settings);
        QElapsedTimer timer;
        timer.start();
        const auto r = backend->get(kPack).result();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Transient);
        QVERIFY2(r.error().message.contains(QStringLiteral("under 1000 bytes a second")),
                 qPrintable(r.error().message));
        QCOMPARE(script->seen.size(), 4);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));

        // At the same pace, a body small enough to arrive well within its allowance (80 ms of
        // the 304 ms it may take) is taken whole.
        script->fallback.body = QByteArray(4, 'y');
        script->seen.clear();
        const auto small = backend->get(kPack).result();
        QVERIFY2(small, qPrintable(small ? QString() : small.error().message));
        QCOMPARE(*small, QByteArray(4, 'y'));
        QCOMPARE(script->seen.size(), 1);
    }

    void statReadsTheObjectSize()
    {
        auto script = std::make_shared<Script>();
        Step head{200, {}};
        head.headers = {{"X-Object-Size", "12345"}};
        Step noSize{200, {}};
        script->steps = {head, noSize};
        auto backend = scripted(script);
        QCOMPARE(*backend->stat(kPack).result(), qint64(12345));
        QCOMPARE(backend->stat(kPack).result().error().code, ErrorCode::Corrupt);
    }

    void aListWithForeignNamesIsNotBelieved()
    {
        auto script = std::make_shared<Script>();
        script->steps = {Step{200, kPack.toLatin1() + "\n../../etc/passwd\n"}};
        auto backend = scripted(script);
        QCOMPARE(backend->list(QStringLiteral("packs/")).result().error().code, ErrorCode::Corrupt);
    }

    void aShortRangeIsCorrupt()
    {
        auto script = std::make_shared<Script>();
        script->steps = {Step{206, "abc"}};
        auto backend = scripted(script);
        QCOMPARE(backend->getRange(kPack, 0, 10).result().error().code, ErrorCode::Corrupt);
    }

    void uploadsRunInParallel()
    {
        auto script = std::make_shared<Script>();
        script->fallback.status = 201;
        script->fallback.delayMs = 100;
        auto backend = scripted(script);
        QList<QFuture<Status>> puts;
        for (int i = 0; i < 12; ++i)
            puts.append(backend->put(kPack, "x", PutMode::CreateOnly));
        for (auto &p : puts)
            QVERIFY(p.result());
        // Each job is handed to the access manager at once; it is Qt that queues beyond six
        // connections per host, not the backend.
        QCOMPARE(script->maxInFlight.load(), 12);
    }

    void anAnswerCutOffAfterItsHeadIsTriedAgain()
    {
        // The status arrives, then the connection drops in the body: not the object, and not
        // to be kept as if it were.
        auto script = std::make_shared<Script>();
        Step cut{200, "the first half", QNetworkReply::RemoteHostClosedError};
        cut.cutAfterHead = true;
        Step shortOne{200,   "the first", QNetworkReply::NoError,
                      false, 0,           {{"Content-Length", "42"}}};
        script->steps = {cut, shortOne, Step{200, "the whole of it"}};
        auto backend = scripted(script);
        const auto got = backend->get(kPack).result();
        QVERIFY2(got, qPrintable(got ? QString() : got.error().toString()));
        QCOMPARE(*got, QByteArray("the whole of it"));
        QCOMPARE(script->seen.size(), 3);
    }

    void anAnswerLargerThanAskedForIsCutOff()
    {
        // Ten bytes asked for, 200 KiB sent: a broken or hostile server, not the object, and
        // not worth asking again.
        auto script = std::make_shared<Script>();
        script->fallback = Step{206, QByteArray(200 * 1024, 'x')};
        auto backend = scripted(script);
        const auto got = backend->getRange(kPack, 0, 10).result();
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::Corrupt);
        QVERIFY2(got.error().message.contains(QStringLiteral("more than was asked for")),
                 qPrintable(got.error().message));
        QCOMPARE(script->seen.size(), 1);
        // What was asked for, and an error document in its place, still go through.
        script->fallback = Step{206, QByteArray(10, 'y')};
        QCOMPARE(backend->getRange(kPack, 0, 10).result().value(), QByteArray(10, 'y'));
    }

    void aWholeObjectHasACeilingToo()
    {
        // A whole object is asked for without a length: the answer may still not exceed the
        // most an object can be (lowered here from 2 GiB), so a server that sends without
        // end cannot fill memory.
        auto script = std::make_shared<Script>();
        script->fallback = Step{200, QByteArray(5000, 'x')};
        HttpsSettings settings = fastSettings();
        settings.maxResponseBytes = 4096;
        auto backend = scripted(script, settings);
        const auto got = backend->get(kPack).result();
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::Corrupt);
        QVERIFY2(got.error().message.contains(QStringLiteral("larger than the 4096 bytes")),
                 qPrintable(got.error().message));
        QCOMPARE(script->seen.size(), 1);
        script->fallback = Step{200, QByteArray(4096, 'y')};
        QCOMPARE(backend->get(kPack).result().value(), QByteArray(4096, 'y'));
    }

    void redirectsAreReportedNotFollowed()
    {
        auto script = std::make_shared<Script>();
        script->fallback = Step{302,   {}, QNetworkReply::NoError,
                                false, 0,  {{"Location", "https://elsewhere.invalid/v1/objects"}}};
        auto backend = scripted(script);
        const auto got = backend->get(kPack).result();
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::Permanent);
        QVERIFY2(got.error().message.contains(QStringLiteral("https://elsewhere.invalid")),
                 qPrintable(got.error().message));
        QCOMPARE(script->seen.size(), 1); // not tried again either
        // Qt would follow it itself (with the token) unless told not to.
        QCOMPARE(script->redirectPolicies.first().toInt(),
                 int(QNetworkRequest::ManualRedirectPolicy));
    }

    // S3: a create-only write whose first attempt stored the object but lost its answer is
    // refused by the retry (412). The object's ETag says whether it holds these bytes.
    void anS3WriteStoredByAnEarlierAttemptIsConfirmed_data()
    {
        QTest::addColumn<QByteArray>("etag");
        QTest::addColumn<bool>("stored");
        const QByteArray md5 = QCryptographicHash::hash("payload", QCryptographicHash::Md5).toHex();
        QTest::newRow("its own bytes") << QByteArray('"' + md5 + '"') << true;
        QTest::newRow("other bytes") << QByteArray("\"0123456789abcdef0123456789abcdef\"") << false;
    }

    void anS3WriteStoredByAnEarlierAttemptIsConfirmed()
    {
        QFETCH(QByteArray, etag);
        QFETCH(bool, stored);
        auto script = std::make_shared<Script>();
        script->steps = {Step{503, "busy"}, Step{412, {}},
                         Step{200, {}, {}, false, 0, {{"ETag", etag}}}};
        S3Backend s3(s3Settings(), namFor(script));
        const Status put = s3.put(kPack, "payload", PutMode::CreateOnly).result();
        QCOMPARE(bool(put), stored);
        if (!stored)
            QCOMPARE(put.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(script->seen.size(), 3);
        QVERIFY(script->seen.last().startsWith("HEAD "));
    }

    void anS3ListingSkipsFoldersAndIsFollowedToItsEnd()
    {
        // An empty "folder" object, as a console makes, is not a name of the repository.
        auto script = std::make_shared<Script>();
        const QByteArray page = "<ListBucketResult><Contents><Key>packs/</Key><Size>0</Size>"
                                "</Contents><Contents><Key>" +
                                kPack.toLatin1() +
                                "</Key><Size>3</Size></Contents>"
                                "<IsTruncated>false</IsTruncated></ListBucketResult>";
        script->steps = {Step{200, page}};
        S3Backend s3(s3Settings(), namFor(script));
        const auto listed = s3.list(QStringLiteral("packs/")).result();
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().toString()));
        QCOMPARE(*listed, QStringList{kPack});

        // More to come but no way to ask for it, or a way that leads back to the same page:
        // an error, not a short list, and not a loop.
        for (const QByteArray &next : {QByteArray(), QByteArray("t1")}) {
            const QByteArray truncated =
                "<ListBucketResult><Contents><Key>" + kPack.toLatin1() +
                "</Key><Size>3</Size></Contents><IsTruncated>true</IsTruncated>" +
                (next.isEmpty() ? QByteArray()
                                : "<NextContinuationToken>" + next + "</NextContinuationToken>") +
                "</ListBucketResult>";
            script->steps = {};
            script->fallback = Step{200, truncated};
            script->seen.clear();
            const auto cut = s3.list(QStringLiteral("packs/")).result();
            QVERIFY(!cut);
            QCOMPARE(cut.error().code, ErrorCode::Corrupt);
            QVERIFY(script->seen.size() <= 2);
        }
    }

    void anS3WriteRefusedAtOnceIsNotLookedAt()
    {
        // Refused at the first attempt: the name was taken before, by another writer.
        auto script = std::make_shared<Script>();
        script->steps = {Step{412, {}}};
        S3Backend s3(s3Settings(), namFor(script));
        const Status put = s3.put(kPack, "payload", PutMode::CreateOnly).result();
        QVERIFY(!put);
        QCOMPARE(put.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(script->seen.size(), 1);
    }

    void anS3CompletionSentAgainIsConfirmed()
    {
        // A multipart upload whose completion succeeded, its answer lost: the completion sent
        // again finds the upload gone. The object's ETag is that of these parts.
        S3Settings settings = s3Settings();
        settings.multipartThreshold = 10;
        settings.partSize = 8;
        const QByteArray data("twenty bytes of data");
        QList<QByteArray> parts;
        QByteArray digests;
        for (qsizetype at = 0; at < data.size(); at += settings.partSize) {
            const QByteArray md5 =
                QCryptographicHash::hash(data.mid(at, settings.partSize), QCryptographicHash::Md5);
            digests += md5;
            parts.append('"' + md5.toHex() + '"');
        }
        const QByteArray whole =
            QCryptographicHash::hash(digests, QCryptographicHash::Md5).toHex() + "-3";
        auto script = std::make_shared<Script>();
        script->steps = {
            Step{404, {}}, // not there yet
            Step{200, "<InitiateMultipartUploadResult><UploadId>u1</UploadId>"
                      "</InitiateMultipartUploadResult>"},
            Step{200, {}, {}, false, 0, {{"ETag", parts[0]}}},
            Step{200, {}, {}, false, 0, {{"ETag", parts[1]}}},
            Step{200, {}, {}, false, 0, {{"ETag", parts[2]}}},
            Step{503, "busy"},                                          // answer lost
            Step{404, "<Error><Code>NoSuchUpload</Code></Error>"},      // completed
            Step{200, {}, {}, false, 0, {{"ETag", '"' + whole + '"'}}}, // HEAD
        };
        S3Backend s3(settings, namFor(script));
        const Status put = s3.put(kPack, data, PutMode::CreateOnly).result();
        QVERIFY2(put, qPrintable(put ? QString() : put.error().toString()));
        QCOMPARE(script->seen.size(), 8);
        QVERIFY(script->seen.last().startsWith("HEAD "));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    {
        TestNetworkJobs jobs;
        failures += QTest::qExec(&jobs, argc, argv);
    }
    {
        test::ServerProcess server;
        if (!server.start()) {
            qCritical("obnam-server did not start:\n%s", qPrintable(server.log()));
            return 1;
        }
        int clients = 0;
        test::BackendConformance conformance([&server, &clients] {
            const auto tokens = server.addClient(QStringLiteral("conformance-%1").arg(++clients));
            return std::shared_ptr<Backend>(server.backend(tokens.token));
        });
        conformance.setObjectName(QStringLiteral("HttpsBackend"));
        failures += QTest::qExec(&conformance, argc, argv);
    }
    return failures == 0 ? 0 : 1;
}

#include "tst_httpsbackend.moc"
