#include "BrowserWindow.h"

#include "FileTreeModel.h"
#include "GenerationListModel.h"
#include "OpenFile.h"
#include "PassphraseDialog.h"
#include "RestoreDialog.h"
#include "Session.h"
#include "Text.h"
#include "WhenReady.h"
#include "engine/GenerationReader.h"

#include <QDesktopServices>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <numeric>

namespace obnam::gui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

BrowserWindow::BrowserWindow(client::Paths paths, QString configPath, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_browser(new Browser(std::move(paths), std::move(configPath), this))
    , m_generations(new GenerationListModel(this))
    , m_tree(new FileTreeModel(this))
    , m_proxy(new FileTreeProxy(this))
    , m_hits(new SearchResultsModel(this))
    , m_versions(new VersionsModel(this))
{
    setWindowTitle(tr("Backups – Obnam"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_proxy->setSourceModel(m_tree);

    auto *layout = new QVBoxLayout(this);
    auto *searchRow = new QHBoxLayout;
    auto *searchLabel = new QLabel(tr("&Search all backups:"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("A name, part of one, or a pattern such as *.odt"));
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    layout->addLayout(searchRow);

    auto *split = m_split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *backupsLabel = new QLabel(tr("&Backups"), left);
    m_generationView = makeTable(m_generations, left);
    m_generationView->setObjectName(QStringLiteral("generations"));
    backupsLabel->setBuddy(m_generationView);
    m_generationView->horizontalHeader()->setStretchLastSection(false); // sized to fit: opened()
    m_details = new QPushButton(tr("&Details…"), left);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setEnabled(false);
    leftLayout->addWidget(backupsLabel);
    leftLayout->addWidget(m_generationView, 1);
    leftLayout->addWidget(m_details, 0, Qt::AlignLeft);

    auto *right = new QSplitter(Qt::Vertical, split);
    m_pages = new QStackedWidget(right);
    auto *treePage = new QWidget(m_pages);
    auto *treeLayout = new QVBoxLayout(treePage);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Filter the open folder:"), treePage);
    m_filter = new QLineEdit(treePage);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setClearButtonEnabled(true);
    filterLabel->setBuddy(m_filter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    m_treeView = new QTreeView(treePage);
    m_treeView->setObjectName(QStringLiteral("tree"));
    m_treeView->setModel(m_proxy);
    m_treeView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_treeView->setUniformRowHeights(true); // ten thousand rows lay out in no time
    m_treeView->setSortingEnabled(true);
    m_treeView->sortByColumn(FileTreeModel::Name, Qt::AscendingOrder);
    m_treeView->header()->setStretchLastSection(false);
    m_treeView->header()->setSectionResizeMode(FileTreeModel::Name, QHeaderView::Stretch);
    m_treeView->setColumnWidth(FileTreeModel::Size, 80);
    m_treeView->setColumnWidth(FileTreeModel::Modified, 120);
    m_treeView->setColumnWidth(FileTreeModel::Kind, 90);
    m_treeView->setColumnWidth(FileTreeModel::Recorded, 110);
    m_restore = new QPushButton(tr("&Restore…"), treePage);
    m_restore->setObjectName(QStringLiteral("restore"));
    m_restore->setEnabled(false);
    treeLayout->addLayout(filterRow);
    treeLayout->addWidget(m_treeView, 1);
    treeLayout->addWidget(m_restore, 0, Qt::AlignLeft);
    m_pages->addWidget(treePage);

    auto *hitPage = new QWidget(m_pages);
    auto *hitLayout = new QVBoxLayout(hitPage);
    hitLayout->setContentsMargins(0, 0, 0, 0);
    m_hitNote = new QLabel(hitPage);
    m_hitNote->setObjectName(QStringLiteral("hitNote"));
    m_hitNote->setWordWrap(true);
    m_hitView = makeTable(m_hits, hitPage);
    m_hitView->setObjectName(QStringLiteral("hits"));
    hitLayout->addWidget(m_hitNote);
    hitLayout->addWidget(m_hitView, 1);
    m_pages->addWidget(hitPage);

    auto *versionsBox = new QWidget(right);
    auto *versionsLayout = new QVBoxLayout(versionsBox);
    versionsLayout->setContentsMargins(0, 0, 0, 0);
    m_versionsTitle = new QLabel(tr("Choose a file to see its versions."), versionsBox);
    m_versionsTitle->setObjectName(QStringLiteral("versionsTitle"));
    m_versionsTitle->setWordWrap(true);
    m_versionView = makeTable(m_versions, versionsBox);
    m_versionView->setObjectName(QStringLiteral("versions"));
    m_versionsTitle->setBuddy(m_versionView);
    auto *versionButtons = new QHBoxLayout;
    m_restoreVersion = new QPushButton(tr("Restore this &version…"), versionsBox);
    m_restoreVersion->setObjectName(QStringLiteral("restoreVersion"));
    m_openVersion = new QPushButton(tr("&Open"), versionsBox);
    m_openVersion->setObjectName(QStringLiteral("openVersion"));
    m_openVersion->setToolTip(tr("Opens a read-only copy with the application for its type, "
                                 "without restoring it anywhere."));
    m_restoreVersion->setEnabled(false);
    m_openVersion->setEnabled(false);
    versionButtons->addWidget(m_restoreVersion);
    versionButtons->addWidget(m_openVersion);
    versionButtons->addStretch(1);
    versionsLayout->addWidget(m_versionsTitle);
    versionsLayout->addWidget(m_versionView, 1);
    versionsLayout->addLayout(versionButtons);
    right->addWidget(m_pages);
    right->addWidget(versionsBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    split->setSizes({460, 720});
    layout->addWidget(split, 1);

    m_status = new QLabel(tr("Opening the repository…"), this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    resize(1180, 720);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(200);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(&m_searchDelay, &QTimer::timeout, this, &BrowserWindow::searchChanged);
    connect(m_browser, &Browser::opened, this, &BrowserWindow::opened);
    connect(m_browser, &Browser::needPassphrase, this, [this](bool wrong) {
        auto *dialog = new PassphraseDialog(m_browser->configPath(), wrong, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog] { m_browser->open(dialog->passphrase()); });
        connect(dialog, &QDialog::rejected, this, [this] {
            m_status->setText(tr("The backups cannot be shown without the passphrase."));
        });
        dialog->open();
    });
    connect(m_browser, &Browser::failed, this, [this](const QString &message) {
        m_status->setText(tr("The repository could not be opened: %1").arg(message));
    });
    connect(m_browser, &Browser::indexProgress, this, [this](int done, int total) {
        if (total > 0 && done < total)
            m_status->setText(tr("Preparing the search: %1 of %n backup(s) read…", nullptr, total)
                                  .arg(QLocale().toString(done)));
    });
    connect(m_browser, &Browser::indexFinished, this, [this] {
        m_generations->setChanges(m_browser->changes());
        m_status->setText(tr("%n backup(s).", nullptr, int(m_browser->generations().size())));
    });
    connect(m_browser, &Browser::indexFailed, this, [this](const QString &message) {
        m_status->setText(tr("Searching is not available: %1").arg(message));
    });
    connect(m_browser, &Browser::searched, this, &BrowserWindow::showHits);
    connect(m_browser, &Browser::searchFailed, this, [this](const QString &, const QString &why) {
        m_hits->setHits({}, {});
        m_hitNote->setText(tr("The search did not work: %1").arg(why));
    });
    connect(m_browser, &Browser::versionsFound, this, &BrowserWindow::showVersions);
    connect(
        m_browser, &Browser::versionsFailed, this,
        [this](const QByteArray &path, const QString &why) {
            // Nothing of another file may stay chosen for Restore or Open.
            m_versions->setVersions(path, {}, generationsById());
            m_restoreVersion->setEnabled(false);
            m_openVersion->setEnabled(false);
            m_versionsTitle->setText(
                tr("The versions of %1 could not be read: %2").arg(QFile::decodeName(path), why));
        });
    connect(m_generationView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BrowserWindow::generationChosen);
    connect(m_details, &QPushButton::clicked, this, &BrowserWindow::showDetails);
    connect(m_tree, &FileTreeModel::loaded, this, &BrowserWindow::treeLoaded);
    connect(m_tree, &FileTreeModel::loadFailed, this, [this](const QString &message) {
        m_status->setText(tr("A folder could not be read: %1").arg(message));
    });
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &BrowserWindow::currentEntryChanged);
    connect(m_treeView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_restore->setEnabled(!m_treeView->selectionModel()->selectedRows().isEmpty());
    });
    connect(m_filter, &QLineEdit::textChanged, this, &BrowserWindow::filterFolder);
    connect(m_restore, &QPushButton::clicked, this, &BrowserWindow::restoreSelected);
    connect(m_hitView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_browser->versions(m_hits->hit(current.row()).path);
            });
    // Enter or a double click on a hit shows it in the newest backup that has it.
    connect(m_hitView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const client::SearchHit &hit = m_hits->hit(index.row());
        if (!hit.generations.isEmpty())
            reveal(hit.path, hit.generations.constLast());
    });
    connect(m_versionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_restoreVersion->setEnabled(current.isValid());
                m_openVersion->setEnabled(current.isValid() &&
                                          m_versions->version(current.row()).kind ==
                                              FileKind::Regular);
            });
    connect(m_restoreVersion, &QPushButton::clicked, this, &BrowserWindow::restoreVersion);
    connect(m_openVersion, &QPushButton::clicked, this, &BrowserWindow::openVersion);
    m_browser->open();
}

BrowserWindow::~BrowserWindow()
{
    // The tree's reader reads through the browser's session: it goes first.
    m_tree->setReader(nullptr, nullptr);
}

GenerationsById BrowserWindow::generationsById() const
{
    GenerationsById out;
    for (const GenerationRecord &g : m_browser->generations())
        out.insert(g.id, g);
    return out;
}

void BrowserWindow::opened()
{
    m_generations->setGenerations(m_browser->generations());
    // The computer is worth a column only where more than one backs up here.
    QSet<QString> computers;
    for (const GenerationRecord &g : m_browser->generations())
        computers.insert(g.clientName);
    m_generationView->setColumnHidden(GenerationListModel::Computer, computers.size() < 2);
    // The list as wide as its columns (they differ from language to language); the files get
    // the rest.
    m_generationView->resizeColumnsToContents();
    const int wanted = 2 * m_generationView->frameWidth() +
                       m_generationView->verticalScrollBar()->sizeHint().width() +
                       m_generationView->horizontalHeader()->length();
    const QList<int> sizes = m_split->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total > wanted)
        m_split->setSizes({wanted, total - wanted});
    m_status->setText(m_browser->generations().isEmpty()
                          ? tr("There are no backups yet.")
                          : tr("%n backup(s).", nullptr, int(m_browser->generations().size())));
    if (!m_browser->generations().isEmpty())
        m_generationView->selectRow(0);
}

