#pragma once

#include "engine/RestoreEngine.h"

#include <QMetaType>
#include <QStringList>

#include <functional>

namespace obnam {
class OperationControl;
}

namespace obnam::client {
struct Session;
}

namespace obnam::gui {

// How a restore started from a window ended, in the words the window shows: the first-run
// restore page and the browser's restore dialog say the same things the same way.
struct RestoreOutcome
{
    bool ok = false;
    bool cancelled = false;
    qint64 files = 0;
    qint64 bytes = 0;
    QStringList problems; // "path: message" of entries not restored, or with caveats
    QStringList notes;    // entries skipped, or restored beside what was there
    QString message;      // why it stopped or failed
};

// The outcome of a RestoreEngine run into `target`.
RestoreOutcome restoreOutcome(const Result<RestoreResult> &result, const QString &target);

// Restores `generation` with `options` under the repository's reading lock, as obnam-cli
// restore does; blocks, so for a worker thread. `progress` is called in `context`'s thread
// (queued), as a window wants it.
RestoreOutcome runRestore(client::Session &session, const GenerationRecord &generation,
                          const RestoreOptions &options, OperationControl *control,
                          QObject *context,
                          const std::function<void(const OperationProgress &)> &progress);

} // namespace obnam::gui

Q_DECLARE_METATYPE(obnam::gui::RestoreOutcome)
