#include "RestoreDialog.h"

#include "Text.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace obnam::gui {

namespace {

// Rows the preview lists; the counts above it cover the rest.
constexpr int kListed = 500;

} // namespace

RestoreDialog::RestoreDialog(std::shared_ptr<client::Session> session, GenerationRecord generation,
                             QList<QByteArray> paths, QWidget *parent)
    : QDialog(parent)
    , m_job(new RestoreJob(std::move(session), std::move(generation), std::move(paths), this))
{
    setWindowTitle(tr("Restore"));
    setObjectName(QStringLiteral("restoreDialog"));
    auto *layout = new QVBoxLayout(this);
    const QList<QByteArray> &chosen = m_job->paths();
    auto *what = new QLabel(
        chosen.size() == 1
            ? tr("Restore %1 as it was backed up %2.")
                  .arg(QFile::decodeName(chosen.first()),
                       text::when(m_job->generation().finished.toLocalTime()))
            : tr("Restore %n chosen items as they were backed up %1.", nullptr, int(chosen.size()))
                  .arg(text::when(m_job->generation().finished.toLocalTime())),
        this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto *whereBox = new QGroupBox(tr("Where to"), this);
    auto *where = new QVBoxLayout(whereBox);
    m_original = new QRadioButton(tr("To the place they were &backed up from"), whereBox);
    m_original->setObjectName(QStringLiteral("original"));
    m_elsewhere = new QRadioButton(tr("Into &another folder:"), whereBox);
    m_elsewhere->setObjectName(QStringLiteral("elsewhere"));
    auto *folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(whereBox);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setText(QDir::homePath() + QLatin1Char('/') + tr("Restored"));
    m_browse = new QPushButton(tr("C&hoose…"), whereBox);
    folderRow->addSpacing(24);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    where->addWidget(m_original);
    where->addWidget(m_elsewhere);
    where->addLayout(folderRow);
    auto *note = new QLabel(tr("Inside that folder each item keeps its whole path, so nothing "
                               "already in the folder is mixed up with it."),
                            whereBox);
    note->setWordWrap(true);
    where->addWidget(note);
    layout->addWidget(whereBox);
    // A relative backed-up path has no place of its own to go back to.
    const bool absolute = std::all_of(chosen.cbegin(), chosen.cend(),
                                      [](const QByteArray &p) { return p.startsWith('/'); });
    m_original->setEnabled(absolute);
    (absolute ? m_original : m_elsewhere)->setChecked(true);

    m_summary = new QLabel(tr("Looking at what the restore would do…"), this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("preview"));
    m_list->setMinimumHeight(140);
    layout->addWidget(m_list, 1);

    m_existingBox = new QGroupBox(tr("Files that are already there"), this);
    auto *existingLayout = new QVBoxLayout(m_existingBox);
    m_existing = new QButtonGroup(this);
    const QList<QPair<RestoreOptions::Existing, QString>> choices{
        {RestoreOptions::Existing::Skip, tr("&Leave them as they are (skip)")},
        {RestoreOptions::Existing::KeepBoth,
         tr("&Keep both: the restored copy is named “name (restored)”")},
        {RestoreOptions::Existing::Overwrite, tr("Replace them with the backed-up &version")},
    };
    for (const auto &[how, label] : choices) {
        auto *button = new QRadioButton(label, m_existingBox);
        button->setObjectName(how == RestoreOptions::Existing::Skip ? QStringLiteral("skip")
                              : how == RestoreOptions::Existing::KeepBoth
                                  ? QStringLiteral("keepBoth")
                                  : QStringLiteral("overwrite"));
        m_existing->addButton(button, int(how));
        existingLayout->addWidget(button);
    }
    m_existing->button(int(RestoreOptions::Existing::KeepBoth))->setChecked(true);
    layout->addWidget(m_existingBox);

    m_space = new QLabel(this);
    m_space->setObjectName(QStringLiteral("space"));
    m_space->setWordWrap(true);
    layout->addWidget(m_space);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("bar"));
    m_bar->hide();
    layout->addWidget(m_bar);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_restore->setObjectName(QStringLiteral("restore"));
    m_pause = buttons->addButton(tr("&Pause"), QDialogButtonBox::ActionRole);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setObjectName(QStringLiteral("close"));
    m_pause->hide();
    connect(buttons, &QDialogButtonBox::rejected, this, &RestoreDialog::reject);
    m_restore->setDefault(true);
    m_restore->setEnabled(false);
    layout->addWidget(buttons);
    resize(620, 560);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &RestoreDialog::updatePreview);
    const auto changed = [this] {
        m_folder->setEnabled(m_elsewhere->isChecked());
        m_browse->setEnabled(m_elsewhere->isChecked());
        m_restore->setEnabled(false);
        m_debounce.start();
    };
    connect(m_original, &QRadioButton::toggled, this, changed);
    connect(m_folder, &QLineEdit::textEdited, this, changed);
    connect(m_existing, &QButtonGroup::idToggled, this, [this, changed](int, bool on) {
        if (on)
            changed();
    });
    connect(m_browse, &QPushButton::clicked, this, [this, changed] {
        auto *dialog = new QFileDialog(this, tr("Restore into"), m_folder->text());
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this, changed](const QString &dir) {
            m_folder->setText(dir);
            changed();
        });
        dialog->open();
    });
    connect(m_restore, &QPushButton::clicked, this, &RestoreDialog::start);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_job->paused()) {
            m_job->resume();
            m_pause->setText(tr("&Pause"));
        } else {
            m_job->pause();
            m_pause->setText(tr("Resu&me"));
        }
    });
    connect(m_job, &RestoreJob::previewed, this, &RestoreDialog::showPreview);
    connect(m_job, &RestoreJob::progress, this, &RestoreDialog::showProgress);
    connect(m_job, &RestoreJob::finished, this, &RestoreDialog::finished);
    changed();
    m_folder->setEnabled(m_elsewhere->isChecked());
    m_browse->setEnabled(m_elsewhere->isChecked());
}

