#include "FileTreeModel.h"

#include "PathPattern.h"
#include "Session.h"
#include "Text.h"
#include "WhenReady.h"
#include "engine/GenerationReader.h"

#include <QApplication>
#include <QCollator>
#include <QFile>
#include <QLocale>
#include <QStyle>

#include <algorithm>
#include <vector>

namespace obnam::gui {

namespace {

QString kindText(const FileEntry &e)
{
    switch (e.kind) {
    case FileKind::Regular:
        return FileTreeModel::tr("File");
    case FileKind::Directory:
        return FileTreeModel::tr("Folder");
    case FileKind::Symlink:
        return FileTreeModel::tr("Link to %1").arg(QFile::decodeName(e.target));
    case FileKind::Socket:
        return FileTreeModel::tr("Socket");
    case FileKind::Fifo:
        return FileTreeModel::tr("Named pipe");
    case FileKind::BlockDevice:
    case FileKind::CharDevice:
        return FileTreeModel::tr("Device");
    }
    return {};
}

QString recordedText(const FileEntry &e)
{
    if (e.onTheWay)
        return FileTreeModel::tr("On the way");
    if (e.cachedir)
        return FileTreeModel::tr("Contents skipped (cache folder)");
    switch (e.reason) {
    case Reason::New:
        return FileTreeModel::tr("New");
    case Reason::Changed:
        return FileTreeModel::tr("Changed");
    case Reason::Unchanged:
        return FileTreeModel::tr("Unchanged");
    case Reason::FileError:
        return FileTreeModel::tr("Unreadable, not backed up");
    }
    return {};
}

// Folders first, then by name as a person reads them (case aside, numbers by value): the
// order the tree shows, kept in the model so that the proxy's name sort is a row comparison.
void sortByName(QList<FileEntry> &entries)
{
    // The C locale (no language set) compares code points and ignores numeric mode: names
    // are then ordered as in English.
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    QCollator collator(locale);
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    struct Keyed
    {
        QCollatorSortKey key;
        qsizetype at;
        bool directory;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        keyed.push_back({collator.sortKey(QFile::decodeName(client::entryName(entries[i].path))), i,
                         entries[i].kind == FileKind::Directory});
    std::sort(keyed.begin(), keyed.end(), [](const Keyed &a, const Keyed &b) {
        if (a.directory != b.directory)
            return a.directory;
        const int c = a.key.compare(b.key);
        return c != 0 ? c < 0 : a.at < b.at;
    });
    QList<FileEntry> sorted;
    sorted.reserve(entries.size());
    for (const Keyed &k : keyed)
        sorted.append(std::move(entries[k.at]));
    entries = std::move(sorted);
}

} // namespace

FileTreeModel::FileTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

FileTreeModel::~FileTreeModel() = default;

void FileTreeModel::setReader(std::shared_ptr<client::Session> session,
                              std::shared_ptr<GenerationReader> reader)
{
    beginResetModel();
    ++m_epoch;
    m_loading = 0;
    m_root.reset();
    m_reader = std::move(reader);
    m_session = std::move(session);
    if (m_reader) {
        m_root = std::make_unique<Node>();
        m_root->entry.path = "/";
        m_root->entry.kind = FileKind::Directory;
    }
    endResetModel();
}

FileTreeModel::Node *FileTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex FileTreeModel::indexOf(Node *n) const
{
    return !n || n == m_root.get() ? QModelIndex() : createIndex(n->row, 0, n);
}

const FileEntry &FileTreeModel::entry(const QModelIndex &index) const
{
    static const FileEntry none;
    const Node *n = index.isValid() ? node(index) : nullptr;
    return n ? n->entry : none;
}

QModelIndex FileTreeModel::find(const QByteArray &path) const
{
    Node *n = m_root.get();
    while (n && n->entry.path != path) {
        Node *next = nullptr;
        for (const auto &child : n->children) {
            const QByteArray &p = child->entry.path;
            if (p == path || (path.startsWith(p) && path.at(p.size()) == '/')) {
                next = child.get();
                break;
            }
        }
        if (!next)
            break; // the path's folder is not loaded (or the path is not there)
        n = next;
    }
    return indexOf(n);
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *p = node(parent);
    if (!p || row < 0 || column < 0 || column >= ColumnCount || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[row].get());
}

QModelIndex FileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(node(child)->parent);
}

int FileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *p = node(parent);
    return p ? int(p->children.size()) : 0;
}

int FileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool FileTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node *p = node(parent);
    if (!p || parent.column() > 0 || p->entry.kind != FileKind::Directory)
        return false;
    return !p->fetched || !p->children.empty();
}

bool FileTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *p = node(parent);
    return p && p->entry.kind == FileKind::Directory && !p->fetched && !p->fetching;
}

void FileTreeModel::fetchMore(const QModelIndex &parent)
{
    Node *p = node(parent);
    if (!p || !canFetchMore(parent) || !m_reader)
        return;
    p->fetching = true;
    ++m_loading;
    const quint64 epoch = m_epoch;
    whenReady(m_reader->children(p->entry.path), this,
              [this, p, epoch](Result<QList<FileEntry>> got) {
                  if (epoch != m_epoch)
                      return; // another generation is shown now; `p` is gone
                  --m_loading;
                  p->fetching = false;
                  p->fetched = true;
                  const QModelIndex folder = indexOf(p);
                  if (!got) {
                      Q_EMIT loadFailed(got.error().toString());
                      return;
                  }
                  if (!got->isEmpty()) {
                      sortByName(*got);
                      beginInsertRows(folder, 0, int(got->size()) - 1);
                      p->children.reserve(got->size());
                      for (FileEntry &e : *got) {
                          auto child = std::make_unique<Node>();
                          child->entry = std::move(e);
                          child->parent = p;
                          child->row = int(p->children.size());
                          p->children.push_back(std::move(child));
                      }
                      endInsertRows();
                  } else {
                      // No children after all: the expander goes.
                      Q_EMIT dataChanged(folder, folder);
                  }
                  Q_EMIT loaded(folder);
              });
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const FileEntry &e = node(index)->entry;
    const bool directory = e.kind == FileKind::Directory;
    if (role == SortRole) {
        switch (index.column()) {
        case Size:
            return directory ? qint64(-1) : e.size;
        case Modified:
            return e.mtimeNs;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole && index.column() == Name) {
        const QStyle *style = QApplication::style();
        return style->standardIcon(directory                     ? QStyle::SP_DirIcon
                                   : e.kind == FileKind::Symlink ? QStyle::SP_FileLinkIcon
                                                                 : QStyle::SP_FileIcon);
    }
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Name)
        return QFile::decodeName(e.path);
    if (role == Qt::ToolTipRole && index.column() == Recorded && e.onTheWay)
        return tr("A folder above the folders that are backed up: only the way to them, not "
                  "backed up itself.");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return QFile::decodeName(client::entryName(e.path));
    case Size:
        return directory ? QString() : text::bytes(e.size);
    case Modified:
        if (e.onTheWay)
            return QString();
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.mtimeNs / 1000000).toLocalTime(),
                                  QLocale::ShortFormat);
    case Kind:
        return kindText(e);
    case Recorded:
        return recordedText(e);
    default:
        return {};
    }
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Size:
        return tr("Size");
    case Modified:
        return tr("Modified");
    case Kind:
        return tr("Kind");
    case Recorded:
        return tr("Backed up as");
    default:
        return {};
    }
}

void FileTreeProxy::setFolderFilter(const QPersistentModelIndex &folder, const QString &text)
{
    m_folder = folder;
    m_text = text;
    invalidateFilter();
}

bool FileTreeProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty() || sourceParent != QModelIndex(m_folder))
        return true;
    const QModelIndex name = sourceModel()->index(sourceRow, FileTreeModel::Name, sourceParent);
    return name.data().toString().contains(m_text, Qt::CaseInsensitive);
}

bool FileTreeProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The model keeps each folder in name order already (folders first).
    if (left.column() == FileTreeModel::Name)
        return left.row() < right.row();
    const QVariant a = left.data(FileTreeModel::SortRole);
    const QVariant b = right.data(FileTreeModel::SortRole);
    if (left.column() == FileTreeModel::Size || left.column() == FileTreeModel::Modified)
        return a.toLongLong() < b.toLongLong();
    return QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive) < 0;
}

} // namespace obnam::gui
