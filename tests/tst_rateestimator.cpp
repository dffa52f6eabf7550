// The one rate and ETA estimator: a steady rate, a stall, a burst.
#include "support/RateEstimator.h"

#include <QtTest>

using namespace obnam;

class TestRateEstimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingYetIsUnknown()
    {
        RateEstimator e;
        QCOMPARE(e.rate(), 0.0);
        QCOMPARE(e.eta(1000), -1.0);
        e.add(0.5, 0);
        QCOMPARE(e.eta(1000), -1.0);
    }

    void steadyRate()
    {
        RateEstimator e;
        for (int t = 0; t <= 30; ++t)
            e.add(t, qint64(t) * 1000000);
        QVERIFY(qAbs(e.rate() - 1e6) < 1);
        QVERIFY(qAbs(e.eta(50000000) - 20.0) < 0.01);
        QCOMPARE(e.eta(30000000), 0.0);
        QCOMPARE(e.eta(0), -1.0);
    }

    void earlyRateIsTheRunSoFar()
    {
        RateEstimator e;
        e.add(0.25, 500000);
        e.add(0.5, 1000000);
        QVERIFY(qAbs(e.rate() - 2e6) < 1);
    }

    void stallDropsTheRateAndTheEta()
    {
        RateEstimator e(10);
        for (int t = 0; t <= 20; ++t)
            e.add(t, qint64(t) * 1000000);
        // Nothing moves for five seconds: half the window.
        for (int t = 21; t <= 25; ++t)
            e.add(t, 20000000);
        QVERIFY(qAbs(e.rate() - 0.5e6) < 1);
        // And for a whole window: the rate is zero, the ETA unknown.
        for (int t = 26; t <= 36; ++t)
            e.add(t, 20000000);
        QCOMPARE(e.rate(), 0.0);
        QCOMPARE(e.eta(40000000), -1.0);
        // It moves again: the rate comes back within the window.
        for (int t = 37; t <= 50; ++t)
            e.add(t, 20000000 + qint64(t - 36) * 2000000);
        QVERIFY(qAbs(e.rate() - 2e6) < 1);
    }

    void burstIsFollowedAndForgotten()
    {
        RateEstimator e(10);
        for (int t = 0; t <= 20; ++t)
            e.add(t, qint64(t) * 100000); // 100 kB/s
        e.add(21, 2100000 + 50000000);    // 50 MB of unchanged files at once
        const double during = e.rate();
        QVERIFY2(during > 4e6, qPrintable(QString::number(during)));
        for (int t = 22; t <= 40; ++t)
            e.add(t, 52100000 + qint64(t - 21) * 100000);
        QVERIFY(qAbs(e.rate() - 1e5) < 1);
    }

    void timeNeverGoesBackwards()
    {
        RateEstimator e;
        e.add(2, 100);
        e.add(2, 200); // the same moment, a newer figure
        e.add(1, 50);  // out of order: taken as the same moment
        QVERIFY(e.rate() >= 0);
    }
};

QTEST_GUILESS_MAIN(TestRateEstimator)
#include "tst_rateestimator.moc"
