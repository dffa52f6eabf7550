#include "MainWindow.h"

#include "BrowserWindow.h"

#include "ClientConfig.h"
#include "Keyring.h"
#include "PassphraseDialog.h"
#include "RunHistoryModel.h"
#include "SettingsDialog.h"
#include "Text.h"
#include "WhenReady.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace obnam::gui {

namespace {

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

MainWindow::MainWindow(client::Paths paths, QString configPath, BackupRunner *runner,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_paths(std::move(paths))
    , m_configPath(std::move(configPath))
    , m_runner(runner ? runner : new BackupRunner(m_paths, this))
    , m_history(new RunHistoryModel(this))
{
    setWindowTitle(tr("Obnam Backup"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/obnam.svg")));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *summary = new QGroupBox(tr("Your backup"), central);
    auto *form = new QFormLayout(summary);
    m_what = valueLabel(summary, QStringLiteral("what"));
    m_where = valueLabel(summary, QStringLiteral("where"));
    m_last = valueLabel(summary, QStringLiteral("last"));
    form->addRow(tr("Backs up:"), m_what);
    form->addRow(tr("To:"), m_where);
    form->addRow(tr("Last backup:"), m_last);
    layout->addWidget(summary);

    auto *buttons = new QHBoxLayout;
    m_backUp =
        new QPushButton(QIcon(QStringLiteral(":/icons/backup.svg")), tr("&Back up now"), central);
    m_backUp->setObjectName(QStringLiteral("backUpNow"));
    m_backUp->setDefault(true);
    m_settings = new QPushButton(tr("&Settings…"), central);
    m_settings->setObjectName(QStringLiteral("settings"));
    m_browse = new QPushButton(tr("Browse bac&kups…"), central);
    m_browse->setObjectName(QStringLiteral("browse"));
    m_browse->setToolTip(tr("Look through every backup, search them all at once, see the "
                            "versions of a file and restore any of them."));
    buttons->addWidget(m_backUp);
    buttons->addWidget(m_browse);
    buttons->addWidget(m_settings);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_notice = valueLabel(central, QStringLiteral("notice"));
    m_notice->hide();
    layout->addWidget(m_notice);
    m_elsewhere = valueLabel(central, QStringLiteral("elsewhere"));
    m_elsewhere->hide();
    layout->addWidget(m_elsewhere);

    m_progressBox = new QGroupBox(tr("Backup in progress"), central);
    m_progressBox->setObjectName(QStringLiteral("progress"));
    auto *grid = new QGridLayout(m_progressBox);
    m_phase = valueLabel(m_progressBox, QStringLiteral("phase"));
    m_bar = new QProgressBar(m_progressBox);
    m_bar->setObjectName(QStringLiteral("bar"));
    m_bar->setAccessibleName(tr("Backup progress"));
    m_files = valueLabel(m_progressBox, QStringLiteral("files"));
    m_read = valueLabel(m_progressBox, QStringLiteral("read"));
    m_uploaded = valueLabel(m_progressBox, QStringLiteral("uploaded"));
    m_rate = valueLabel(m_progressBox, QStringLiteral("rate"));
    m_eta = valueLabel(m_progressBox, QStringLiteral("eta"));
    m_folder = valueLabel(m_progressBox, QStringLiteral("folder"));
    m_folder->setWordWrap(false);
    m_folder->setMinimumWidth(10);
    grid->addWidget(m_phase, 0, 0, 1, 4);
    grid->addWidget(m_bar, 1, 0, 1, 4);
    const QList<std::pair<QString, QLabel *>> rows{
        {tr("Files looked at:"), m_files}, {tr("Read:"), m_read},
        {tr("Stored:"), m_uploaded},       {tr("Speed:"), m_rate},
        {tr("Time left:"), m_eta},         {tr("Now in:"), m_folder}};
    for (int i = 0; i < rows.size(); ++i) {
        auto *label = new QLabel(rows[i].first, m_progressBox);
        label->setBuddy(rows[i].second);
        const int row = 2 + i / 2;
        const int column = (i % 2) * 2;
        if (rows[i].second == m_folder) {
            grid->addWidget(label, 5, 0);
            grid->addWidget(m_folder, 5, 1, 1, 3);
            continue;
        }
        grid->addWidget(label, row, column);
        grid->addWidget(rows[i].second, row, column + 1);
    }
    auto *controls = new QHBoxLayout;
    m_pause = new QPushButton(tr("&Pause"), m_progressBox);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_cancel = new QPushButton(tr("&Cancel"), m_progressBox);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    controls->addStretch();
    controls->addWidget(m_pause);
    controls->addWidget(m_cancel);
    grid->addLayout(controls, 6, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    m_progressBox->hide();
    layout->addWidget(m_progressBox);

    auto *historyBox = new QGroupBox(tr("Recent backups"), central);
    auto *historyLayout = new QVBoxLayout(historyBox);
    m_table = new QTableView(historyBox);
    m_table->setObjectName(QStringLiteral("history"));
    m_table->setAccessibleName(tr("Recent backups"));
    m_table->setModel(m_history);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    historyLayout->addWidget(m_table);
    m_warnings = new QPushButton(tr("Show &warnings…"), historyBox);
    m_warnings->setObjectName(QStringLiteral("showWarnings"));
    m_warnings->setEnabled(false);
    auto *warningsRow = new QHBoxLayout;
    warningsRow->addStretch();
    warningsRow->addWidget(m_warnings);
    historyLayout->addLayout(warningsRow);
    layout->addWidget(historyBox, 1);
    setCentralWidget(central);

    connect(m_backUp, &QPushButton::clicked, this, &MainWindow::backUpNow);
    connect(m_settings, &QPushButton::clicked, this, &MainWindow::openSettings);
    connect(m_browse, &QPushButton::clicked, this, &MainWindow::openBrowser);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_runner->state() == BackupRunner::State::Paused)
            m_runner->resume();
        else
            m_runner->pause();
    });
    connect(m_cancel, &QPushButton::clicked, m_runner, &BackupRunner::cancel);
    connect(m_runner, &BackupRunner::progress, this, &MainWindow::showProgress);
    connect(m_runner, &BackupRunner::stateChanged, this, &MainWindow::stateChanged);
    connect(m_runner, &BackupRunner::finished, this, &MainWindow::finished);
    connect(m_runner, &BackupRunner::opened, this, &MainWindow::rememberPassphrase);
    connect(m_runner, &BackupRunner::needPassphrase, this, [this](bool wrong) {
        m_rememberPassphrase.reset();
        if (m_quitWhenDone)
            quitIfLeft(); // nobody is there to answer
        else
            askPassphrase(wrong);
    });
    connect(m_runner, &BackupRunner::busyElsewhere, this, [this](const QString &holder) {
        m_rememberPassphrase.reset();
        m_notice->setText(tr("Not started: the backup is running elsewhere already (%1). "
                             "Try again when it has finished.")
                              .arg(holder));
        m_notice->show();
        quitIfLeft();
    });
    connect(m_runner, &BackupRunner::historyNotWritten, this, [this](const QString &why) {
        m_notice->setText(
            tr("This backup could not be recorded in the history of backups: %1").arg(why));
        m_notice->show();
    });
    connect(m_runner, &BackupRunner::elsewhere, this, &MainWindow::showElsewhere);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_warnings->setEnabled(current.isValid() &&
                                       !m_history->run(current.row()).warnings.isEmpty());
            });
    connect(m_warnings, &QPushButton::clicked, this, &MainWindow::showWarnings);
    // Enter or a double click on a run opens its warnings, as the button does.
    connect(m_table, &QTableView::activated, this, [this] {
        if (m_warnings->isEnabled())
            showWarnings();
    });

