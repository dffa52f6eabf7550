#include "GenerationDb.h"
#include "GenerationRow.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace obnam {

using genrow::kFileColumns;

namespace {

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("obnam-gen-%1").arg(counter.fetchAndAddRelaxed(1));
}

const char *const kSchema[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files (fileid INTEGER PRIMARY KEY, path BLOB NOT NULL, kind INTEGER NOT NULL,"
    " mode INTEGER NOT NULL, uid INTEGER NOT NULL, gid INTEGER NOT NULL, user TEXT NOT NULL,"
    " grp TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
    " ctime_ns INTEGER NOT NULL, atime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,"
    " device INTEGER NOT NULL, nlink INTEGER NOT NULL, rdev INTEGER NOT NULL,"
    " target BLOB NOT NULL, xattrs BLOB NOT NULL, reason INTEGER NOT NULL,"
    " cachedir INTEGER NOT NULL)",
    "CREATE TABLE chunks (fileid INTEGER NOT NULL, seq INTEGER NOT NULL, chunk_id BLOB NOT NULL)",
};

// Qt binds a null string as SQL NULL; the schema wants empty values instead.
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

struct GenerationDb::NativeInserts
{
    sqlite3 *db = nullptr; // owned by the QSqlDatabase connection
    sqlite3_stmt *file = nullptr;
    sqlite3_stmt *chunk = nullptr;
    ~NativeInserts()
    {
        sqlite3_finalize(file);
        sqlite3_finalize(chunk);
    }
};

GenerationDb::GenerationDb(QString connectionName)
    : m_connection(std::move(connectionName))
{}

GenerationDb::~GenerationDb()
{
    m_native.reset(); // statements go before the connection that owns them
    m_lookup.reset();
    sqlite3_finalize(m_chunks);
    m_children.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Error GenerationDb::sqlError(const QString &what, const QSqlQuery &query) const
{
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("obnam", "generation database: %1: %2")
                         .arg(what, query.lastError().text()),
                     m_path);
}

Status GenerationDb::exec(const QString &sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql))
        return sqlError(sql.section(QLatin1Char(' '), 0, 2), q);
    return {};
}

Result<std::unique_ptr<GenerationDb>> GenerationDb::create(const QString &path)
{
    // Created empty here, mode 0600 whatever the umask: it names every file backed up, with its
    // owner, link target and extended attributes. SQLite takes an empty file as a new database.
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(errno == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Io,
                         errno == EEXIST ? QStringLiteral("database file exists")
                                         : QStringLiteral("cannot create generation database: ") +
                                               QString::fromLocal8Bit(std::strerror(errno)),
                         path);
    ::close(fd);
    std::unique_ptr<GenerationDb> g(new GenerationDb(newConnectionName()));
    g->m_path = path;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), g->m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("obnam", "cannot create generation database: ") +
                db.lastError().text(),
            path);
    // The file is a scratch copy until it is stored in the repository: durability comes from
    // the repository's writes, so SQLite's own syncing would only cost time.
    for (const char *pragma : {"PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF",
                               "PRAGMA page_size=4096", "PRAGMA temp_store=MEMORY"}) {
        if (auto s = g->exec(QString::fromLatin1(pragma)); !s)
            return s.error();
    }
    for (const char *sql : kSchema) {
        if (auto s = g->exec(QString::fromLatin1(sql)); !s)
            return s.error();
    }
    if (!db.transaction())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "cannot begin transaction"), path);
    if (auto s = g->prepareWriters(); !s)
        return s.error();
    if (auto s = g->setMeta(QStringLiteral("schema_version_major"), QString::number(kSchemaMajor));
        !s)
        return s.error();
    if (auto s = g->setMeta(QStringLiteral("schema_version_minor"), QString::number(kSchemaMinor));
        !s)
        return s.error();
    return g;
}

