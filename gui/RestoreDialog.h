#pragma once

#include "RestoreJob.h"

#include <QDialog>
#include <QTimer>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace obnam::gui {

// Restores what was chosen in the browser: to where it was or into another folder, after a
// preview of what that does (what is created, what is already there, to be skipped, replaced
// or kept beside the restored copy, what cannot be restored, and whether the bytes fit),
// then with progress, Pause and Cancel.
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(std::shared_ptr<client::Session> session, GenerationRecord generation,
                  QList<QByteArray> paths, QWidget *parent = nullptr);

    RestoreJob &job() { return *m_job; }
    QString target() const;

protected:
    void reject() override;

private:
    void updatePreview();
    void showPreview(const QString &target, const Result<RestorePreview> &preview);
    void start();
    void showProgress(const OperationProgress &progress);
    void finished(const RestoreOutcome &outcome);
    RestoreOptions::Existing existing() const;

    RestoreJob *m_job;
    QRadioButton *m_original;
    QRadioButton *m_elsewhere;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLabel *m_summary;
    QListWidget *m_list;
    QGroupBox *m_existingBox;
    QButtonGroup *m_existing;
    QLabel *m_space;
    QProgressBar *m_bar;
    QLabel *m_status;
    QPushButton *m_restore;
    QPushButton *m_pause;
    QPushButton *m_close;
    QTimer m_debounce;
    bool m_fits = false;
    bool m_previewed = false;
    bool m_done = false;
};

} // namespace obnam::gui