    // obnam-cli records its runs in the same history: show them as they land.
    m_pool.setMaxThreadCount(1);
    m_reload = new QTimer(this);
    m_reload->setSingleShot(true);
    m_reload->setInterval(300);
    connect(m_reload, &QTimer::timeout, this, &MainWindow::refresh);
    auto *watcher = new QFileSystemWatcher(this);
    const QString historyFile = client::RunHistory(m_paths).file();
    QDir().mkpath(QFileInfo(historyFile).path());
    watcher->addPath(QFileInfo(historyFile).path());
    connect(watcher, &QFileSystemWatcher::directoryChanged, m_reload, qOverload<>(&QTimer::start));
    m_runner->watch(m_configPath);
    refresh();
    resize(760, 600);
}

void MainWindow::refresh()
{
    if (m_loading) {
        m_reload->start();
        return;
    }
    m_loading = true;
    const client::Paths paths = m_paths;
    const QString configPath = m_configPath;
    // Read on a worker: the configuration and the history are files, and files can be slow.
    auto answer = QtConcurrent::run(&m_pool, [paths, configPath] {
        return Loaded{client::ClientConfig::load(configPath, paths),
                      client::RunHistory(paths).load()};
    });
    whenReady(std::move(answer), this, [this](const Loaded &loaded) {
        m_loading = false;
        showConfig(loaded.config);
        showRuns(loaded.runs);
    });
}

