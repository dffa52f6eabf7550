#include "Keyring.h"
#include "Setup.h"
#include "SetupWizard.h"
#include "WhenReady.h"
#include "WizardPages.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace obnam::gui {

namespace {

// A rough guess of how hard a passphrase is to guess, in bits: its length times what each
// character could have been. Words joined by spaces count as their letters do.
double strengthBits(const QString &text)
{
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : text) {
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            other = true;
    }
    const int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    if (alphabet == 0)
        return 0;
    // Repeated characters add little: count each distinct one fully, repeats at a quarter.
    QSet<QChar> seen;
    double effective = 0;
    for (const QChar c : text) {
        effective += seen.contains(c) ? 0.25 : 1.0;
        seen.insert(c);
    }
    return effective * std::log2(double(alphabet));
}

} // namespace

PassphrasePage::PassphrasePage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_intro(new QLabel(this))
    , m_passphrase(new QLineEdit(this))
    , m_repeatLabel(new QLabel(tr("&Repeat it:"), this))
    , m_repeat(new QLineEdit(this))
    , m_strength(new QProgressBar(this))
    , m_strengthText(new QLabel(this))
    , m_remember(new QCheckBox(tr("Re&member it in the desktop keyring"), this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Passphrase"));
    auto *layout = new QVBoxLayout(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Passphrase:"), this);
    label->setBuddy(m_passphrase);
    m_repeatLabel->setBuddy(m_repeat);
    for (QLineEdit *edit : {m_passphrase, m_repeat})
        edit->setEchoMode(QLineEdit::Password);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_repeat->setObjectName(QStringLiteral("repeat"));
    m_repeat->setAccessibleName(tr("Repeat the passphrase"));
    form->addRow(label, m_passphrase);
    form->addRow(m_repeatLabel, m_repeat);
    m_strength->setObjectName(QStringLiteral("strength"));
    m_strength->setAccessibleName(tr("Passphrase strength"));
    m_strength->setRange(0, 100);
    m_strength->setTextVisible(true);
    form->addRow(tr("Strength:"), m_strength);
    layout->addLayout(form);
    m_strengthText->setWordWrap(true);
    m_strengthText->setObjectName(QStringLiteral("strengthText"));
    layout->addWidget(m_strengthText);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setChecked(true);
    layout->addWidget(m_remember);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addStretch();
    for (QLineEdit *edit : {m_passphrase, m_repeat})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (!m_busy)
                m_status->clear();
            showStrength();
            Q_EMIT completeChanged();
        });
}

void PassphrasePage::initializePage()
{
    const auto setup = m_wizard->setup();
    m_creating = setup && !setup->repositoryExists();
    m_done = false;
    m_passphrase->clear();
    m_repeat->clear();
    m_repeat->setVisible(m_creating);
    m_repeatLabel->setVisible(m_creating);
    m_strength->setVisible(m_creating);
    m_strengthText->setVisible(m_creating);
    if (m_creating) {
        setSubTitle(tr("A new repository is created, protected by this passphrase."));
        m_intro->setText(tr("Choose a passphrase of several words. You need it to restore "
                            "your files on another computer, and nobody can recover it for "
                            "you: write it down and keep it somewhere safe."));
    } else {
        setSubTitle(tr("This repository exists already."));
        m_intro->setText(tr("Enter the passphrase the repository was created with."));
    }
    showStrength();
    m_passphrase->setFocus();
}

void PassphrasePage::showStrength()
{
    const double bits = strengthBits(m_passphrase->text());
    m_strength->setValue(int(qMin(100.0, bits)));
    // Said in words as well as shown by the bar's length: never by colour alone.
    if (m_passphrase->text().isEmpty()) {
        m_strength->setFormat(QString());
        m_strengthText->clear();
    } else if (bits < 45) {
        m_strength->setFormat(tr("weak"));
        m_strengthText->setText(tr("Easy to guess. Use at least 12 characters, or four or "
                                   "more words."));
    } else if (bits < 70) {
        m_strength->setFormat(tr("fair"));
        m_strengthText->setText(tr("Reasonable. A few more words make it much stronger."));
    } else {
        m_strength->setFormat(tr("strong"));
        m_strengthText->setText(tr("Hard to guess. Write it down: it cannot be recovered."));
    }
    if (m_creating && !m_passphrase->text().isEmpty() && m_passphrase->text().size() < 8)
        m_strengthText->setText(tr("Use at least 8 characters."));
    // Said as soon as the second entry is as long as the first, not only by a disabled button.
    if (m_creating && m_repeat->text().size() >= m_passphrase->text().size() &&
        !m_repeat->text().isEmpty() && m_repeat->text() != m_passphrase->text())
        m_strengthText->setText(tr("The two entries differ."));
}

bool PassphrasePage::isComplete() const
{
    if (m_busy || m_passphrase->text().isEmpty())
        return false;
    if (!m_creating)
        return true;
    return m_passphrase->text().size() >= 8 && m_passphrase->text() == m_repeat->text();
}

int PassphrasePage::nextId() const
{
    return m_wizard->restoring() ? SetupWizard::RestorePageId : SetupWizard::FinishPageId;
}

bool PassphrasePage::validatePage()
{
    if (m_done)
        return true;
    if (m_busy)
        return false;
    const auto setup = m_wizard->setup();
    if (!setup)
        return false;
    m_busy = true;
    m_wizard->setWorking(true);
    Q_EMIT completeChanged();
    m_status->setText(m_creating ? tr("Creating the repository…") : tr("Opening the repository…"));
    const QByteArray passphrase = m_passphrase->text().toUtf8();
    const bool remember = m_remember->isChecked();
    // The key derivation takes a second or more: never on the window's thread.
    auto answer = QtConcurrent::run(m_wizard->pool(),
                                    [setup, passphrase] { return setup->complete(passphrase); });
    whenReady(std::move(answer), this,
              [this, setup, passphrase, remember](const Result<client::Setup::Done> &done) {
                  if (!done) {
                      m_busy = false;
                      m_wizard->setWorking(false);
                      if (done.error().code == ErrorCode::WrongPassphrase) {
                          m_status->setText(
                              tr("<b>That passphrase did not open the repository.</b> "
                                 "Check it and try again."));
                          m_passphrase->selectAll();
                          m_passphrase->setFocus();
                      } else {
                          m_status->setText(done.error().toString().toHtmlEscaped());
                      }
                      Q_EMIT completeChanged();
                      return;
                  }
                  const auto moveOn = [this] {
                      m_busy = false;
                      m_wizard->setWorking(false);
                      m_done = true;
                      m_status->clear();
                      m_passphrase->clear();
                      m_repeat->clear();
                      Q_EMIT completeChanged();
                      // Back was pressed meanwhile: the work is done, the person is elsewhere.
                      if (m_wizard->currentPage() == this)
                          m_wizard->next();
                  };
                  if (!remember) {
                      moveOn();
                      return;
                  }
                  m_status->setText(tr("Storing the passphrase in the desktop keyring…"));
                  const QString entry = client::Keyring::entryName(setup->config().serverUrl);
                  whenReady(client::Keyring::write(entry, passphrase), this,
                            [this, moveOn](const Status &s) {
                                if (!s)
                                    m_wizard->addNote(
                                        tr("The passphrase was not stored in the desktop keyring: "
                                           "%1. You will be asked for it when it is needed.")
                                            .arg(s.error().message));
                                moveOn();
                            });
              });
    return false;
}

} // namespace obnam::gui
