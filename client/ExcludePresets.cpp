#include "ExcludePresets.h"

#include <QCoreApplication>

namespace obnam::client {

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

QStringList presetPatterns(const Paths &paths)
{
    QStringList out;
    for (const ExcludePreset &preset : excludePresets())
        for (const QString &pattern : preset.patterns)
            out.append(paths.expandHome(pattern));
    return out;
}

} // namespace obnam::client
