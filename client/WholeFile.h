#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QString>

namespace obnam::client {

// Writes `data` to `path` whole or not at all: a temporary file beside it, renamed into place
// (QSaveFile), so a crash or a second writer never leaves half a file. `ownerOnly` makes a new
// file 0600. A failure reads "`what`: the reason" and names the path.
Status writeWholeFile(const QString &path, const QByteArray &data, const QString &what,
                      bool ownerOnly);

} // namespace obnam::client
