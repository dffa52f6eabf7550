#pragma once

#include "AccountStore.h"
#include "Database.h"

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
    static constexpr int kSchemaVersion = 1;

    static Result<std::unique_ptr<PgAccountStore>> open(const DatabaseSettings &settings);

    Result<QList<ClientAccount>> list() override;
    Result<NewTokens> add(const QString &name, bool appendOnly, qint64 quotaBytes) override;
    Status remove(const QString &name) override;
    Result<NewTokens> rotate(const QString &name) override;
    Result<std::optional<Caller>> authenticate(const QByteArray &token) override;

    Database &database() { return m_db; }

private:
    explicit PgAccountStore(const DatabaseSettings &settings);
    Status migrate();

    Database m_db;
};

} // namespace obnam::server
