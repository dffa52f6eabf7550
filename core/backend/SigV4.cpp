#include "SigV4.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace obnam::s3 {

Credentials credentialsFromEnvironment()
{
    return {qgetenv("AWS_ACCESS_KEY_ID").trimmed(), qgetenv("AWS_SECRET_ACCESS_KEY").trimmed(),
            qgetenv("AWS_SESSION_TOKEN").trimmed()};
}

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.constData(), size_t(key.size()),
                   reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
                   out, sizeof out, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), qsizetype(length));
}

// Header values are signed trimmed, with runs of spaces inside made one.
QByteArray canonicalValue(const QByteArray &value)
{
    return value.simplified();
}

} // namespace

QByteArray sha256Hex(const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.constData(), size_t(data.size()), out, &length, EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(out), qsizetype(length)).toHex();
}

QByteArray uriEncode(const QByteArray &text, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(text.size() * 3);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~' || (keepSlash && c == '/');
        if (unreserved) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

QString queryValue(const QString &text)
{
    return QString::fromLatin1(uriEncode(text.toUtf8(), false));
}

Signature sign(const SigningRequest &request, const Credentials &credentials,
               const QByteArray &region, const QByteArray &service, const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    const QByteArray date = utc.toString(QStringLiteral("yyyyMMdd")).toLatin1();
    const QByteArray amzDate = utc.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();

    QList<Header> sent = request.headers;
    sent.append(QPair<QByteArray, QByteArray>(QByteArray("Host"), request.host));
    sent.append(
        QPair<QByteArray, QByteArray>(QByteArray("X-Amz-Content-Sha256"), request.payloadSha256));
    sent.append(QPair<QByteArray, QByteArray>(QByteArray("X-Amz-Date"), amzDate));
    if (!credentials.sessionToken.isEmpty())
        sent.append(QPair<QByteArray, QByteArray>(QByteArray("X-Amz-Security-Token"),
                                                  credentials.sessionToken));

    QList<Header> canonical;
    for (const Header &h : std::as_const(sent))
        canonical.append({h.first.toLower().trimmed(), canonicalValue(h.second)});
    std::sort(canonical.begin(), canonical.end());
    QByteArray headerBlock;
    QList<QByteArray> names;
    for (const Header &h : std::as_const(canonical)) {
        headerBlock += h.first + ':' + h.second + '\n';
        names.append(h.first);
    }
    const QByteArray signedHeaders = names.join(';');

    QList<Header> query;
    for (const Header &q : request.query)
        query.append({uriEncode(q.first, false), uriEncode(q.second, false)});
    std::sort(query.begin(), query.end());
    QList<QByteArray> pairs;
    for (const Header &q : std::as_const(query))
        pairs.append(q.first + '=' + q.second);

    Signature s;
    s.canonicalRequest = request.method + '\n' + uriEncode(request.path, true) + '\n' +
                         pairs.join('&') + '\n' + headerBlock + '\n' + signedHeaders + '\n' +
                         request.payloadSha256;
    const QByteArray scope = date + '/' + region + '/' + service + "/aws4_request";
    s.stringToSign =
        "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' + sha256Hex(s.canonicalRequest);
    QByteArray key = hmac("AWS4" + credentials.secretKey, date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    s.signature = hmac(key, s.stringToSign).toHex();
    s.headers = sent;
    s.headers.append(QPair<QByteArray, QByteArray>(
        QByteArray("Authorization"), "AWS4-HMAC-SHA256 Credential=" + credentials.accessKey + '/' +
                                         scope + ", SignedHeaders=" + signedHeaders +
                                         ", Signature=" + s.signature));
    return s;
}

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':')) // only an IPv6 address has a colon in its host
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

} // namespace obnam::s3
