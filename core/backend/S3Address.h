#pragma once

#include "support/Result.h"

#include <QString>
#include <QUrl>

namespace obnam::s3 {

// Where a bucket is, as obnam.yaml's server_url and server.yaml's storage name it:
// s3://HOST[:PORT]/BUCKET[/PREFIX] over HTTPS, s3+http://… over plain HTTP.
struct Address
{
    QUrl endpoint; // https://HOST[:PORT] or http://HOST[:PORT]
    QString bucket;
    QString prefix; // "" or "some/where/"
    bool plainHttp = false;
};

bool isAddress(const QString &url);
// An error's message says what is wrong, worded to follow "configuration key 'KEY' ".
Result<Address> parseAddress(const QString &url);

} // namespace obnam::s3
