#pragma once

#include "Browser.h"
#include "SearchModels.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace obnam::gui {

class FileTreeModel;
class FileTreeProxy;
class GenerationListModel;

// The generation browser: the list of backups, the files of the one selected (a lazy tree
// with a filter for the open folder), a search across every backup at once, the versions of
// the file selected, and restoring or opening what was chosen.
class BrowserWindow : public QWidget
{
    Q_OBJECT

public:
    BrowserWindow(client::Paths paths, QString configPath, QWidget *parent = nullptr);
    ~BrowserWindow() override;

    Browser &browser() { return *m_browser; }
    // Shows the files of this backup (an id from the list).
    void selectGeneration(const QString &id);

Q_SIGNALS:
    // The tree of a selected backup is showing its top folder.
    void treeShown();
    // A file was restored for viewing and handed to the desktop (its path).
    void openedForViewing(const QString &path);

private:
    void opened();
    void generationChosen();
    void treeLoaded(const QModelIndex &folder);
    void currentEntryChanged();
    void searchChanged();
    void showHits(const QString &pattern, const QList<client::SearchHit> &hits, bool truncated);
    void reveal(const QByteArray &path, const QString &generationId);
    void continueReveal();
    void showVersions(const QByteArray &path, const QList<client::IndexedVersion> &versions);
    void restoreSelected();
    void restoreVersion();
    void openVersion();
    void showDetails();
    void showDetailsOf(const GenerationRecord &gen,
                       const Result<QList<QPair<QString, QString>>> &meta);
    void filterFolder();
    GenerationsById generationsById() const;
    std::optional<GenerationRecord> selectedGeneration() const;
    std::optional<GenerationRecord> chosenVersion() const;

    Browser *m_browser;
    GenerationListModel *m_generations;
    FileTreeModel *m_tree;
    FileTreeProxy *m_proxy;
    SearchResultsModel *m_hits;
    VersionsModel *m_versions;

    QSplitter *m_split;
    QLineEdit *m_search;
    QLabel *m_status;
    QTableView *m_generationView;
    QPushButton *m_details;
    QStackedWidget *m_pages;
    QLineEdit *m_filter;
    QTreeView *m_treeView;
    QTableView *m_hitView;
    QLabel *m_hitNote;
    QPushButton *m_restore;
    QLabel *m_versionsTitle;
    QTableView *m_versionView;
    QPushButton *m_restoreVersion;
    QPushButton *m_openVersion;
    QTimer m_searchDelay;
    QString m_shownGeneration;
    quint64 m_readerTicket = 0;
    // A path being revealed in the tree: each folder on the way is expanded as it loads.
    QByteArray m_revealing;
    QString m_revealingIn; // the backup it is revealed in
};

} // namespace obnam::gui
