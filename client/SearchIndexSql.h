#pragma once

// The search index's SQLite plumbing, shared by its two source files. Internal to the client
// layer. The index talks to SQLite directly (not QtSql): its connection is used from whichever
// worker runs the query, and adding a first generation inserts a row per path.

#include "support/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <sqlite3.h>

namespace obnam::client::sql {

inline Error error(sqlite3 *db, const QString &file, const char *what)
{
    const int rc = sqlite3_extended_errcode(db) & 0xff;
    ErrorCode code = ErrorCode::Io;
    // Only damage is Corrupt: that is what makes the index be deleted and built again.
    if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
        code = ErrorCode::Corrupt;
    else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        code = ErrorCode::Transient;
    else if (rc == SQLITE_FULL)
        code = ErrorCode::NoSpace;
    return makeError(code,
                     QCoreApplication::translate("obnam", "search index: %1: %2")
                         .arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db))),
                     file);
}

class Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isPrepared() const { return m_stmt != nullptr; }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bindNull(int i) { sqlite3_bind_null(m_stmt, i); }
    void bind(int i, const QByteArray &v)
    {
        sqlite3_bind_blob(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
    }
    void bind(int i, const QString &v)
    {
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    // SQLITE_ROW, SQLITE_DONE or an error code; an unprepared statement gives SQLITE_ERROR.
    int step() { return m_stmt ? sqlite3_step(m_stmt) : SQLITE_ERROR; }
    // step() for a statement that returns no rows, reset for the next use.
    bool run()
    {
        const int rc = step();
        if (m_stmt)
            sqlite3_reset(m_stmt);
        return rc == SQLITE_DONE;
    }
    void reset()
    {
        if (m_stmt)
            sqlite3_reset(m_stmt);
    }
    qint64 integer(int i) const { return sqlite3_column_int64(m_stmt, i); }
    bool isNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }
    QByteArray blob(int i) const
    {
        const void *data = sqlite3_column_blob(m_stmt, i);
        const int size = sqlite3_column_bytes(m_stmt, i);
        return data ? QByteArray(static_cast<const char *>(data), size) : QByteArray();
    }
    QString text(int i) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
        return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, i)) : QString();
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

inline bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// BEGIN IMMEDIATE: a writer takes the write lock first, so two processes adding the same
// generation wait for each other instead of failing half-way. Rolled back unless committed.
class Transaction
{
public:
    explicit Transaction(sqlite3 *db)
        : m_db(db)
        , m_open(exec(db, "BEGIN IMMEDIATE"))
    {}
    ~Transaction()
    {
        if (m_open)
            exec(m_db, "ROLLBACK");
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = false;
        if (exec(m_db, "COMMIT"))
            return true;
        // A COMMIT that failed (busy, disk full) may leave the transaction open, holding the
        // write lock every other process waits for.
        if (!sqlite3_get_autocommit(m_db))
            exec(m_db, "ROLLBACK");
        return false;
    }

private:
    sqlite3 *m_db;
    bool m_open;
};

} // namespace obnam::client::sql
