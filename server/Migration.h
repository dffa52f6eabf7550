#pragma once

#include "AccountStore.h"

#include <functional>
#include <memory>

namespace obnam {
class S3Backend;
}

namespace obnam::server {

class ObjectStore;
class PgAccountStore;

// `obnam-server migrate`: moves a server that kept its accounts in clients.json (and its
// objects in clients/ of the data directory) to the database and bucket server.yaml now names.
// Each account keeps its id and token hashes, so clients go on with the tokens they have. The
// data directory is only read: it stays as it was until the administrator removes it.
//
// A run can be repeated: after an interruption, what the bucket already has is not sent again,
// and what it has that the data directory no longer has is removed. An account is added to the
// database only once its objects in the bucket are exactly the data directory's, and its id is
// noted as migrated: from then on the database and the bucket are its home, and later runs
// leave it alone, even once it has been removed, since its clients may have rotated tokens,
// changed passphrases or forgotten generations there, which a second copy would undo.
class Migration
{
public:
    struct ClientOutcome
    {
        QString name;
        qint64 objects = 0; // in the data directory
        qint64 copied = 0;  // sent to the bucket by this run
        qint64 copiedBytes = 0;
        qint64 present = 0; // the bucket had them already, the same
        qint64 removed =
            0; // in the bucket from an interrupted run, no longer in the data directory
        qint64 damaged = 0;   // content-addressed, but not matching their names: copied as they are
        bool added = false;   // false: migrated by an earlier run, and left alone
        qint64 usedBytes = 0; // what the database now counts for it
    };
    // A line for the person waiting: how far a long copy is, now and then, and each damaged
    // object (`warning` true).
    using Progress = std::function<void(const QString &line, bool warning)>;

    // `bucket` is the root the instances use (clients/ID/ below it); null when objects stay in
    // the data directory (`database` set without `storage`). `objects` is where the instances
    // will read them, for the usage the database starts from.
    Migration(QString clientsDir, PgAccountStore &accounts, std::shared_ptr<S3Backend> bucket,
              ObjectStore &objects, Progress progress);
    ~Migration();

    // One account from clients.json. An account of the same name but another id in the
    // database (or the id under another name) is a conflict: nothing is copied for it.
    Result<ClientOutcome> migrate(const ClientAccount &account);

private:
    Status copyObjects(const ClientAccount &account, ClientOutcome &outcome);

    QString m_clientsDir;
    PgAccountStore &m_accounts;
    std::shared_ptr<S3Backend> m_bucket;
    ObjectStore &m_objects;
    Progress m_progress;
};

} // namespace obnam::server