Result<sqlite3 *> GenerationDb::nativeHandle() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QVariant handle = db.driver()->handle();
    sqlite3 *native = qstrcmp(handle.typeName(), "sqlite3*") == 0 && handle.data()
                          ? *static_cast<sqlite3 *const *>(handle.data())
                          : nullptr;
    if (!native)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("obnam", "the SQLite driver gives no handle"),
                         m_path);
    return native;
}

Status GenerationDb::prepareWriters()
{
    auto handle = nativeHandle();
    if (!handle)
        return handle.error();
    m_native = std::make_unique<NativeInserts>();
    m_native->db = *handle;
    const QByteArray files =
        (QStringLiteral("INSERT INTO files (") + kFileColumns +
         QStringLiteral(") VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"))
            .toLatin1();
    const char chunks[] = "INSERT INTO chunks (fileid, seq, chunk_id) VALUES (?,?,?)";
    if (sqlite3_prepare_v2(m_native->db, files.constData(), int(files.size()), &m_native->file,
                           nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(m_native->db, chunks, int(sizeof chunks), &m_native->chunk, nullptr) !=
            SQLITE_OK)
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("obnam", "generation database: prepare inserts: ") +
                QString::fromUtf8(sqlite3_errmsg(m_native->db)),
            m_path);
    return {};
}

Result<std::unique_ptr<GenerationDb>> GenerationDb::openReadOnly(const QString &path)
{
    std::unique_ptr<GenerationDb> g(new GenerationDb(newConnectionName()));
    g->m_path = path;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), g->m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "generation database is missing"),
                         path);
    if (!db.open())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "cannot open generation database: ") +
                             db.lastError().text(),
                         path);
    // A downloaded database is input from storage: do not trust its schema's SQL.
    // locking_mode=EXCLUSIVE: the file is a private, immutable copy in the client's cache, so
    // the shared lock taken by the first read is kept. Without it SQLite locks, checks for a
    // hot journal and re-validates its page cache on every query: three system calls and a
    // page read per file looked up in an incremental backup. The page cache may grow to
    // 8 MiB: a backup reads the database in order, so more only raised its peak memory.
    for (const char *pragma :
         {"PRAGMA query_only=ON", "PRAGMA trusted_schema=OFF", "PRAGMA cell_size_check=ON",
          "PRAGMA mmap_size=0", "PRAGMA locking_mode=EXCLUSIVE", "PRAGMA cache_size=-8192"}) {
        if (auto s = g->exec(QString::fromLatin1(pragma)); !s)
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate(
                                 "obnam", "generation database is not an SQLite database"),
                             path);
    }
    auto major = g->meta(QStringLiteral("schema_version_major"));
    if (!major)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate(
                "obnam", "generation database is not an SQLite database of this program: ") +
                major.error().message,
            path);
    const auto minor = g->meta(QStringLiteral("schema_version_minor"));
    if (major->toInt() > kSchemaMajor)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate(
                             "obnam", "the generation was made by a newer version of obnam "
                                      "(database schema %1.%2; this version reads %3.x): "
                                      "upgrade obnam to read it")
                             .arg(*major, minor ? *minor : QStringLiteral("?"))
                             .arg(kSchemaMajor),
                         path);
    if (major->toInt() != kSchemaMajor)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "obnam", "generation database has an unknown schema version %1")
                             .arg(*major),
                         path);
    QSqlQuery probe(db);
    // The tables must be tables: a view (recursive, say) in a hostile database could make
    // every query run forever.
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                   "name IN ('meta', 'files', 'chunks')")) ||
        !probe.next() || probe.value(0).toInt() != 3)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "obnam", "generation database lacks its tables (meta, files, "
                                      "chunks)"),
                         path);
    if (!probe.exec(QStringLiteral("SELECT ") + kFileColumns +
                    QStringLiteral(" FROM files LIMIT 1")) ||
        !probe.exec(QStringLiteral("SELECT fileid, seq, chunk_id FROM chunks LIMIT 1")))
        return g->sqlError(QStringLiteral("schema check"), probe);
    return g;
}

