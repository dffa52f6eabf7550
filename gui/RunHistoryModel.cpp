#include "RunHistoryModel.h"

#include "Text.h"

#include <QIcon>
#include <QLocale>

#include <algorithm>

namespace obnam::gui {

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunHistoryModel::setRuns(QList<client::Run> runs)
{
    beginResetModel();
    std::reverse(runs.begin(), runs.end());
    m_runs = std::move(runs);
    endResetModel();
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const client::Run &run = m_runs.at(index.row());
    if (role == Qt::TextAlignmentRole && (index.column() == Files || index.column() == NewData))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Outcome && !run.message.isEmpty())
        return run.message;
    if (role == Qt::DecorationRole && index.column() == Outcome) {
        // Beside the words, never instead of them.
        switch (run.outcome) {
        case client::Run::Succeeded:
            return QIcon(QStringLiteral(":/icons/succeeded.svg"));
        case client::Run::SucceededWithWarnings:
            return QIcon(QStringLiteral(":/icons/warning.svg"));
        case client::Run::Failed:
            return QIcon(QStringLiteral(":/icons/failed.svg"));
        case client::Run::Cancelled:
            return QIcon(QStringLiteral(":/icons/cancelled.svg"));
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Started:
        return text::when(run.started);
    case Duration:
        return text::duration(run.durationSeconds);
    case Files:
        return run.outcome == client::Run::Failed || run.outcome == client::Run::Cancelled
                   ? QString()
                   : QLocale().toString(run.files);
    case NewData:
        return text::bytes(run.newBytes);
    case Outcome:
        if (run.outcome == client::Run::SucceededWithWarnings)
            return tr("succeeded, %n warning(s)", nullptr, int(run.warnings.size()));
        return client::outcomeName(run.outcome);
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Started:
        return tr("Started");
    case Duration:
        return tr("Took");
    case Files:
        return tr("Files");
    case NewData:
        return tr("New data");
    case Outcome:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace obnam::gui