std::optional<GenerationRecord> BrowserWindow::selectedGeneration() const
{
    const QModelIndex current = m_generationView->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_generations->generation(current.row());
}

void BrowserWindow::selectGeneration(const QString &id)
{
    const int row = m_generations->rowOf(id);
    if (row >= 0)
        m_generationView->selectRow(row);
}

void BrowserWindow::generationChosen()
{
    const auto gen = selectedGeneration();
    m_details->setEnabled(gen.has_value());
    if (!gen || gen->id == m_shownGeneration)
        return;
    m_shownGeneration = gen->id;
    if (!m_revealingIn.isEmpty() && m_revealingIn != gen->id)
        m_revealing.clear(); // chosen by hand meanwhile: the way there is not wanted any more
    m_filter->clear();
    m_tree->setReader(nullptr, nullptr);
    const quint64 ticket = ++m_readerTicket;
    auto session = m_browser->session();
    whenReady(m_browser->reader(*gen), this,
              [this, ticket, session](const Result<std::shared_ptr<GenerationReader>> &reader) {
                  if (ticket != m_readerTicket)
                      return;
                  if (!reader) {
                      m_shownGeneration.clear(); // choosing it again tries again
                      m_revealing.clear();
                      m_status->setText(tr("This backup's list of files could not be read: %1")
                                            .arg(reader.error().toString()));
                      return;
                  }
                  m_tree->setReader(session, *reader);
                  if (m_tree->canFetchMore({}))
                      m_tree->fetchMore({});
              });
}

