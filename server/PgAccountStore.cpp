#include "PgAccountStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace obnam::server {

namespace {

// An account's holds as they count now: none once they have expired (see kHoldHours).
#define OBNAM_LIVE_HOLDS "CASE WHEN held_until < now() THEN 0 ELSE held_bytes END"

// Each entry takes the schema from the version before it to its own number. Never edit one
// that has shipped: add the next.
const char *const kMigrations[] = {
    // 1: accounts, with their storage usage for quotas across instances.
    "CREATE TABLE obnam_accounts ("
    " name text PRIMARY KEY,"
    " id char(32) NOT NULL UNIQUE,"
    " token_sha256 char(64) NOT NULL UNIQUE,"
    " admin_token_sha256 char(64) UNIQUE,"
    " append_only boolean NOT NULL DEFAULT false,"
    " quota_bytes bigint NOT NULL DEFAULT 0,"
    " used_bytes bigint NOT NULL DEFAULT 0,"
    " created timestamptz NOT NULL DEFAULT now())",
    // 2: the accounts `migrate` brought from a data directory, kept after a removal so that
    // running it again does not bring a removed account back.
    "CREATE TABLE obnam_migrated ("
    " id char(32) PRIMARY KEY,"
    " name text NOT NULL,"
    " migrated timestamptz NOT NULL DEFAULT now())",
    // 3: each account's objects and their sizes, so that usage follows what was really stored
    // and removed (an object removed through two instances at once counts once). Accounts from
    // before are counted by changes, as they were, until `client recount` fills their rows.
    "DO $$ BEGIN"
    " ALTER TABLE obnam_accounts ADD COLUMN objects_tracked boolean NOT NULL DEFAULT false;"
    " CREATE TABLE obnam_objects ("
    "  account_id char(32) NOT NULL REFERENCES obnam_accounts (id) ON DELETE CASCADE,"
    "  name text NOT NULL,"
    "  size bigint NOT NULL,"
    "  PRIMARY KEY (account_id, name));"
    " END $$",
    // 4: bytes held for uploads in progress, apart from what is stored, so that a recount
    // during uploads leaves their holds, and holds that a killed instance cannot give back
    // are forgotten kHoldHours after the account's latest upload.
    "ALTER TABLE obnam_accounts ADD COLUMN held_bytes bigint NOT NULL DEFAULT 0,"
    " ADD COLUMN held_until timestamptz NOT NULL DEFAULT now()",
};
static_assert(std::size(kMigrations) == PgAccountStore::kSchemaVersion);

// pg_advisory_xact_lock's key for migrations: "obnam" in ASCII.
constexpr qint64 kMigrationLock = 0x6f626e616d;

const QString kColumns = QStringLiteral(
    "name, id, token_sha256, coalesce(admin_token_sha256, ''), append_only, quota_bytes");

ClientAccount accountFrom(const QSqlQuery &q)
{
    ClientAccount a;
    a.name = q.value(0).toString();
    a.id = q.value(1).toString();
    a.tokenHash = q.value(2).toString();
    a.adminHash = q.value(3).toString();
    a.appendOnly = q.value(4).toBool();
    a.quotaBytes = q.value(5).toLongLong();
    return a;
}

Error noSuchClient(const QString &name)
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no such client"), name);
}

} // namespace

PgAccountStore::PgAccountStore(const DatabaseSettings &settings)
    : m_db(settings)
{}

Result<std::unique_ptr<PgAccountStore>> PgAccountStore::open(const DatabaseSettings &settings)
{
    std::unique_ptr<PgAccountStore> store(new PgAccountStore(settings));
    if (auto s = store->migrate(); !s)
        return s.error();
    return store;
}

Status PgAccountStore::migrate()
{
    return m_db.transaction(QStringLiteral("cannot commit the schema's upgrade"),
                            [this](QSqlDatabase &db) { return upgradeSchema(db); });
}

