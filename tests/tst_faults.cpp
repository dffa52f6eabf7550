// The core against damaged storage, through FaultInjectingBackend: flipped and truncated
// reads, failing and dropped writes, listings that leave names out, slow calls. Whatever the
// storage does, restore never writes wrong bytes, check names the damage, prune deletes
// nothing it cannot prove unused, and a later clean backup completes.
#include "TestSupport.h"
#include "backend/FaultInjectingBackend.h"
#include "backend/MemoryBackend.h"
#include "engine/BackupEngine.h"
#include "engine/RestoreEngine.h"
#include "maint/Checker.h"
#include "maint/Pruner.h"
#include "repo/Repository.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace obnam;

namespace {

Repository::InitOptions fastOptions()
{
    Repository::InitOptions o;
    o.chunker = ChunkerParams::forAverage(16 * 1024);
    o.packSize = 128 * 1024;
    o.kdf = crypto::KdfParams::testing();
    return o;
}

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::shared_ptr<MemoryBackend> m_memory;
    std::shared_ptr<FaultInjectingBackend> m_faulty;
    QString m_src;
    QString m_cache;
    MasterKeys m_keys;

    std::unique_ptr<Repository> open()
    {
        auto repo = Repository::open(m_faulty, m_keys);
        return repo ? std::move(*repo) : nullptr;
    }

    Result<BackupResult> backup(Repository &repo)
    {
        BackupOptions o;
        o.roots = {enc(m_src)};
        o.cacheDir = m_cache;
        o.clientName = QStringLiteral("faults");
        BackupEngine engine(repo, o);
        return engine.run();
    }

    Result<CheckReport> check(Repository &repo, bool readData)
    {
        CheckOptions o;
        o.cacheDir = m_cache;
        o.readData = readData ? CheckOptions::ReadData::All : CheckOptions::ReadData::None;
        Checker checker(repo, o);
        return checker.run();
    }

    // Restores latest into a fresh directory; returns the result and the directory.
    std::pair<Result<RestoreResult>, QString> restore(Repository &repo)
    {
        static int n = 0;
        const QString target = m_tmp.path() + QStringLiteral("/restore-%1").arg(++n);
        auto record = repo.resolveGeneration(QStringLiteral("latest"));
        if (!record)
            return {record.error(), target};
        RestoreOptions o;
        o.target = target;
        o.cacheDir = m_cache;
        RestoreEngine engine(repo, *record, o);
        return {engine.run(), target};
    }

    void clean() { m_faulty->setPlan(FaultPlan{}); }
    void dropCache() { QDir(m_cache).removeRecursively(); }

private Q_SLOTS:
    void init()
    {
        m_memory = std::make_shared<MemoryBackend>();
        m_faulty = std::make_shared<FaultInjectingBackend>(m_memory, FaultPlan{});
        auto repo = Repository::init(m_faulty, "faults", fastOptions());
        QVERIFY(repo);
        m_keys = (*repo)->keys();
        m_src = m_tmp.path() + QStringLiteral("/src-") +
                QString::fromLatin1(QTest::currentTestFunction());
        m_cache = m_tmp.path() + QStringLiteral("/cache-") +
                  QString::fromLatin1(QTest::currentTestFunction());
        QDir().mkpath(m_src + QStringLiteral("/d"));
        for (int i = 0; i < 12; ++i)
            QVERIFY(test::writeFile(enc(m_src + QStringLiteral("/d/f%1").arg(i)),
                                    test::randomData(30000 + 7000 * i, quint32(i))));
        QVERIFY(backup(**repo));
    }

    void damagedReadsAreAlwaysCaught()
    {
        // 150 trials: one kind of object read back flipped or truncated, every time.
        const QStringList kinds{QStringLiteral("packs/"), QStringLiteral("index/"),
                                QStringLiteral("generations/")};
        int trials = 0, caughtByCheck = 0, caughtByRestore = 0, wrongBytes = 0;
        for (quint32 seed = 1; seed <= 150; ++seed) {
            FaultPlan plan;
            plan.seed = seed;
            plan.prefixes = {kinds[int(seed % 3)]};
            (seed % 2 ? plan.flipRate : plan.truncateRate) = 1.0;
            m_faulty->setPlan(plan);
            dropCache();
            ++trials;
            auto repo = open();
            bool caught = !repo || !repo->damagedObjects().isEmpty();
            if (repo) {
                auto report = check(*repo, true);
                caught = caught || !report || !report->healthy();
            }
            caughtByCheck += caught ? 1 : 0;
            dropCache();
            auto again = open();
            if (!again) {
                ++caughtByRestore;
                continue;
            }
            auto [result, target] = restore(*again);
            if (!result || !result->errors.isEmpty()) {
                ++caughtByRestore;
            }
            // Whatever was restored under its own name must be right.
            const auto original = test::manifest(enc(m_src));
            const auto restored = test::manifest(enc(target + m_src));
            for (auto it = restored.cbegin(); it != restored.cend(); ++it)
                if (original.value(it.key()) != it.value() && it.key().startsWith("d/f"))
                    ++wrongBytes;
            QDir(target).removeRecursively();
        }
        clean();
        dropCache();
        qInfo("damaged reads: %d trials; check caught %d, restore refused %d, wrong bytes "
              "restored %d",
              trials, caughtByCheck, caughtByRestore, wrongBytes);
        QCOMPARE(caughtByCheck, trials);
        QCOMPARE(wrongBytes, 0);
        // No false positives on the clean repository.
        for (int i = 0; i < 20; ++i) {
            dropCache();
            auto repo = open();
            QVERIFY(repo);
            auto report = check(*repo, true);
            QVERIFY(report && report->healthy());
        }
    }

