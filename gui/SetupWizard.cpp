#include "SetupWizard.h"

#include "EnterClicks.h"
#include "ExcludePresets.h"
#include "Setup.h"
#include "WizardPages.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace obnam::gui {

SetupWizard::SetupWizard(client::Paths paths, QString configPath, QWidget *parent)
    : QWizard(parent)
    , m_paths(std::move(paths))
    , m_configPath(std::move(configPath))
    , m_folders(new FoldersPage(m_paths.home(), this))
{
    m_pool.setMaxThreadCount(1);
    setWindowTitle(tr("Set Up Obnam Backup"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/obnam.svg")));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(StartPageId, new StartPage(this));
    setPage(FoldersPageId, m_folders);
    setPage(WherePageId, new WherePage(this));
    setPage(PassphrasePageId, new PassphrasePage(this));
    setPage(FinishPageId, new FinishPage(this));
    setPage(RestorePageId, new RestorePage(this));
    setStartId(StartPageId);
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    resize(680, 560);
}

SetupWizard::~SetupWizard()
{
    // A page's work may still hold the setup; it ends on its own (nothing waits forever).
    m_pool.waitForDone();
}

bool SetupWizard::restoring() const
{
    return static_cast<StartPage *>(page(StartPageId))->restoring();
}

bool SetupWizard::startBackupNow() const
{
    return !restoring() && static_cast<FinishPage *>(page(FinishPageId))->startBackupNow();
}

QStringList SetupWizard::roots() const
{
    return restoring() ? QStringList() : m_folders->roots();
}

QStringList SetupWizard::excludes() const
{
    return restoring() ? QStringList() : m_folders->excludes();
}

void SetupWizard::reject()
{
    if (m_working)
        return;
    QWizard::reject();
}

void SetupWizard::addNote(const QString &note)
{
    m_notes.append(note);
}

// --- Start --------------------------------------------------------------------------------

StartPage::StartPage(QWidget *parent)
    : QWizardPage(parent)
    , m_backup(new QRadioButton(tr("&Back up this computer"), this))
    , m_restore(new QRadioButton(tr("&Restore from an existing backup"), this))
{
    setTitle(tr("Welcome to Obnam Backup"));
    setSubTitle(tr("Obnam keeps encrypted copies of your files, and every earlier version of "
                   "them, in a repository on another disk or on a backup server."));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("What would you like to do?"), this);
    layout->addWidget(intro);
    m_backup->setObjectName(QStringLiteral("backUpThisComputer"));
    m_restore->setObjectName(QStringLiteral("restoreExisting"));
    m_backup->setChecked(true);
    layout->addWidget(m_backup);
    auto *backupNote = new QLabel(tr("Choose the folders to back up and where to, and protect "
                                     "the backup with a passphrase."),
                                  this);
    backupNote->setWordWrap(true);
    backupNote->setIndent(24);
    layout->addWidget(backupNote);
    layout->addWidget(m_restore);
    auto *restoreNote = new QLabel(tr("On a new or reinstalled computer: open the repository "
                                      "your backups are in and get your files back."),
                                   this);
    restoreNote->setWordWrap(true);
    restoreNote->setIndent(24);
    layout->addWidget(restoreNote);
    layout->addStretch();
}

int StartPage::nextId() const
{
    return m_restore->isChecked() ? SetupWizard::WherePageId : SetupWizard::FoldersPageId;
}

bool StartPage::restoring() const
{
    return m_restore->isChecked();
}

// --- Folders ------------------------------------------------------------------------------

FoldersPage::FoldersPage(const QString &home, QWidget *parent)
    : QWizardPage(parent)
    , m_home(home)
    , m_roots(new QListWidget(this))
    , m_newRoot(new QLineEdit(this))
{
    setTitle(tr("What to back up"));
    setSubTitle(tr("Your home folder holds your documents, pictures and settings. Add other "
                   "folders if you keep files elsewhere."));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("&Folders to back up:"), this);
    label->setBuddy(m_roots);
    layout->addWidget(label);
    m_roots->setObjectName(QStringLiteral("roots"));
    m_roots->setAccessibleName(tr("Folders to back up"));
    layout->addWidget(m_roots, 1);
    auto *row = new QHBoxLayout;
    m_newRoot->setObjectName(QStringLiteral("newRoot"));
    m_newRoot->setAccessibleName(tr("Folder to add"));
    m_newRoot->setPlaceholderText(tr("A folder, such as /srv/photos"));
    auto *add = new QPushButton(tr("&Add"), this);
    auto *browse = new QPushButton(tr("B&rowse…"), this);
    auto *remove = new QPushButton(tr("Re&move"), this);
    remove->setObjectName(QStringLiteral("removeRoot"));
    row->addWidget(m_newRoot, 1);
    row->addWidget(add);
    row->addWidget(browse);
    row->addWidget(remove);
    layout->addLayout(row);
    auto *leave = new QLabel(tr("Leave out:"), this);
    layout->addWidget(leave);
    for (const client::ExcludePreset &preset : client::excludePresets()) {
        auto *box = new QCheckBox(preset.label, this);
        box->setChecked(true);
        box->setProperty("patterns", preset.patterns);
        m_presets.append(box);
        layout->addWidget(box);
    }
    add->setAutoDefault(false);
    new EnterClicks(m_newRoot, add);
    connect(add, &QPushButton::clicked, this, [this] {
        this->add(m_newRoot->text());
        m_newRoot->clear();
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Choose a folder to back up"), m_home);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        connect(dialog, &QFileDialog::fileSelected, this, &FoldersPage::add);
        dialog->open();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_roots->currentItem();
        Q_EMIT completeChanged();
    });
    this->add(home);
}

