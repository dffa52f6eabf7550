// AWS Signature Version 4 against the worked examples of Amazon's S3 documentation
// ("Signature calculations for the Authorization header"): the same keys, time and requests
// must give the same canonical requests and signatures, byte for byte.
#include "backend/SigV4.h"

#include <QtTest>

using namespace obnam::s3;

namespace {

const Credentials kExample{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", {}};
const QDateTime kWhen(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC);
const QByteArray kEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

QByteArray header(const Signature &s, const QByteArray &name)
{
    for (const Header &h : s.headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

} // namespace

class TestSigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getObject()
    {
        SigningRequest r;
        r.method = "GET";
        r.host = "examplebucket.s3.amazonaws.com";
        r.path = "/test.txt";
        r.headers = {{"Range", "bytes=0-9"}};
        r.payloadSha256 = sha256Hex({});
        QCOMPARE(r.payloadSha256, kEmpty);
        const Signature s = sign(r, kExample, "us-east-1", "s3", kWhen);
        QCOMPARE(s.canonicalRequest,
                 QByteArray("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\n"
                            "range:bytes=0-9\nx-amz-content-sha256:" +
                            kEmpty +
                            "\nx-amz-date:20130524T000000Z\n\n"
                            "host;range;x-amz-content-sha256;x-amz-date\n" +
                            kEmpty));
        QCOMPARE(s.stringToSign,
                 QByteArray("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/"
                            "aws4_request\n"
                            "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
        QCOMPARE(s.signature,
                 QByteArray("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
        QCOMPARE(header(s, "Authorization"),
                 QByteArray("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/"
                            "s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;"
                            "x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba4"
                            "8dd91039c6036bdb41"));
        QCOMPARE(header(s, "X-Amz-Date"), QByteArray("20130524T000000Z"));
        QVERIFY(header(s, "X-Amz-Security-Token").isEmpty());
    }

    void putObject()
    {
        SigningRequest r;
        r.method = "PUT";
        r.host = "examplebucket.s3.amazonaws.com";
        r.path = "/test$file.text";
        r.headers = {{"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                     {"x-amz-storage-class", "REDUCED_REDUNDANCY"}};
        r.payloadSha256 = sha256Hex("Welcome to Amazon S3.");
        QCOMPARE(r.payloadSha256,
                 QByteArray("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
        const Signature s = sign(r, kExample, "us-east-1", "s3", kWhen);
        QVERIFY(s.canonicalRequest.startsWith("PUT\n/test%24file.text\n\ndate:"));
        QCOMPARE(s.signature,
                 QByteArray("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"));
    }

    void queryParametersAreSortedAndEncoded()
    {
        SigningRequest r;
        r.method = "GET";
        r.host = "examplebucket.s3.amazonaws.com";
        r.path = "/";
        r.payloadSha256 = sha256Hex({});
        r.query = {{"lifecycle", ""}};
        QCOMPARE(sign(r, kExample, "us-east-1", "s3", kWhen).signature,
                 QByteArray("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"));
        r.query = {{"prefix", "J"}, {"max-keys", "2"}};
        const Signature s = sign(r, kExample, "us-east-1", "s3", kWhen);
        QVERIFY(s.canonicalRequest.startsWith("GET\n/\nmax-keys=2&prefix=J\n"));
        QCOMPARE(s.signature,
                 QByteArray("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
    }

    void encodingAndTemporaryCredentials()
    {
        QCOMPARE(uriEncode("a b/c~d*e", true), QByteArray("a%20b/c~d%2Ae"));
        QCOMPARE(uriEncode("a/b", false), QByteArray("a%2Fb"));
        QCOMPARE(uriEncode("\xc3\xa9", false), QByteArray("%C3%A9"));
        QCOMPARE(queryValue(QStringLiteral("a/b é")), QStringLiteral("a%2Fb%20%C3%A9"));
        SigningRequest r;
        r.method = "GET";
        r.host = "127.0.0.1:7480";
        r.path = "/bucket/packs/ab";
        r.payloadSha256 = "UNSIGNED-PAYLOAD";
        Credentials temporary = kExample;
        temporary.sessionToken = "token";
        const Signature s = sign(r, temporary, "us-east-1", "s3", kWhen);
        QCOMPARE(header(s, "X-Amz-Security-Token"), QByteArray("token"));
        QVERIFY(header(s, "Authorization").contains("x-amz-security-token"));
        QVERIFY(s.canonicalRequest.contains("host:127.0.0.1:7480\n"));
        // The secret never appears in what is sent.
        for (const Header &h : s.headers)
            QVERIFY(!h.second.contains(kExample.secretKey));
    }

    void theSignedHostIsTheOneQtSends()
    {
        // Qt writes the port whenever the URL has one, and brackets an IPv6 address: the
        // signature must cover the same text, or every request is refused.
        QCOMPARE(hostHeader(QUrl(QStringLiteral("https://s3.example.net"))),
                 QByteArray("s3.example.net"));
        QCOMPARE(hostHeader(QUrl(QStringLiteral("https://s3.example.net:443"))),
                 QByteArray("s3.example.net:443"));
        QCOMPARE(hostHeader(QUrl(QStringLiteral("http://127.0.0.1:7480"))),
                 QByteArray("127.0.0.1:7480"));
        QCOMPARE(hostHeader(QUrl(QStringLiteral("http://[::1]:9000"))), QByteArray("[::1]:9000"));
        QCOMPARE(hostHeader(QUrl(QString::fromUtf8("https://b\xc3\xbc"
                                                   "cher.example"))),
                 QByteArray("xn--bcher-kva.example"));
    }
};

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
