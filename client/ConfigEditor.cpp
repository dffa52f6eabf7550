#include "ConfigEditor.h"
#include "WholeFile.h"

#include "ClientConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace obnam::client {

namespace {

// One key and its value as YAML lines, in the flow style a person would write by hand.
QString render(const QString &key, const QVariant &value)
{
    YAML::Emitter y;
    y << YAML::BeginMap << YAML::Key << key.toStdString() << YAML::Value;
    if (value.typeId() == QMetaType::QStringList) {
        y << YAML::BeginSeq;
        for (const QString &s : value.toStringList())
            y << s.toStdString();
        y << YAML::EndSeq;
    } else if (value.typeId() == QMetaType::Bool) {
        y << value.toBool();
    } else if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong) {
        y << value.toLongLong();
    } else {
        y << value.toString().toStdString();
    }
    y << YAML::EndMap;
    return QString::fromStdString(y.c_str()) + QLatin1Char('\n');
}

// Where the top-level `key` starts and ends in `text` (its line and the indented or blank lines
// and comments that follow it, up to the next top-level line), or nothing.
std::optional<std::pair<qsizetype, qsizetype>> blockOf(const QString &text, const QString &key)
{
    const QRegularExpression start(
        QStringLiteral("^%1[ \\t]*:").arg(QRegularExpression::escape(key)),
        QRegularExpression::MultilineOption);
    const auto m = start.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qsizetype from = m.capturedStart();
    qsizetype end = text.indexOf(QLatin1Char('\n'), from);
    end = end < 0 ? text.size() : end + 1;
    // The value goes on while lines are indented; a comment or blank line belongs to what
    // follows, so the block ends before it unless indented lines follow after it.
    qsizetype lastValueEnd = end;
    while (end < text.size()) {
        qsizetype next = text.indexOf(QLatin1Char('\n'), end);
        next = next < 0 ? text.size() : next + 1;
        const QString line = text.mid(end, next - end);
        if (line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('\t'))) {
            if (!line.trimmed().startsWith(QLatin1Char('#')))
                lastValueEnd = next;
        } else if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1Char('#'))) {
            break;
        }
        end = next;
    }
    return std::make_pair(from, lastValueEnd);
}

} // namespace

Result<ConfigEditor> ConfigEditor::open(const QString &path)
{
    ConfigEditor e;
    e.m_path = path;
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("obnam", "cannot read configuration: ") +
                                 f.errorString(),
                             path);
        e.m_text = QString::fromUtf8(f.readAll());
        if (!e.m_text.isEmpty() && !e.m_text.endsWith(QLatin1Char('\n')))
            e.m_text += QLatin1Char('\n');
    }
    return e;
}

void ConfigEditor::set(const QString &key, const std::optional<QVariant> &value)
{
    const QString replacement = value ? render(key, *value) : QString();
    if (const auto block = blockOf(m_text, key)) {
        m_text.replace(block->first, block->second - block->first, replacement);
        return;
    }
    m_text += replacement;
}

Status ConfigEditor::save() const
{
    // Checked as obnam-cli would read it, before anything is written (it may hold a token).
    auto loaded = ClientConfig::fromText(m_text.toUtf8(), m_path, Paths());
    if (!loaded)
        return Error{loaded.error().code, loaded.error().message, m_path};
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("obnam", "cannot create configuration directory"), dir);
    return writeWholeFile(m_path, m_text.toUtf8(),
                          QCoreApplication::translate("obnam", "cannot write configuration: "),
                          true);
}

} // namespace obnam::client