void BrowserWindow::treeLoaded(const QModelIndex &folder)
{
    if (!folder.isValid())
        Q_EMIT treeShown();
    if (!m_revealing.isEmpty()) {
        continueReveal();
        return;
    }
    // Down a chain of folders with one folder each (/ → home → alex) to where the backed-up
    // folders begin.
    if (m_tree->rowCount(folder) == 1) {
        const QModelIndex only = m_tree->index(0, 0, folder);
        if (m_tree->entry(only).kind == FileKind::Directory) {
            m_treeView->expand(m_proxy->mapFromSource(only));
            if (m_tree->canFetchMore(only))
                m_tree->fetchMore(only);
        }
    }
}

void BrowserWindow::reveal(const QByteArray &path, const QString &generationId)
{
    m_revealing = path;
    m_revealingIn = generationId;
    m_search->clear();
    m_filter->clear(); // it could hide the way
    m_pages->setCurrentIndex(0);
    const int row = m_generations->rowOf(generationId);
    if (row >= 0 && generationId != m_shownGeneration)
        m_generationView->selectRow(row); // the tree loads; treeLoaded() goes on from there
    else
        continueReveal();
}

void BrowserWindow::continueReveal()
{
    if (!m_tree->hasReader() || m_revealing.isEmpty())
        return;
    // The entry itself, or the deepest folder on its way whose entries are here.
    const QModelIndex found = m_tree->find(m_revealing);
    if (found.isValid() && m_tree->entry(found).path == m_revealing) {
        m_revealing.clear();
        const QModelIndex shown = m_proxy->mapFromSource(found);
        m_treeView->scrollTo(shown);
        m_treeView->setCurrentIndex(shown);
        m_treeView->setFocus();
        return;
    }
    if (found.isValid())
        m_treeView->expand(m_proxy->mapFromSource(found));
    if (m_tree->canFetchMore(found)) {
        m_tree->fetchMore(found); // treeLoaded() comes back here
        return;
    }
    if (!m_tree->isLoading())
        m_revealing.clear(); // the folder is read and the path is not in it
}

