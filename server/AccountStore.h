#pragma once

#include "support/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace obnam::server {

struct ClientAccount
{
    QString name;
    QString id;        // random; names the client's storage, never shown in URLs
    QString tokenHash; // hex SHA-256 of the access token; the token itself is never stored
    QString adminHash; // hex SHA-256 of the admin token (append-only clients), or empty
    bool appendOnly = false;
    qint64 quotaBytes = 0; // 0 = unlimited
};

// Who the caller is, derived from the bearer token alone.
struct Caller
{
    ClientAccount account;
    bool admin = false; // authenticated with the admin token: may delete and overwrite
};

// Where the server keeps its client accounts: clients.json in the data directory (ClientStore)
// or a PostgreSQL database that several instances share (PgAccountStore). Every instance sees
// an account added, rotated or removed through any other within a second.
class AccountStore
{
public:
    struct NewTokens
    {
        QString token;
        QString adminToken;
    };

    virtual ~AccountStore() = default;

    virtual Result<QList<ClientAccount>> list() = 0;
    // Returns the new access token (and admin token for append-only clients), shown once.
    virtual Result<NewTokens> add(const QString &name, bool appendOnly, qint64 quotaBytes) = 0;
    virtual Status remove(const QString &name) = 0;
    virtual Result<NewTokens> rotate(const QString &name) = 0;
    // The account a bearer token opens, or none. An error means the store could not answer
    // (a database that is down): the request is refused as unavailable, not as unauthorised.
    virtual Result<std::optional<Caller>> authenticate(const QByteArray &token) = 0;

    // Whether the store counts each account's stored bytes for every instance (the database
    // does; with clients.json each process counts its own).
    virtual bool keepsUsage() const { return false; }
    // Holds `bytes` for an upload if what the account stores and holds stays within
    // `quotaBytes` (0: no quota), in one step, so that uploads through several instances cannot
    // pass a quota together; release() gives them back when the upload ends.
    virtual Result<bool> reserve(const QString &accountId, qint64 bytes, qint64 quotaBytes)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(bytes);
        Q_UNUSED(quotaBytes);
        return true;
    }
    virtual Status release(const QString &accountId, qint64 bytes)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(bytes);
        return {};
    }
    // An object stored, replacing one of `replacedBytes` (0 when it is new), or removed (of
    // `bytes` as a look just before saw it, -1 when unknown): the account's usage follows. A
    // store that knows each object's size counts from that instead, so that the same object
    // removed through two instances at once is subtracted once.
    virtual Status objectStored(const QString &accountId, const QString &name, qint64 bytes,
                                qint64 replacedBytes)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(name);
        Q_UNUSED(bytes);
        Q_UNUSED(replacedBytes);
        return {};
    }
    virtual Status objectRemoved(const QString &accountId, const QString &name, qint64 bytes)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(name);
        Q_UNUSED(bytes);
        return {};
    }

protected:
    AccountStore() = default;
    Q_DISABLE_COPY_MOVE(AccountStore)
};

// Names are shown in listings and logs: keep them plain.
bool validClientName(const QString &name);
Error invalidClientName(const QString &name);

namespace accounts {
QString hashToken(const QByteArray &token); // hex SHA-256
QString newToken();                         // 32 random bytes, hex
QString newAccountId();                     // 16 random bytes, hex
// A bearer token is 64 hex digits; anything else opens nothing and is not looked up.
bool plausibleToken(const QByteArray &token);
} // namespace accounts

} // namespace obnam::server