QString RestoreDialog::target() const
{
    return m_original->isChecked()
               ? QDir::rootPath()
               : QDir::cleanPath(QDir::home().absoluteFilePath(m_folder->text()));
}

RestoreOptions::Existing RestoreDialog::existing() const
{
    return RestoreOptions::Existing(m_existing->checkedId());
}

void RestoreDialog::updatePreview()
{
    m_previewed = false;
    m_summary->setText(tr("Looking at what the restore would do…"));
    m_job->preview(target(), existing());
}

void RestoreDialog::showPreview(const QString &target, const Result<RestorePreview> &preview)
{
    if (target != this->target() || m_job->running() || m_done)
        return;
    m_list->clear();
    if (!preview) {
        m_summary->setText(
            tr("The restore cannot be prepared: %1").arg(preview.error().toString()));
        m_space->clear();
        return;
    }
    const RestorePreview &p = *preview;
    const RestoreOptions::Existing how = existing();
    const QLocale locale;
    QStringList parts;
    if (!p.create.isEmpty() || p.existing.isEmpty())
        parts << tr("%n item(s) will be created.", nullptr, int(p.create.size()));
    if (!p.existing.isEmpty())
        parts << tr("Already there: %n item(s).", nullptr, int(p.existing.size()));
    if (!p.skipped.isEmpty())
        parts << tr("Not restorable, as they could not be read when they were backed "
                    "up: %n item(s).",
                    nullptr, int(p.skipped.size()));
    m_summary->setText(parts.join(QLatin1Char(' ')));
    m_existingBox->setVisible(!p.existing.isEmpty());
    const QString existingLabel =
        how == RestoreOptions::Existing::Skip       ? tr("Already there, left as it is")
        : how == RestoreOptions::Existing::KeepBoth ? tr("Already there, kept; restored beside it")
                                                    : tr("Already there, replaced");
    int listed = 0;
    for (const QByteArray &path : p.existing) {
        if (listed++ >= kListed)
            break;
        m_list->addItem(existingLabel + QStringLiteral(": ") + QFile::decodeName(path));
    }
    for (const ItemWarning &w : p.skipped) {
        if (listed++ >= kListed)
            break;
        m_list->addItem(tr("Not restored: %1").arg(w.path));
    }
    for (const QByteArray &path : p.create) {
        if (listed++ >= kListed)
            break;
        m_list->addItem(tr("New: %1").arg(QFile::decodeName(path)));
    }
    const qint64 total = p.create.size() + p.existing.size() + p.skipped.size();
    if (total > kListed)
        m_list->addItem(tr("… and %1 more").arg(locale.toString(total - kListed)));
    m_fits = p.fits(how);
    const QString needed = text::bytes(p.bytesNeeded(how));
    if (p.freeBytes < 0)
        m_space->setText(tr("Needs %1.").arg(needed));
    else if (m_fits)
        m_space->setText(
            tr("Needs %1; %2 free on %3.").arg(needed, text::bytes(p.freeBytes), p.volume));
    else
        m_space->setText(tr("Needs %1, but only %2 are free on %3. Free some space or choose "
                            "another folder.")
                             .arg(needed, text::bytes(p.freeBytes), p.volume));
    m_previewed = true;
    m_restore->setEnabled(m_fits);
}