    void aDroppedWriteIsDetectedAndHealed()
    {
        auto repo = open();
        QVERIFY(test::writeFile(enc(m_src + QStringLiteral("/new")), test::randomData(400000, 77)));
        for (const QString &kind :
             {QStringLiteral("packs/"), QStringLiteral("index/"), QStringLiteral("generations/")}) {
            FaultPlan plan;
            plan.prefixes = {kind};
            plan.dropWriteRate = 1.0;
            m_faulty->setPlan(plan);
            // The storage lies; the backup notices before it commits anything on that lie.
            auto result = backup(*repo);
            QVERIFY2(!result, qPrintable(kind));
            QVERIFY2(result.error().message.contains(QStringLiteral("does not hold it")),
                     qPrintable(result.error().message));
            QVERIFY(m_faulty->counts().droppedWrites > 0);
            clean();
            repo = open();
            auto report = check(*repo, false);
            QVERIFY(report && report->healthy());
        }
        // The next backup completes and restores.
        QVERIFY(backup(*repo));
        repo = open();
        auto report = check(*repo, true);
        QVERIFY(report && report->healthy());
        auto [result, target] = restore(*repo);
        QVERIFY(result && result->errors.isEmpty());
        QCOMPARE(
            test::manifestDiff(test::manifest(enc(m_src)), test::manifest(enc(target + m_src))),
            QString());
    }

    void failingWritesFailCleanly()
    {
        QVERIFY(
            test::writeFile(enc(m_src + QStringLiteral("/more")), test::randomData(600000, 78)));
        int failures = 0;
        for (quint32 seed = 1; seed <= 10; ++seed) {
            FaultPlan plan;
            plan.seed = seed;
            plan.failRate = 0.3;
            plan.prefixes = {QStringLiteral("packs/"), QStringLiteral("index/"),
                             QStringLiteral("generations/")};
            m_faulty->setPlan(plan);
            auto repo = open();
            if (!repo) {
                ++failures;
                clean();
                continue;
            }
            auto result = backup(*repo);
            if (!result) {
                ++failures;
                QVERIFY(!result.error().message.isEmpty());
            }
            clean();
            dropCache();
            auto fresh = open();
            QVERIFY(fresh);
            auto report = check(*fresh, false);
            QVERIFY2(report && report->healthy(), "a failed write left the repository unhealthy");
        }
        QVERIFY(failures > 0);
        clean();
        auto repo = open();
        QVERIFY(backup(*repo));
        auto [result, target] = restore(*repo);
        QVERIFY(result && result->errors.isEmpty());
        QCOMPARE(
            test::manifestDiff(test::manifest(enc(m_src)), test::manifest(enc(target + m_src))),
            QString());
    }

    void pruneDeletesNothingWhenTheListingLies()
    {
        // A second generation, then the first's unique data is garbage.
        QVERIFY(test::writeFile(enc(m_src + QStringLiteral("/d/f0")), "replaced\n"));
        auto repo = open();
        QVERIFY(backup(*repo));
        const QStringList before = *m_memory->list(QString()).result();
        FaultPlan plan;
        plan.seed = 5;
        plan.omitListRate = 0.5;
        plan.prefixes = {QStringLiteral("packs/")};
        m_faulty->setPlan(plan);
        for (int i = 0; i < 5; ++i) {
            auto r = open();
            QVERIFY(r);
            PruneOptions o;
            o.cacheDir = m_cache;
            Pruner pruner(*r, o);
            auto report = pruner.run();
            QVERIFY(!report);
            QVERIFY2(report.error().message.contains(QStringLiteral("stopped before deleting")),
                     qPrintable(report.error().message));
        }
        QVERIFY(m_faulty->counts().omitted > 0);
        QCOMPARE(*m_memory->list(QString()).result(), before);
    }

    void slowStorageIsOnlySlow()
    {
        FaultPlan plan;
        plan.delayRate = 0.5;
        plan.delayMs = 5;
        m_faulty->setPlan(plan);
        QVERIFY(
            test::writeFile(enc(m_src + QStringLiteral("/slow")), test::randomData(300000, 79)));
        auto repo = open();
        QVERIFY(backup(*repo));
        auto [result, target] = restore(*repo);
        QVERIFY(result && result->errors.isEmpty());
        QVERIFY(m_faulty->counts().delayed > 0);
        QCOMPARE(
            test::manifestDiff(test::manifest(enc(m_src)), test::manifest(enc(target + m_src))),
            QString());
    }
};

QTEST_GUILESS_MAIN(TestFaults)

#include "tst_faults.moc"
