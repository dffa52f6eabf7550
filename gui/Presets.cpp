#include "Presets.h"

#include <QCoreApplication>

namespace obnam::gui {

QList<ExcludePreset> excludePresets()
{
    return {
        {QCoreApplication::translate("Presets", "Caches (~/.cache)"), {QStringLiteral("~/.cache")}},
        {QCoreApplication::translate("Presets", "Trash"), {QStringLiteral("~/.local/share/Trash")}},
        {QCoreApplication::translate("Presets", "Downloads (~/Downloads)"),
         {QStringLiteral("~/Downloads")}},
        {QCoreApplication::translate("Presets",
                                     "Build output (node_modules, __pycache__, *.o, *.pyc)"),
         {QStringLiteral("node_modules"), QStringLiteral("__pycache__"), QStringLiteral("*.o"),
          QStringLiteral("*.pyc")}},
    };
}

} // namespace obnam::gui