void RestoreDialog::start()
{
    if (!m_previewed || !m_fits || m_job->running())
        return;
    for (QWidget *w : std::initializer_list<QWidget *>{m_original, m_elsewhere, m_folder, m_browse,
                                                       m_existingBox, m_restore})
        w->setEnabled(false);
    m_bar->setRange(0, 0);
    m_bar->show();
    m_status->setText(tr("Restoring…"));
    m_status->show();
    m_pause->show();
    m_pause->setText(tr("&Pause"));
    m_job->start(target(), existing());
}

void RestoreDialog::showProgress(const OperationProgress &progress)
{
    if (m_done)
        return; // a report that was on its way when the restore ended

    if (progress.bytesTotal > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000.0 * double(progress.bytes) / double(progress.bytesTotal)));
    }
    m_status->setText(tr("Restored %1 of %2 items, %3 of %4.")
                          .arg(QLocale().toString(progress.files),
                               QLocale().toString(progress.filesTotal), text::bytes(progress.bytes),
                               text::bytes(progress.bytesTotal)));
}

void RestoreDialog::finished(const RestoreOutcome &outcome)
{
    m_done = true;
    m_pause->hide();
    m_bar->hide();
    m_close->setText(tr("&Close"));
    QStringList lines;
    if (outcome.ok)
        lines << tr("Restored %n item(s) (%1) to %2.", nullptr, int(outcome.files))
                     .arg(text::bytes(outcome.bytes), target());
    else if (outcome.cancelled)
        lines << tr("Cancelled. Restored whole before it: %n item(s); nothing was left "
                    "half-written.",
                    nullptr, int(outcome.files));
    else
        lines << tr("The restore did not finish: %1").arg(outcome.message);
    m_list->clear();
    m_list->addItems(outcome.notes);
    m_list->addItems(outcome.problems);
    if (!outcome.problems.isEmpty())
        lines << tr("%n item(s) could not be restored, or only with a caveat: see the list.",
                    nullptr, int(outcome.problems.size()));
    m_status->setText(lines.join(QLatin1Char('\n')));
    m_status->show();
}

void RestoreDialog::reject()
{
    // Cancel during a restore stops it; the dialog closes once it has.
    if (m_job->running()) {
        m_job->cancel();
        m_status->setText(tr("Cancelling…"));
        m_close->setEnabled(false);
        connect(m_job, &RestoreJob::finished, this, [this] { m_close->setEnabled(true); });
        return;
    }
    QDialog::reject();
}

} // namespace obnam::gui
