#include "GenerationDb.h"
#include "GenerationRow.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>

#include <sqlite3.h>

namespace obnam {

using genrow::entryFromRow;
using genrow::kFileColumns;

namespace {

Result<FileEntry> entryFromQuery(const QSqlQuery &q)
{
    return entryFromRow(genrow::QueryRow{q});
}

} // namespace

QSqlQuery &GenerationDb::prepared(std::unique_ptr<QSqlQuery> &slot, const QString &sql) const
{
    // Prepared once per database: parsing the SQL again for every file would cost more than
    // the lookup itself.
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection, false));
        slot->setForwardOnly(true);
        if (!slot->prepare(sql))
            slot->finish();
    }
    return *slot;
}

Result<std::optional<FileEntry>> GenerationDb::lookup(const QByteArray &path) const
{
    QSqlQuery &q = prepared(m_lookup, QStringLiteral("SELECT ") + kFileColumns +
                                          QStringLiteral(" FROM files WHERE path = ?"));
    q.bindValue(0, path);
    if (!q.exec())
        return sqlError(QStringLiteral("look up file"), q);
    if (!q.next()) {
        q.finish();
        return std::optional<FileEntry>();
    }
    auto e = entryFromQuery(q);
    q.finish();
    if (!e)
        return e.error();
    // A damaged path index can point a lookup at another file's row; never believe it.
    if (e->path != path)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "obnam", "generation database index disagrees with its table"),
                         m_path);
    return std::optional<FileEntry>(std::move(*e));
}

Result<QList<FileEntry>> GenerationDb::children(const QByteArray &directory) const
{
    QByteArray prefix = directory;
    if (!prefix.endsWith('/'))
        prefix += '/';
    // Every path below the directory sorts in [prefix, end): '0' is the byte after '/'.
    const QByteArray end = prefix.chopped(1) + '0';
    QSqlQuery &q = prepared(m_children, QStringLiteral("SELECT ") + kFileColumns +
                                            QStringLiteral(" FROM files WHERE path >= ? AND "
                                                           "path < ? ORDER BY path LIMIT 256"));
    QList<FileEntry> out;
    QSet<QByteArray> folders; // listed already, with a row of their own or on the way
    // After the directory's own row: for "/" (a backup of the whole file system) that row
    // would otherwise come first.
    QByteArray from = prefix + '\0';
    for (;;) {
        q.bindValue(0, from);
        q.bindValue(1, end);
        if (!q.exec())
            return sqlError(QStringLiteral("list a directory"), q);
        int rows = 0;
        bool jumped = false;
        while (q.next()) {
            ++rows;
            auto e = entryFromQuery(q);
            if (!e) {
                q.finish();
                return e.error();
            }
            if (!e->path.startsWith(prefix) || e->path.size() == prefix.size()) {
                q.finish(); // a damaged index: the row is not where the index says
                return makeError(ErrorCode::Corrupt,
                                 QCoreApplication::translate(
                                     "obnam", "generation database index disagrees with its "
                                              "table"),
                                 m_path);
            }
            const qsizetype slash = e->path.indexOf('/', prefix.size());
            if (slash >= 0) {
                // Below a child: skip the rest of that child's subtree with one seek. A child
                // that has no row of its own lies above a backed-up root: listed all the same.
                const QByteArray child = e->path.left(slash);
                // Its own row may be a few entries back: "Documents.zip" sorts between
                // "Documents" and "Documents/…".
                if (!folders.contains(child)) {
                    folders.insert(child);
                    FileEntry way;
                    way.path = child;
                    way.kind = FileKind::Directory;
                    way.reason = Reason::Unchanged;
                    way.onTheWay = true;
                    out.append(std::move(way));
                }
                from = child + '0';
                jumped = true;
                break;
            }
            from = e->path + '\0'; // the next path after this one
            if (e->kind == FileKind::Directory)
                folders.insert(e->path);
            out.append(std::move(*e));
        }
        q.finish();
        if (!jumped && rows < 256)
            return out;
    }
}

Result<QList<QByteArray>> GenerationDb::chunks(qint64 fileId) const
{
    if (!m_chunks) {
        auto stmt = prepareNative("SELECT chunk_id FROM chunks WHERE fileid = ? ORDER BY seq");
        if (!stmt)
            return stmt.error();
        m_chunks = *stmt;
    }
    sqlite3_bind_int64(m_chunks, 1, fileId);
    QList<QByteArray> out;
    int rc;
    while ((rc = sqlite3_step(m_chunks)) == SQLITE_ROW) {
        QByteArray id = genrow::StatementRow{m_chunks}.blob(0);
        if (id.size() != 32) {
            sqlite3_reset(m_chunks);
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("obnam", "generation database has a bad chunk id"),
                m_path);
        }
        out.append(std::move(id));
    }
    Error failed;
    const bool ok = rc == SQLITE_DONE;
    if (!ok)
        failed = stepError(m_chunks, "read chunks");
    sqlite3_reset(m_chunks);
    if (!ok)
        return failed;
    return out;
}

