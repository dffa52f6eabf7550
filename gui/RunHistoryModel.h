#pragma once

#include "RunHistory.h"

#include <QAbstractTableModel>

namespace obnam::gui {

// The recent backup runs, newest first: when, how long, how many files, how much new data,
// and how it ended (in words, never by colour alone).
class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Started,
        Duration,
        Files,
        NewData,
        Outcome,
        ColumnCount
    };

    explicit RunHistoryModel(QObject *parent = nullptr);
    void setRuns(QList<client::Run> runs); // oldest first, as RunHistory::load() gives them
    const client::Run &run(int row) const { return m_runs.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<client::Run> m_runs; // newest first
};

} // namespace obnam::gui
