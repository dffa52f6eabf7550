#pragma once

#include "Paths.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace obnam::client {

// Things most people leave out of a backup, offered as checkboxes by the wizard and the
// settings. A backup does not warn when one of these matches nothing: a computer without a
// Downloads folder or without build output is no mistake, unlike a mistyped rule of one's own.
struct ExcludePreset
{
    QString label;        // translated
    QStringList patterns; // as obnam.yaml's exclude takes them ("~/.cache")
};

QList<ExcludePreset> excludePresets();

// Every preset's patterns as the configuration reads them: "~/" expanded for `paths`.
QStringList presetPatterns(const Paths &paths);

} // namespace obnam::client
