#pragma once

#include "repo/GenerationRecord.h"
#include "support/Result.h"

#include <QFuture>

#include <memory>

namespace obnam::client {
struct Session;
}

namespace obnam::gui {

// One file of a generation restored into a private folder of its own (in the cache, mode
// 0700) and made read-only, for opening with the desktop's application for its type without
// restoring it anywhere. Folders left by earlier openings a day old or more are removed.
// Answers with the restored file's path.
QFuture<Result<QString>> restoreForViewing(std::shared_ptr<client::Session> session,
                                           GenerationRecord generation, QByteArray path);

} // namespace obnam::gui
