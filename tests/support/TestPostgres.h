#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>

namespace obnam::test {

// Runs `work` on a connection to the test cluster (PG_URL; the password comes from
// PGPASSFILE, as tests/with-postgres.sh exports it), to `database` or PG_URL's own. Returns
// what `work` returns, or false when no connection could be made. The connection is closed
// and removed afterwards, so tests can call it from anywhere.
bool withDatabase(const std::function<bool(QSqlDatabase &)> &work, const QString &database = {});

// Drops obnam-server's tables from the test cluster's own database, so that a test starts
// without accounts. False when that failed.
bool dropServerTables();

// A column (or an expression of columns) of the account called `name` in obnam-server's
// tables, or an invalid value when there is no such account.
QVariant accountColumn(const QString &name, const QString &column);

} // namespace obnam::test
