#pragma once

#include "ConfigReader.h"
#include "Paths.h"
#include "S3Location.h"

namespace obnam::client {

bool isS3Url(const QString &url);

// Reads the URL and the s3_* keys. Credentials: s3_access_key_id with s3_secret_access_key,
// else AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), else the profile
// (s3_profile, AWS_PROFILE or "default") of AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials.
// The region: s3_region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region in
// AWS_CONFIG_FILE or ~/.aws/config, else us-east-1. `warnings` gets what deserves a word.
Result<S3Location> parseS3(const QString &url, const ConfigReader &r, const Paths &paths,
                           const QString &configPath, QStringList &warnings);

// The s3_* keys obnam.yaml may hold.
const QStringList &s3Keys();

} // namespace obnam::client