void BrowserWindow::currentEntryChanged()
{
    const QModelIndex current = m_proxy->mapToSource(m_treeView->currentIndex());
    if (!current.isValid())
        return;
    const FileEntry &e = m_tree->entry(current);
    m_browser->versions(e.path);
}

void BrowserWindow::showVersions(const QByteArray &path,
                                 const QList<client::IndexedVersion> &versions)
{
    m_versions->setVersions(path, versions, generationsById());
    if (versions.isEmpty()) {
        m_versionsTitle->setText(tr("%1 is not backed up itself: it is a folder on the way to the "
                                    "backed-up folders.")
                                     .arg(QFile::decodeName(path)));
        m_restoreVersion->setEnabled(false);
        m_openVersion->setEnabled(false);
        return;
    }
    const qsizetype holding = std::accumulate(
        versions.cbegin(), versions.cend(), qsizetype(0),
        [](qsizetype n, const client::IndexedVersion &v) { return n + v.generations.size(); });
    m_versionsTitle->setText(tr("%1: %2, in %3.")
                                 .arg(QFile::decodeName(path),
                                      tr("%n different version(s)", nullptr, int(versions.size())),
                                      tr("%n backup(s)", nullptr, int(holding))));
    m_restoreVersion->setEnabled(false);
    m_openVersion->setEnabled(false);
    if (!versions.isEmpty())
        m_versionView->selectRow(int(versions.size()) - 1);
}

void BrowserWindow::searchChanged()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    if (!m_browser->isOpen())
        return;
    m_hitNote->setText(m_browser->indexReady()
                           ? tr("Searching…")
                           : tr("Searching as soon as the search is prepared…"));
    m_browser->search(text);
}

void BrowserWindow::showHits(const QString &pattern, const QList<client::SearchHit> &hits,
                             bool truncated)
{
    if (pattern != m_search->text().trimmed())
        return;
    m_hits->setHits(hits, generationsById());
    // The first hit's versions show at once; the keyboard goes on from there.
    if (!hits.isEmpty()) {
        m_hitView->setCurrentIndex(m_hits->index(0, 0));
        m_browser->versions(hits.first().path);
    }
    if (hits.isEmpty())
        m_hitNote->setText(tr("Nothing in any backup matches “%1”.").arg(pattern));
    else if (truncated)
        m_hitNote->setText(tr("More than %1 matches; the first %1 are shown. Type more of the "
                              "name to narrow them down.")
                               .arg(QLocale().toString(Browser::kSearchLimit)));
    else
        m_hitNote->setText(tr("%n hit(s) in all backups. Enter shows one in the newest backup "
                              "that has it.",
                              nullptr, int(hits.size())));
}