Status GenerationDb::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(notNull(value));
    if (!q.exec())
        return sqlError(QStringLiteral("set meta"), q);
    return {};
}

Result<QString> GenerationDb::meta(const QString &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlError(QStringLiteral("read meta"), q);
    if (!q.next())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("obnam", "no meta value ") + key, m_path);
    return q.value(0).toString();
}

Result<QList<QPair<QString, QString>>> GenerationDb::allMeta() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta ORDER BY key")))
        return sqlError(QStringLiteral("read meta"), q);
    QList<QPair<QString, QString>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

namespace {

// Blobs and texts are bound without copying (SQLITE_STATIC): each outlives the step that
// reads it. An empty value binds as an empty blob or text, never as NULL.
void bindBlob(sqlite3_stmt *s, int i, const QByteArray &b)
{
    sqlite3_bind_blob64(s, i, b.isEmpty() ? "" : b.constData(), sqlite3_uint64(b.size()),
                        SQLITE_STATIC);
}

void bindText(sqlite3_stmt *s, int i, const QByteArray &utf8)
{
    sqlite3_bind_text64(s, i, utf8.isEmpty() ? "" : utf8.constData(), sqlite3_uint64(utf8.size()),
                        SQLITE_STATIC, SQLITE_UTF8);
}

bool stepOnce(sqlite3_stmt *s)
{
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE;
}

} // namespace

Result<qint64> GenerationDb::insertFile(const FileEntry &e, const QList<QByteArray> &chunkIds)
{
    if (!m_native || !m_native->file)
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("obnam", "generation database is not open for writing"),
            m_path);
    sqlite3_stmt *f = m_native->file;
    const QByteArray user = e.user.toUtf8();
    const QByteArray group = e.group.toUtf8();
    bindBlob(f, 1, e.path);
    sqlite3_bind_int(f, 2, int(e.kind));
    sqlite3_bind_int64(f, 3, qint64(e.mode));
    sqlite3_bind_int64(f, 4, qint64(e.uid));
    sqlite3_bind_int64(f, 5, qint64(e.gid));
    bindText(f, 6, user);
    bindText(f, 7, group);
    sqlite3_bind_int64(f, 8, e.size);
    sqlite3_bind_int64(f, 9, e.mtimeNs);
    sqlite3_bind_int64(f, 10, e.ctimeNs);
    sqlite3_bind_int64(f, 11, e.atimeNs);
    sqlite3_bind_int64(f, 12, qint64(e.inode));
    sqlite3_bind_int64(f, 13, qint64(e.device));
    sqlite3_bind_int64(f, 14, qint64(e.nlink));
    sqlite3_bind_int64(f, 15, qint64(e.rdev));
    bindBlob(f, 16, e.target);
    bindBlob(f, 17, e.xattrs);
    sqlite3_bind_int(f, 18, int(e.reason));
    sqlite3_bind_int(f, 19, e.cachedir ? 1 : 0);
    const auto failed = [&](const char *what) {
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("obnam", "generation database: %1: %2")
                .arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(m_native->db))),
            m_path);
    };
    if (!stepOnce(f))
        return failed("insert file");
    const qint64 id = sqlite3_last_insert_rowid(m_native->db);
    sqlite3_stmt *c = m_native->chunk;
    for (int seq = 0; seq < chunkIds.size(); ++seq) {
        sqlite3_bind_int64(c, 1, id);
        sqlite3_bind_int(c, 2, seq);
        bindBlob(c, 3, chunkIds[seq]);
        if (!stepOnce(c))
            return failed("insert chunk");
    }
    return id;
}

Status GenerationDb::finish()
{
    m_native.reset();
    if (auto s = exec(QStringLiteral("CREATE INDEX files_path ON files (path)")); !s)
        return s;
    if (auto s = exec(QStringLiteral("CREATE INDEX chunks_file ON chunks (fileid, seq)")); !s)
        return s;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.commit())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("obnam", "cannot commit generation database: ") +
                db.lastError().text(),
            m_path);
    db.close();
    return {};
}

} // namespace obnam
