#pragma once

#include "Paths.h"

#include <QThreadPool>
#include <QWizard>

#include <memory>

namespace obnam::client {
class Setup;
}

namespace obnam::gui {

class FoldersPage;

// The first run: "back up this computer" (folders, where to, a passphrase) or "restore from an
// existing backup" (where it is, its passphrase, then what to restore). It writes the same
// obnam.yaml and passwords.yaml obnam-cli reads, through the same client::Setup `init` uses:
// nothing is written until the repository has been created or unlocked.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        StartPageId,
        FoldersPageId,
        WherePageId,
        PassphrasePageId,
        FinishPageId,
        RestorePageId,
    };

    SetupWizard(client::Paths paths, QString configPath, QWidget *parent = nullptr);
    ~SetupWizard() override;

    const client::Paths &paths() const { return m_paths; }
    QString configPath() const { return m_configPath; }
    bool restoring() const;
    // On the finish page: run the first backup when the window opens.
    bool startBackupNow() const;
    QStringList roots() const;
    QStringList excludes() const;

    // Prepared on the "where" page, completed on the passphrase page.
    std::shared_ptr<client::Setup> setup() const { return m_setup; }
    void setSetup(std::shared_ptr<client::Setup> setup) { m_setup = std::move(setup); }
    // What the user should still hear about at the end (a keyring that refused).
    // While a page works (connecting, creating the repository), the wizard cannot be
    // cancelled: what it is doing would finish behind the person's back.
    void setWorking(bool working) { m_working = working; }
    void reject() override;

    void addNote(const QString &note);
    QStringList notes() const { return m_notes; }

    // Where the pages run what may wait on the disk, the network or a key derivation.
    QThreadPool *pool() { return &m_pool; }

private:
    client::Paths m_paths;
    QString m_configPath;
    FoldersPage *m_folders;
    std::shared_ptr<client::Setup> m_setup;
    QStringList m_notes;
    QThreadPool m_pool;
    bool m_working = false;
};

} // namespace obnam::gui
