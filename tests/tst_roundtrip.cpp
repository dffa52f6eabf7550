// The whole core pipeline end to end: files -> chunks -> packs -> index -> generation
// database -> generation record, then restore, byte- and metadata-identical. Also
// de-duplication by stored chunk count, incremental reasons, damaged chunks and hostile
// generations at restore.
#include "TestSupport.h"
#include "backend/LocalBackend.h"
#include "backend/MemoryBackend.h"
#include "backend/ObjectName.h"
#include "crypto/Compression.h"
#include "engine/BackupEngine.h"
#include "engine/GenerationStore.h"
#include "engine/RestoreEngine.h"
#include "engine/StatAhead.h"
#include "repo/ChunkWriter.h"
#include "repo/Repository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace obnam;

namespace {

Repository::InitOptions fastOptions()
{
    Repository::InitOptions o;
    o.chunker = ChunkerParams::forAverage(16 * 1024);
    o.packSize = 256 * 1024;
    o.kdf = crypto::KdfParams::testing();
    return o;
}

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::shared_ptr<MemoryBackend> m_backend;
    std::unique_ptr<Repository> m_repo;
    QByteArray m_src;
    QString m_cache;

    Result<BackupResult> backup(bool full = false)
    {
        BackupOptions o;
        o.roots = {m_src};
        o.full = full;
        o.cacheDir = m_cache;
        o.clientName = QStringLiteral("test");
        BackupEngine engine(*m_repo, o);
        return engine.run();
    }

    Result<RestoreResult> restore(const QString &generation, const QString &target,
                                  QList<QByteArray> paths = {})
    {
        auto record = m_repo->resolveGeneration(generation);
        if (!record)
            return record.error();
        RestoreOptions o;
        o.target = target;
        o.cacheDir = m_cache;
        o.paths = paths;
        RestoreEngine engine(*m_repo, *record, o);
        return engine.run();
    }

    QByteArray p(const char *rel) const { return m_src + rel; }

    QByteArray restoredSrc(const QString &target) const { return enc(target) + m_src; }

    // Stores a generation whose database holds the given entries, bypassing the backup engine
    // the way an attacker with write access to the storage could not (they lack the keys),
    // but a buggy or malicious client could.
    QString commitCrafted(const QList<FileEntry> &entries, const QByteArray &content)
    {
        return test::commitCrafted(*m_repo, m_tmp.path(), entries, content);
    }

    static int qrand() { return int(QRandomGenerator::global()->bounded(1000000)); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(m_backend, "pw", fastOptions());
        QVERIFY(repo);
        m_repo = std::move(*repo);
        m_src = enc(m_tmp.path()) + "/src-" + QByteArray::number(qrand());
        m_cache = m_tmp.path() + QStringLiteral("/cache-") + QString::number(qrand());
        QVERIFY(::mkdir(m_src.constData(), 0755) == 0);
    }

    void cleanup() { m_repo.reset(); }

