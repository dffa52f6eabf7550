// A local user racing a restore: between the moment the restore creates a FIFO, socket, device
// node or symbolic link and the moment it sets that entry's metadata, the name is swapped for
// a symbolic link or a second name of a file outside the target. No metadata may land on that
// file. The swap is done at the exact moment through the engine's hook, and again by a thread
// racing real restores (OBNAM_RACE_SECONDS, default 2; the long form runs for a minute).
#include "TestSupport.h"
#include "backend/MemoryBackend.h"
#include "engine/BackupEngine.h"
#include "engine/RestoreEngine.h"
#include "repo/Repository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

mode_t modeOf(const QByteArray &path)
{
    struct stat st
    {};
    return ::lstat(path.constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(-1);
}

qint64 mtimeOf(const QByteArray &path)
{
    struct stat st
    {};
    return ::lstat(path.constData(), &st) == 0 ? qint64(st.st_mtim.tv_sec) : -1;
}

bool makeSocket(const QByteArray &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (size_t(path.size()) >= sizeof addr.sun_path) {
        ::close(fd);
        return false;
    }
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

} // namespace

class TestRestoreSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<Repository> m_repo;
    QByteArray m_src;
    QByteArray m_victim;     // a file outside every target, mode 0600
    QByteArray m_victimFifo; // a FIFO outside every target, mode 0600
    QString m_generation;
    int m_targets = 0;

    QString newTarget() { return m_tmp.path() + QStringLiteral("/target-%1").arg(++m_targets); }

    Result<RestoreResult> restore(const QString &target,
                                  std::function<void(const QByteArray &)> hook = {})
    {
        auto record = m_repo->resolveGeneration(m_generation);
        if (!record)
            return record.error();
        RestoreOptions o;
        o.target = target;
        o.cacheDir = m_tmp.path() + QStringLiteral("/cache");
        o.afterNodeCreated = std::move(hook);
        RestoreEngine engine(*m_repo, *record, o);
        return engine.run();
    }

    // The name a source path (absolute) has under a target.
    QByteArray under(const QString &target, const QByteArray &path) const
    {
        return enc(target) + path;
    }
    // The name of an entry the engine hands its hook (relative to the target).
    static QByteArray hooked(const QString &target, const QByteArray &rel)
    {
        return enc(target) + '/' + rel;
    }

    // Empty when neither victim got a restored entry's mode or times, else what they got.
    QString victimsChanged() const
    {
        QString changed;
        for (const QByteArray &v : {m_victim, m_victimFifo}) {
            if (modeOf(v) != 0600 || mtimeOf(v) < 1000000000)
                changed += QStringLiteral("%1 now has mode %2 and mtime %3; ")
                               .arg(QString::fromLocal8Bit(v))
                               .arg(modeOf(v), 0, 8)
                               .arg(mtimeOf(v));
        }
        return changed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        auto backend = std::make_shared<MemoryBackend>();
        Repository::InitOptions io;
        io.kdf = crypto::KdfParams::testing();
        auto repo = Repository::init(backend, "pw", io);
        QVERIFY(repo);
        m_repo = std::move(*repo);

        m_src = enc(m_tmp.path()) + "/src";
        QVERIFY(QDir().mkpath(QString::fromLocal8Bit(m_src + "/d")));
        // Nodes with modes wider than the victims' and times far in the past: either would
        // show on a victim that received them.
        const struct timespec old[2] = {{1000, 0}, {1000, 0}};
        for (int i = 0; i < 8; ++i) {
            const QByteArray fifo = m_src + "/d/fifo" + QByteArray::number(i);
            QVERIFY(::mkfifo(fifo.constData(), 0600) == 0);
            QVERIFY(::chmod(fifo.constData(), 0666) == 0);
            QVERIFY(::utimensat(AT_FDCWD, fifo.constData(), old, AT_SYMLINK_NOFOLLOW) == 0);
        }
        const QByteArray sock = m_src + "/d/sock";
        QVERIFY(makeSocket(sock));
        QVERIFY(::chmod(sock.constData(), 0777) == 0);
        QVERIFY(::utimensat(AT_FDCWD, sock.constData(), old, AT_SYMLINK_NOFOLLOW) == 0);
        const QByteArray link = m_src + "/d/link";
        QVERIFY(::symlink("somewhere", link.constData()) == 0);
        QVERIFY(::utimensat(AT_FDCWD, link.constData(), old, AT_SYMLINK_NOFOLLOW) == 0);

        BackupOptions bo;
        bo.roots = {m_src};
        bo.cacheDir = m_tmp.path() + QStringLiteral("/cache");
        bo.clientName = QStringLiteral("test");
        BackupEngine engine(*m_repo, bo);
        auto b = engine.run();
        QVERIFY(b);
        m_generation = b->generationId;

        m_victim = enc(m_tmp.path()) + "/victim";
        QVERIFY(test::writeFile(m_victim, "secret"));
        QVERIFY(::chmod(m_victim.constData(), 0600) == 0);
        m_victimFifo = enc(m_tmp.path()) + "/victim-fifo";
        QVERIFY(::mkfifo(m_victimFifo.constData(), 0600) == 0);
    }

    void plainRestoreSetsNodeMetadata()
    {
        const QString target = newTarget();
        auto r = restore(target);
        QVERIFY(r);
        QVERIFY(r->errors.isEmpty());
        QCOMPARE(modeOf(under(target, m_src + "/d/fifo0")), mode_t(0666));
        QCOMPARE(mtimeOf(under(target, m_src + "/d/fifo0")), qint64(1000));
        QCOMPARE(modeOf(under(target, m_src + "/d/sock")), mode_t(0777));
        QCOMPARE(mtimeOf(under(target, m_src + "/d/sock")), qint64(1000));
        QCOMPARE(mtimeOf(under(target, m_src + "/d/link")), qint64(1000));
    }

    void nodeSwappedForASymlinkIsNotFollowed_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::newRow("fifo") << QByteArray("/d/fifo3");
        QTest::newRow("socket") << QByteArray("/d/sock");
    }

    void nodeSwappedForASymlinkIsNotFollowed()
    {
        QFETCH(QByteArray, entry);
        const QString target = newTarget();
        int swapped = 0;
        auto r = restore(target, [&](const QByteArray &rel) {
            if (!rel.endsWith(entry))
                return;
            const QByteArray name = hooked(target, rel);
            QByteArray temp = name + ".swap";
            if (::symlink(m_victim.constData(), temp.constData()) == 0 &&
                ::rename(temp.constData(), name.constData()) == 0)
                ++swapped;
        });
        QVERIFY(r);
        QCOMPARE(swapped, 1);
        QVERIFY2(victimsChanged().isEmpty(), qPrintable(victimsChanged()));
        QCOMPARE(r->errors.size(), 1);
        QVERIFY2(r->errors.first().message.contains(QStringLiteral("replaced")),
                 qPrintable(r->errors.first().message));
        // Every other entry came out as usual.
        QCOMPARE(modeOf(under(target, m_src + "/d/fifo0")), mode_t(0666));
    }

    void nodeSwappedForASecondNameIsNotChanged()
    {
        // A hard link to a FIFO outside the target, of the same kind and owner: its link count
        // gives it away.
        const QString target = newTarget();
        int swapped = 0;
        auto r = restore(target, [&](const QByteArray &rel) {
            if (!rel.endsWith("/d/fifo5"))
                return;
            const QByteArray name = hooked(target, rel);
            if (::unlink(name.constData()) == 0 &&
                ::link(m_victimFifo.constData(), name.constData()) == 0)
                ++swapped;
        });
        QVERIFY(r);
        QCOMPARE(swapped, 1);
        QVERIFY2(victimsChanged().isEmpty(), qPrintable(victimsChanged()));
        QCOMPARE(r->errors.size(), 1);
    }

    void symlinkSwappedForAFileLeavesTheFileAlone()
    {
        const QString target = newTarget();
        auto r = restore(target, [&](const QByteArray &rel) {
            if (!rel.endsWith("/d/link"))
                return;
            const QByteArray name = hooked(target, rel);
            QVERIFY(::unlink(name.constData()) == 0);
            QVERIFY(::link(m_victim.constData(), name.constData()) == 0);
        });
        QVERIFY(r);
        QVERIFY2(victimsChanged().isEmpty(), qPrintable(victimsChanged()));
        QCOMPARE(r->errors.size(), 1);
    }

    void racingThreadNeverReachesOutside()
    {
        // What a hostile user does without any hook: swap every node for a symbolic link to
        // the victims, as fast as possible, while restores run.
        const int seconds = qEnvironmentVariableIsSet("OBNAM_RACE_SECONDS")
                                ? qEnvironmentVariableIntValue("OBNAM_RACE_SECONDS")
                                : 2;
        QElapsedTimer clock;
        clock.start();
        int restores = 0;
        std::atomic<qint64> swaps{0};
        while (clock.elapsed() < seconds * 1000 || restores < 5) {
            const QString target = newTarget();
            std::atomic<bool> stop{false};
            const QByteArray dir = under(target, m_src + "/d");
            std::thread racer([&] {
                int n = 0;
                while (!stop.load()) {
                    const QByteArray name = dir + "/fifo" + QByteArray::number(n++ % 8);
                    const QByteArray temp = name + ".race";
                    const QByteArray &victim = (n % 2) ? m_victim : m_victimFifo;
                    ::unlink(temp.constData());
                    if (::symlink(victim.constData(), temp.constData()) != 0)
                        continue;
                    if (::rename(temp.constData(), name.constData()) == 0)
                        swaps.fetch_add(1);
                }
            });
            auto r = restore(target);
            stop.store(true);
            racer.join();
            QVERIFY(r);
            ++restores;
            QVERIFY2(victimsChanged().isEmpty(), qPrintable(victimsChanged()));
            QDir(target).removeRecursively();
        }
        qInfo("%d restores raced, %lld swaps, victims untouched", restores, qint64(swaps.load()));
    }
};

QTEST_GUILESS_MAIN(TestRestoreSafety)
#include "tst_restoresafety.moc"