void BrowserWindow::filterFolder()
{
    // The open folder: the one chosen, or the one holding the file chosen.
    QModelIndex folder = m_proxy->mapToSource(m_treeView->currentIndex());
    if (folder.isValid() && m_tree->entry(folder).kind != FileKind::Directory)
        folder = folder.parent();
    if (folder.isValid() && !m_treeView->isExpanded(m_proxy->mapFromSource(folder)))
        folder = folder.parent();
    m_proxy->setFolderFilter(QPersistentModelIndex(folder), m_filter->text());
}

void BrowserWindow::restoreSelected()
{
    const auto gen = selectedGeneration();
    if (!gen || !m_browser->isOpen())
        return;
    QList<QByteArray> paths;
    for (const QModelIndex &row : m_treeView->selectionModel()->selectedRows())
        paths.append(m_tree->entry(m_proxy->mapToSource(row)).path);
    if (paths.isEmpty())
        return;
    auto *dialog = new RestoreDialog(m_browser->session(), *gen, paths, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

std::optional<GenerationRecord> BrowserWindow::chosenVersion() const
{
    // A version is restored or opened from the newest backup that holds it.
    const QModelIndex current = m_versionView->currentIndex();
    if (!current.isValid() || !m_browser->isOpen())
        return std::nullopt;
    return m_browser->generation(m_versions->version(current.row()).generations.constLast());
}

void BrowserWindow::restoreVersion()
{
    const auto gen = chosenVersion();
    if (!gen)
        return;
    auto *dialog = new RestoreDialog(m_browser->session(), *gen, {m_versions->path()}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void BrowserWindow::openVersion()
{
    const auto gen = chosenVersion();
    if (!gen)
        return;
    m_status->setText(tr("Opening %1…").arg(QFile::decodeName(m_versions->path())));
    whenReady(restoreForViewing(m_browser->session(), *gen, m_versions->path()), this,
              [this](const Result<QString> &file) {
                  if (!file) {
                      m_status->setText(
                          tr("The file could not be opened: %1").arg(file.error().toString()));
                      return;
                  }
                  m_status->setText(tr("Opened a read-only copy: %1").arg(*file));
                  QDesktopServices::openUrl(QUrl::fromLocalFile(*file));
                  Q_EMIT openedForViewing(*file);
              });
}

void BrowserWindow::showDetails()
{
    const auto gen = selectedGeneration();
    if (!gen)
        return;
    const auto show = [this, gen](const std::shared_ptr<GenerationReader> &reader) {
        whenReady(reader->meta(), this,
                  [this, gen, reader](const Result<QList<QPair<QString, QString>>> &meta) {
                      showDetailsOf(*gen, meta);
                  });
    };
    // The tree's reader when it shows that backup: no second download, no second thread.
    if (gen->id == m_shownGeneration && m_tree->reader()) {
        show(m_tree->reader());
        return;
    }
    whenReady(m_browser->reader(*gen), this,
              [show](const Result<std::shared_ptr<GenerationReader>> &reader) {
                  if (reader)
                      show(*reader);
              });
}

void BrowserWindow::showDetailsOf(const GenerationRecord &gen,
                                  const Result<QList<QPair<QString, QString>>> &meta)
{
    const QStringList lines{tr("Backup %1").arg(gen.id),
                            tr("Computer: %1").arg(gen.clientName),
                            tr("Started: %1").arg(QLocale().toString(gen.started.toLocalTime())),
                            tr("Finished: %1").arg(QLocale().toString(gen.finished.toLocalTime())),
                            tr("Files: %1").arg(QLocale().toString(gen.fileCount)),
                            tr("Size of the files: %1").arg(text::bytes(gen.totalBytes)),
                            tr("Size of its list of files: %1").arg(text::bytes(gen.dbSize))};
    QString details;
    if (meta)
        for (const auto &[key, value] : *meta)
            details += key + QStringLiteral(": ") + value + QLatin1Char('\n');
    auto *box = new QMessageBox(QMessageBox::Information, tr("Backup details"),
                                lines.join(QLatin1Char('\n')), QMessageBox::Close, this);
    box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace obnam::gui
