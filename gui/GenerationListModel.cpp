#include "GenerationListModel.h"

#include "Text.h"

#include <QLocale>

namespace obnam::gui {

void GenerationListModel::setGenerations(const QList<GenerationRecord> &generations)
{
    beginResetModel();
    m_generations = generations;
    endResetModel();
}

void GenerationListModel::setChanges(const QHash<QString, client::GenerationChanges> &changes)
{
    m_changes = changes;
    if (!m_generations.isEmpty())
        Q_EMIT dataChanged(index(0, Added), index(int(m_generations.size()) - 1, Removed));
}

int GenerationListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_generations.size(); ++i)
        if (m_generations.at(i).id == id)
            return i;
    return -1;
}

int GenerationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_generations.size());
}

int GenerationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GenerationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_generations.size())
        return {};
    const GenerationRecord &g = m_generations.at(index.row());
    const auto changes = m_changes.constFind(g.id);
    const bool counted = changes != m_changes.cend();
    if (role == Qt::TextAlignmentRole && index.column() >= Files)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() >= Added && !counted)
        return tr("Counted once the search index is ready.");
    if (role == Qt::ToolTipRole && index.column() == When)
        return QLocale().toString(g.finished.toLocalTime(), QLocale::LongFormat);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case When:
        return text::when(g.finished.toLocalTime());
    case Computer:
        return g.clientName;
    case Files:
        return locale.toString(g.fileCount);
    case Size:
        return text::bytes(g.totalBytes);
    case Added:
        return counted ? locale.toString(changes->added) : QStringLiteral("…");
    case Changed:
        return counted ? locale.toString(changes->changed) : QStringLiteral("…");
    case Removed:
        return counted ? locale.toString(changes->removed) : QStringLiteral("…");
    default:
        return {};
    }
}

QVariant GenerationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("Backup");
    case Computer:
        return tr("Computer");
    case Files:
        return tr("Files");
    case Size:
        return tr("Size");
    case Added:
        return tr("Added");
    case Changed:
        return tr("Changed");
    case Removed:
        return tr("Removed");
    default:
        return {};
    }
}

} // namespace obnam::gui
