#include "TestPostgres.h"

#include <QAtomicInt>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace obnam::test {

bool withDatabase(const std::function<bool(QSqlDatabase &)> &work, const QString &database)
{
    static QAtomicInt next;
    const QString connection = QStringLiteral("test-pg-%1").arg(next.fetchAndAddRelaxed(1));
    const QUrl pg(qEnvironmentVariable("PG_URL"));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(pg.host());
        db.setPort(pg.port(5432));
        db.setUserName(pg.userName());
        db.setDatabaseName(database.isEmpty() ? pg.path().mid(1) : database);
        ok = db.open() && work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

bool dropServerTables()
{
    return withDatabase([](QSqlDatabase &db) {
        return !db.exec(QStringLiteral(
                            "DROP TABLE IF EXISTS obnam_objects, obnam_accounts, obnam_migrated, "
                            "obnam_schema"))
                    .lastError()
                    .isValid();
    });
}

QVariant accountColumn(const QString &name, const QString &column)
{
    QVariant value;
    withDatabase([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 FROM obnam_accounts WHERE name = ?").arg(column));
        q.addBindValue(name);
        if (q.exec() && q.next())
            value = q.value(0);
        return true;
    });
    return value;
}

} // namespace obnam::test
