// Every long operation obeys one control: backup, restore, check, prune, repair and fetching a
// generation database, each run on a worker thread as a window would run it, watched through
// its signals and cancelled at several exact points (after the n-th pack stored, read or
// deleted). After each cancel the repository passes check and the next run completes, reusing
// what was stored. Pause holds a backup and a restore with nothing read meanwhile.
#include "ObservingBackend.h"
#include "TestSupport.h"
#include "backend/LocalBackend.h"
#include "backend/ObjectName.h"
#include "engine/BackupEngine.h"
#include "engine/GenerationStore.h"
#include "engine/RestoreEngine.h"
#include "maint/Checker.h"
#include "maint/Pruner.h"
#include "maint/Repairer.h"
#include "repo/Repository.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <atomic>
#include <future>
#include <thread>

using namespace obnam;
using test::ObservingBackend;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

// Runs `work` on a thread of its own, as a window runs an operation off its GUI thread.
template <typename F> auto onWorker(F work)
{
    std::packaged_task<decltype(work())()> task(std::move(work));
    auto result = task.get_future();
    std::thread(std::move(task)).detach();
    return result;
}

// Bytes this process has read through read() and friends so far.
qint64 bytesReadByProcess()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

bool waitFor(const std::function<bool()> &ready, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!ready()) {
        if (t.elapsed() > ms)
            return false;
        QThread::msleep(5);
    }
    return true;
}

} // namespace

