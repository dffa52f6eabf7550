#pragma once

#include <QByteArray>
#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace obnam::gui {

// Asks for a repository's passphrase when neither this computer's credentials nor the desktop
// keyring have it. Says plainly when the one given before did not open the repository.
class PassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    PassphraseDialog(const QString &repository, bool wrongBefore, QWidget *parent = nullptr);

    QByteArray passphrase() const;
    bool remember() const;

private:
    QLineEdit *m_passphrase;
    QCheckBox *m_remember;
};

} // namespace obnam::gui
