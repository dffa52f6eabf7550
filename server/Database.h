#pragma once

#include "support/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace obnam::server {

// A PostgreSQL database named by server.yaml's `database` key:
// postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=MODE]. No password in the URL: libpq takes it
// from PGPASSWORD, PGPASSFILE or ~/.pgpass, so server.yaml holds no secret.
struct DatabaseSettings
{
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString options; // libpq options for QPSQL, "sslmode=require;connect_timeout=5"

    QString display() const; // for messages: postgresql://user@host:port/database
    static Result<DatabaseSettings> fromUrl(const QString &url);
};

// One connection per thread (a QSqlDatabase belongs to the thread that opened it), opened on
// first use and opened again after the server went away. Queries run through run(), which
// tries once more on a fresh connection when the connection broke (a database restart).
class Database
{
public:
    explicit Database(DatabaseSettings settings);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    const DatabaseSettings &settings() const { return m_settings; }
    // Runs `work` with this thread's connection. An error it returns whose cause is a lost
    // connection (a database restart) makes one more attempt on a new connection, but only
    // for work that may run twice: a write whose answer was lost may have been committed.
    enum class Retry
    {
        Safe,  // reads, and transactions that roll back as a whole
        Never, // single writes: a second one could count twice
    };
    template <typename T>
    Result<T> run(const std::function<Result<T>(QSqlDatabase &)> &work, Retry retry = Retry::Safe)
    {
        for (int attempt = 0;; ++attempt) {
            auto db = connection(attempt > 0);
            if (!db)
                return db.error();
            Result<T> result = work(*db);
            if (result || attempt > 0 || db->isOpen() || retry == Retry::Never)
                return result;
        }
    }
    // An error for a failed statement: its text, and the connection closed when it was lost,
    // so that run() reconnects.
    Error failure(QSqlDatabase &db, const class QSqlError &error, const QString &what) const;
    // `work` in a transaction on this thread's connection: committed when it succeeds, rolled
    // back when it fails, so that no error path leaves a transaction open on a connection the
    // thread keeps. A connection found lost before the commit was sent (a restart of the
    // database, a failover) committed nothing, and `work` runs once more on a new one; a
    // commit whose answer was lost is not tried again, as it may have been committed. `what`
    // names the change in the error of a failed commit.
    Status transaction(const QString &what, const std::function<Status(QSqlDatabase &)> &work);

private:
    Result<QSqlDatabase> connection(bool fresh);

    DatabaseSettings m_settings;
    QString m_prefix;
};

} // namespace obnam::server
