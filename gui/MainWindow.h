#pragma once

#include "BackupRunner.h"
#include "ClientConfig.h"
#include "Paths.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace obnam::gui {

class BrowserWindow;
class RunHistoryModel;

// The backup window: what is backed up and where, how the last backup went, "Back up now",
// a running backup's progress with Pause and Cancel, and the history of recent runs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `runner` is the one the tray shares; without one the window has its own.
    MainWindow(client::Paths paths, QString configPath, BackupRunner *runner = nullptr,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    BackupRunner &runner() { return *m_runner; }
    // With a tray icon, closing the window leaves obnam-gui running in the tray (a running
    // backup goes on there) instead of asking.
    void setInTray(bool inTray) { m_inTray = inTray; }
    // Re-reads the configuration and (on a worker) the history: after the settings changed,
    // a run here, or a run of obnam-cli.
    void refresh();

public Q_SLOTS:
    void backUpNow();
    // Opens the generation browser, or raises it when it is open.
    BrowserWindow *openBrowser();

Q_SIGNALS:
    // The settings were saved: the schedule may have changed.
    void settingsChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void showProgress(const OperationProgress &progress);
    void stateChanged(BackupRunner::State state);
    void finished(const client::Run &run);
    void askPassphrase(bool wrong);
    void rememberPassphrase();
    void quitIfLeft();
    void showWarnings();
    void openSettings();
    void showElsewhere(const QString &what);
    void showRuns(const QList<client::Run> &runs);
    void showConfig(const Result<client::ClientConfig> &config);

    // What refresh() reads on a worker.
    struct Loaded
    {
        Result<client::ClientConfig> config;
        QList<client::Run> runs;
    };

    client::Paths m_paths;
    QString m_configPath;
    BackupRunner *m_runner;
    RunHistoryModel *m_history;

    QLabel *m_what;
    QLabel *m_where;
    QLabel *m_last;
    QLabel *m_notice;
    QLabel *m_elsewhere;
    QPushButton *m_backUp;
    QPushButton *m_settings;
    QPushButton *m_browse;
    QPointer<BrowserWindow> m_browser; // a window of its own, deleted when closed
    QGroupBox *m_progressBox;
    QLabel *m_phase;
    QProgressBar *m_bar;
    QLabel *m_files;
    QLabel *m_read;
    QLabel *m_uploaded;
    QLabel *m_rate;
    QLabel *m_eta;
    QLabel *m_folder;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QTableView *m_table;
    QPushButton *m_warnings;
    QString m_repository;
    bool m_quitWhenDone = false;
    bool m_inTray = false;
    bool m_loading = false;
    bool m_closing = false;
    std::optional<QByteArray> m_rememberPassphrase;
    QThreadPool m_pool; // reads the run history
    QTimer *m_reload;
};

} // namespace obnam::gui