void FoldersPage::add(const QString &path)
{
    QString p = path.trimmed();
    if (p.isEmpty())
        return;
    if (p == QLatin1String("~") || p.startsWith(QLatin1String("~/")))
        p = m_home + p.mid(1);
    p = QDir::cleanPath(QDir(m_home).absoluteFilePath(p));
    if (m_roots->findItems(p, Qt::MatchExactly).isEmpty())
        m_roots->addItem(p);
    Q_EMIT completeChanged();
}

bool FoldersPage::isComplete() const
{
    return m_roots->count() > 0;
}

QStringList FoldersPage::roots() const
{
    QStringList out;
    for (int i = 0; i < m_roots->count(); ++i)
        out.append(m_roots->item(i)->text());
    return out;
}

QStringList FoldersPage::excludes() const
{
    QStringList out;
    for (QCheckBox *box : m_presets)
        if (box->isChecked())
            out += box->property("patterns").toStringList();
    return out;
}

// --- Finish -------------------------------------------------------------------------------

FinishPage::FinishPage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_start(new QCheckBox(tr("&Start the first backup now"), this))
{
    setTitle(tr("Ready"));
    auto *layout = new QVBoxLayout(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_start->setObjectName(QStringLiteral("startNow"));
    m_start->setChecked(true);
    layout->addWidget(m_start);
    layout->addStretch();
    setFinalPage(true);
}

void FinishPage::initializePage()
{
    const auto setup = m_wizard->setup();
    QString text = tr("Backups of %1 will be stored in %2.")
                       .arg(m_wizard->roots().join(QStringLiteral(", ")).toHtmlEscaped(),
                            setup ? setup->config().serverUrl.toHtmlEscaped() : QString());
    text += QStringLiteral("<p>") +
            tr("The first backup stores everything and may take a while; later backups store "
               "only what changed. The settings are in %1.")
                .arg(m_wizard->configPath().toHtmlEscaped());
    for (const QString &note : m_wizard->notes())
        text += QStringLiteral("<p>") + note.toHtmlEscaped();
    m_summary->setText(text);
}

bool FinishPage::startBackupNow() const
{
    return m_start->isChecked();
}

} // namespace obnam::gui
