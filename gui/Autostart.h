#pragma once

#include "Paths.h"
#include "support/Result.h"

namespace obnam::gui::autostart {

// The XDG autostart entry that starts `obnam-gui --tray` at login:
// $XDG_CONFIG_HOME/autostart/org.obnam.ObnamQt.desktop. Its being there is the setting.
QString file(const client::Paths &paths);
bool enabled(const client::Paths &paths);
// `program` is obnam-gui's path; a configuration other than the default is passed on.
Status enable(const client::Paths &paths, const QString &program, const QString &configPath);
Status disable(const client::Paths &paths);

// One argument of a desktop entry's Exec line, quoted as the specification asks.
QString execArgument(const QString &argument);

} // namespace obnam::gui::autostart
