#include "S3Address.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace obnam::s3 {

namespace {

Error invalid(const QString &what)
{
    return makeError(ErrorCode::InvalidArgument, what);
}

} // namespace

bool isAddress(const QString &url)
{
    return url.startsWith(QStringLiteral("s3://")) || url.startsWith(QStringLiteral("s3+http://"));
}

Result<Address> parseAddress(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!isAddress(text) || !url.isValid() || url.host().isEmpty() || url.hasQuery() ||
        url.hasFragment())
        return invalid(QCoreApplication::translate(
            "obnam", "must be s3://HOST[:PORT]/BUCKET[/PREFIX] for an S3 store"));
    if (!url.userInfo().isEmpty())
        return invalid(QCoreApplication::translate(
            "obnam", "must not hold credentials: use s3_access_key_id and "
                     "s3_secret_access_key, the AWS_* variables or ~/.aws/credentials"));
    Address a;
    a.plainHttp = url.scheme() == QStringLiteral("s3+http");
    a.endpoint.setScheme(a.plainHttp ? QStringLiteral("http") : QStringLiteral("https"));
    a.endpoint.setHost(url.host());
    a.endpoint.setPort(url.port());
    // Bucket and prefix from the path: /BUCKET[/PREFIX...].
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return invalid(QCoreApplication::translate(
            "obnam", "names no bucket: use s3://HOST/BUCKET or s3://HOST/BUCKET/PREFIX"));
    // S3's rules for bucket names, with the capitals and underscores older stores allow.
    static const QRegularExpression bucket(QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9._-]{1,61}"
                                                          "[A-Za-z0-9]\\z"));
    if (!bucket.match(parts.first()).hasMatch())
        return invalid(QCoreApplication::translate("obnam", "names the bucket '%1', which is not "
                                                            "a valid S3 bucket name (3 to 63 "
                                                            "letters, digits, dots and hyphens)")
                           .arg(parts.first()));
    a.bucket = parts.first();
    static const QRegularExpression segment(QStringLiteral("\\A[A-Za-z0-9_-][A-Za-z0-9._-]*\\z"));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (!segment.match(parts[i]).hasMatch() || parts[i] == QStringLiteral(".."))
            return invalid(QCoreApplication::translate(
                               "obnam", "has the prefix part '%1': a prefix is made of letters, "
                                        "digits, dots, hyphens and underscores between slashes")
                               .arg(parts[i]));
        a.prefix += parts[i] + QLatin1Char('/');
    }
    return a;
}

} // namespace obnam::s3
