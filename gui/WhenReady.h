#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace obnam::gui {

// Calls `done` with the future's result on `context`'s thread once it is ready, or never when
// the context is gone by then. QFuture::then(context, ...) does not allow the context to go
// first (Qt 6.4 asserts, or drops the continuation on a worker thread with whatever it
// captured): a window may always close while its answer is on the way. Every continuation in
// the GUI goes through here. A future cancelled before it had a result is not answered either.
template <typename T, typename F> void whenReady(QFuture<T> future, QObject *context, F done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         QFuture<T> ready = watcher->future();
                         if constexpr (std::is_void_v<T>) {
                             if (!ready.isCanceled())
                                 done();
                         } else if (ready.resultCount() > 0) {
                             done(ready.takeResult()); // move-only results too
                         }
                     });
    watcher->setFuture(std::move(future));
}

} // namespace obnam::gui
