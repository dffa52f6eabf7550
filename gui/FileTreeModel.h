#pragma once

#include "gen/FileEntry.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace obnam {
class GenerationReader;
}

namespace obnam::client {
struct Session;
}

namespace obnam::gui {

// One generation's files as a tree, read lazily: a folder's entries are asked of the
// generation's reader when the folder is first expanded (canFetchMore/fetchMore), and arrive
// without the window waiting. Columns: name, size, modification time, kind, and how the backup
// recorded the entry.
class FileTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Size,
        Modified,
        Kind,
        Recorded,
        ColumnCount
    };
    // The value a column sorts by (numbers for size and time).
    static constexpr int SortRole = Qt::UserRole;

    explicit FileTreeModel(QObject *parent = nullptr);
    ~FileTreeModel() override;

    // Shows the generation `reader` reads (nothing when it is null); `session` is kept as long
    // as the reader, which reads through its repository.
    void setReader(std::shared_ptr<client::Session> session,
                   std::shared_ptr<GenerationReader> reader);
    bool hasReader() const { return m_reader != nullptr; }
    const std::shared_ptr<GenerationReader> &reader() const { return m_reader; }
    const FileEntry &entry(const QModelIndex &index) const;
    // The entry at a stored path, or (its folder not loaded yet, or the path not there) the
    // deepest folder on its way that is; the top is an invalid index.
    QModelIndex find(const QByteArray &path) const;
    bool isLoading() const { return m_loading > 0; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // A folder's entries arrived (the top: an invalid index).
    void loaded(const QModelIndex &folder);
    void loadFailed(const QString &message);

private:
    struct Node
    {
        FileEntry entry;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
        bool fetched = false;
        bool fetching = false;
    };
    Node *node(const QModelIndex &index) const;
    QModelIndex indexOf(Node *n) const;

    std::shared_ptr<client::Session> m_session;
    std::shared_ptr<GenerationReader> m_reader;
    std::unique_ptr<Node> m_root;
    quint64 m_epoch = 0; // answers for an earlier generation are dropped
    int m_loading = 0;
};

// Sorting for the tree (by name: the model's own order), and the filter box of the open folder:
// only that folder's entries whose names contain the text stay; every other folder shows all.
class FileTreeProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    // `folder` is an index of the source model; invalid: the top.
    void setFolderFilter(const QPersistentModelIndex &folder, const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QPersistentModelIndex m_folder;
    QString m_text;
};

} // namespace obnam::gui