class TestOperations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QByteArray m_src;
    QString m_repoDir;
    QString m_cache;
    std::unique_ptr<Repository> m_repo;
    // What the current test does at each storage call (on the calling thread).
    std::function<void(ObservingBackend::Call, const QString &, qint64)> m_hook;
    std::mutex m_hookMutex;
    int m_repos = 0;

    std::shared_ptr<Backend> observed()
    {
        return std::make_shared<ObservingBackend>(
            std::make_shared<LocalBackend>(m_repoDir),
            [this](ObservingBackend::Call call, const QString &name, qint64 bytes) {
                std::lock_guard lock(m_hookMutex);
                if (m_hook)
                    m_hook(call, name, bytes);
            });
    }

    void setHook(std::function<void(ObservingBackend::Call, const QString &, qint64)> hook)
    {
        std::lock_guard lock(m_hookMutex);
        m_hook = std::move(hook);
    }

    // Opened again from disk, so only what is durable counts.
    void reopen()
    {
        m_repo.reset();
        auto repo = Repository::open(observed(), "pw");
        QVERIFY2(repo, qPrintable(repo ? QString() : repo.error().toString()));
        m_repo = std::move(*repo);
    }

    Result<BackupResult> backup(OperationControl *control = nullptr,
                                ChunkWriterStats *stored = nullptr)
    {
        BackupOptions o;
        o.roots = {m_src};
        o.cacheDir = m_cache;
        BackupEngine engine(*m_repo, o);
        engine.setControl(control);
        QSignalSpy spy(&engine, &BackupEngine::progress);
        auto done = onWorker([&] { return engine.run(); });
        auto r = done.get();
        if (stored)
            *stored = engine.stored();
        m_lastProgressSignals = int(spy.count());
        return r;
    }
    int m_lastProgressSignals = 0;

    Result<RestoreResult> restore(const QString &target, bool overwrite = false,
                                  OperationControl *control = nullptr)
    {
        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        if (!record)
            return record.error();
        RestoreOptions o;
        o.target = target;
        o.cacheDir = m_cache;
        o.existing =
            overwrite ? RestoreOptions::Existing::Overwrite : RestoreOptions::Existing::Refuse;
        RestoreEngine engine(*m_repo, *record, o);
        engine.setControl(control);
        QSignalSpy spy(&engine, &RestoreEngine::progress);
        auto done = onWorker([&] { return engine.run(); });
        auto r = done.get();
        m_lastProgressSignals = int(spy.count());
        return r;
    }

    QString checkProblems(bool readData = true)
    {
        CheckOptions o;
        o.readData = readData ? CheckOptions::ReadData::All : CheckOptions::ReadData::None;
        o.cacheDir = m_cache;
        Checker checker(*m_repo, o);
        auto r = onWorker([&] { return checker.run(); }).get();
        if (!r)
            return r.error().toString();
        QString out;
        for (const CheckFinding &f : r->damaged)
            out += f.object + QStringLiteral(": ") + f.message + QLatin1Char('\n');
        return out;
    }

    QString restoredDiff(const QString &target)
    {
        return test::manifestDiff(test::manifest(m_src), test::manifest(enc(target) + m_src));
    }

    // Cancels `control` on the n-th call of `kind` to an object under `prefix`.
    void cancelAt(OperationControl &control, ObservingBackend::Call kind, const QString &prefix,
                  int n)
    {
        auto count = std::make_shared<std::atomic<int>>(0);
        setHook([&control, kind, prefix, n, count](ObservingBackend::Call call, const QString &name,
                                                   qint64) {
            if (call == kind && name.startsWith(prefix) && ++*count == n)
                control.cancel();
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_src = enc(m_tmp.path()) + "/src";
        for (int d = 0; d < 4; ++d) {
            const QByteArray dir = m_src + "/d" + QByteArray::number(d);
            QVERIFY(QDir().mkpath(QString::fromLocal8Bit(dir)));
            for (int f = 0; f < 8; ++f)
                QVERIFY(test::writeFile(dir + "/f" + QByteArray::number(f),
                                        test::randomData(1024 * 1024, quint32(d * 100 + f))));
        }
    }

    void init()
    {
        setHook({});
        m_repoDir = m_tmp.path() + QStringLiteral("/repo-%1").arg(++m_repos);
        m_cache = m_tmp.path() + QStringLiteral("/cache-%1").arg(m_repos);
        Repository::InitOptions io;
        io.kdf = crypto::KdfParams::testing();
        io.chunker = ChunkerParams::forAverage(64 * 1024);
        io.packSize = 1024 * 1024; // 32 MiB of data: about 32 packs
        auto repo = Repository::init(observed(), "pw", io);
        QVERIFY(repo);
        m_repo = std::move(*repo);
    }

    void cleanup()
    {
        setHook({});
        m_repo.reset();
    }

    void backupCancelledAtSeveralPoints_data()
    {
        QTest::addColumn<int>("afterPacks");
        QTest::newRow("after the 1st pack") << 1;
        QTest::newRow("after the 6th pack") << 6;
        QTest::newRow("after the 20th pack") << 20;
    }

    void backupCancelledAtSeveralPoints()
    {
        QFETCH(int, afterPacks);
        OperationControl control;
        cancelAt(control, ObservingBackend::Put, QStringLiteral("packs/"), afterPacks);
        ChunkWriterStats stored;
        auto r = backup(&control, &stored);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(m_lastProgressSignals >= 1);
        QVERIFY(stored.newChunks > 0);
        setHook({});
        reopen();
        QCOMPARE(checkProblems(), QString());
        QVERIFY(m_repo->generations()->isEmpty());
        auto next = backup();
        QVERIFY2(next, qPrintable(next ? QString() : next.error().toString()));
        qInfo("cancelled after %d packs with %lld chunks stored; the next backup reused %lld",
              afterPacks, stored.newChunks, next->stats.reusedChunks);
        QVERIFY(next->stats.reusedChunks >= stored.newChunks);
        QCOMPARE(checkProblems(), QString());
        const QString target = m_tmp.path() + QStringLiteral("/restored-b%1").arg(m_repos);
        QVERIFY(restore(target));
        QCOMPARE(restoredDiff(target), QString());
    }

    void restoreCancelledAtSeveralPoints_data()
    {
        QTest::addColumn<int>("afterReads");
        QTest::newRow("after 3 reads") << 3;
        // A restore reads runs of up to 2 MiB: this 32 MiB tree takes about 16.
        QTest::newRow("after 10 reads") << 10;
    }

    void restoreCancelledAtSeveralPoints()
    {
        QFETCH(int, afterReads);
        QVERIFY(backup());
        OperationControl control;
        cancelAt(control, ObservingBackend::GetRange, QStringLiteral("packs/"), afterReads);
        const QString target = m_tmp.path() + QStringLiteral("/restored-r%1").arg(m_repos);
        auto r = restore(target, false, &control);
        QVERIFY(r);
        QVERIFY(r->stoppedBy.has_value());
        QCOMPARE(r->stoppedBy->code, ErrorCode::Cancelled);
        QVERIFY(r->errors.isEmpty());
        QVERIFY(m_lastProgressSignals >= 1);
        // What has its name is whole; nothing is left half-written.
        QDirIterator it(target, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int named = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!it.fileName().startsWith(QLatin1Char('.')), qPrintable(path));
            QFile a(path), b(path.mid(target.size()));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY(a.readAll() == b.readAll());
            ++named;
        }
        qInfo("restore cancelled after %d reads: %d files named, each whole", afterReads, named);
        QVERIFY(named < 32);
        setHook({});
        QCOMPARE(checkProblems(false), QString());
        auto again = restore(target, true);
        QVERIFY(again && again->errors.isEmpty());
        QCOMPARE(restoredDiff(target), QString());
    }

    void checkCancelled()
    {
        QVERIFY(backup());
        OperationControl control;
        cancelAt(control, ObservingBackend::Get, QStringLiteral("packs/"), 4);
        CheckOptions o;
        o.readData = CheckOptions::ReadData::All;
        o.cacheDir = m_cache;
        Checker checker(*m_repo, o);
        checker.setControl(&control);
        QSignalSpy spy(&checker, &Checker::progress);
        auto r = onWorker([&] { return checker.run(); }).get();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(spy.count() >= 1);
        setHook({});
        QCOMPARE(checkProblems(), QString());
    }

    void pruneCancelledAtSeveralPoints_data()
    {
        QTest::addColumn<int>("call");
        QTest::addColumn<int>("n");
        QTest::newRow("reading the generations") << int(ObservingBackend::Get) << 1;
        QTest::newRow("deleting packs") << int(ObservingBackend::Remove) << 2;
    }

    void pruneCancelledAtSeveralPoints()
    {
        QFETCH(int, call);
        QFETCH(int, n);
        QVERIFY(backup());
        const QString first = m_repo->resolveGeneration(QStringLiteral("latest"))->id;
        // A second generation without half the files; then the first is forgotten, so half of
        // the packs are unused.
        const QString moved = m_tmp.path() + QStringLiteral("/moved-%1").arg(m_repos);
        QVERIFY(QDir().rename(QString::fromLocal8Bit(m_src + "/d3"), moved));
        QVERIFY(QDir().rename(QString::fromLocal8Bit(m_src + "/d2"), moved + QStringLiteral("-2")));
        auto second = backup();
        QVERIFY(QDir().rename(moved, QString::fromLocal8Bit(m_src + "/d3")));
        QVERIFY(QDir().rename(moved + QStringLiteral("-2"), QString::fromLocal8Bit(m_src + "/d2")));
        QVERIFY(second);
        QVERIFY(m_repo->backend().remove(objectname::generation(first)).result());
        reopen();
        OperationControl control;
        cancelAt(control, ObservingBackend::Call(call),
                 call == ObservingBackend::Get ? QStringLiteral("generations/")
                                               : QStringLiteral("packs/"),
                 n);
        PruneOptions po;
        po.cacheDir = m_cache + QStringLiteral("-prune"); // nothing cached: it reads the storage
        Pruner pruner(*m_repo, po);
        pruner.setControl(&control);
        QSignalSpy spy(&pruner, &Pruner::progress);
        auto r = onWorker([&] { return pruner.run(); }).get();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(spy.count() >= 1);
        qInfo("%s", qPrintable(r.error().message));
        setHook({});
        reopen();
        QCOMPARE(checkProblems(), QString());
        Pruner again(*m_repo, po);
        auto done = onWorker([&] { return again.run(); }).get();
        QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
        QVERIFY(done->packsDeleted + done->orphanPacks + done->packsRepacked > 0);
        reopen();
        QCOMPARE(checkProblems(), QString());
    }

    void repairCancelled()
    {
        QVERIFY(backup());
        OperationControl control;
        cancelAt(control, ObservingBackend::Get, QStringLiteral("packs/"), 5);
        Repairer repairer(*m_repo);
        repairer.setControl(&control);
        QSignalSpy spy(&repairer, &Repairer::progress);
        auto r = onWorker([&] { return repairer.run(); }).get();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(spy.count() >= 1);
        setHook({});
        reopen();
        QCOMPARE(checkProblems(), QString());
        Repairer again(*m_repo);
        QVERIFY(onWorker([&] { return again.run(); }).get());
        QCOMPARE(checkProblems(), QString());
    }

    void databaseFetchCancelled()
    {
        QVERIFY(backup());
        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        QVERIFY(record);
        OperationControl control;
        control.cancel();
        const QString cache = m_tmp.path() + QStringLiteral("/fetch-cache");
        auto r = generationstore::fetchDatabase(*m_repo, *record, cache, &control);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(QDir(cache + QStringLiteral("/generations")).isEmpty(QDir::Files | QDir::Hidden));
        QVERIFY(generationstore::fetchDatabase(*m_repo, *record, cache));
    }

    void operationsShareQtConcurrentsGlobalPool()
    {
        // As a window runs them: on QtConcurrent's global pool, which has as many threads as
        // cores, two at a time here. None may wait for a thread that its neighbour holds.
        BackupOptions o;
        o.roots = {m_src};
        o.cacheDir = m_cache;
        BackupEngine backupEngine(*m_repo, o);
        QFuture<Result<BackupResult>> backupDone =
            QtConcurrent::run([&] { return backupEngine.run(); });
        QTRY_VERIFY_WITH_TIMEOUT(backupDone.isFinished(), 120000);
        QVERIFY(backupDone.result());
        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        RestoreOptions ro;
        ro.target = m_tmp.path() + QStringLiteral("/restored-pool");
        ro.cacheDir = m_cache;
        RestoreEngine restoreEngine(*m_repo, *record, ro);
        CheckOptions co;
        co.readData = CheckOptions::ReadData::All;
        co.cacheDir = m_cache + QStringLiteral("-check");
        Checker checker(*m_repo, co);
        auto restoreDone = QtConcurrent::run([&] { return restoreEngine.run(); });
        auto checkDone = QtConcurrent::run([&] { return checker.run(); });
        auto listed = m_repo->generationsAsync();
        QTRY_VERIFY_WITH_TIMEOUT(
            restoreDone.isFinished() && checkDone.isFinished() && listed.isFinished(), 120000);
        QVERIFY(restoreDone.result() && restoreDone.result()->errors.isEmpty());
        QVERIFY(checkDone.result() && checkDone.result()->healthy());
        QCOMPARE(listed.result()->size(), 1);
        QCOMPARE(restoredDiff(ro.target), QString());
    }

    void backupPausesAndResumes()
    {
        OperationControl control;
        std::atomic<qint64> puts{0};
        setHook([&](ObservingBackend::Call call, const QString &name, qint64) {
            if (call == ObservingBackend::Put && name.startsWith(QStringLiteral("packs/")) &&
                ++puts == 3)
                control.pause();
        });
        BackupOptions o;
        o.roots = {m_src};
        o.cacheDir = m_cache;
        BackupEngine engine(*m_repo, o);
        engine.setControl(&control);
        auto done = onWorker([&] { return engine.run(); });
        QVERIFY(waitFor([&] { return control.waiting() > 0; }));
        QThread::msleep(200); // uploads already handed over finish
        const qint64 readBefore = bytesReadByProcess();
        const qint64 putsBefore = puts.load();
        QThread::msleep(500);
        const qint64 readDuring = bytesReadByProcess() - readBefore;
        const qint64 putsDuring = puts.load() - putsBefore;
        qInfo("paused backup: %lld bytes read and %lld packs stored in 0.5 s", readDuring,
              putsDuring);
        QCOMPARE(putsDuring, qint64(0));
        QVERIFY2(readDuring < 4096, "the paused backup went on reading");
        QVERIFY(done.wait_for(std::chrono::seconds(0)) != std::future_status::ready);
        control.resume();
        auto r = done.get();
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        setHook({});
        const QString target = m_tmp.path() + QStringLiteral("/restored-p%1").arg(m_repos);
        QVERIFY(restore(target));
        QCOMPARE(restoredDiff(target), QString());
    }

    void restorePausesAndResumes()
    {
        QVERIFY(backup());
        OperationControl control;
        std::atomic<qint64> reads{0};
        std::atomic<qint64> readBytes{0};
        setHook([&](ObservingBackend::Call call, const QString &name, qint64 bytes) {
            if (call == ObservingBackend::GetRange && name.startsWith(QStringLiteral("packs/"))) {
                readBytes += bytes;
                if (++reads == 20)
                    control.pause();
            }
        });
        const QString target = m_tmp.path() + QStringLiteral("/restored-rp%1").arg(m_repos);
        auto record = m_repo->resolveGeneration(QStringLiteral("latest"));
        RestoreOptions o;
        o.target = target;
        o.cacheDir = m_cache;
        RestoreEngine engine(*m_repo, *record, o);
        engine.setControl(&control);
        auto done = onWorker([&] { return engine.run(); });
        QVERIFY(waitFor([&] { return control.waiting() > 0; }));
        QThread::msleep(200); // reads already past their safe point finish
        const qint64 before = readBytes.load();
        QThread::msleep(500);
        const qint64 during = readBytes.load() - before;
        qInfo("paused restore: %lld bytes read from the repository in 0.5 s", during);
        QCOMPARE(during, qint64(0));
        control.resume();
        auto r = done.get();
        QVERIFY(r && r->errors.isEmpty() && !r->stoppedBy);
        QCOMPARE(restoredDiff(target), QString());
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