Status PgAccountStore::upgradeSchema(QSqlDatabase &db)
{
    QSqlQuery q(db);
    const auto fail = [&](const QString &what) {
        return m_db.failure(db, q.lastError(), what);
    };
    // Instances that start together wait here for the first one's migration (a lock of
    // this transaction, released by its end).
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock)))
        return fail(QStringLiteral("cannot lock the schema"));
    if (!q.exec(QStringLiteral("SELECT to_regclass('obnam_schema') IS NULL")) || !q.next())
        return fail(QStringLiteral("cannot look for the schema table"));
    if (q.value(0).toBool() &&
        !q.exec(QStringLiteral("CREATE TABLE obnam_schema (version integer NOT NULL)")))
        return fail(QStringLiteral("cannot create the schema table"));
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM obnam_schema")) || !q.next())
        return fail(QStringLiteral("cannot read the schema version"));
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the database's schema is version %1, newer than this "
                                        "obnam-server knows (%2): upgrade obnam-server")
                             .arg(version)
                             .arg(kSchemaVersion),
                         m_db.settings().display());
    for (int v = version; v < kSchemaVersion; ++v) {
        if (!q.exec(QString::fromLatin1(kMigrations[v])))
            return fail(QStringLiteral("cannot migrate the schema to version %1").arg(v + 1));
    }
    if (version < kSchemaVersion) {
        q.prepare(QStringLiteral("DELETE FROM obnam_schema"));
        if (!q.exec())
            return fail(QStringLiteral("cannot record the schema version"));
        q.prepare(QStringLiteral("INSERT INTO obnam_schema (version) VALUES (?)"));
        q.addBindValue(kSchemaVersion);
        if (!q.exec())
            return fail(QStringLiteral("cannot record the schema version"));
    }
    return {};
}

Result<QList<ClientAccount>> PgAccountStore::list()
{
    return m_db.run<QList<ClientAccount>>([this](QSqlDatabase &db) -> Result<QList<ClientAccount>> {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT ") + kColumns +
                    QStringLiteral(" FROM obnam_accounts ORDER BY created, name")))
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot list the clients"));
        QList<ClientAccount> out;
        while (q.next())
            out.append(accountFrom(q));
        return out;
    });
}

Result<AccountStore::NewTokens> PgAccountStore::add(const QString &name, bool appendOnly,
                                                    qint64 quotaBytes)
{
    if (!validClientName(name))
        return invalidClientName(name);
    const NewTokens tokens{accounts::newToken(), appendOnly ? accounts::newToken() : QString()};
    return m_db.run<NewTokens>(
        [&](QSqlDatabase &db) -> Result<NewTokens> {
            QSqlQuery q(db);
            // ON CONFLICT: a name that is taken, even by an instance adding it at this moment, is
            // refused by the primary key rather than by a look beforehand.
            q.prepare(QStringLiteral(
                "INSERT INTO obnam_accounts (name, id, token_sha256, admin_token_sha256, "
                "append_only, quota_bytes, objects_tracked) VALUES (?, ?, ?, ?, ?, ?, true) ON "
                "CONFLICT (name) DO NOTHING"));
            q.addBindValue(name);
            q.addBindValue(accounts::newAccountId());
            q.addBindValue(accounts::hashToken(tokens.token.toLatin1()));
            q.addBindValue(appendOnly ? QVariant(accounts::hashToken(tokens.adminToken.toLatin1()))
                                      : QVariant(QMetaType(QMetaType::QString)));
            q.addBindValue(appendOnly);
            q.addBindValue(quotaBytes);
            if (!q.exec())
                return m_db.failure(db, q.lastError(), QStringLiteral("cannot add the client"));
            if (q.numRowsAffected() == 0)
                return makeError(ErrorCode::AlreadyExists,
                                 QStringLiteral("a client of that name exists"), name);
            return tokens;
        },
        Database::Retry::Never);
}

