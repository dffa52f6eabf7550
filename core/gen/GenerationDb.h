#pragma once

#include "FileEntry.h"
#include "support/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace obnam {

// One generation's SQLite database (QtSql, QSQLITE): a meta table that describes the
// generation, the files table and each file's chunk list. A database belongs to the thread
// that created it, as QSqlDatabase connections do.
class GenerationDb
{
public:
    static constexpr int kSchemaMajor = 1;
    static constexpr int kSchemaMinor = 0;

    // A new, empty database at `path` (the file must not exist), ready for inserts in one
    // large transaction.
    static Result<std::unique_ptr<GenerationDb>> create(const QString &path);
    // An existing database, read-only, with defensive settings; refuses unknown major schema
    // versions and files that are not SQLite databases.
    static Result<std::unique_ptr<GenerationDb>> openReadOnly(const QString &path);

    ~GenerationDb();
    GenerationDb(const GenerationDb &) = delete;
    GenerationDb &operator=(const GenerationDb &) = delete;

    Status setMeta(const QString &key, const QString &value);
    Result<QString> meta(const QString &key) const;
    Result<QList<QPair<QString, QString>>> allMeta() const;

    // Returns the new file id.
    Result<qint64> insertFile(const FileEntry &entry, const QList<QByteArray> &chunkIds);
    // Commits and builds the indexes; the database is then complete.
    Status finish();

    Result<std::optional<FileEntry>> lookup(const QByteArray &path) const;
    Result<QList<QByteArray>> chunks(qint64 fileId) const;
    // The entries directly inside `directory` ("/" for the top), in path order. Served by the
    // path index with one seek per subdirectory skipped, so a directory costs about as much
    // as it has children, whatever lies deeper. Folders above the backed-up roots, which have
    // no row, come as FileEntry::onTheWay entries.
    Result<QList<FileEntry>> children(const QByteArray &directory) const;

    // Forward-only readers in insertion order (file id order, which is the order the backup
    // walked), for a caller that visits the files in that same order: a sequential scan costs
    // a fraction of an indexed lookup per file. Both belong to this database's thread.
    class FileStream
    {
    public:
        // The next row, or nullopt at the end.
        Result<std::optional<FileEntry>> next();
        ~FileStream();
        FileStream(const FileStream &) = delete;
        FileStream &operator=(const FileStream &) = delete;

    private:
        friend class GenerationDb;
        FileStream(const GenerationDb &db, sqlite3_stmt *stmt);
        const GenerationDb &m_db;
        sqlite3_stmt *m_stmt; // owned
        bool m_done = false;
    };
    struct ChunkRow
    {
        qint64 fileId = 0;
        QByteArray chunkId;
    };
    class ChunkStream
    {
    public:
        Result<std::optional<ChunkRow>> next();
        ~ChunkStream();
        ChunkStream(const ChunkStream &) = delete;
        ChunkStream &operator=(const ChunkStream &) = delete;

    private:
        friend class GenerationDb;
        ChunkStream(const GenerationDb &db, sqlite3_stmt *stmt);
        const GenerationDb &m_db;
        sqlite3_stmt *m_stmt; // owned
        bool m_done = false;
    };
    // Every path in path order, read from the path index alone (no table rows): the cheapest
    // way to compare two generations' lists of paths.
    class PathStream
    {
    public:
        // The next path, or nullopt at the end. The bytes are SQLite's: valid until the next
        // call, never copied (a comparison of a million paths needs no allocation).
        Result<std::optional<QByteArrayView>> next();
        ~PathStream();
        PathStream(const PathStream &) = delete;
        PathStream &operator=(const PathStream &) = delete;

    private:
        friend class GenerationDb;
        PathStream(const GenerationDb &db, sqlite3_stmt *stmt);
        const GenerationDb &m_db;
        sqlite3_stmt *m_stmt; // owned
        bool m_done = false;
    };
    // `recordedOnly`: only the entries the backup did not find unchanged (new, changed,
    // unreadable), for a reader that already knows the previous generation.
    Result<std::unique_ptr<FileStream>> streamFiles(bool recordedOnly = false) const;
    Result<std::unique_ptr<ChunkStream>> streamChunks() const;
    Result<std::unique_ptr<PathStream>> streamPaths() const;
    // Every chunk id any file uses, each once, in no particular order.
    Status forEachChunkId(const std::function<void(const QByteArray &)> &visit) const;
    // Calls `visit` for each entry in path order until it returns false.
    Status forEachFile(const std::function<bool(const FileEntry &)> &visit) const;
    Result<qint64> fileCount() const;

private:
    explicit GenerationDb(QString connectionName);
    Status exec(const QString &sql) const;
    Status prepareWriters();
    Result<sqlite3 *> nativeHandle() const;
    Result<sqlite3_stmt *> prepareNative(const char *sql) const;
    Error stepError(sqlite3_stmt *stmt, const char *what) const;
    Error sqlError(const QString &what, const QSqlQuery &query) const;
    QSqlQuery &prepared(std::unique_ptr<QSqlQuery> &slot, const QString &sql) const;

    QString m_connection;
    QString m_path;
    // The inserts of a new database go to SQLite directly, through the connection's own
    // handle: QSqlQuery spends more time mapping placeholders than SQLite spends inserting,
    // and a backup inserts every file it walks.
    struct NativeInserts;
    std::unique_ptr<NativeInserts> m_native;
    mutable std::unique_ptr<QSqlQuery> m_lookup; // prepared on first use
    // chunks() goes to SQLite directly: the search index asks it for every changed file.
    mutable sqlite3_stmt *m_chunks = nullptr;
    mutable std::unique_ptr<QSqlQuery> m_children;
};

} // namespace obnam
