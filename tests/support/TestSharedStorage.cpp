#include "TestSharedStorage.h"

#include "backend/S3Address.h"

namespace obnam::test {

std::shared_ptr<S3Backend> clientObjects(const QString &storage, const QString &accountId)
{
    const auto address = s3::parseAddress(storage);
    if (!address)
        return {};
    S3Settings settings = S3Settings::at(*address);
    settings.prefix += QStringLiteral("clients/") + accountId + QLatin1Char('/');
    settings.credentials = s3::credentialsFromEnvironment();
    settings.region =
        qEnvironmentVariable("AWS_DEFAULT_REGION", QStringLiteral("us-east-1")).toUtf8();
    settings.http.initialBackoffMs = 50;
    return std::make_shared<S3Backend>(std::move(settings));
}

} // namespace obnam::test