    void randomTreeRoundTrips()
    {
        QVERIFY(::mkdir(p("/sub").constData(), 0750) == 0);
        QVERIFY(::mkdir(p("/sub/deeper").constData(), 0700) == 0);
        QVERIFY(test::writeFile(m_src + "/empty", {}));
        QVERIFY(test::writeFile(m_src + "/small.txt", "hello, world\n"));
        QVERIFY(
            test::writeFile(m_src + "/sub/random.bin", test::randomData(3 * 1024 * 1024 + 11, 1)));
        QVERIFY(test::writeFile(m_src + "/sub/deeper/text.txt",
                                QByteArray("line of text\n").repeated(20000)));
        QVERIFY(::symlink("small.txt", p("/link").constData()) == 0);
        QVERIFY(::symlink("/nonexistent/dangling", p("/dangling").constData()) == 0);
        QVERIFY(::chmod(p("/small.txt").constData(), 0640) == 0);
        QVERIFY(::link(p("/small.txt").constData(), p("/sub/hardlink").constData()) == 0);
        QVERIFY(::mkfifo(p("/fifo").constData(), 0644) == 0);
        QByteArray nonUtf8 = m_src + "/caf\xe9-\xff";
        QVERIFY(test::writeFile(nonUtf8, "latin-1 name"));
        QVERIFY(test::writeFile(m_src + "/" + QByteArray(255, 'n'), "long name"));
        QVERIFY(::setxattr(p("/small.txt").constData(), "user.comment", "kept", 4, 0) == 0);

        auto result = backup();
        QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
        QVERIFY(result->warnings.isEmpty());
        QCOMPARE(result->fileCount, qint64(13));

        const QString target = m_tmp.path() + QStringLiteral("/restore");
        auto restored = restore(QStringLiteral("latest"), target);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().toString()));
        QVERIFY(restored->errors.isEmpty());
        const QString diff =
            test::manifestDiff(test::manifest(m_src), test::manifest(restoredSrc(target)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void duplicatesAreStoredOnce()
    {
        const QByteArray big = test::randomData(2 * 1024 * 1024, 2);
        for (int i = 0; i < 5; ++i)
            QVERIFY(test::writeFile(m_src + "/copy" + QByteArray::number(i), big));
        auto result = backup();
        QVERIFY(result);
        // Five identical files: their chunks are stored once. Everything else stored is the
        // generation database itself.
        qint64 dataChunks = 0;
        {
            auto gen = m_repo->resolveGeneration(QStringLiteral("latest"));
            QVERIFY(gen);
            dataChunks = result->stats.newChunks - gen->dbChunks.size();
        }
        const Chunker &chunker = m_repo->chunker();
        qint64 expected = 0;
        for (qsizetype pos = 0; pos < big.size();) {
            pos += chunker.cut(reinterpret_cast<const uchar *>(big.constData()) + pos,
                               big.size() - pos);
            ++expected;
        }
        QCOMPARE(dataChunks, expected);
        QCOMPARE(m_repo->index().chunkCount(), int(result->stats.newChunks));
        QCOMPARE(result->stats.reusedChunks, 4 * expected);
    }

    void incrementalReasonsAndReuse()
    {
        QVERIFY(test::writeFile(m_src + "/same", "unchanged content"));
        QVERIFY(test::writeFile(m_src + "/edit", "before"));
        auto first = backup();
        QVERIFY(first);
        QTest::qSleep(20);
        QVERIFY(test::writeFile(m_src + "/edit", "after, longer"));
        QVERIFY(test::writeFile(m_src + "/added", "new file"));
        auto second = backup();
        QVERIFY(second);
        QVERIFY(first->generationId != second->generationId);
        // The cache keeps the databases used last within its limit; past it, the newest backup's
        // stays and the least recently used go.
        QCOMPARE(QDir(m_cache + QStringLiteral("/generations")).entryList(QDir::Files).size(), 2);
        generationstore::trimCache(m_cache, second->generationId, 1);
        QCOMPARE(QDir(m_cache + QStringLiteral("/generations")).entryList(QDir::Files),
                 QStringList{second->generationId + QStringLiteral(".db")});

        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        QVERIFY(record);
        QCOMPARE(record->id, second->generationId);
        QCOMPARE(record->parent, first->generationId);
        auto db = generationstore::open(*m_repo, *record, m_cache);
        QVERIFY(db);
        QMap<QByteArray, Reason> reasons;
        QVERIFY((*db)->forEachFile([&](const FileEntry &e) {
            reasons.insert(e.path.mid(m_src.size()), e.reason);
            return true;
        }));
        QCOMPARE(reasons.value("/same"), Reason::Unchanged);
        QCOMPARE(reasons.value("/edit"), Reason::Changed);
        QCOMPARE(reasons.value("/added"), Reason::New);

        // Both generations restore to what they were.
        const QString t1 = m_tmp.path() + QStringLiteral("/r1");
        QVERIFY(restore(first->generationId.left(8), t1));
        QFile edit(QFile::decodeName(restoredSrc(t1) + "/edit"));
        QVERIFY(edit.open(QIODevice::ReadOnly));
        QCOMPARE(edit.readAll(), QByteArray("before"));
        QVERIFY(!QFile::exists(QFile::decodeName(restoredSrc(t1) + "/added")));
    }

    // The next backup reads the previous database in one scan kept in step with its walk, so
    // a first backup must store entries in walk order even though its files finish on the
    // pool after the directories that follow them have been examined.
    void databaseListsEntriesInWalkOrder()
    {
        for (const char *dir : {"/a", "/a/inner", "/b", "/b-c", "/c"}) {
            QVERIFY(::mkdir(p(dir).constData(), 0755) == 0);
            QVERIFY(test::writeFile(p(dir) + "/big", test::randomData(3 * 1024 * 1024, 7)));
            QVERIFY(test::writeFile(p(dir) + "/small", "small"));
            QVERIFY(::symlink("big", QByteArray(p(dir) + "/z-link").constData()) == 0);
        }
        QVERIFY(test::writeFile(p("/a/inner/zz"), test::randomData(5 * 1024 * 1024, 8)));
        auto result = backup();
        QVERIFY(result);
        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        QVERIFY(record);
        auto db = generationstore::open(*m_repo, *record, m_cache);
        QVERIFY(db);
        auto stream = (*db)->streamFiles();
        QVERIFY(stream);
        QList<QByteArray> stored;
        for (;;) {
            auto row = (*stream)->next();
            QVERIFY(row);
            if (!row->has_value())
                break;
            stored.append((*row)->path);
        }
        QCOMPARE(stored.size(), result->fileCount);
        QList<QByteArray> walkOrder = stored;
        std::sort(walkOrder.begin(), walkOrder.end(), &PreviousGeneration::walksBefore);
        QCOMPARE(stored, walkOrder);
    }

    // An incremental backup takes an unchanged entry's extended attributes from the previous
    // generation; setting or removing one changes the ctime, so such entries are examined again.
    void manyEntriesBehindNewDataKeepWalkOrder()
    {
        // New data, then more unchanged entries than may wait behind it: the engine drains
        // its pool to store them instead of queueing the rest of the tree. Order and content
        // must not suffer.
        QVERIFY(::mkdir(p("/many").constData(), 0755) == 0);
        for (int i = 0; i < 5000; ++i)
            QVERIFY(test::writeFile(p("/many/f") + QByteArray::number(i).rightJustified(5, '0'),
                                    i % 2 ? QByteArray() : QByteArray::number(i)));
        QVERIFY(backup());
        QVERIFY(test::writeFile(p("/a-new"), test::randomData(6 * 1024 * 1024, 9)));
        auto result = backup();
        QVERIFY(result);
        QCOMPARE(result->fileCount, qint64(5003));

        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        QVERIFY(record);
        auto db = generationstore::open(*m_repo, *record, m_cache);
        QVERIFY(db);
        auto stream = (*db)->streamFiles();
        QVERIFY(stream);
        QList<QByteArray> stored;
        for (;;) {
            auto row = (*stream)->next();
            QVERIFY(row);
            if (!row->has_value())
                break;
            stored.append((*row)->path);
        }
        QCOMPARE(stored.size(), 5003);
        QList<QByteArray> walkOrder = stored;
        std::sort(walkOrder.begin(), walkOrder.end(), &PreviousGeneration::walksBefore);
        QCOMPARE(stored, walkOrder);

        const QString target = m_tmp.path() + QStringLiteral("/many-restored");
        auto restored = restore(QStringLiteral("latest"), target);
        QVERIFY(restored);
        QVERIFY(restored->errors.isEmpty());
        const QString diff =
            test::manifestDiff(test::manifest(m_src), test::manifest(restoredSrc(target)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void extendedAttributeChangesAreSeenByIncrementalBackups()
    {
        QVERIFY(::mkdir(p("/dir").constData(), 0755) == 0);
        QVERIFY(test::writeFile(p("/dir/file"), "content"));
        QVERIFY(test::writeFile(p("/other"), "other"));
        QVERIFY(::setxattr(p("/dir/file").constData(), "user.a", "1", 1, 0) == 0);
        QVERIFY(backup());
        QVERIFY(backup()); // nothing changed: attributes come from the previous generation
        QVERIFY(::setxattr(p("/dir").constData(), "user.d", "dir", 3, 0) == 0);
        QVERIFY(::setxattr(p("/dir/file").constData(), "user.b", "2", 1, 0) == 0);
        QVERIFY(::removexattr(p("/dir/file").constData(), "user.a") == 0);
        QVERIFY(::setxattr(p("/other").constData(), "user.c", "3", 1, 0) == 0);
        QVERIFY(backup());
        QVERIFY(backup());
        const QString target = m_tmp.path() + QStringLiteral("/xattrs");
        auto restored = restore(QStringLiteral("latest"), target);
        QVERIFY(restored);
        const QString diff =
            test::manifestDiff(test::manifest(m_src), test::manifest(restoredSrc(target)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        char value[8] = {};
        QCOMPARE(::getxattr(QByteArray(restoredSrc(target) + "/dir/file").constData(), "user.b",
                            value, sizeof value),
                 ssize_t(1));
        QCOMPARE(::getxattr(QByteArray(restoredSrc(target) + "/dir/file").constData(), "user.a",
                            value, sizeof value),
                 ssize_t(-1));
        QCOMPARE(::getxattr(QByteArray(restoredSrc(target) + "/dir").constData(), "user.d", value,
                            sizeof value),
                 ssize_t(3));
    }

    void unchangedBackupUploadsOnlyItsDatabase()
    {
        QVERIFY(test::writeFile(m_src + "/data", test::randomData(1024 * 1024, 3)));
        QVERIFY(backup());
        const int packsBefore = m_backend->objectCount(QStringLiteral("packs/"));
        auto second = backup();
        QVERIFY(second);
        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        QVERIFY(second->stats.newChunks <= record->dbChunks.size());
        QVERIFY(m_backend->objectCount(QStringLiteral("packs/")) <= packsBefore + 1);
    }

    void selectedPathsOnly()
    {
        QVERIFY(::mkdir(p("/keep").constData(), 0755) == 0);
        QVERIFY(test::writeFile(m_src + "/keep/a", "a"));
        QVERIFY(test::writeFile(m_src + "/keeper", "not below keep/"));
        QVERIFY(backup());
        const QString target = m_tmp.path() + QStringLiteral("/partial");
        auto r = restore(QStringLiteral("latest"), target, {m_src + "/keep"});
        QVERIFY(r);
        QVERIFY(QFile::exists(QFile::decodeName(restoredSrc(target) + "/keep/a")));
        QVERIFY(!QFile::exists(QFile::decodeName(restoredSrc(target) + "/keeper")));
    }

    void refusesNonEmptyTarget()
    {
        QVERIFY(test::writeFile(m_src + "/a", "a"));
        QVERIFY(backup());
        const QString target = m_tmp.path() + QStringLiteral("/busy");
        QVERIFY(QDir().mkpath(target));
        QVERIFY(test::writeFile(enc(target) + "/existing", "mine"));
        auto r = restore(QStringLiteral("latest"), target);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("not empty")));
    }

    void modesAndOwnersSurviveRestore()
    {
        // New files are written unnamed (O_TMPFILE) with their permission bits from the start
        // and take their name last; owner and mode are set only where they differ. Set-id bits
        // must survive a change of owner, and a restrictive umask must not leak into them.
        const struct
        {
            const char *name;
            mode_t mode;
        } files[] = {{"/ro", 0444},      {"/private", 0600}, {"/open", 0777}, {"/setuid", 04755},
                     {"/setgid", 02750}, {"/sticky", 01644}, {"/none", 0}};
        for (const auto &f : files) {
            QVERIFY(test::writeFile(p(f.name), QByteArray("content of ") + f.name));
            QVERIFY(::chmod(p(f.name).constData(), f.mode) == 0);
        }
        if (::geteuid() == 0) {
            QVERIFY(::chown(p("/setuid").constData(), 1234, 5678) == 0);
            QVERIFY(::chmod(p("/setuid").constData(), 04755) == 0); // chown cleared it
            QVERIFY(::chown(p("/private").constData(), 4321, 0) == 0);
        }
        QVERIFY(backup());

        // The usual umask and a restrictive one: neither may show in what is restored.
        QString target;
        QString diff;
        for (const mode_t mask : {mode_t(022), mode_t(077)}) {
            target = m_tmp.path() + QStringLiteral("/modes-") + QString::number(mask, 8);
            const mode_t oldMask = ::umask(mask);
            auto restored = restore(QStringLiteral("latest"), target);
            ::umask(oldMask);
            QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().toString()));
            QVERIFY(restored->errors.isEmpty());
            diff = test::manifestDiff(test::manifest(m_src), test::manifest(restoredSrc(target)));
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }

        // Into the same place again with overwrite: every file replaced under a temporary name,
        // same result, nothing left beside them.
        RestoreOptions o;
        o.target = target;
        o.cacheDir = m_cache;
        o.existing = RestoreOptions::Existing::Overwrite;
        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        QVERIFY(record);
        RestoreEngine again(*m_repo, *record, o);
        auto second = again.run();
        QVERIFY2(second, qPrintable(second ? QString() : second.error().toString()));
        QVERIFY(second->errors.isEmpty());
        diff = test::manifestDiff(test::manifest(m_src), test::manifest(restoredSrc(target)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void largeDatabaseIsStoredInPiecesAndFetchedWhole()
    {
        // A database is read through a window of a few megabytes, never whole: this one spans
        // several windows and batches, and has a duplicated stretch that must be stored once.
        const QByteArray part = test::randomData(7 * 1024 * 1024 + 5, 41);
        const QByteArray content =
            part + test::randomData(3 * 1024 * 1024, 42) + part + QByteArray(2 * 1024 * 1024, '\0');
        const QString dbPath = m_tmp.path() + QStringLiteral("/large.db");
        QVERIFY(test::writeFile(enc(dbPath), content));
        ChunkWriter writer(*m_repo);
        auto ids = generationstore::storeDatabase(*m_repo, writer, dbPath, 3);
        QVERIFY2(ids, qPrintable(ids ? QString() : ids.error().toString()));
        QVERIFY(writer.flush());
        QVERIFY(ids->size() > 10);
        QVERIFY(writer.stats().reusedChunks > 0);

        GenerationRecord record;
        record.id = QStringLiteral("0123456789abcdef");
        record.dbChunks = *ids;
        record.dbSize = content.size();
        const QString fetchCache = m_tmp.path() + QStringLiteral("/fetch-cache");
        auto fetched = generationstore::fetchDatabase(*m_repo, record, fetchCache);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().toString()));
        QFile f(*fetched);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == content);
    }

    void damagedChunkFailsLoudlyAndLeavesNoFile()
    {
        QVERIFY(test::writeFile(m_src + "/victim", test::randomData(200000, 4)));
        auto result = backup();
        QVERIFY(result);
        // Damage the victim's chunks inside their packs; the database's chunks stay intact.
        const QByteArray data = test::randomData(200000, 4);
        int damaged = 0;
        for (qsizetype pos = 0; pos < data.size();) {
            const qsizetype n = m_repo->chunker().cut(
                reinterpret_cast<const uchar *>(data.constData()) + pos, data.size() - pos);
            const auto loc =
                m_repo->index().find(m_repo->chunkId(QByteArrayView(data).sliced(pos, n)));
            QVERIFY(loc);
            const QString name = objectname::pack(QString::fromLatin1(loc->packId.toHex()));
            QByteArray bytes = m_backend->rawObject(name);
            bytes[qsizetype(loc->entry.offset) + 7] ^= 0x20;
            m_backend->setRawObject(name, bytes);
            ++damaged;
            pos += n;
        }
        QVERIFY(damaged > 0);
        const QString target = m_tmp.path() + QStringLiteral("/damaged");
        auto r = restore(QStringLiteral("latest"), target);
        QVERIFY(r);
        QCOMPARE(r->errors.size(), 1);
        QVERIFY(r->errors.first().message.contains(QStringLiteral("does not authenticate")));
        QVERIFY(!QFile::exists(QFile::decodeName(restoredSrc(target) + "/victim")));
        // No temporary is left behind either.
        QCOMPARE(QDir(QFile::decodeName(restoredSrc(target)))
                     .entryList(QDir::Files | QDir::Hidden)
                     .size(),
                 0);
    }

    void manyFilesAcrossFetchWindows()
    {
        // Restore fetches one window of entries (512 entries or 16 MiB) ahead of writing:
        // this tree spans several windows, with a hard link whose names fall in different
        // windows, empty files, and one damaged file in the middle that must fail alone.
        for (const char *dir : {"/a", "/b", "/c"})
            QVERIFY(::mkdir(p(dir).constData(), 0755) == 0);
        for (int i = 0; i < 1200; ++i) {
            const QByteArray name =
                m_src + "/" + "abc"[i % 3] + "/f" + QByteArray::number(i).rightJustified(4, '0');
            QVERIFY(test::writeFile(name, i % 7 == 0 ? QByteArray()
                                                     : test::randomData(40000 + i, 1000 + i)));
        }
        QVERIFY(test::writeFile(m_src + "/b/victim", test::randomData(70000, 77)));
        QVERIFY(::link(p("/b/f0001").constData(), p("/c/zz-link").constData()) == 0);
        QVERIFY(::link(p("/b/victim").constData(), p("/c/zz-victim").constData()) == 0);
        auto result = backup();
        QVERIFY(result);
        QVERIFY(result->totalBytes > 32 * 1024 * 1024); // more than one window of bytes too

        const QByteArray victim = test::randomData(70000, 77);
        const qsizetype n = m_repo->chunker().cut(
            reinterpret_cast<const uchar *>(victim.constData()), victim.size());
        const auto loc = m_repo->index().find(m_repo->chunkId(QByteArrayView(victim).first(n)));
        QVERIFY(loc);
        const QString pack = objectname::pack(QString::fromLatin1(loc->packId.toHex()));
        QByteArray bytes = m_backend->rawObject(pack);
        bytes[qsizetype(loc->entry.offset) + 3] ^= 0x01;
        m_backend->setRawObject(pack, bytes);

        const QString target = m_tmp.path() + QStringLiteral("/many");
        auto r = restore(QStringLiteral("latest"), target);
        QVERIFY(r);
        // The victim fails, and so does the other name of it, which cannot be linked to it.
        QCOMPARE(r->errors.size(), 2);
        QCOMPARE(r->errors.first().path, QString::fromLocal8Bit(m_src + "/b/victim"));
        QVERIFY2(r->errors.first().message.contains(QStringLiteral("does not authenticate")),
                 qPrintable(r->errors.first().message));
        QCOMPARE(r->errors.last().path, QString::fromLocal8Bit(m_src + "/c/zz-victim"));
        QVERIFY2(r->errors.last().message.contains(QStringLiteral("hard link")),
                 qPrintable(r->errors.last().message));
        // Root, dirs, files and the links that came back; not the victim's two names.
        QCOMPARE(r->files, qint64(1 + 3 + 1200 + 3 - 2));
        struct stat first
        {
        }, second{};
        QVERIFY(::lstat(QByteArray(restoredSrc(target) + "/b/f0001").constData(), &first) == 0);
        QVERIFY(::lstat(QByteArray(restoredSrc(target) + "/c/zz-link").constData(), &second) == 0);
        QCOMPARE(first.st_ino, second.st_ino);
        // The source without the victim's names, their directories' times kept, is what
        // came back.
        for (const char *name : {"/b/victim", "/c/zz-victim"}) {
            const QByteArray path = p(name);
            const QByteArray dirPath = path.first(path.lastIndexOf('/'));
            struct stat dir
            {};
            QVERIFY(::lstat(dirPath.constData(), &dir) == 0);
            QVERIFY(::unlink(path.constData()) == 0);
            const struct timespec times[2] = {dir.st_atim, dir.st_mtim};
            QVERIFY(::utimensat(AT_FDCWD, dirPath.constData(), times, 0) == 0);
        }
        const QString diff =
            test::manifestDiff(test::manifest(m_src), test::manifest(restoredSrc(target)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void zeroRunsInsideFilesRoundTrip()
    {
        // Restore leaves holes for whole zero blocks and writes runs of data blocks at once:
        // data, zeros and data in every alignment must come back byte for byte.
        QByteArray mixed;
        for (int i = 0; i < 40; ++i) {
            mixed += test::randomData(1000 + 997 * i, i);
            mixed += QByteArray(i % 3 == 0 ? 3 * 4096 + i : 4096 * (i % 5), '\0');
        }
        QVERIFY(test::writeFile(m_src + "/mixed", mixed));
        QVERIFY(test::writeFile(m_src + "/zeros", QByteArray(5 * 4096 + 7, '\0')));
        QVERIFY(test::writeFile(m_src + "/zeros-aligned", QByteArray(4 * 4096, '\0')));
        QVERIFY(test::writeFile(m_src + "/ends-in-a-hole",
                                test::randomData(5000, 9) + QByteArray(3 * 4096, '\0')));
        QVERIFY(backup());
        const QString target = m_tmp.path() + QStringLiteral("/zeros");
        auto r = restore(QStringLiteral("latest"), target);
        QVERIFY(r && r->errors.isEmpty());
        QFile back(QFile::decodeName(restoredSrc(target) + "/mixed"));
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), mixed);
        const QString diff =
            test::manifestDiff(test::manifest(m_src), test::manifest(restoredSrc(target)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void statAheadVisitsEveryDirectoryAndFollowsNoLink()
    {
        // 1 + 4 + 4 * 3 directories; a symbolic link to a directory outside is not followed.
        for (int i = 0; i < 4; ++i) {
            const QByteArray dir = m_src + "/d" + QByteArray::number(i);
            QVERIFY(::mkdir(dir.constData(), 0755) == 0);
            QVERIFY(test::writeFile(dir + "/file", "x"));
            for (int j = 0; j < 3; ++j)
                QVERIFY(::mkdir(QByteArray(dir + "/s" + QByteArray::number(j)).constData(), 0755) ==
                        0);
        }
        const QByteArray outside = enc(m_tmp.path()) + "/outside-" + QByteArray::number(qrand());
        QVERIFY(::mkdir(outside.constData(), 0755) == 0);
        QVERIFY(::mkdir(QByteArray(outside + "/inner").constData(), 0755) == 0);
        QVERIFY(::symlink(outside.constData(), p("/d0/link").constData()) == 0);
        StatAhead ahead({m_src}, false, 3);
        ahead.waitUntilDone();
        QCOMPARE(ahead.directoriesListed(), qint64(1 + 4 + 12));
        // Stopping early (the backup finished first) ends every thread.
        {
            const StatAhead stopped({m_src}, false, 3);
        }

        // What it found is kept for the walk: each directory's entries with their lstat.
        const auto take = [](StatAhead &a, const QByteArray &dir, const QByteArray &root) {
            struct stat st
            {};
            if (::lstat(dir.constData(), &st) != 0)
                return std::optional<StatAhead::Listing>();
            return a.take(dir, root, st.st_dev, st.st_ino,
                          qint64(st.st_ctim.tv_sec) * 1000000000LL + st.st_ctim.tv_nsec);
        };
        auto root = take(ahead, m_src, m_src);
        QVERIFY(root);
        QCOMPARE(root->size(), size_t(4));
        auto d0 = take(ahead, m_src + "/d0", m_src);
        QVERIFY(d0);
        QMap<QByteArray, ino_t> found;
        for (const auto &[name, st] : *d0)
            found.insert(name, st.st_ino);
        QCOMPARE(found.keys(), (QList<QByteArray>{"file", "link", "s0", "s1", "s2"}));
        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            struct stat st
            {};
            QVERIFY(::lstat(QByteArray(m_src + "/d0/" + it.key()).constData(), &st) == 0);
            QCOMPARE(it.value(), st.st_ino);
        }
        QVERIFY(!take(ahead, m_src + "/d0", m_src));        // taken once
        QVERIFY(!take(ahead, outside + "/inner", outside)); // never followed the link
        // Taking d2 drops what the walk has passed: d0's and d1's trees ("d1/s2" included,
        // as "/" sorts before any other byte), not d2's own subdirectories or d3's tree.
        QVERIFY(take(ahead, m_src + "/d2", m_src));
        QVERIFY(!take(ahead, m_src + "/d1/s2", m_src + "/d1"));
        QVERIFY(take(ahead, m_src + "/d2/s0", m_src));
        QCOMPARE(ahead.keptEntries(), qsizetype(4)); // d3's; d2/s1, d2/s2 and d3/s* are empty
        // A directory replaced since it was listed is not answered from the old listing.
        QVERIFY(::rename(p("/d3").constData(), p("/old-d3").constData()) == 0);
        QVERIFY(::mkdir(p("/d3").constData(), 0755) == 0);
        QVERIFY(!take(ahead, m_src + "/d3", m_src));
        QCOMPARE(ahead.keptEntries(), qsizetype(0));
        QVERIFY(::rmdir(p("/d3").constData()) == 0);
        QVERIFY(::rename(p("/old-d3").constData(), p("/d3").constData()) == 0);

        // Bounded: with room for 16 entries (and no directory over 4 kept), one thread lists
        // the root (4), d0 (5: examined, not kept), d1, d2 and d3 (4 each) and the subdirectories
        // between them, then waits until the walk takes something.
        StatAhead bounded({m_src}, false, 1, 16);
        QTRY_COMPARE(bounded.keptEntries(), qsizetype(16));
        QTest::qWait(100);
        QCOMPARE(bounded.directoriesListed(), qint64(1 + 4 + 3 + 3 + 3));
        QVERIFY(take(bounded, m_src, m_src));
        QTRY_COMPARE(bounded.directoriesListed(), qint64(1 + 4 + 12));
        QVERIFY(!take(bounded, m_src + "/d0", m_src)); // too large to keep
        QVERIFY(take(bounded, m_src + "/d1", m_src));
    }

    void backupTakesTheListingsOfAStatAheadStartedEarly()
    {
        // obnam-cli starts examining the trees while the repository opens and hands the
        // StatAhead to the engine: the walk must take its listings rather than start another,
        // and back up exactly what a backup on its own does.
        for (int i = 0; i < 3; ++i) {
            const QByteArray dir = m_src + "/d" + QByteArray::number(i);
            QVERIFY(::mkdir(dir.constData(), 0755) == 0);
            for (int j = 0; j < 4; ++j)
                QVERIFY(test::writeFile(dir + "/f" + QByteArray::number(j),
                                        "content " + QByteArray::number(i * 10 + j)));
        }
        // Given as the walk will go through them, whatever way the roots were written.
        QCOMPARE(BackupEngine::walkedRoots({m_src + "//./"}), QList<QByteArray>{m_src});
        auto early =
            std::make_shared<StatAhead>(BackupEngine::walkedRoots({m_src + "/"}), false, 2);
        early->waitUntilDone();
        QCOMPARE(early->directoriesListed(), qint64(1 + 3));
        QVERIFY(early->keptEntries() > 0);
        BackupOptions o;
        o.roots = {m_src + "/"};
        o.cacheDir = m_cache;
        o.clientName = QStringLiteral("test");
        o.statAhead = early;
        BackupEngine engine(*m_repo, o);
        auto result = engine.run();
        QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
        QCOMPARE(early->listingsTaken(), qint64(1 + 3));     // every listing went to the walk
        QCOMPARE(early->keptEntries(), qsizetype(0));        // nothing is left behind
        QCOMPARE(early->directoriesListed(), qint64(1 + 3)); // and none was made twice
        QCOMPARE(result->fileCount, qint64(1 + 3 + 12));
        const QString target = m_tmp.path() + QStringLiteral("/early-restore");
        auto restored = restore(result->generationId, target);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().toString()));
        const QString diff =
            test::manifestDiff(test::manifest(m_src), test::manifest(restoredSrc(target)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void hostilePathsAreRefusedBeforeAnyWrite_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("dotdot") << QByteArray("../escaped");
        QTest::newRow("inner dotdot") << QByteArray("/a/../../escaped");
        QTest::newRow("dot") << QByteArray("/a/./b");
        QTest::newRow("double slash") << QByteArray("/a//b");
        QTest::newRow("trailing dotdot") << QByteArray("/a/..");
    }

    void hostilePathsAreRefusedBeforeAnyWrite()
    {
        QFETCH(QByteArray, path);
        FileEntry ok;
        ok.path = "/fine";
        ok.kind = FileKind::Regular;
        ok.mode = 0644;
        FileEntry bad = ok;
        bad.path = path;
        const QString gen = commitCrafted({ok, bad}, "payload");
        QVERIFY(!gen.isEmpty());
        const QString target = m_tmp.path() + QStringLiteral("/hostile/inner");
        auto r = restore(gen, target);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("escape")));
        QVERIFY(!QFile::exists(m_tmp.path() + QStringLiteral("/hostile/escaped")));
        QVERIFY(!QFile::exists(m_tmp.path() + QStringLiteral("/escaped")));
        QVERIFY(!QFile::exists(target + QStringLiteral("/fine")));
    }

    void symlinkInGenerationCannotRedirectWrites()
    {
        const QString outside = m_tmp.path() + QStringLiteral("/outside");
        QVERIFY(QDir().mkpath(outside));
        FileEntry link;
        link.path = "/a";
        link.kind = FileKind::Symlink;
        link.target = enc(outside);
        FileEntry through;
        through.path = "/a/planted";
        through.kind = FileKind::Regular;
        through.mode = 0644;
        const QString gen = commitCrafted({link, through}, "evil");
        QVERIFY(!gen.isEmpty());
        const QString target = m_tmp.path() + QStringLiteral("/symtarget");
        auto r = restore(gen, target);
        QVERIFY(r);
        QCOMPARE(r->errors.size(), 1);
        QVERIFY(r->errors.first().message.contains(QStringLiteral("symbolic link")));
        QVERIFY(!QFile::exists(outside + QStringLiteral("/planted")));
        QCOMPARE(QFileInfo(target + QStringLiteral("/a")).symLinkTarget(), outside);
    }

    void sizeDisagreeingWithTheChunksIsRefused()
    {
        // The chunks' lengths place every write: a file whose recorded size is not what its
        // chunks hold is refused before anything of it is written.
        FileEntry dir;
        dir.path = "/d";
        dir.kind = FileKind::Directory;
        dir.mode = 0755;
        FileEntry longer;
        longer.path = "/d/longer";
        longer.kind = FileKind::Regular;
        longer.mode = 0644;
        longer.size = 4096 + 5;
        FileEntry fine = longer;
        fine.path = "/d/fine";
        fine.size = 0; // commitCrafted() gives it the content's size
        const QString gen = commitCrafted({dir, longer, fine}, QByteArray(4096, 'x'));
        QVERIFY(!gen.isEmpty());
        const QString target = m_tmp.path() + QStringLiteral("/sizes");
        auto r = restore(gen, target);
        QVERIFY(r);
        QCOMPARE(r->errors.size(), 1);
        QCOMPARE(r->errors.first().path, QStringLiteral("/d/longer"));
        QVERIFY2(r->errors.first().message.contains(QStringLiteral("4096 bytes")),
                 qPrintable(r->errors.first().message));
        QCOMPARE(
            QDir(target + QStringLiteral("/d"))
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
            QStringList{QStringLiteral("fine")});
        QCOMPARE(QFileInfo(target + QStringLiteral("/d/fine")).size(), qint64(4096));
    }

    void localBackendRoundTrip()
    {
        // The same pipeline on the local-directory backend, re-opened from disk.
        const QString repoDir = m_tmp.path() + QStringLiteral("/repo-local");
        auto backend = std::make_shared<LocalBackend>(repoDir);
        auto repo = Repository::init(backend, "pw", fastOptions());
        QVERIFY(repo);
        QVERIFY(test::writeFile(m_src + "/f", test::randomData(500000, 9)));
        BackupOptions o;
        o.roots = {m_src};
        o.cacheDir = m_cache + QStringLiteral("-local");
        BackupEngine engine(**repo, o);
        QVERIFY(engine.run());
        repo->reset();
        auto reopened = Repository::open(std::make_shared<LocalBackend>(repoDir), "pw");
        QVERIFY(reopened);
        auto record = (*reopened)->resolveGeneration(QStringLiteral("latest"));
        QVERIFY(record);
        RestoreOptions ro;
        ro.target = m_tmp.path() + QStringLiteral("/from-local");
        ro.cacheDir = m_tmp.path() + QStringLiteral("/fresh-cache");
        RestoreEngine restoreEngine(**reopened, *record, ro);
        auto r = restoreEngine.run();
        QVERIFY(r && r->errors.isEmpty());
        const QString diff =
            test::manifestDiff(test::manifest(m_src), test::manifest(enc(ro.target) + m_src));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