Status PgAccountStore::adopt(const ClientAccount &account, const QHash<QString, qint64> &objects)
{
    if (!validClientName(account.name))
        return invalidClientName(account.name);
    const auto work = [&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        // Any conflict (name, id or token) inserts nothing, whichever constraint it meets.
        q.prepare(QStringLiteral(
            "INSERT INTO obnam_accounts (name, id, token_sha256, admin_token_sha256, "
            "append_only, quota_bytes) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
        q.addBindValue(account.name);
        q.addBindValue(account.id);
        q.addBindValue(account.tokenHash);
        q.addBindValue(account.adminHash.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                   : QVariant(account.adminHash));
        q.addBindValue(account.appendOnly);
        q.addBindValue(account.quotaBytes);
        if (!q.exec())
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot add the client"));
        if (q.numRowsAffected() == 0)
            return makeError(ErrorCode::AlreadyExists,
                             QStringLiteral("the database has a client of that name, id or "
                                            "token already"),
                             account.name);
        if (auto filled = replaceObjects(db, account.id, objects); !filled)
            return filled;
        q.prepare(QStringLiteral("INSERT INTO obnam_migrated (id, name) VALUES (?, ?) ON "
                                 "CONFLICT DO NOTHING"));
        q.addBindValue(account.id);
        q.addBindValue(account.name);
        if (!q.exec())
            return m_db.failure(db, q.lastError(),
                                QStringLiteral("cannot note the client as migrated"));
        return {};
    };
    return m_db.transaction(QStringLiteral("cannot add the client"), work);
}

Result<bool> PgAccountStore::wasMigrated(const QString &accountId)
{
    return m_db.run<bool>([&](QSqlDatabase &db) -> Result<bool> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT 1 FROM obnam_migrated WHERE id = ?"));
        q.addBindValue(accountId);
        if (!q.exec())
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot look up a migration"));
        return q.next();
    });
}

Status PgAccountStore::remove(const QString &name)
{
    return m_db.run<void>(
        [&](QSqlDatabase &db) -> Status {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("DELETE FROM obnam_accounts WHERE name = ?"));
            q.addBindValue(name);
            if (!q.exec())
                return m_db.failure(db, q.lastError(), QStringLiteral("cannot remove the client"));
            if (q.numRowsAffected() == 0)
                return noSuchClient(name);
            return {};
        },
        Database::Retry::Never);
}

Result<AccountStore::NewTokens> PgAccountStore::rotate(const QString &name)
{
    return m_db.run<NewTokens>(
        [&](QSqlDatabase &db) -> Result<NewTokens> {
            QSqlQuery q(db);
            NewTokens tokens{accounts::newToken(), accounts::newToken()};
            // One statement: the admin token is replaced only where the client has one.
            q.prepare(QStringLiteral(
                "UPDATE obnam_accounts SET token_sha256 = ?, admin_token_sha256 = CASE WHEN "
                "append_only THEN ? ELSE NULL END WHERE name = ? RETURNING append_only"));
            q.addBindValue(accounts::hashToken(tokens.token.toLatin1()));
            q.addBindValue(accounts::hashToken(tokens.adminToken.toLatin1()));
            q.addBindValue(name);
            if (!q.exec())
                return m_db.failure(db, q.lastError(), QStringLiteral("cannot rotate the tokens"));
            if (!q.next())
                return noSuchClient(name);
            if (!q.value(0).toBool())
                tokens.adminToken.clear();
            return tokens;
        },
        Database::Retry::Never);
}

Result<std::optional<Caller>> PgAccountStore::authenticate(const QByteArray &token)
{
    if (!accounts::plausibleToken(token))
        return std::optional<Caller>();
    const QString hash = accounts::hashToken(token);
    return m_db.run<std::optional<Caller>>([&](QSqlDatabase &db) -> Result<std::optional<Caller>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(" FROM obnam_accounts WHERE token_sha256 = ? OR "
                                 "admin_token_sha256 = ?"));
        q.addBindValue(hash);
        q.addBindValue(hash);
        if (!q.exec())
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot look up a token"));
        if (!q.next())
            return std::optional<Caller>();
        const ClientAccount account = accountFrom(q);
        return std::optional<Caller>(Caller{account, account.adminHash == hash});
    });
}

