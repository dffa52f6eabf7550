#pragma once

#include <QLocale>

class QCoreApplication;

namespace obnam::gui {

// Installs the translations for `locale` on `app`: obnam's own (the window's texts, the core's
// messages and, for English, the plural forms) and Qt's (standard buttons, file dialogs).
// Returns whether obnam's own translation for that language was found.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace obnam::gui
