#include "SearchModels.h"

#include "Text.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace obnam::gui {

namespace {

QString whenOf(const GenerationsById &generations, const QString &id)
{
    const auto g = generations.constFind(id);
    return g == generations.cend() ? QString() : text::when(g->finished.toLocalTime());
}

} // namespace

void SearchResultsModel::setHits(const QList<client::SearchHit> &hits,
                                 const GenerationsById &generations)
{
    beginResetModel();
    m_hits = hits;
    m_generations = generations;
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const client::SearchHit &hit = m_hits.at(index.row());
    const QString path = QFile::decodeName(hit.path);
    if (role == Qt::ToolTipRole)
        return path;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return QFile::decodeName(client::entryName(hit.path));
    case Folder:
        return QFileInfo(path).path();
    case Backups:
        return tr("%n of %1", nullptr, int(hit.generations.size()))
            .arg(QLocale().toString(m_generations.size()));
    case LastBackup:
        return hit.generations.isEmpty() ? QString()
                                         : whenOf(m_generations, hit.generations.constLast());
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Folder:
        return tr("Folder");
    case Backups:
        return tr("In backups");
    case LastBackup:
        return tr("Last backed up");
    default:
        return {};
    }
}

void VersionsModel::setVersions(const QByteArray &path,
                                const QList<client::IndexedVersion> &versions,
                                const GenerationsById &generations)
{
    beginResetModel();
    m_path = path;
    m_versions = versions;
    m_generations = generations;
    endResetModel();
}

int VersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int VersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VersionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_versions.size())
        return {};
    const client::IndexedVersion &v = m_versions.at(index.row());
    if (role == Qt::TextAlignmentRole && (index.column() == Size || index.column() == Backups))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole || v.generations.isEmpty())
        return {};
    switch (index.column()) {
    case FirstBackup:
        return whenOf(m_generations, v.generations.constFirst());
    case LastBackup:
        return whenOf(m_generations, v.generations.constLast());
    case Backups:
        return QLocale().toString(v.generations.size());
    case Size:
        return v.kind == FileKind::Directory ? QString() : text::bytes(v.size);
    case Modified:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(v.mtimeNs / 1000000).toLocalTime(),
                                  QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant VersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FirstBackup:
        return tr("First backed up");
    case LastBackup:
        return tr("Last backed up");
    case Backups:
        return tr("Backups");
    case Size:
        return tr("Size");
    case Modified:
        return tr("Modified");
    default:
        return {};
    }
}

} // namespace obnam::gui
