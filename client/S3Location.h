#pragma once

#include "backend/S3Address.h"
#include "backend/SigV4.h"

#include <QString>
#include <QUrl>

namespace obnam::client {

// Where a repository straight in an S3 bucket lives and how to sign for it: server_url
// s3://HOST[:PORT]/BUCKET[/PREFIX] (HTTPS) or s3+http://... (plain HTTP, for a store on
// loopback), the s3_* keys, and what the AWS tools would use: AWS_ACCESS_KEY_ID and friends,
// ~/.aws/credentials and ~/.aws/config.
struct S3Location
{
    s3::Address address;
    QByteArray region;
    s3::Credentials credentials;
    QString credentialSource; // where the keys came from, for `obnam-cli config`
    bool pathStyle = true;

    bool isSet() const { return !address.bucket.isEmpty(); }
};

} // namespace obnam::client
