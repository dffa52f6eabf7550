#pragma once

#include "CliContext.h"

#include <QStringList>

namespace obnam::cli {

// Runs obnam-cli with arguments (arguments[0] is the program name); returns the exit code.
int run(CliContext &ctx, const QStringList &arguments);

} // namespace obnam::cli
