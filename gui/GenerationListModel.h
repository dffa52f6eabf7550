#pragma once

#include "SearchIndex.h"
#include "repo/GenerationRecord.h"

#include <QAbstractTableModel>

namespace obnam::gui {

// The browser's list of backups, newest first: when, which computer, how many files and
// bytes, and what each added, changed and removed against the one before it (once the
// search index has counted it).
class GenerationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        When,
        Computer,
        Files,
        Size,
        Added,
        Changed,
        Removed,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setGenerations(const QList<GenerationRecord> &generations);
    void setChanges(const QHash<QString, client::GenerationChanges> &changes);
    const GenerationRecord &generation(int row) const { return m_generations.at(row); }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<GenerationRecord> m_generations;
    QHash<QString, client::GenerationChanges> m_changes;
};

} // namespace obnam::gui
