#include "PassphraseDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace obnam::gui {

PassphraseDialog::PassphraseDialog(const QString &repository, bool wrongBefore, QWidget *parent)
    : QDialog(parent)
    , m_passphrase(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember it in the desktop keyring"), this))
{
    setWindowTitle(tr("Passphrase"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setText(
        wrongBefore
            ? tr("<b>That passphrase did not open the repository.</b><br>Enter the "
                 "passphrase for %1 again:")
                  .arg(repository.toHtmlEscaped())
            : tr("Enter the passphrase for the repository at %1:").arg(repository.toHtmlEscaped()));
    layout->addWidget(intro);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    intro->setBuddy(m_passphrase);
    layout->addWidget(m_passphrase);
    m_remember->setObjectName(QStringLiteral("remember"));
    layout->addWidget(m_remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Open"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("open"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_passphrase, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_passphrase->setFocus();
}

QByteArray PassphraseDialog::passphrase() const
{
    return m_passphrase->text().toUtf8();
}

bool PassphraseDialog::remember() const
{
    return m_remember->isChecked();
}

} // namespace obnam::gui
