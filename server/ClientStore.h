#pragma once

#include "support/Result.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace obnam::server {

struct ClientAccount
{
    QString name;
    QString id;        // random; names the client's directory, never shown in URLs
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

// The accounts file (clients.json in the data directory, mode 0600). The server re-reads it
// when it changes, so `client add` and friends take effect without a restart.
class ClientStore
{
public:
    explicit ClientStore(QString file);

    Result<QList<ClientAccount>> list() const;
    // Returns the new access token (and admin token for append-only clients), shown once.
    struct NewTokens
    {
        QString token;
        QString adminToken;
    };
    Result<NewTokens> add(const QString &name, bool appendOnly, qint64 quotaBytes);
    Status remove(const QString &name);
    Result<NewTokens> rotate(const QString &name);

    std::optional<Caller> authenticate(const QByteArray &token);

private:
    Status save(const QList<ClientAccount> &accounts) const;
    void reloadIfChanged();

    QString m_file;
    QMutex m_mutex;
    // What the file looked like when last read. Any difference means a re-read; so does a
    // second passing, because a rewrite of the same size within one timestamp tick (a token
    // rotation on a file system with coarse times) changes nothing that stat shows. The
    // re-read compares the content's hash.
    QByteArray m_stamp;
    qint64 m_checkedAtMs = -1;
    QByteArray m_contentHash;
    QElapsedTimer m_clock;
    static constexpr qint64 kRecheckMs = 1000;
    QList<ClientAccount> m_cache;
};

// Names are shown in listings and logs: keep them plain.
bool validClientName(const QString &name);

} // namespace obnam::server
