#pragma once

#include "backend/S3Backend.h"

#include <QString>

#include <memory>

namespace obnam::test {

// The objects of one client of obnam-server instances whose server.yaml says
// `storage: STORAGE`, straight in the bucket (as the instances see them): to plant or inspect
// what an instance would have left. Null when `storage` is not an S3 address.
std::shared_ptr<S3Backend> clientObjects(const QString &storage, const QString &accountId);

} // namespace obnam::test
