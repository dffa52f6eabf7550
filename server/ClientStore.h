#pragma once

#include "AccountStore.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>
#include <optional>

namespace obnam::server {

// The accounts file (clients.json in the data directory, mode 0600). The server re-reads it
// when it changes, so `client add` and friends take effect without a restart.
class ClientStore final : public AccountStore
{
public:
    explicit ClientStore(QString file);

    Result<QList<ClientAccount>> list() override;
    Result<NewTokens> add(const QString &name, bool appendOnly, qint64 quotaBytes) override;
    Status remove(const QString &name) override;
    Result<NewTokens> rotate(const QString &name) override;
    Result<std::optional<Caller>> authenticate(const QByteArray &token) override;

private:
    Status save(const QList<ClientAccount> &accounts) const;
    // Reads the accounts, lets `change` change them, and writes them back, under a lock on the
    // file's companion `.lock`, so that two commands at once cannot lose one's change; refused
    // for a user other than the file's owner, whose new file the server could not read.
    Status edit(const std::function<Status(QList<ClientAccount> &)> &change);
    void reloadIfChanged();

    QString m_file;
    QByteArray m_refusedHash; // of content that did not parse, logged once
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

} // namespace obnam::server
