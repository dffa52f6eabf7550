#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace obnam::gui {

// Things most people leave out of a backup, offered as checkboxes.
struct ExcludePreset
{
    QString label;        // translated
    QStringList patterns; // as obnam.yaml's exclude takes them
};

QList<ExcludePreset> excludePresets();

} // namespace obnam::gui
