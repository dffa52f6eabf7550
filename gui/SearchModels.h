#pragma once

// The two lists the browser fills from the search index: search hits and a file's versions.

#include "SearchIndex.h"
#include "repo/GenerationRecord.h"

#include <QAbstractTableModel>
#include <QHash>

namespace obnam::gui {

// Generation records by id, for the dates the lists show.
using GenerationsById = QHash<QString, GenerationRecord>;

// Paths that matched a search, with the backups that hold each.
class SearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Folder,
        Backups,
        LastBackup,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;
    void setHits(const QList<client::SearchHit> &hits, const GenerationsById &generations);
    const client::SearchHit &hit(int row) const { return m_hits.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<client::SearchHit> m_hits;
    GenerationsById m_generations;
};

// The versions of one file that really differ, oldest first.
class VersionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        FirstBackup,
        LastBackup,
        Backups,
        Size,
        Modified,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;
    void setVersions(const QByteArray &path, const QList<client::IndexedVersion> &versions,
                     const GenerationsById &generations);
    const QByteArray &path() const { return m_path; }
    const client::IndexedVersion &version(int row) const { return m_versions.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QByteArray m_path;
    QList<client::IndexedVersion> m_versions;
    GenerationsById m_generations;
};

} // namespace obnam::gui
