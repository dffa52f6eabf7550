#pragma once

#include "ServerCertificate.h"

#include <QWizardPage>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace obnam::gui {

class RestoreRunner;
class SetupWizard;

// The pages of the first-run wizard. Pages that wait for something (the server's certificate,
// preparing the repository, the key derivation) start it on the wizard's pool, refuse to move
// on meanwhile, and move on by themselves when it is done.

class StartPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);
    int nextId() const override;
    bool restoring() const;

private:
    QRadioButton *m_backup;
    QRadioButton *m_restore;
};

class FoldersPage : public QWizardPage
{
    Q_OBJECT
public:
    FoldersPage(const QString &home, QWidget *parent = nullptr);
    bool isComplete() const override;
    QStringList roots() const;
    QStringList excludes() const;

private:
    void add(const QString &path);

    QString m_home;
    QListWidget *m_roots;
    QLineEdit *m_newRoot;
    QList<QCheckBox *> m_presets;
};

class WherePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WherePage(SetupWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    void changed();
    void fail(const QString &message);
    void decideOnCertificate();
    void prepare(const QString &repository, const QByteArray &token, const QString &pin,
                 const QList<QPair<QString, QString>> &keys = {});
    void prepareBucket();
    void setBusy(const QString &what);

    SetupWizard *m_wizard;
    QRadioButton *m_local;
    QRadioButton *m_server;
    QRadioButton *m_bucket;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLineEdit *m_expected;
    QLineEdit *m_bucketUrl;
    QLineEdit *m_keyId;
    QLineEdit *m_secretKey;
    QLineEdit *m_region;
    QLabel *m_certificate;
    QCheckBox *m_confirm;
    QLabel *m_status;
    std::optional<client::ServerCertificate> m_fetched;
    QString m_fetchedFor;
    bool m_busy = false;
    bool m_ready = false;
};

class PassphrasePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PassphrasePage(SetupWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;
    int nextId() const override;

private:
    void showStrength();

    SetupWizard *m_wizard;
    QLabel *m_intro;
    QLineEdit *m_passphrase;
    QLabel *m_repeatLabel;
    QLineEdit *m_repeat;
    QProgressBar *m_strength;
    QLabel *m_strengthText;
    QCheckBox *m_remember;
    QLabel *m_status;
    bool m_creating = false;
    bool m_busy = false;
    bool m_done = false;
};

class FinishPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit FinishPage(SetupWizard *wizard);
    void initializePage() override;
    int nextId() const override { return -1; } // the last page: Finish, no Next
    bool startBackupNow() const;

private:
    SetupWizard *m_wizard;
    QLabel *m_summary;
    QCheckBox *m_start;
};

class RestorePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestorePage(SetupWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void startRestore();

    SetupWizard *m_wizard;
    RestoreRunner *m_runner;
    QComboBox *m_generation;
    QLineEdit *m_target;
    QPushButton *m_restore;
    QPushButton *m_cancel;
    QProgressBar *m_bar;
    QLabel *m_status;
};

} // namespace obnam::gui
