#pragma once

#include "ClientConfig.h"
#include "Paths.h"

#include <QDialog>
#include <QThreadPool>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace obnam {
class OperationControl;
}

namespace obnam::gui {

// The settings of obnam.yaml a person changes: what is backed up and left out, compression,
// staying on one file system, which backups `forget` keeps, and a sampled check of the
// repository. Saving rewrites only those keys (client::ConfigEditor), so comments and keys
// edited by hand survive, and a configuration obnam-cli would refuse is never written.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(client::Paths paths, QString configPath, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Saves (on a worker) and closes; on failure the reason is shown in the dialog, which
    // stays open. The configuration is read on a worker too: the tabs are enabled once it is.
    void accept() override;

    QTabWidget *tabs() const { return m_tabs; }

    // Checks the repository, reading `percent` of its packs; the result is shown in the dialog.
    void checkRepository();

Q_SIGNALS:
    void checkFinished(bool healthy);

private:
    QWidget *foldersPage();
    QWidget *optionsPage();
    QWidget *keepPage();
    QWidget *checkPage();
    void load();
    void fill(const client::ClientConfig &config);
    void addRoot(const QString &path);
    void updateKeepExplanation();

    client::Paths m_paths;
    QString m_configPath;
    QTabWidget *m_tabs;
    QListWidget *m_roots = nullptr;
    QLineEdit *m_newRoot = nullptr;
    QList<QCheckBox *> m_presets;
    QListWidget *m_excludes = nullptr;
    QLineEdit *m_newExclude = nullptr;
    QLabel *m_repository = nullptr;
    QSpinBox *m_compression = nullptr;
    QCheckBox *m_oneFileSystem = nullptr;
    QCheckBox *m_cacheTags = nullptr;
    QList<QSpinBox *> m_keep; // last, hourly, daily, weekly, monthly, yearly
    QLabel *m_keepExplanation = nullptr;
    class SchedulePage *m_schedule = nullptr;
    QSpinBox *m_sample = nullptr;
    QPushButton *m_check = nullptr;
    QProgressBar *m_checkBar = nullptr;
    QLabel *m_checkResult = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
    std::shared_ptr<OperationControl> m_checkControl; // of the check that is running
    QThreadPool m_pool;
};

} // namespace obnam::gui