void MainWindow::showConfig(const Result<client::ClientConfig> &config)
{
    if (config) {
        QString what = config->roots.join(QStringLiteral(", "));
        if (!config->exclude.isEmpty())
            what += QLatin1Char(' ') +
                    tr("(leaving out %n pattern(s))", nullptr, int(config->exclude.size()));
        m_what->setText(what);
        m_repository = config->serverUrl;
        m_where->setText(m_repository);
    } else {
        m_what->setText(tr("The configuration cannot be read: %1").arg(config.error().toString()));
        m_where->clear();
    }
}

void MainWindow::showRuns(const QList<client::Run> &runs)
{
    m_history->setRuns(runs);
    m_warnings->setEnabled(false);
    if (runs.isEmpty()) {
        m_last->setText(tr("never"));
    } else {
        const client::Run &last = runs.last();
        QString line =
            tr("%1, %2").arg(text::when(last.started), client::outcomeName(last.outcome));
        if (last.outcome == client::Run::Succeeded ||
            last.outcome == client::Run::SucceededWithWarnings)
            line += QStringLiteral(" — ") +
                    tr("%n file(s), %1 new", nullptr, int(qMin<qint64>(last.files, INT_MAX)))
                        .arg(text::bytes(last.newBytes));
        m_last->setText(line);
    }
}

void MainWindow::showElsewhere(const QString &what)
{
    m_elsewhere->setVisible(!what.isEmpty());
    m_elsewhere->setText(tr("A backup is running elsewhere: %1. Its progress is shown where it "
                            "was started; it appears in the history below when it ends.")
                             .arg(what));
}

void MainWindow::backUpNow()
{
    m_notice->hide();
    m_runner->start(m_configPath);
}

void MainWindow::askPassphrase(bool wrong)
{
    auto *dialog = new PassphraseDialog(m_repository, wrong, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QByteArray passphrase = dialog->passphrase();
        // Stored only once it has opened the repository: see finished().
        m_rememberPassphrase = dialog->remember() ? std::optional(passphrase) : std::nullopt;
        m_runner->start(m_configPath, passphrase);
    });
    dialog->open();
}

void MainWindow::stateChanged(BackupRunner::State state)
{
    const bool idle = state == BackupRunner::State::Idle;
    m_backUp->setEnabled(idle);
    m_settings->setEnabled(idle);
    m_progressBox->setVisible(!idle);
    m_pause->setEnabled(state == BackupRunner::State::Running ||
                        state == BackupRunner::State::Paused);
    m_cancel->setEnabled(state != BackupRunner::State::Stopping && !idle);
    m_pause->setText(state == BackupRunner::State::Paused ? tr("&Resume") : tr("&Pause"));
    switch (state) {
    case BackupRunner::State::Opening:
        m_phase->setText(tr("Opening the repository…"));
        m_bar->setRange(0, 0);
        for (QLabel *l : {m_files, m_read, m_uploaded, m_rate, m_eta, m_folder})
            l->clear();
        break;
    case BackupRunner::State::Paused:
        m_phase->setText(tr("Paused. Nothing is read or stored until you resume."));
        break;
    case BackupRunner::State::Stopping:
        m_phase->setText(tr("Stopping at a safe point…"));
        break;
    default:
        break;
    }
}

void MainWindow::showProgress(const OperationProgress &p)
{
    if (m_runner->state() != BackupRunner::State::Running)
        return;
    m_phase->setText(text::phase(p.phase));
    if (p.bytesTotal > 0) {
        // Scaled to the bar's int range; a first backup's total grows as it is found.
        const double fraction = qBound(0.0, double(p.bytes) / double(p.bytesTotal), 1.0);
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(fraction * 1000));
        m_bar->setFormat(p.bytesTotalFinal ? tr("%p%") : tr("%p% of what is found so far"));
    } else {
        m_bar->setRange(0, 0);
    }
    m_files->setText(QLocale().toString(p.files));
    m_read->setText(text::bytes(p.bytesRead));
    m_uploaded->setText(text::bytes(p.bytesUploaded));
    m_rate->setText(tr("%1/s").arg(text::bytes(qint64(p.bytesPerSecond))));
    m_eta->setText(p.etaSeconds < 0    ? tr("not known yet")
                   : p.bytesTotalFinal ? text::remaining(p.etaSeconds)
                                       : tr("at least %1").arg(text::remaining(p.etaSeconds)));
    const QString folder = QFileInfo(QString::fromLocal8Bit(p.currentPath)).path();
    m_folder->setText(
        m_folder->fontMetrics().elidedText(folder, Qt::ElideMiddle, qMax(100, m_folder->width())));
    m_folder->setToolTip(folder);
}

