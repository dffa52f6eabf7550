#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace obnam::gui {

// Calls `done` with the future's result on `context`'s thread once it is ready, or never when
// the context is gone by then. QFuture::then(context, ...) does not allow the context to go
// first (it asserts, or drops the continuation on a worker thread with whatever it captured):
// a window may always close while its answer is on the way.
template <typename T, typename F> void whenReady(QFuture<T> future, QObject *context, F done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->future().takeResult()); // move-only results too
                     });
    watcher->setFuture(std::move(future));
}

} // namespace obnam::gui
