// Restores a user meets on a bad day: a directory that could not be read at backup time, one
// file restored alone deep in a tree, a target that fills up.
#include "TestSupport.h"
#include "backend/MemoryBackend.h"
#include "backend/ObjectName.h"
#include "engine/BackupEngine.h"
#include "engine/ReadRuns.h"
#include "engine/RestoreEngine.h"
#include "repo/Repository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

struct Meta
{
    mode_t mode = 0;
    qint64 mtime = -1;
};

Meta metaOf(const QByteArray &path)
{
    struct stat st
    {};
    if (::lstat(path.constData(), &st) != 0)
        return {};
    return {mode_t(st.st_mode & 07777), qint64(st.st_mtim.tv_sec)};
}

bool setTime(const QByteArray &path, qint64 seconds)
{
    const struct timespec t[2] = {{seconds, 0}, {seconds, 0}};
    return ::utimensat(AT_FDCWD, path.constData(), t, AT_SYMLINK_NOFOLLOW) == 0;
}

} // namespace

class TestRestoreCases : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::shared_ptr<MemoryBackend> m_backend;
    std::unique_ptr<Repository> m_repo;
    int m_targets = 0;

    QString newTarget() { return m_tmp.path() + QStringLiteral("/target-%1").arg(++m_targets); }

    Result<RestoreResult> restore(const QString &generation, const QString &target,
                                  const QList<QByteArray> &paths = {})
    {
        auto record = m_repo->resolveGeneration(generation);
        if (!record)
            return record.error();
        RestoreOptions o;
        o.target = target;
        o.cacheDir = m_tmp.path() + QStringLiteral("/cache");
        o.paths = paths;
        RestoreEngine engine(*m_repo, *record, o);
        return engine.run();
    }

    QString backup(const QByteArray &root)
    {
        BackupOptions o;
        o.roots = {root};
        o.cacheDir = m_tmp.path() + QStringLiteral("/cache");
        BackupEngine engine(*m_repo, o);
        auto r = engine.run();
        return r ? r->generationId : QString();
    }