// The sequential scans go to SQLite directly, like the inserts: a no-change backup reads
// every row of the previous database, and QSqlQuery's per-value QVariant cost more than
// SQLite's stepping.
Result<sqlite3_stmt *> GenerationDb::prepareNative(const char *sql) const
{
    auto handle = nativeHandle();
    if (!handle)
        return handle.error();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(*handle, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("obnam", "generation database: %1: %2")
                             .arg(QLatin1String(sql), QString::fromUtf8(sqlite3_errmsg(*handle))),
                         m_path);
    }
    return stmt;
}

Error GenerationDb::stepError(sqlite3_stmt *stmt, const char *what) const
{
    return makeError(
        ErrorCode::Corrupt,
        QCoreApplication::translate("obnam", "generation database: %1: %2")
            .arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(stmt)))),
        m_path);
}

GenerationDb::FileStream::FileStream(const GenerationDb &db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
{}

GenerationDb::FileStream::~FileStream()
{
    sqlite3_finalize(m_stmt);
}

Result<std::unique_ptr<GenerationDb::FileStream>> GenerationDb::streamFiles(bool recordedOnly) const
{
    const QByteArray sql =
        (QStringLiteral("SELECT ") + kFileColumns + QStringLiteral(" FROM files ") +
         (recordedOnly ? QStringLiteral("WHERE reason != %1 ").arg(int(Reason::Unchanged))
                       : QString()) +
         QStringLiteral("ORDER BY fileid"))
            .toLatin1();
    auto stmt = prepareNative(sql.constData());
    if (!stmt)
        return stmt.error();
    return std::unique_ptr<FileStream>(new FileStream(*this, *stmt));
}

Result<std::optional<FileEntry>> GenerationDb::FileStream::next()
{
    if (m_done)
        return std::optional<FileEntry>();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_DONE) {
        m_done = true;
        return std::optional<FileEntry>();
    }
    if (rc != SQLITE_ROW)
        return m_db.stepError(m_stmt, "list files");
    auto e = entryFromRow(genrow::StatementRow{m_stmt});
    if (!e)
        return e.error();
    return std::optional<FileEntry>(std::move(*e));
}

GenerationDb::PathStream::PathStream(const GenerationDb &db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
{}

GenerationDb::PathStream::~PathStream()
{
    sqlite3_finalize(m_stmt);
}

Result<std::unique_ptr<GenerationDb::PathStream>> GenerationDb::streamPaths() const
{
    // INDEXED BY: a damaged or foreign database without the index is refused rather than
    // sorted in memory.
    auto stmt = prepareNative("SELECT path FROM files INDEXED BY files_path ORDER BY path");
    if (!stmt)
        return stmt.error();
    return std::unique_ptr<PathStream>(new PathStream(*this, *stmt));
}

Result<std::optional<QByteArrayView>> GenerationDb::PathStream::next()
{
    if (m_done)
        return std::optional<QByteArrayView>();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_DONE) {
        m_done = true;
        return std::optional<QByteArrayView>();
    }
    if (rc != SQLITE_ROW)
        return m_db.stepError(m_stmt, "list paths");
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, 0));
    const int size = sqlite3_column_bytes(m_stmt, 0);
    if (!data || size <= 0)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "generation database has an invalid file row"),
            m_db.m_path);
    return std::optional<QByteArrayView>(QByteArrayView(data, size));
}

GenerationDb::ChunkStream::ChunkStream(const GenerationDb &db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
{}

GenerationDb::ChunkStream::~ChunkStream()
{
    sqlite3_finalize(m_stmt);
}

Result<std::unique_ptr<GenerationDb::ChunkStream>> GenerationDb::streamChunks() const
{
    auto stmt = prepareNative("SELECT fileid, chunk_id FROM chunks ORDER BY fileid, seq");
    if (!stmt)
        return stmt.error();
    return std::unique_ptr<ChunkStream>(new ChunkStream(*this, *stmt));
}

Result<std::optional<GenerationDb::ChunkRow>> GenerationDb::ChunkStream::next()
{
    if (m_done)
        return std::optional<ChunkRow>();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_DONE) {
        m_done = true;
        return std::optional<ChunkRow>();
    }
    if (rc != SQLITE_ROW)
        return m_db.stepError(m_stmt, "read chunks");
    const genrow::StatementRow row{m_stmt};
    ChunkRow chunk{row.integer(0), row.blob(1)};
    if (chunk.chunkId.size() != 32)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("obnam", "generation database has a bad chunk id"),
            m_db.m_path);
    return std::optional<ChunkRow>(std::move(chunk));
}

Status GenerationDb::forEachChunkId(const std::function<void(const QByteArray &)> &visit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT DISTINCT chunk_id FROM chunks")))
        return sqlError(QStringLiteral("read chunk ids"), q);
    while (q.next()) {
        const QByteArray id = q.value(0).toByteArray();
        if (id.size() != 32)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("obnam", "generation database has a bad chunk id"),
                m_path);
        visit(id);
    }
    return {};
}

Status GenerationDb::forEachFile(const std::function<bool(const FileEntry &)> &visit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kFileColumns +
                QStringLiteral(" FROM files ORDER BY path")))
        return sqlError(QStringLiteral("list files"), q);
    while (q.next()) {
        auto e = entryFromQuery(q);
        if (!e)
            return e.error();
        if (!visit(*e))
            break;
    }
    return {};
}

Result<qint64> GenerationDb::fileCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM files")) || !q.next())
        return sqlError(QStringLiteral("count files"), q);
    return q.value(0).toLongLong();
}

} // namespace obnam
