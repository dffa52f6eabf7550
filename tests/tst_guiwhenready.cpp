// gui::whenReady, the one way obnam-gui continues a worker's future on a window's thread: the
// answer arrives on the context's thread, never after the context is gone (the case Qt 6.4's
// QFuture::then(context, ...) asserts on), and never for a future cancelled without a result.
#include "WhenReady.h"

#include <QPromise>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>
#include <QtTest>

#include <atomic>
#include <memory>

using obnam::gui::whenReady;

class TestGuiWhenReady : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersOnTheContextsThread()
    {
        QThreadPool pool;
        QObject context;
        QThread *answeredOn = nullptr;
        int answer = 0;
        whenReady(QtConcurrent::run(&pool, [] { return 42; }), &context, [&](int value) {
            answeredOn = QThread::currentThread();
            answer = value;
        });
        QTRY_COMPARE(answer, 42);
        QCOMPARE(answeredOn, QThread::currentThread());
        // The watcher it made is gone with the answer, not kept until the context goes.
        QTRY_COMPARE(context.children().size(), 0);
    }

    void aContextGoneFirstIsNeverAnswered()
    {
        // The work ends on another thread after its window has closed: nothing is called, and
        // nothing is left to call.
        QThreadPool pool;
        std::atomic<bool> release{false};
        bool answered = false;
        auto *context = new QObject;
        whenReady(QtConcurrent::run(&pool,
                                    [&] {
                                        while (!release.load())
                                            QThread::msleep(1);
                                        return 1;
                                    }),
                  context, [&](int) { answered = true; });
        delete context;
        release.store(true);
        pool.waitForDone();
        QCoreApplication::processEvents();
        QTest::qWait(50);
        QVERIFY(!answered);
    }

    void aContextGoingBetweenResultAndAnswerIsNeverAnswered()
    {
        // The result is in, the answer queued, and then the window closes.
        QPromise<int> promise;
        promise.start();
        bool answered = false;
        auto *context = new QObject;
        whenReady(promise.future(), context, [&](int) { answered = true; });
        promise.addResult(7);
        promise.finish();
        delete context;
        QTest::qWait(50);
        QVERIFY(!answered);
    }

    void aFutureCancelledWithoutAResultIsNotAnswered()
    {
        QObject context;
        bool answered = false;
        bool answeredVoid = false;
        {
            QPromise<int> promise;
            promise.start();
            whenReady(promise.future(), &context, [&](int) { answered = true; });
            promise.future().cancel();
            promise.finish();
        }
        {
            QPromise<void> promise;
            promise.start();
            whenReady(promise.future(), &context, [&] { answeredVoid = true; });
            promise.future().cancel();
            promise.finish();
        }
        QTRY_COMPARE(context.children().size(), 0);
        QVERIFY(!answered);
        QVERIFY(!answeredVoid);
    }

    void aFinishedVoidFutureIsAnswered()
    {
        QObject context;
        QThreadPool pool;
        bool answered = false;
        whenReady(QtConcurrent::run(&pool, [] {}), &context, [&] { answered = true; });
        QTRY_VERIFY(answered);
    }

    void moveOnlyResultsAreHandedOver()
    {
        QObject context;
        QThreadPool pool;
        int got = 0;
        whenReady(QtConcurrent::run(&pool, [] { return std::make_unique<int>(9); }), &context,
                  [&](std::unique_ptr<int> value) { got = value ? *value : -1; });
        QTRY_COMPARE(got, 9);
    }

    void anAlreadyFinishedFutureIsAnsweredLaterNotAtOnce()
    {
        // A caller may set up what the answer needs after asking: the answer never comes
        // before control returns to the event loop.
        QObject context;
        bool answered = false;
        whenReady(QtFuture::makeReadyFuture(3), &context, [&](int) { answered = true; });
        QVERIFY(!answered);
        QTRY_VERIFY(answered);
    }
};

QTEST_MAIN(TestGuiWhenReady)
#include "tst_guiwhenready.moc"