private Q_SLOTS:
    void init()
    {
        Repository::InitOptions io;
        io.kdf = crypto::KdfParams::testing();
        m_backend = std::make_shared<MemoryBackend>();
        auto repo = Repository::init(m_backend, "pw", io);
        QVERIFY(repo);
        m_repo = std::move(*repo);
    }

    void unreadableDirectoryIsRestoredEmptyWithItsMetadata()
    {
        // As recorded by a backup that could not list it (mode 000, or 0100: enterable but
        // not listable), beside a file whose data could not be read.
        FileEntry dir;
        dir.path = "/home/u/locked";
        dir.kind = FileKind::Directory;
        dir.mode = 0750;
        dir.mtimeNs = 1500000000LL * 1000000000LL;
        dir.atimeNs = dir.mtimeNs;
        dir.reason = Reason::FileError;
        FileEntry file;
        file.path = "/home/u/secret";
        file.kind = FileKind::Regular;
        file.mode = 0600;
        file.reason = Reason::FileError;
        FileEntry fine;
        fine.path = "/home/u/fine";
        fine.kind = FileKind::Regular;
        fine.mode = 0644;
        const QString gen = test::commitCrafted(*m_repo, m_tmp.path(), {dir, file, fine}, "data");
        QVERIFY(!gen.isEmpty());
        const QString target = newTarget();
        auto r = restore(gen, target);
        QVERIFY(r);
        QVERIFY(r->errors.isEmpty());
        const QByteArray locked = enc(target) + "/home/u/locked";
        QCOMPARE(metaOf(locked).mode, mode_t(0750));
        QCOMPARE(metaOf(locked).mtime, qint64(1500000000));
        QVERIFY(QDir(QString::fromLocal8Bit(locked)).isEmpty());
        QVERIFY(!QFile::exists(target + QStringLiteral("/home/u/secret")));
        QVERIFY(QFile::exists(target + QStringLiteral("/home/u/fine")));
        QCOMPARE(r->warnings.size(), 2);
        QVERIFY(r->warnings[0].message.contains(QStringLiteral("restored empty")));
        QVERIFY(r->warnings[1].message.contains(QStringLiteral("not restored")));
        QCOMPARE(r->files, qint64(2)); // the directory and the file that was read
    }

    void directoriesAboveAPathRestoredAloneGetTheirMetadata()
    {
        const QByteArray src = enc(m_tmp.path()) + "/src";
        QVERIFY(QDir().mkpath(QString::fromLocal8Bit(src + "/a/b")));
        QVERIFY(test::writeFile(src + "/a/b/file", "contents"));
        QVERIFY(test::writeFile(src + "/a/other", "not restored"));
        QVERIFY(::chmod(QByteArray(src + "/a").constData(), 0751) == 0);
        QVERIFY(::chmod(QByteArray(src + "/a/b").constData(), 0705) == 0);
        QVERIFY(setTime(src + "/a/b", 1400000000));
        QVERIFY(setTime(src + "/a", 1300000000));
        QVERIFY(setTime(src, 1200000000));
        const QString gen = backup(src);
        QVERIFY(!gen.isEmpty());
        const QString target = newTarget();
        auto r = restore(gen, target, {src + "/a/b/file"});
        QVERIFY(r);
        QVERIFY(r->errors.isEmpty());
        const QByteArray out = enc(target) + src;
        QCOMPARE(metaOf(out + "/a/b").mode, mode_t(0705));
        QCOMPARE(metaOf(out + "/a/b").mtime, qint64(1400000000));
        QCOMPARE(metaOf(out + "/a").mode, mode_t(0751));
        QCOMPARE(metaOf(out + "/a").mtime, qint64(1300000000));
        QCOMPARE(metaOf(out).mtime, qint64(1200000000));
        QVERIFY(QFile::exists(QString::fromLocal8Bit(out + "/a/b/file")));
        QVERIFY(!QFile::exists(QString::fromLocal8Bit(out + "/a/other")));
        QCOMPARE(r->files, qint64(4)); // src, a, b, file
    }

    void runsFollowPacksGapsAndLengthLimits()
    {
        const auto at = [](const char *pack, quint64 offset, quint32 length) {
            ChunkLocation l;
            l.packId = pack;
            l.entry.offset = offset;
            l.entry.length = length;
            return l;
        };
        readruns::Limits limits;
        limits.maxGap = 100;
        limits.maxLength = 1000;
        // Given out of order, across two packs; a chunk listed twice; a gap too wide; a chunk
        // longer than a run may be; a run that would grow too long.
        const QList<ChunkLocation> locations = {
            at("B", 0, 50),     // 0
            at("A", 200, 100),  // 1
            at("A", 10, 100),   // 2
            at("A", 110, 50),   // 3
            at("A", 110, 50),   // 4: the same chunk as 3
            at("A", 500, 10),   // 5: 200 bytes after the run before it
            at("A", 510, 2000), // 6: alone, too long for any run
            at("A", 2510, 600), // 7
            at("A", 3110, 600), // 8: with 7 it would be 1200 bytes
        };
        const QList<readruns::Run> runs = readruns::coalesce(locations, limits);
        const auto describe = [](const readruns::Run &r) {
            QStringList pieces;
            for (const qsizetype i : r.pieces)
                pieces.append(QString::number(i));
            return QStringLiteral("%1@%2+%3:%4")
                .arg(QString::fromLatin1(r.packId))
                .arg(r.offset)
                .arg(r.length)
                .arg(pieces.join(QLatin1Char(',')));
        };
        QStringList got;
        for (const readruns::Run &r : runs)
            got.append(describe(r));
        QCOMPARE(got, (QStringList{QStringLiteral("A@10+290:2,3,4,1"), QStringLiteral("A@500+10:5"),
                                   QStringLiteral("A@510+2000:6"), QStringLiteral("A@2510+600:7"),
                                   QStringLiteral("A@3110+600:8"), QStringLiteral("B@0+50:0")}));
        QVERIFY(readruns::coalesce({}).isEmpty());
    }

    void neighbouringChunksAreReadTogetherAndADamagedOneFailsOnlyItsFile()
    {
        // Small files backed up together lie side by side in one pack: a restore reads them
        // in one request, and a chunk damaged in the middle of that read fails its own file.
        const QByteArray src = enc(m_tmp.path()) + "/many";
        QVERIFY(QDir().mkpath(QString::fromLocal8Bit(src)));
        QList<QByteArray> contents;
        for (int i = 0; i < 60; ++i) {
            contents.append(test::randomData(3000 + i, quint32(100 + i)));
            QVERIFY(test::writeFile(src + "/f" + QByteArray::number(i).rightJustified(2, '0'),
                                    contents.last()));
        }
        const QString gen = backup(src);
        QVERIFY(!gen.isEmpty());
        const auto compareAll = [&](const QString &target, int except) {
            for (int i = 0; i < contents.size(); ++i) {
                QFile f(target + QString::fromLocal8Bit(src) +
                        QStringLiteral("/f%1").arg(i, 2, 10, QLatin1Char('0')));
                if (i == except) {
                    QVERIFY2(!f.exists(), "a file with a damaged chunk was named");
                    continue;
                }
                QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
                QVERIFY2(f.readAll() == contents[i], qPrintable(f.fileName()));
            }
        };
        const int before = m_backend->rangeReads();
        const QString first = newTarget();
        auto whole = restore(gen, first);
        QVERIFY(whole);
        QVERIFY(whole->errors.isEmpty());
        compareAll(first, -1);
        const int reads = m_backend->rangeReads() - before;
        qInfo("60 files restored with %d range reads", reads);
        QVERIFY2(reads >= 1 && reads <= 3, qPrintable(QString::number(reads)));

        const auto location = m_repo->index().find(m_repo->chunkId(contents[31]));
        QVERIFY(location);
        const QString pack = objectname::pack(QString::fromLatin1(location->packId.toHex()));
        QByteArray raw = m_backend->rawObject(pack);
        QVERIFY2(!raw.isEmpty(), qPrintable(pack));
        raw[qsizetype(location->entry.offset + 5)] ^= 0x01;
        m_backend->setRawObject(pack, raw);
        const QString second = newTarget();
        auto damaged = restore(gen, second);
        QVERIFY(damaged);
        QCOMPARE(damaged->errors.size(), 1);
        QVERIFY2(damaged->errors.first().path.endsWith(QStringLiteral("/f31")),
                 qPrintable(damaged->errors.first().path));
        QVERIFY2(damaged->errors.first().message.contains(QStringLiteral("does not authenticate")),
                 qPrintable(damaged->errors.first().message));
        compareAll(second, 31);

        // A pack cut short in the middle of the run: the run cannot be read whole, so its
        // chunks are read one at a time, and only the files whose chunks are gone fail.
        raw[qsizetype(location->entry.offset + 5)] ^= 0x01; // f31's byte as it was
        const auto cut = m_repo->index().find(m_repo->chunkId(contents[50]));
        QVERIFY(cut && cut->packId == location->packId);
        m_backend->setRawObject(pack, raw.left(qsizetype(cut->entry.offset + 10)));
        const QString third = newTarget();
        auto truncated = restore(gen, third);
        QVERIFY(truncated);
        QStringList failed;
        for (const ItemWarning &e : std::as_const(truncated->errors))
            failed.append(e.path.section(QLatin1Char('/'), -1));
        failed.sort();
        QStringList expected;
        for (int i = 50; i < 60; ++i)
            expected.append(QStringLiteral("f%1").arg(i));
        QCOMPARE(failed, expected);
        for (int i = 0; i < 50; ++i) {
            QFile f(third + QString::fromLocal8Bit(src) +
                    QStringLiteral("/f%1").arg(i, 2, 10, QLatin1Char('0')));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            QVERIFY2(f.readAll() == contents[i], qPrintable(f.fileName()));
        }
    }

    void fullTargetStopsWithOneMessage()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small file system needs root (CI runs as root)");
        const QByteArray src = enc(m_tmp.path()) + "/big";
        QVERIFY(QDir().mkpath(QString::fromLocal8Bit(src)));
        for (int i = 0; i < 40; ++i)
            QVERIFY(test::writeFile(src + "/f" + QByteArray::number(i).rightJustified(2, '0'),
                                    test::randomData(1024 * 1024, quint32(i))));
        const QString gen = backup(src);
        QVERIFY(!gen.isEmpty());
        const QByteArray mount = enc(newTarget());
        QVERIFY(QDir().mkpath(QString::fromLocal8Bit(mount)));
        QVERIFY2(::mount("tmpfs", mount.constData(), "tmpfs", 0, "size=8m") == 0, strerror(errno));
        struct Unmount
        {
            QByteArray path;
            ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
        } unmount{mount};
        auto r = restore(gen, QString::fromLocal8Bit(mount));
        QVERIFY(r);
        QVERIFY(r->stoppedBy.has_value());
        QCOMPARE(r->stoppedBy->code, ErrorCode::NoSpace);
        QCOMPARE(r->errors.size(), 1);
        QVERIFY2(r->errors.first().message.contains(QStringLiteral("No space left on device")),
                 qPrintable(r->errors.first().message));
        // What has its name is whole; the count says how many came back.
        int whole = 0;
        QDir restored(QString::fromLocal8Bit(mount + src));
        for (const QString &name : restored.entryList(QDir::Files | QDir::Hidden)) {
            QFile a(restored.filePath(name)),
                b(QString::fromLocal8Bit(src) + QLatin1Char('/') + name);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY2(a.readAll() == b.readAll(), qPrintable(name));
            ++whole;
        }
        qInfo("%d of 40 files restored before the 8 MiB target filled up; %lld entries counted",
              whole, r->files);
        QVERIFY(whole >= 4 && whole < 40);
        QCOMPARE(r->files, qint64(whole + 1)); // and the directory
    }
};

QTEST_GUILESS_MAIN(TestRestoreCases)
#include "tst_restorecases.moc"
