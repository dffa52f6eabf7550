// The history of backup runs that obnam-cli and obnam-gui share: what a run records, however
// it ended, where it is kept and how much of it.
#include "CliRunner.h"
#include "RunHistory.h"
#include "TestSupport.h"

#include <QtTest>

#include <sys/stat.h>

using namespace obnam;
using namespace obnam::client;

class TestRunHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliBackupsAreRecorded()
    {
        test::CliHome h;
        const QString src = h.path() + QStringLiteral("/src");
        QVERIFY(QDir().mkpath(src));
        QVERIFY(test::writeFile(QFile::encodeName(src + QStringLiteral("/a")), "data"));
        h.writeSimpleConfig({src});
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("OBNAM_PASSPHRASE"), QStringLiteral("pw"));
        QCOMPARE(h.run({QStringLiteral("init")}, pw).code, 0);
        QCOMPARE(h.run({QStringLiteral("backup")}, pw).code, 0);
        // A failed run is recorded too: a root that vanished.
        QVERIFY(QDir(src).removeRecursively());
        QCOMPARE(h.run({QStringLiteral("backup")}, pw).code, 1);

        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), h.home());
        const RunHistory history{Paths(env)};
        QCOMPARE(history.file(), h.home() + QStringLiteral("/.local/state/obnam/runs.jsonl"));
        struct stat st
        {};
        QVERIFY(::stat(QFile::encodeName(history.file()).constData(), &st) == 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        const QList<Run> runs = history.load();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].outcome, Run::Succeeded);
        QCOMPARE(runs[0].files, qint64(2));
        QVERIFY(!runs[0].generationId.isEmpty());
        QCOMPARE(runs[0].program, QStringLiteral("obnam-cli"));
        QCOMPARE(runs[1].outcome, Run::Failed);
        QVERIFY2(runs[1].message.contains(QStringLiteral("does not exist")),
                 qPrintable(runs[1].message));
    }

    void keepsTheLatestRuns()
    {
        QTemporaryDir home;
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), home.path());
        const RunHistory history{Paths(env)};
        for (int i = 0; i < RunHistory::kMaxRuns + 5; ++i) {
            Run run;
            run.started = QDateTime::currentDateTime().addSecs(i);
            run.files = i;
            run.outcome = i % 2 ? Run::SucceededWithWarnings : Run::Cancelled;
            run.warnings = {QStringLiteral("/x: cannot open file: Permission denied")};
            QVERIFY(history.append(run));
        }
        const QList<Run> runs = history.load();
        QCOMPARE(runs.size(), RunHistory::kMaxRuns);
        QCOMPARE(runs.first().files, qint64(5));
        QCOMPARE(runs.last().files, qint64(RunHistory::kMaxRuns + 4));
        QCOMPARE(runs.last().warnings.size(), 1);
        QCOMPARE(runs[0].outcome, Run::SucceededWithWarnings);
        QCOMPARE(runs[1].outcome, Run::Cancelled);
    }

    // The newest success of one configuration, by the order written: the clock was set back
    // between the two successes, another configuration's run and a failure came later.
    void lastSuccessIsTheNewestWrittenOfItsConfiguration()
    {
        const QString mine = QStringLiteral("/home/u/.config/obnam/obnam.yaml");
        const QDateTime t0 =
            QDateTime::fromString(QStringLiteral("2026-05-01T10:00:00Z"), Qt::ISODate);
        const auto run = [](const QDateTime &started, Run::Outcome outcome, const QString &config) {
            Run r;
            r.started = started;
            r.durationSeconds = 60;
            r.outcome = outcome;
            r.config = config;
            return r;
        };
        QList<Run> runs{run(t0, Run::Succeeded, mine),
                        run(t0.addSecs(-3600), Run::SucceededWithWarnings, mine),
                        run(t0.addSecs(600), Run::Succeeded, QStringLiteral("/other.yaml")),
                        run(t0.addSecs(900), Run::Failed, mine)};
        QCOMPARE(lastSuccessOf(runs, mine), t0.addSecs(-3600 + 60));
        QCOMPARE(lastSuccessOf(runs, QStringLiteral("/other.yaml")), t0.addSecs(660));
        QVERIFY(!lastSuccessOf(runs.mid(3), mine).isValid());
        // An entry from before runs named their configuration counts for every one.
        runs.append(run(t0.addSecs(1200), Run::Succeeded, QString()));
        QCOMPARE(lastSuccessOf(runs, mine), t0.addSecs(1260));
    }
};

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
