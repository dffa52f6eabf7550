#pragma once

#include "support/Result.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace obnam::client {

// Changes obnam.yaml the way a person would with an editor: only the keys it is given, each
// rewritten in place, everything else (comments, blank lines, the order of keys, keys it does
// not touch) left exactly as it was. A key that is not there yet is added at the end. What it
// writes is checked by loading it back with ClientConfig before it replaces the file, so a
// settings window can never leave a configuration that obnam-cli refuses.
class ConfigEditor
{
public:
    // The file's text, or an empty one when the file does not exist yet.
    static Result<ConfigEditor> open(const QString &path);

    // A value is a string, a bool, an integer or a list of strings; nothing removes the key.
    void set(const QString &key, const std::optional<QVariant> &value);
    QString text() const { return m_text; }

    // Writes atomically (a temporary file renamed over the old one), mode 0600, after the
    // result has loaded as a valid configuration.
    Status save() const;

private:
    QString m_path;
    QString m_text;
};

} // namespace obnam::client
