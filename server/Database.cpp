#include "Database.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace obnam::server {

namespace {

// libpq's messages run over several lines (a hint below the error); the first says it.
QString firstLine(const QString &text)
{
    return text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
}

// Connection names in use, to remove them with the Database (names are per thread).
QMutex g_namesMutex;
QStringList g_names;

} // namespace

QString DatabaseSettings::display() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

Result<DatabaseSettings> DatabaseSettings::fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const auto bad = [&](const QString &what) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("configuration key 'database' %1").arg(what));
    };
    if (!url.isValid() || (url.scheme() != QStringLiteral("postgresql") &&
                           url.scheme() != QStringLiteral("postgres")))
        return bad(QStringLiteral("must be postgresql://USER@HOST[:PORT]/DATABASE"));
    if (!url.password().isEmpty())
        return bad(QStringLiteral("must not hold a password: give it in PGPASSWORD or "
                                  "~/.pgpass, so that server.yaml holds no secret"));
    DatabaseSettings s;
    s.host = url.host();
    s.port = url.port(5432);
    s.user = url.userName();
    s.database = url.path().mid(1);
    static const QRegularExpression name(QStringLiteral("\\A[A-Za-z0-9_.-]{1,63}\\z"));
    if (s.host.isEmpty() || !name.match(s.user).hasMatch() || !name.match(s.database).hasMatch())
        return bad(QStringLiteral("must name a host, a user and a database: "
                                  "postgresql://USER@HOST[:PORT]/DATABASE"));
    // A database host that vanishes without a word (a failover, a network cut) is noticed in
    // about half a minute, by keepalives on an idle connection and by tcp_user_timeout on one
    // waiting for an answer, instead of after the system's hours. And the database ends a
    // session left inside a transaction for ten minutes (an instance cut off while holding an
    // account's row), so that the row's lock cannot stop every other instance for longer.
    QStringList options{
        QStringLiteral("connect_timeout=5"),
        QStringLiteral("keepalives=1"),
        QStringLiteral("keepalives_idle=10"),
        QStringLiteral("keepalives_interval=5"),
        QStringLiteral("keepalives_count=3"),
        QStringLiteral("tcp_user_timeout=30000"),
        QStringLiteral("options='-c idle_in_transaction_session_timeout=600000'"),
    };
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems()) {
        static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                       QStringLiteral("prefer"),    QStringLiteral("require"),
                                       QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
        if (key == QStringLiteral("sslmode") && modes.contains(value))
            options.append(QStringLiteral("sslmode=") + value);
        else
            return bad(QStringLiteral("has the unknown option '%1' (only sslmode=%2)")
                           .arg(key, modes.join(QLatin1Char('|'))));
    }
    s.options = options.join(QLatin1Char(';'));
    return s;
}

Database::Database(DatabaseSettings settings)
    : m_settings(std::move(settings))
    , m_prefix(QStringLiteral("obnam-pg-%1-").arg(quintptr(this)))
{}

Database::~Database()
{
    QMutexLocker lock(&g_namesMutex);
    for (qsizetype i = g_names.size() - 1; i >= 0; --i) {
        if (!g_names[i].startsWith(m_prefix))
            continue;
        QSqlDatabase::removeDatabase(g_names[i]);
        g_names.removeAt(i);
    }
}

Result<QSqlDatabase> Database::connection(bool fresh)
{
    const QString name = m_prefix + QString::number(quintptr(QThread::currentThreadId()));
    QSqlDatabase db;
    if (QSqlDatabase::contains(name)) {
        db = QSqlDatabase::database(name, false);
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        QMutexLocker lock(&g_namesMutex);
        g_names.append(name);
    }
    if (!db.isValid())
        return makeError(ErrorCode::Permanent,
                         QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed: install "
                                        "libqt6sql6-psql"),
                         m_settings.display());
    if (fresh)
        db.close();
    if (db.isOpen())
        return db;
    db.setHostName(m_settings.host);
    db.setPort(m_settings.port);
    db.setDatabaseName(m_settings.database);
    db.setUserName(m_settings.user);
    db.setConnectOptions(m_settings.options);
    if (!db.open())
        return makeError(ErrorCode::Transient,
                         QStringLiteral("cannot reach the database: ") +
                             firstLine(db.lastError().databaseText()),
                         m_settings.display());
    return db;
}

Error Database::failure(QSqlDatabase &db, const QSqlError &error, const QString &what) const
{
    // Is the connection still there? An error the server sent carries its SQLSTATE: class 08
    // (connection exception) and 57P (the server shutting down) mean it is gone, any other
    // is the statement's own. Not a probe: in a transaction that a failed statement aborted,
    // every statement fails until the rollback, so a probe would call a good connection
    // lost. Without a SQLSTATE the error came from libpq or Qt, and a connection that cannot
    // run SELECT 1 is closed; the next statement opens a new one. Never libpq's message,
    // which is in the locale's language.
    const QString state = error.nativeErrorCode();
    bool lost = error.type() == QSqlError::ConnectionError || !db.isOpen() ||
                state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"));
    if (!lost && state.isEmpty()) {
        QSqlQuery probe(db);
        lost = !probe.exec(QStringLiteral("SELECT 1"));
    }
    if (lost) {
        db.close();
        return makeError(ErrorCode::Transient,
                         what + QStringLiteral(": the database connection was lost: ") +
                             firstLine(error.text()),
                         m_settings.display());
    }
    // Class 40 (a deadlock, a serialization failure) rolled the transaction back and may
    // succeed when tried again; anything else will fail the same way.
    const bool again = state.startsWith(QLatin1String("40"));
    return makeError(again ? ErrorCode::Transient : ErrorCode::Permanent,
                     what + QStringLiteral(": ") + firstLine(error.text()), m_settings.display());
}

Status Database::transaction(const QString &what, const std::function<Status(QSqlDatabase &)> &work)
{
    for (int attempt = 0;; ++attempt) {
        auto db = connection(attempt > 0);
        if (!db)
            return db.error();
        bool committing = false;
        const auto once = [&]() -> Status {
            if (!db->transaction())
                return failure(*db, db->lastError(), QStringLiteral("cannot start a transaction"));
            if (Status done = work(*db); !done) {
                db->rollback(); // on a connection that failure() closed, nothing to do
                return done;
            }
            committing = true;
            if (!db->commit())
                return failure(*db, db->lastError(), what);
            return {};
        };
        Status result = once();
        // failure() closes a connection it finds lost.
        if (result || attempt > 0 || committing || db->isOpen())
            return result;
    }
}

} // namespace obnam::server
