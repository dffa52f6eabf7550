#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QUrl>

namespace obnam::s3 {

using Header = QPair<QByteArray, QByteArray>;

// An S3 user's keys. The secret and the session token are never logged or printed.
struct Credentials
{
    QByteArray accessKey;
    QByteArray secretKey;
    QByteArray sessionToken; // temporary credentials (x-amz-security-token), or empty
};

// The keys in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, trimmed: what a
// server or a tool reads (obnam-cli also honours profiles and the credentials file).
Credentials credentialsFromEnvironment();

// What a request signs: everything that reaches the wire and is covered by the signature.
struct SigningRequest
{
    QByteArray method;        // "GET", "PUT", ...
    QByteArray host;          // the Host header: "bucket.s3.example.net" or "127.0.0.1:7480"
    QByteArray path;          // unencoded: "/bucket/packs/ab/ab12"; each segment is encoded
    QList<Header> query;      // unencoded names and values ("list-type", "2")
    QList<Header> headers;    // further headers to sign (Range, If-None-Match, x-amz-*)
    QByteArray payloadSha256; // hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"
};

struct Signature
{
    QByteArray canonicalRequest; // for tests and for a store's "signature does not match"
    QByteArray stringToSign;
    QByteArray signature; // hex
    // Every header to send: the request's own, Host, X-Amz-Date, X-Amz-Content-Sha256,
    // X-Amz-Security-Token when there is one, and Authorization.
    QList<Header> headers;
};

// AWS Signature Version 4 (AWS4-HMAC-SHA256), with HMAC-SHA256 and SHA-256 from OpenSSL.
Signature sign(const SigningRequest &request, const Credentials &credentials,
               const QByteArray &region, const QByteArray &service, const QDateTime &when);

// RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - . _ ~ (and '/'
// when `keepSlash`) as %XX with upper-case hex.
QByteArray uriEncode(const QByteArray &text, bool keepSlash);
// A value for a query string: UTF-8, then uriEncode without keeping '/'.
QString queryValue(const QString &text);
QByteArray sha256Hex(const QByteArray &data);
// The Host header Qt sends for `url`, which the signature must cover word for word: the host
// (an IPv6 address in brackets) and the port whenever the URL names one, the scheme's
// default included.
QByteArray hostHeader(const QUrl &url);

} // namespace obnam::s3
