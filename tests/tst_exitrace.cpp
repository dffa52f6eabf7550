// A program that returns from main() while detached threads that used OpenSSL are still
// ending must not crash. OpenSSL's exit-time cleanup once raced with those threads' own
// cleanup, and about one obnam-cli backup in forty died with SIGSEGV or "double free or
// corruption" after its work was done. Without the fix in core/crypto/Crypto.cpp, about one
// run of the helper in twenty crashes, so 300 runs without a crash are no accident.
#include <QProcess>
#include <QtTest>

class TestExitRace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endingWithThreadsStillEndingDoesNotCrash()
    {
        int crashes = 0;
        QString first;
        for (int i = 0; i < 300; ++i) {
            QProcess p;
            p.start(QStringLiteral(OBNAM_EXIT_RACE_HELPER), {});
            QVERIFY2(p.waitForFinished(30000), "the helper hung");
            if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
                if (crashes++ == 0)
                    first = QStringLiteral("run %1: exit status %2, code %3: %4")
                                .arg(i)
                                .arg(int(p.exitStatus()))
                                .arg(p.exitCode())
                                .arg(QString::fromLocal8Bit(p.readAllStandardError()));
            }
        }
        QVERIFY2(crashes == 0,
                 qPrintable(QStringLiteral("%1 of 300 runs crashed; %2").arg(crashes).arg(first)));
    }
};

QTEST_GUILESS_MAIN(TestExitRace)
#include "tst_exitrace.moc"
