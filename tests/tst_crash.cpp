// Crash consistency with the real obnam-cli: killed at every named crash point of a backup and
// of a prune, and with kill -9 at random moments of a larger backup. After every crash, check
// passes, every generation committed before it restores identically, and the next run
// completes.
#include "CliRunner.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
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

bool copyTree(const QString &from, const QString &to)
{
    QDir(to).removeRecursively();
    return QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), from, to}) == 0;
}

void writeTree(const QString &dir, int files, qsizetype size, quint32 seed)
{
    QDir().mkpath(dir);
    for (int i = 0; i < files; ++i)
        test::writeFile(enc(dir + QStringLiteral("/f%1").arg(i)),
                        test::randomData(size, seed + quint32(i)));
}

qint64 treeSize(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::CliHome> m_home;
    QString m_source;
    QProcessEnvironment m_env;

    QString repo() const { return m_home->repositoryPath(); }

    test::CliRun binary(const QStringList &args, const QProcessEnvironment &extra = {})
    {
        QProcessEnvironment env = m_env;
        for (const QString &k : extra.keys())
            env.insert(k, extra.value(k));
        return m_home->runBinary(args, env);
    }

    QString restoreDiff(const QString &gen, const QString &expectedTree)
    {
        static int n = 0;
        const QString target = m_home->path() + QStringLiteral("/restore-%1").arg(++n);
        const auto r = m_home->run({QStringLiteral("restore"), gen, target}, m_env);
        QString diff = r.code != 0 ? QStringLiteral("restore failed: ") + r.err
                                   : test::manifestDiff(test::manifest(enc(expectedTree)),
                                                        test::manifest(enc(target + m_source)));
        QDir(target).removeRecursively();
        return diff;
    }

    QStringList pointsOf(const QStringList &args)
    {
        const QString log = m_home->path() + QStringLiteral("/points.log");
        QFile::remove(log);
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("OBNAM_CRASH_LOG"), log);
        const auto r = binary(args, extra);
        if (r.code != 0)
            return {};
        QFile f(log);
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    void dropCache() { QDir(m_home->home() + QStringLiteral("/.cache/obnam")).removeRecursively(); }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<test::CliHome>();
        m_source = m_home->path() + QStringLiteral("/src");
        m_env = QProcessEnvironment();
        m_env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("crash"));
        m_home->writeConfig("roots: [\"" + m_source.toUtf8() +
                            "\"]\nserver_url: " + repo().toUtf8() + "\n");
    }

    void everyCrashPointOfABackup()
    {
        writeTree(m_source, 6, 1024 * 1024, 1);
        QCOMPARE(m_home->run({QStringLiteral("init")}, m_env).code, 0);
        QCOMPARE(m_home->run({QStringLiteral("backup")}, m_env).code, 0);
        const QString first =
            m_home->run({QStringLiteral("resolve"), QStringLiteral("latest")}, m_env).out.trimmed();
        const QString firstTree = m_home->path() + QStringLiteral("/first-tree");
        QVERIFY(copyTree(m_source, firstTree));
        // The backup that crashes: 20 MiB of new data, so more than one pack.
        writeTree(m_source + QStringLiteral("/more"), 5, 4 * 1024 * 1024, 100);
        const QString pristine = m_home->path() + QStringLiteral("/pristine");
        QVERIFY(copyTree(repo(), pristine));

        const QStringList points = pointsOf({QStringLiteral("backup")});
        QVERIFY2(points.size() >= 8, qPrintable(points.join(QLatin1Char(' '))));
        for (const char *needed :
             {"lock-write-after", "pack-write-before", "pack-write-after", "index-write-before",
              "index-write-after", "generation-commit-before", "generation-commit-after"})
            QVERIFY2(points.contains(QLatin1String(needed)), needed);
        qint64 fullUpload = 0;
        int reused = 0;
        for (int n = 1; n <= points.size(); ++n) {
            QVERIFY(copyTree(pristine, repo()));
            dropCache();
            QProcessEnvironment crash;
            crash.insert(QStringLiteral("OBNAM_CRASH_AT"), QString::number(n));
            const auto killed = binary({QStringLiteral("backup")}, crash);
            QVERIFY2(killed.code == -2, qPrintable(QStringLiteral("point %1 (%2): exit %3")
                                                       .arg(n)
                                                       .arg(points[n - 1])
                                                       .arg(killed.code)));
            const QString at = QStringLiteral("after crash at %1 (%2)").arg(n).arg(points[n - 1]);
            auto r = m_home->run({QStringLiteral("check")}, m_env);
            QVERIFY2(r.code == 0, qPrintable(at + QLatin1Char('\n') + r.out + r.err));
            QVERIFY2(restoreDiff(first, firstTree).isEmpty(), qPrintable(at));
            r = m_home->run({QStringLiteral("backup"), QStringLiteral("--json")}, m_env);
            QVERIFY2(r.code == 0, qPrintable(at + r.err));
            const QJsonObject result =
                QJsonDocument::fromJson(r.out.trimmed().split(QLatin1Char('\n')).last().toUtf8())
                    .object();
            const qint64 uploaded = result.value(QStringLiteral("uploaded_bytes")).toInteger();
            if (n == 1)
                fullUpload = uploaded;
            // Once the crashed run's index object was durable, its packs are reused.
            if (points.mid(0, n).contains(QStringLiteral("index-write-after"))) {
                QVERIFY2(uploaded < fullUpload / 4, qPrintable(at));
                ++reused;
            }
            QVERIFY2(restoreDiff(QStringLiteral("latest"), m_source).isEmpty(), qPrintable(at));
        }
        qInfo("backup: %lld crash points, each survived; %d of them left work the next backup "
              "reused",
              qint64(points.size()), reused);
    }

    void backupKilledHalfwayIsResumed()
    {
        // kill -9 at about half of a first backup: the next one takes over the packs the dead
        // one stored (they are in no index object yet) instead of uploading them again.
        writeTree(m_source, 24, 4 * 1024 * 1024, 500); // 96 MiB, six packs
        QCOMPARE(m_home->run({QStringLiteral("init")}, m_env).code, 0);
        const QString pristine = m_home->path() + QStringLiteral("/pristine");
        QVERIFY(copyTree(repo(), pristine));
        const QStringList points = pointsOf({QStringLiteral("backup")});
        QList<int> packsStored;
        for (int i = 0; i < points.size(); ++i) {
            if (points[i] == QStringLiteral("pack-write-after"))
                packsStored.append(i + 1);
        }
        QVERIFY2(packsStored.size() >= 5, qPrintable(points.join(QLatin1Char(' '))));
        const auto json = [](const QString &out) {
            return QJsonDocument::fromJson(out.trimmed().split(QLatin1Char('\n')).last().toUtf8())
                .object();
        };
        // The whole backup's upload, for comparison.
        QVERIFY(copyTree(pristine, repo()));
        dropCache();
        auto r = m_home->run({QStringLiteral("backup"), QStringLiteral("--json")}, m_env);
        QCOMPARE(r.code, 0);
        const qint64 full = json(r.out).value(QStringLiteral("uploaded_bytes")).toInteger();

        QVERIFY(copyTree(pristine, repo()));
        dropCache();
        QProcessEnvironment crash;
        const int half = packsStored.size() / 2;
        crash.insert(QStringLiteral("OBNAM_CRASH_AT"), QString::number(packsStored[half - 1]));
        QCOMPARE(binary({QStringLiteral("backup")}, crash).code, -2);
        r = m_home->run({QStringLiteral("backup"), QStringLiteral("--json")}, m_env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("note: resuming: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("removed the stale lock")), qPrintable(r.err));
        const qint64 resumed = json(r.out).value(QStringLiteral("uploaded_bytes")).toInteger();
        qInfo(
            "killed after %d of %lld packs: the next backup uploaded %lld of %lld bytes (%.0f %%)",
            half, qint64(packsStored.size()), resumed, full,
            100.0 * double(resumed) / double(full));
        QVERIFY(resumed <= full * 6 / 10);
        QCOMPARE(restoreDiff(QStringLiteral("latest"), m_source), QString());
        r = m_home->run({QStringLiteral("check"), QStringLiteral("--read-data")}, m_env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        // No lock is left behind.
        QVERIFY(QDir(repo() + QStringLiteral("/locks")).isEmpty(QDir::Files | QDir::Hidden));
    }

    void pruneCountsAndClearsWhatKilledBackupsLeft()
    {
        writeTree(m_source, 6, 4 * 1024 * 1024, 900); // 24 MiB: two packs
        QCOMPARE(m_home->run({QStringLiteral("init")}, m_env).code, 0);
        const QStringList points = pointsOf({QStringLiteral("backup")});
        // A fresh repository, and a backup killed after its first pack: that pack is in no
        // index object.
        QDir(repo()).removeRecursively();
        dropCache();
        QFile::remove(m_home->home() + QStringLiteral("/.config/obnam/passwords.yaml"));
        QCOMPARE(m_home->run({QStringLiteral("init")}, m_env).code, 0);
        QProcessEnvironment crash;
        crash.insert(QStringLiteral("OBNAM_CRASH_AT"),
                     QString::number(points.indexOf(QStringLiteral("pack-write-after")) + 1));
        QCOMPARE(binary({QStringLiteral("backup")}, crash).code, -2);
        // Temporary files of writes that never finished: one two days old, one fresh.
        QDir().mkpath(repo() + QStringLiteral("/packs/00"));
        const QString old = repo() + QStringLiteral("/packs/00/.tmp-0123456789abcdef");
        const QString fresh = repo() + QStringLiteral("/packs/00/.tmp-fedcba9876543210");
        QVERIFY(test::writeFile(enc(old), QByteArray(100000, 'x')));
        QVERIFY(test::writeFile(enc(fresh), QByteArray(100000, 'y')));
        const struct timespec twoDaysAgo[2] = {{::time(nullptr) - 2 * 86400, 0},
                                               {::time(nullptr) - 2 * 86400, 0}};
        QVERIFY(::utimensat(AT_FDCWD, enc(old).constData(), twoDaysAgo, 0) == 0);
        const auto r = m_home->run({QStringLiteral("prune")}, m_env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The pack it was killed after, and perhaps the next one, already in flight.
        static const QRegularExpression orphans(
            QStringLiteral("packs in no index deleted: [12] \\([1-9][0-9.]* MiB\\)"));
        QVERIFY2(r.out.contains(orphans), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("bytes freed: 0 B")), qPrintable(r.out));
        QVERIFY2(r.out.contains(
                     QStringLiteral("temporary files of unfinished writes deleted: 97.7 KiB")),
                 qPrintable(r.out));
        QVERIFY(!QFile::exists(old));
        QVERIFY(QFile::exists(fresh));
    }

    void everyCrashPointOfAPrune()
    {
        QCOMPARE(m_home->run({QStringLiteral("init")}, m_env).code, 0);
        for (int g = 0; g < 3; ++g) {
            writeTree(m_source, 8, 2 * 1024 * 1024, quint32(10 * g));
            QCOMPARE(m_home->run({QStringLiteral("backup")}, m_env).code, 0);
        }
        QCOMPARE(m_home
                     ->run({QStringLiteral("forget"), QStringLiteral("--keep-last"),
                            QStringLiteral("1")},
                           m_env)
                     .code,
                 0);
        const QString kept =
            m_home->run({QStringLiteral("resolve"), QStringLiteral("latest")}, m_env).out.trimmed();
        const QString pristine = m_home->path() + QStringLiteral("/pristine");
        QVERIFY(copyTree(repo(), pristine));
        const QStringList points = pointsOf({QStringLiteral("prune")});
        QVERIFY2(points.contains(QStringLiteral("prune-pack-delete-after")) &&
                     points.contains(QStringLiteral("prune-index-write-after")),
                 qPrintable(points.join(QLatin1Char(' '))));
        for (int n = 1; n <= points.size(); ++n) {
            QVERIFY(copyTree(pristine, repo()));
            dropCache();
            QProcessEnvironment crash;
            crash.insert(QStringLiteral("OBNAM_CRASH_AT"), QString::number(n));
            QCOMPARE(binary({QStringLiteral("prune")}, crash).code, -2);
            const QString at = QStringLiteral("after crash at %1 (%2)").arg(n).arg(points[n - 1]);
            auto r = m_home->run({QStringLiteral("check")}, m_env);
            QVERIFY2(r.code == 0, qPrintable(at + QLatin1Char('\n') + r.out + r.err));
            QVERIFY2(restoreDiff(kept, m_source).isEmpty(), qPrintable(at));
            r = m_home->run({QStringLiteral("prune")}, m_env);
            QVERIFY2(r.code == 0, qPrintable(at + r.err));
            r = m_home->run({QStringLiteral("check"), QStringLiteral("--read-data")}, m_env);
            QVERIFY2(r.code == 0 && !r.out.contains(QStringLiteral("note:")),
                     qPrintable(at + QLatin1Char('\n') + r.out + r.err));
        }
        qInfo("prune: %lld crash points, each survived", qint64(points.size()));
    }

    void fullDiskFailsCleanly()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small file system needs root (CI runs as root)");
        const QByteArray mount = enc(m_home->path() + QStringLiteral("/small"));
        QVERIFY(QDir().mkpath(QString::fromUtf8(mount)));
        QVERIFY2(::mount("tmpfs", mount.constData(), "tmpfs", 0, "size=8m") == 0, strerror(errno));
        struct Unmount
        {
            QByteArray path;
            ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
        } unmount{mount};
        m_home->writeConfig("roots: [\"" + m_source.toUtf8() + "\"]\nserver_url: " + mount +
                            "/repo\n");
        writeTree(m_source, 6, 1024 * 1024, 31);
        QCOMPARE(m_home->run({QStringLiteral("init")}, m_env).code, 0);
        QCOMPARE(m_home->run({QStringLiteral("backup")}, m_env).code, 0);
        const QString first =
            m_home->run({QStringLiteral("resolve"), QStringLiteral("latest")}, m_env).out.trimmed();
        const QString firstTree = m_home->path() + QStringLiteral("/first-tree");
        QVERIFY(copyTree(m_source, firstTree));
        writeTree(m_source + QStringLiteral("/big"), 4, 4 * 1024 * 1024, 32); // 16 MiB more
        auto r = m_home->run({QStringLiteral("backup")}, m_env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No space left on device")), qPrintable(r.err));
        r = m_home->run({QStringLiteral("check"), QStringLiteral("--read-data")}, m_env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(restoreDiff(first, firstTree), QString());
        // Space freed: the next backup completes.
        QVERIFY2(::mount("tmpfs", mount.constData(), "tmpfs", MS_REMOUNT, "size=128m") == 0,
                 strerror(errno));
        r = m_home->run({QStringLiteral("backup")}, m_env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(restoreDiff(QStringLiteral("latest"), m_source), QString());
        QCOMPARE(m_home->run({QStringLiteral("check"), QStringLiteral("--read-data")}, m_env).code,
                 0);
    }

    void killedAtRandomMoments()
    {
        writeTree(m_source, 20, 4 * 1024 * 1024, 7); // 80 MiB
        QCOMPARE(m_home->run({QStringLiteral("init")}, m_env).code, 0);
        // How long an uninterrupted backup takes, on a scratch copy.
        const QString empty = m_home->path() + QStringLiteral("/empty-repo");
        QVERIFY(copyTree(repo(), empty));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(binary({QStringLiteral("backup")}).code, 0);
        const qint64 full = timer.elapsed();
        QVERIFY(copyTree(empty, repo()));
        dropCache();

        QRandomGenerator random(99);
        int kills = 0, completed = 0;
        while (kills < 25 && kills + completed < 100) {
            auto p = m_home->start({QStringLiteral("backup")}, m_env);
            const int delay = 20 + int(random.bounded(quint32(qMax<qint64>(full * 6 / 5, 100))));
            if (!p->waitForFinished(delay)) {
                p->kill();
                p->waitForFinished();
                ++kills;
            } else {
                const auto done = test::CliHome::finish(*p);
                QVERIFY2(done.code == 0, qPrintable(done.err));
                ++completed;
                // Start over, so the next run has a whole backup's work to be killed in.
                QVERIFY(copyTree(empty, repo()));
                dropCache();
            }
            const auto r = m_home->run({QStringLiteral("check")}, m_env);
            QVERIFY2(r.code == 0,
                     qPrintable(QStringLiteral("after kill %1 at %2 ms:\n").arg(kills).arg(delay) +
                                r.out + r.err));
        }
        QCOMPARE(kills, 25);
        QCOMPARE(m_home->run({QStringLiteral("backup")}, m_env).code, 0);
        QCOMPARE(restoreDiff(QStringLiteral("latest"), m_source), QString());
        // What the kills since the last fresh start left behind, against what prune keeps.
        const qint64 before = treeSize(repo());
        QCOMPARE(m_home->run({QStringLiteral("prune")}, m_env).code, 0);
        const qint64 after = treeSize(repo());
        qInfo("repository after the kills: %lld bytes; after prune: %lld bytes (%.2fx)", before,
              after, double(before) / double(after));
        QVERIFY(before <= after * 3 / 2);
        const auto r = m_home->run({QStringLiteral("check"), QStringLiteral("--read-data")}, m_env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        qInfo("random kills: %d kill -9 during backups (%d runs finished first; a full backup "
              "takes %lld ms); check passed after each, the last backup restored identically",
              kills, completed, full);
    }
};

QTEST_GUILESS_MAIN(TestCrash)

#include "tst_crash.moc"