Result<bool> PgAccountStore::reserve(const QString &accountId, qint64 bytes, qint64 quotaBytes)
{
    return m_db.run<bool>(
        [&](QSqlDatabase &db) -> Result<bool> {
            QSqlQuery q(db);
            // One statement: the check and the hold cannot be split by another instance (a
            // second UPDATE of the row waits, then checks the row as the first left it). Holds
            // older than kHoldHours count as none. The cast: PostgreSQL types a parameter from
            // its first use, and a comparison with the literal 0 alone would make the quota a
            // 32-bit integer.
            q.prepare(QStringLiteral(
                "UPDATE obnam_accounts SET held_bytes = " OBNAM_LIVE_HOLDS
                " + ?, held_until = now() + make_interval(hours => ?) WHERE id = ? AND "
                "(?::bigint = 0 OR used_bytes + " OBNAM_LIVE_HOLDS " + ? <= ?)"));
            for (const QVariant &v : {QVariant(bytes), QVariant(kHoldHours), QVariant(accountId),
                                      QVariant(quotaBytes), QVariant(bytes), QVariant(quotaBytes)})
                q.addBindValue(v);
            if (!q.exec())
                return m_db.failure(db, q.lastError(), QStringLiteral("cannot count an upload"));
            return q.numRowsAffected() == 1;
        },
        Database::Retry::Never);
}

Status PgAccountStore::release(const QString &accountId, qint64 bytes)
{
    // In a transaction, which costs two short round trips more than the statement alone: a
    // connection that the database dropped while the upload ran (a restart) is found at its
    // start, and the hold is given back on a new one instead of being left until it expires.
    return m_db.transaction(
        QStringLiteral("cannot give a hold back"), [&](QSqlDatabase &db) -> Status {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "UPDATE obnam_accounts SET held_bytes = greatest(0, held_bytes - ?) WHERE id = ?"));
            q.addBindValue(bytes);
            q.addBindValue(accountId);
            if (!q.exec())
                return m_db.failure(db, q.lastError(), QStringLiteral("cannot give a hold back"));
            return {};
        });
}

Status PgAccountStore::changeObjects(const QString &accountId,
                                     const std::function<Status(QSqlDatabase &, bool)> &work)
{
    const auto locked = [&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        // The account's row first, in every change to its objects and usage: changes from
        // several instances then follow one another in one order (no deadlock), and each
        // reads the objects as the one before it left them.
        q.prepare(QStringLiteral(
            "SELECT objects_tracked FROM obnam_accounts WHERE id = ? FOR NO KEY UPDATE"));
        q.addBindValue(accountId);
        if (!q.exec())
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot count storage"));
        if (!q.next())
            return {}; // removed meanwhile: nothing left to count
        const bool tracked = q.value(0).toBool();
        q.finish();
        return work(db, tracked);
    };
    return m_db.transaction(QStringLiteral("cannot count storage"), locked);
}

Status PgAccountStore::objectStored(const QString &accountId, const QString &name, qint64 bytes,
                                    qint64 replacedBytes)
{
    return changeObjects(accountId, [&](QSqlDatabase &db, bool tracked) -> Status {
        QSqlQuery q(db);
        if (tracked) {
            // The size the database knows is what the object replaced, whatever a look at the
            // store saw.
            q.prepare(QStringLiteral(
                "WITH before AS (SELECT size FROM obnam_objects WHERE account_id = ? AND name = ?),"
                " noted AS (INSERT INTO obnam_objects (account_id, name, size) VALUES (?, ?, ?)"
                "  ON CONFLICT (account_id, name) DO UPDATE SET size = EXCLUDED.size)"
                " UPDATE obnam_accounts SET used_bytes = greatest(0, used_bytes + ? -"
                " coalesce((SELECT size FROM before), 0)) WHERE id = ?"));
            for (const QVariant &v :
                 {QVariant(accountId), QVariant(name), QVariant(accountId), QVariant(name),
                  QVariant(bytes), QVariant(bytes), QVariant(accountId)})
                q.addBindValue(v);
        } else {
            q.prepare(QStringLiteral("UPDATE obnam_accounts SET used_bytes = greatest(0, "
                                     "used_bytes + ?) WHERE id = ?"));
            q.addBindValue(bytes - replacedBytes);
            q.addBindValue(accountId);
        }
        if (!q.exec())
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot count storage"));
        return {};
    });
}

