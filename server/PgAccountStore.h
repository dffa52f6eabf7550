#pragma once

#include "AccountStore.h"
#include "Database.h"

#include <functional>
#include <memory>

namespace obnam::server {

// Client accounts in PostgreSQL, shared by every obnam-server instance that names the same
// database. Each request looks its token up by hash (an index), so an account added, rotated
// or removed through one instance counts at once on all of them. The schema is created and
// migrated by open() from the version recorded in obnam_schema, under a lock, so instances
// that start together migrate once.
class PgAccountStore final : public AccountStore
{
public:
    // The schema version this program writes and reads.
    static constexpr int kSchemaVersion = 4;
    // How long an account's holds for uploads in progress last after its latest one: an
    // instance killed in the middle of uploads cannot give its holds back, and they are
    // forgotten once the account has made no new upload for this long (far longer than an
    // upload of the largest body takes on a slow line).
    static constexpr int kHoldHours = 6;

    static Result<std::unique_ptr<PgAccountStore>> open(const DatabaseSettings &settings);

    Result<QList<ClientAccount>> list() override;
    Result<NewTokens> add(const QString &name, bool appendOnly, qint64 quotaBytes) override;
    Status remove(const QString &name) override;
    Result<NewTokens> rotate(const QString &name) override;
    Result<std::optional<Caller>> authenticate(const QByteArray &token) override;
    bool keepsUsage() const override { return true; }
    Result<bool> reserve(const QString &accountId, qint64 bytes, qint64 quotaBytes) override;
    Status release(const QString &accountId, qint64 bytes) override;
    Status objectStored(const QString &accountId, const QString &name, qint64 bytes,
                        qint64 replacedBytes) override;
    Status objectRemoved(const QString &accountId, const QString &name, qint64 bytes) override;
    // The bytes the database counts as stored for a client, and those held for its uploads in
    // progress (tests, `client recount`).
    Result<qint64> usedBytes(const QString &name);
    Result<qint64> heldBytes(const QString &name);
    // Sets what the database knows of an account's objects, and its usage, from what is stored
    // (`client recount`), correcting what an instance killed in the middle of an upload left
    // uncounted. `inventory` lists the store while the account's row is locked, so that no
    // object is stored or removed between the listing and the count; holds are left alone.
    // From then on each object's size is known (an account from before schema version 3 is
    // counted by changes until it is recounted).
    using Inventory = std::function<Result<QHash<QString, qint64>>()>;
    Result<QHash<QString, qint64>> recount(const QString &accountId, const Inventory &inventory);

    // Adds an account exactly as another store kept it (its id, token hashes, quota) with the
    // objects it stores, and notes its id as migrated, in one transaction (`migrate`): its
    // clients keep their tokens. AlreadyExists when its name, id or a token is taken.
    Status adopt(const ClientAccount &account, const QHash<QString, qint64> &objects);
    // Whether adopt() ever added the account of this id, even if it was removed since.
    Result<bool> wasMigrated(const QString &accountId);

    Database &database() { return m_db; }

private:
    explicit PgAccountStore(const DatabaseSettings &settings);
    // `work` in a transaction that holds the account's row, told whether its objects are
    // known (objects_tracked); an account removed meanwhile is left alone.
    Status changeObjects(const QString &accountId,
                         const std::function<Status(QSqlDatabase &, bool tracked)> &work);
    // Within a transaction on `db`: the account's objects as given, its usage their sum.
    Status replaceObjects(QSqlDatabase &db, const QString &accountId,
                          const QHash<QString, qint64> &objects);
    Result<qint64> accountColumn(const QString &name, const QString &column);
    Status migrate();
    // Within migrate()'s transaction: the schema brought from its recorded version to this
    // program's.
    Status upgradeSchema(QSqlDatabase &db);

    Database m_db;
};

} // namespace obnam::server
