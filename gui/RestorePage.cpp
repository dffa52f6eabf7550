#include "RestoreRunner.h"
#include "SetupWizard.h"
#include "Text.h"
#include "WizardPages.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace obnam::gui {

RestorePage::RestorePage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_runner(new RestoreRunner(wizard->paths(), this))
    , m_generation(new QComboBox(this))
    , m_target(new QLineEdit(this))
    , m_restore(new QPushButton(tr("&Restore"), this))
    , m_cancel(new QPushButton(tr("S&top"), this))
    , m_bar(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Restore your files"));
    setSubTitle(tr("Choose a backup and a folder to put its files in. Each backed-up folder is "
                   "recreated inside it, so nothing already on this computer is replaced."));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_generation->setObjectName(QStringLiteral("generation"));
    m_generation->setAccessibleName(tr("Backup to restore"));
    auto *generationLabel = new QLabel(tr("&Backup:"), this);
    generationLabel->setBuddy(m_generation);
    form->addRow(generationLabel, m_generation);
    auto *targetRow = new QHBoxLayout;
    m_target->setObjectName(QStringLiteral("target"));
    m_target->setAccessibleName(tr("Folder to restore into"));
    m_target->setText(QDir(wizard->paths().home()).filePath(tr("Restored files")));
    auto *browse = new QPushButton(tr("Bro&wse…"), this);
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(browse);
    auto *targetLabel = new QLabel(tr("&Into:"), this);
    targetLabel->setBuddy(m_target);
    form->addRow(targetLabel, targetRow);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_restore->setObjectName(QStringLiteral("restore"));
    m_cancel->setObjectName(QStringLiteral("stop"));
    m_cancel->setEnabled(false);
    buttons->addWidget(m_restore);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    m_bar->setObjectName(QStringLiteral("bar"));
    m_bar->setAccessibleName(tr("Restore progress"));
    m_bar->hide();
    layout->addWidget(m_bar);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch();

    connect(browse, &QPushButton::clicked, this, [this] {
        auto *dialog =
            new QFileDialog(this, tr("Choose a folder to restore into"), m_target->text());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::Directory);
        connect(dialog, &QFileDialog::fileSelected, m_target, &QLineEdit::setText);
        dialog->open();
    });
    connect(m_restore, &QPushButton::clicked, this, &RestorePage::startRestore);
    connect(m_cancel, &QPushButton::clicked, m_runner, &RestoreRunner::cancel);
    connect(m_runner, &RestoreRunner::generationsListed, this,
            [this](const QList<GenerationRecord> &generations) {
                m_generation->clear();
                for (const GenerationRecord &g : generations)
                    m_generation->addItem(tr("%1 — %n file(s), %2, from %3", nullptr,
                                             int(qMin<qint64>(g.fileCount, INT_MAX)))
                                              .arg(text::when(g.finished.toLocalTime()),
                                                   text::bytes(g.totalBytes), g.hostname),
                                          g.id);
                m_restore->setEnabled(!generations.isEmpty());
                m_status->setText(generations.isEmpty()
                                      ? tr("This repository holds no backups yet.")
                                      : QString());
            });
    connect(m_runner, &RestoreRunner::failed, this, [this](const QString &message) {
        m_status->setText(tr("The backups cannot be listed: %1").arg(message.toHtmlEscaped()));
    });
    connect(m_runner, &RestoreRunner::progress, this, [this](const OperationProgress &p) {
        if (p.bytesTotal > 0) {
            m_bar->setRange(0, 1000);
            m_bar->setValue(int(1000.0 * double(p.bytes) / double(p.bytesTotal)));
        }
        m_status->setText(tr("%1 of %2 files restored")
                              .arg(QLocale().toString(p.files), QLocale().toString(p.filesTotal)));
    });
    connect(m_runner, &RestoreRunner::restored, this, [this](const RestoreRunner::Outcome &o) {
        m_bar->hide();
        m_restore->setEnabled(true);
        m_cancel->setEnabled(false);
        QString text;
        if (o.ok)
            text = tr("<b>Restored %n file(s)</b> (%1) into %2.", nullptr,
                      int(qMin<qint64>(o.files, INT_MAX)))
                       .arg(text::bytes(o.bytes), m_target->text().toHtmlEscaped());
        else if (o.cancelled)
            text = tr("The restore was stopped. %n file(s) were restored whole; none was left "
                      "half-written.",
                      nullptr, int(qMin<qint64>(o.files, INT_MAX)));
        else if (o.message.isEmpty()) // it went through, but not every entry came back
            text = tr("<b>Restored %n file(s)</b> (%1) into %2, but not everything.", nullptr,
                      int(qMin<qint64>(o.files, INT_MAX)))
                       .arg(text::bytes(o.bytes), m_target->text().toHtmlEscaped());
        else
            text = tr("<b>The restore failed:</b> %1").arg(o.message.toHtmlEscaped());
        if (!o.problems.isEmpty()) {
            text += QStringLiteral("<br>") + tr("Not restored or with problems:") +
                    QStringLiteral("<ul>");
            for (const QString &p : o.problems.mid(0, 10))
                text += QStringLiteral("<li>%1</li>").arg(p.toHtmlEscaped());
            text += QStringLiteral("</ul>");
        }
        m_status->setText(text);
        Q_EMIT completeChanged();
    });
}

void RestorePage::initializePage()
{
    m_restore->setEnabled(false);
    m_status->setText(tr("Reading the list of backups…"));
    m_runner->listGenerations(m_wizard->configPath());
}

bool RestorePage::isComplete() const
{
    return !m_runner->busy();
}

void RestorePage::startRestore()
{
    const QString id = m_generation->currentData().toString();
    const QString target = m_target->text().trimmed();
    if (id.isEmpty() || target.isEmpty())
        return;
    m_restore->setEnabled(false);
    m_cancel->setEnabled(true);
    m_bar->setRange(0, 0);
    m_bar->show();
    m_status->setText(tr("Restoring…"));
    m_runner->restore(m_wizard->configPath(), id, target);
    Q_EMIT completeChanged();
}

} // namespace obnam::gui