Status PgAccountStore::objectRemoved(const QString &accountId, const QString &name, qint64 bytes)
{
    return changeObjects(accountId, [&](QSqlDatabase &db, bool tracked) -> Status {
        QSqlQuery q(db);
        if (tracked) {
            // What the row held goes; a second removal of the same object finds no row.
            q.prepare(QStringLiteral(
                "WITH gone AS (DELETE FROM obnam_objects WHERE account_id = ? AND name = ?"
                " RETURNING size)"
                " UPDATE obnam_accounts SET used_bytes = greatest(0, used_bytes -"
                " coalesce((SELECT size FROM gone), 0)) WHERE id = ?"));
            q.addBindValue(accountId);
            q.addBindValue(name);
            q.addBindValue(accountId);
        } else {
            q.prepare(QStringLiteral("UPDATE obnam_accounts SET used_bytes = greatest(0, "
                                     "used_bytes - ?) WHERE id = ?"));
            q.addBindValue(qMax<qint64>(bytes, 0));
            q.addBindValue(accountId);
        }
        if (!q.exec())
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot count storage"));
        return {};
    });
}

Status PgAccountStore::replaceObjects(QSqlDatabase &db, const QString &accountId,
                                      const QHash<QString, qint64> &objects)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM obnam_objects WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (!q.exec())
        return m_db.failure(db, q.lastError(), QStringLiteral("cannot count storage"));
    // Many rows per statement: one line "NAME<TAB>SIZE" per object (object names hold neither
    // tabs nor line breaks), split by the database.
    qint64 total = 0;
    QString lines;
    qsizetype pending = 0;
    const auto flush = [&]() -> Status {
        if (pending == 0)
            return {};
        q.prepare(QStringLiteral(
            "INSERT INTO obnam_objects (account_id, name, size) SELECT ?, split_part(line, "
            "E'\\t', 1), split_part(line, E'\\t', 2)::bigint FROM "
            "unnest(string_to_array(?, E'\\n')) AS line"));
        q.addBindValue(accountId);
        q.addBindValue(lines);
        if (!q.exec())
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot count storage"));
        lines.clear();
        pending = 0;
        return {};
    };
    for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
        if (pending > 0)
            lines += QLatin1Char('\n');
        lines += it.key() + QLatin1Char('\t') + QString::number(it.value());
        total += it.value();
        if (++pending == 20000) {
            if (auto s = flush(); !s)
                return s;
        }
    }
    if (auto s = flush(); !s)
        return s;
    q.prepare(QStringLiteral(
        "UPDATE obnam_accounts SET used_bytes = ?, objects_tracked = true WHERE id = ?"));
    q.addBindValue(total);
    q.addBindValue(accountId);
    if (!q.exec())
        return m_db.failure(db, q.lastError(), QStringLiteral("cannot count storage"));
    return {};
}

Result<QHash<QString, qint64>> PgAccountStore::recount(const QString &accountId,
                                                       const Inventory &inventory)
{
    // Listed in each attempt of the transaction: one made again on a new connection holds
    // the row anew, and what was listed before it may have changed since.
    std::optional<Result<QHash<QString, qint64>>> listed;
    auto counted = changeObjects(accountId, [&](QSqlDatabase &db, bool) -> Status {
        listed = inventory();
        if (!*listed)
            return listed->error();
        return replaceObjects(db, accountId, **listed);
    });
    if (!counted)
        return counted.error();
    if (!listed) // removed meanwhile
        return noSuchClient(accountId);
    return std::move(*listed);
}

Result<qint64> PgAccountStore::usedBytes(const QString &name)
{
    return accountColumn(name, QStringLiteral("used_bytes"));
}

Result<qint64> PgAccountStore::heldBytes(const QString &name)
{
    return accountColumn(name, QStringLiteral(OBNAM_LIVE_HOLDS));
}

Result<qint64> PgAccountStore::accountColumn(const QString &name, const QString &column)
{
    return m_db.run<qint64>([&](QSqlDatabase &db) -> Result<qint64> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 FROM obnam_accounts WHERE name = ?").arg(column));
        q.addBindValue(name);
        if (!q.exec())
            return m_db.failure(db, q.lastError(), QStringLiteral("cannot read usage"));
        if (!q.next())
            return noSuchClient(name);
        return q.value(0).toLongLong();
    });
}

} // namespace obnam::server
