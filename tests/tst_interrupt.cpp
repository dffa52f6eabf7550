// Ctrl-C and SIGTERM during a backup or a restore of the real obnam-cli: it stops at a safe
// point, says what was kept, releases its lock and exits 128 + the signal, and the next run
// goes on from there.
#include "CliRunner.h"
#include "Interrupt.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <csignal>
#include <ctime>
#include <optional>
#include <thread>

using namespace obnam;

namespace {

QByteArray enc(const QString &s)
{
    return QFile::encodeName(s);
}

qint64 filesUnder(const QString &dir, const QStringList &patterns = {})
{
    qint64 n = 0;
    QDirIterator it(dir, patterns, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// Waits until `ready` holds (polling), up to `ms`.
bool waitFor(const std::function<bool()> &ready, int ms)
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

// A context that knows whether its owner still considers it alive, and a cancel function
// that is slow on purpose: it is still using the context after the scope has begun to end.
struct Probe
{
    std::atomic<bool> alive{true};
    std::atomic<bool> entered{false};
    std::atomic<bool> ending{false};
    std::atomic<bool> usedAfterEnd{false};
};

void sleepMs(long ms)
{
    timespec ts{0, ms * 1000000L};
    nanosleep(&ts, nullptr);
}

void slowCancel(void *context)
{
    auto *probe = static_cast<Probe *>(context);
    probe->entered.store(true);
    for (int i = 0; i < 2000 && !probe->ending.load(); ++i)
        sleepMs(1);
    sleepMs(50);
    if (!probe->alive.load())
        probe->usedAfterEnd.store(true);
}

} // namespace

class TestInterrupt : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::CliHome> m_home;
    QString m_source;
    QProcessEnvironment m_env;

    QString repo() const { return m_home->repositoryPath(); }

    // A repository and 160 MiB to back up into it: enough that a backup or a restore is still
    // running when the signal comes. For the tests that run obnam-cli, not the scope's own.
    bool makeRepository()
    {
        m_home = std::make_unique<test::CliHome>();
        m_source = m_home->path() + QStringLiteral("/src");
        QDir().mkpath(m_source);
        for (int i = 0; i < 40; ++i)
            test::writeFile(enc(m_source + QStringLiteral("/f%1").arg(i)),
                            test::randomData(4 * 1024 * 1024, quint32(700 + i)));
        m_env.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("interrupt"));
        m_home->writeConfig("roots: [\"" + m_source.toUtf8() +
                            "\"]\nserver_url: " + repo().toUtf8() + "\n");
        return m_home->run({QStringLiteral("init")}, m_env).code == 0;
    }

private Q_SLOTS:
    // A signal is handled on whichever thread the kernel picks. If that is not the thread
    // ending the scope, the scope's end must wait for the handler, or the handler goes on
    // using a context its owner is about to destroy.
    void scopeEndWaitsForAHandlerOnAnotherThread()
    {
        Probe probe;
        std::optional<cli::InterruptScope> scope(std::in_place, &slowCancel, &probe);
        std::thread other([] { ::raise(SIGINT); }); // raise() signals the calling thread
        QVERIFY(waitFor([&] { return probe.entered.load(); }, 5000));
        probe.ending.store(true);
        const int seen = scope->signal();
        scope.reset();
        probe.alive.store(false);
        other.join();
        QCOMPARE(seen, int(SIGINT));
        QVERIFY2(!probe.usedAfterEnd.load(),
                 "the handler was still using its context after the scope ended");
    }

    void backupStopsCleanly_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }

    void backupStopsCleanly()
    {
        QFETCH(int, signal);
        QVERIFY(makeRepository());
        auto p = m_home->start({QStringLiteral("backup")}, m_env);
        // Once a pack is stored, the backup is well under way.
        QVERIFY(waitFor([&] { return filesUnder(repo() + QStringLiteral("/packs")) >= 2; }, 60000));
        ::kill(pid_t(p->processId()), signal);
        const auto r = test::CliHome::finish(*p);
        QCOMPARE(r.code, 128 + signal);
        QVERIFY2(
            r.err.contains(QStringLiteral("interrupted: the backup stopped at a safe point")) &&
                r.err.contains(QStringLiteral("the next backup reuses it")),
            qPrintable(r.err));
        QVERIFY2(filesUnder(repo() + QStringLiteral("/locks")) == 0, "the lock was left behind");
        QVERIFY(filesUnder(repo() + QStringLiteral("/index")) >= 1);
        QCOMPARE(m_home->run({QStringLiteral("list")}, m_env).out.trimmed(), QString());
        // What it stored is not uploaded again.
        const auto next = m_home->run({QStringLiteral("backup"), QStringLiteral("--json")}, m_env);
        QVERIFY2(next.code == 0, qPrintable(next.err));
        const qint64 uploaded =
            QJsonDocument::fromJson(next.out.trimmed().split(QLatin1Char('\n')).last().toUtf8())
                .object()
                .value(QStringLiteral("uploaded_bytes"))
                .toInteger();
        qInfo("after %s: the next backup uploaded %lld of 160 MiB",
              signal == SIGINT ? "SIGINT" : "SIGTERM", uploaded);
        QVERIFY(uploaded < 150 * 1024 * 1024);
        const auto check =
            m_home->run({QStringLiteral("check"), QStringLiteral("--read-data")}, m_env);
        QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
    }

    void restoreStopsCleanly()
    {
        QVERIFY(makeRepository());
        QCOMPARE(m_home->run({QStringLiteral("backup")}, m_env).code, 0);
        const QString target = m_home->path() + QStringLiteral("/target");
        auto p =
            m_home->start({QStringLiteral("restore"), QStringLiteral("latest"), target}, m_env);
        QVERIFY(waitFor([&] { return filesUnder(target, {QStringLiteral("f*")}) >= 2; }, 60000));
        ::kill(pid_t(p->processId()), SIGINT);
        const auto r = test::CliHome::finish(*p);
        QCOMPARE(r.code, 128 + SIGINT);
        QVERIFY2(r.err.contains(QStringLiteral("interrupted: the restore stopped")) &&
                     r.err.contains(QStringLiteral("no file was left half-written")),
                 qPrintable(r.err));
        QVERIFY2(filesUnder(repo() + QStringLiteral("/locks")) == 0, "the lock was left behind");
        // Every file that has its name is whole.
        QDirIterator it(target, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int whole = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!it.fileName().startsWith(QLatin1Char('.')), qPrintable(path));
            const QString original = path.mid(target.size());
            QFile a(path), b(original);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY2(a.readAll() == b.readAll(), qPrintable(path));
            ++whole;
        }
        QVERIFY(whole < 40);
        qInfo("restore interrupted after %d of 40 files, each whole", whole);
        // Run again over it: the rest comes back.
        const auto again = m_home->run({QStringLiteral("restore"), QStringLiteral("--overwrite"),
                                        QStringLiteral("latest"), target},
                                       m_env);
        QVERIFY2(again.code == 0, qPrintable(again.err));
        const QString diff = test::manifestDiff(test::manifest(enc(m_source)),
                                                test::manifest(enc(target + m_source)));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestInterrupt)
#include "tst_interrupt.moc"
