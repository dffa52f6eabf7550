// Restores a user meets on a bad day: a directory that could not be read at backup time, one
// file restored alone deep in a tree, a target that fills up.
#include "TestSupport.h"
#include "backend/MemoryBackend.h"
#include "engine/BackupEngine.h"
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
        auto repo = Repository::init(std::make_shared<MemoryBackend>(), "pw", io);
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