void MainWindow::rememberPassphrase()
{
    // Only a passphrase that has opened the repository is stored.
    if (!m_rememberPassphrase)
        return;
    const QString entry = client::Keyring::entryName(m_repository);
    whenReady(client::Keyring::write(entry, *m_rememberPassphrase), this, [this](const Status &s) {
        if (!s) {
            m_notice->setText(tr("The passphrase could not be stored in the desktop "
                                 "keyring: %1")
                                  .arg(s.error().message));
            m_notice->show();
        }
    });
    m_rememberPassphrase.reset();
}

void MainWindow::quitIfLeft()
{
    // The window was closed with "keep it running": nothing is running now.
    if (!m_quitWhenDone)
        return;
    m_closing = true;
    close();
    QApplication::quit();
}

void MainWindow::showEvent(QShowEvent *event)
{
    // Shown again (a second launch) after "keep it running": it stays when the backup ends.
    if (m_quitWhenDone) {
        m_quitWhenDone = false;
        QApplication::setQuitOnLastWindowClosed(true);
    }
    QMainWindow::showEvent(event);
}

void MainWindow::finished(const client::Run &run)
{
    m_rememberPassphrase.reset();
    refresh();
    switch (run.outcome) {
    case client::Run::Failed:
        m_notice->setText(tr("The backup failed: %1").arg(run.message));
        m_notice->show();
        break;
    case client::Run::Cancelled:
        m_notice->setText(tr("The backup was cancelled. What it had stored is kept, and the "
                             "next backup goes on from there."));
        m_notice->show();
        break;
    default:
        break;
    }
    quitIfLeft();
}

void MainWindow::showWarnings()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QStringList warnings = m_history->run(current.row()).warnings;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("warningsDialog"));
    dialog->setWindowTitle(tr("Warnings"));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro =
        new QLabel(tr("These files or folders could not be backed up in that run:"), dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *list = new QPlainTextEdit(warnings.join(QLatin1Char('\n')), dialog);
    list->setReadOnly(true);
    list->setObjectName(QStringLiteral("warningList"));
    list->setAccessibleName(tr("Warnings"));
    intro->setBuddy(list);
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    buttons->button(QDialogButtonBox::Close)->setText(tr("C&lose"));
    auto *copy = buttons->addButton(tr("&Copy all"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, dialog, [warnings] {
        QGuiApplication::clipboard()->setText(warnings.join(QLatin1Char('\n')));
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(640, 400);
    dialog->open();
}

MainWindow::~MainWindow()
{
    delete m_browser; // a window of its own, but the backup window's to close
}

BrowserWindow *MainWindow::openBrowser()
{
    // One browser: a second request raises it.
    if (!m_browser) {
        m_browser = new BrowserWindow(m_paths, m_configPath);
        m_browser->setObjectName(QStringLiteral("browser"));
    }
    m_browser->show();
    m_browser->raise();
    m_browser->activateWindow();
    return m_browser;
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_paths, m_configPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::refresh);
    connect(dialog, &QDialog::accepted, this, &MainWindow::settingsChanged);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_runner->busy() || m_closing || m_inTray) {
        event->accept();
        return;
    }
    event->ignore();
    auto *ask = new QMessageBox(QMessageBox::Question, tr("A backup is running"),
                                tr("A backup is running. Stop it at the next safe point, or "
                                   "let it finish in the background?"),
                                QMessageBox::NoButton, this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setObjectName(QStringLiteral("closeQuestion"));
    auto *stop = ask->addButton(tr("&Stop the backup"), QMessageBox::DestructiveRole);
    auto *keep = ask->addButton(tr("&Keep it running"), QMessageBox::AcceptRole);
    auto *stay = ask->addButton(tr("Cancel"), QMessageBox::RejectRole);
    stop->setObjectName(QStringLiteral("stopBackup"));
    keep->setObjectName(QStringLiteral("keepRunning"));
    ask->setDefaultButton(keep);
    ask->setEscapeButton(stay);
    connect(ask, &QMessageBox::buttonClicked, this, [this, stop, keep](QAbstractButton *button) {
        if (button == stop) {
            m_runner->cancel();
        } else if (button != keep) {
            return;
        } else if (m_runner->state() == BackupRunner::State::Paused) {
            m_runner->resume(); // nobody would be there to resume it
        }
        // The window goes; the process stays until the backup has stopped or finished.
        m_quitWhenDone = true;
        QApplication::setQuitOnLastWindowClosed(false);
        hide();
    });
    ask->open();
}

} // namespace obnam::gui
