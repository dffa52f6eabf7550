#pragma once

#include "Paths.h"
#include "RunHistory.h"
#include "engine/Progress.h"
#include "support/OperationControl.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace obnam::gui {

// Runs backups for the window, one at a time, off its thread: the repository is opened, the
// lock taken and the engine run on a worker, and everything the window needs arrives as
// signals on its own thread. One control (pause, resume, cancel) for whichever run is going.
class BackupRunner : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Opening, // opening the repository, taking the lock
        Running,
        Paused,   // held at a safe point; the lock is kept
        Stopping, // cancelled, finishing at the next safe point
    };
    Q_ENUM(State)

    explicit BackupRunner(client::Paths paths, QObject *parent = nullptr);
    ~BackupRunner() override;

    State state() const { return m_state; }
    bool busy() const { return m_state != State::Idle; }

    // Starts a backup of the configuration at `configPath`. Without credentials, `passphrase`
    // opens the repository; without either, needPassphrase() is emitted and nothing runs.
    // A `scheduled` backup that succeeds is followed by the retention policy, as the schedule
    // promises (forget, and prune at most once a week).
    void start(const QString &configPath, std::optional<QByteArray> passphrase = std::nullopt,
               bool scheduled = false);
    bool scheduled() const { return m_scheduled; }
    void pause();
    void resume();
    void cancel();

    // While idle, looks every `intervalMs` whether another process (obnam-cli, a timer) holds
    // a lock on the repository, and says so through elsewhere().
    void watch(const QString &configPath, int intervalMs = 5000);

Q_SIGNALS:
    void stateChanged(obnam::gui::BackupRunner::State state);
    void progress(const obnam::OperationProgress &progress);
    void warning(const obnam::ItemWarning &warning);
    // The repository needs a passphrase (`wrong`: the one given did not open it).
    void needPassphrase(bool wrong);
    // Another backup (obnam-cli, a timer) holds the repository: nothing was started here.
    void busyElsewhere(const QString &holder);
    // What another process is doing with the repository now ("" once nothing).
    void elsewhere(const QString &what);
    // The repository opened with the credentials given: a passphrase typed for this run works.
    void opened();
    // However it ended; also recorded in the run history.
    void finished(const obnam::client::Run &run);
    // The retention policy after a scheduled backup could not be applied (the backup is fine).
    void retentionFailed(const QString &why);
    // The run could not be written to the history of runs (the window still shows it).
    void historyNotWritten(const QString &why);

private:
    void setState(State state);
    void look();

    client::Paths m_paths;
    State m_state = State::Idle;
    std::shared_ptr<OperationControl> m_control;
    QThreadPool m_pool; // the run's own thread: the window's pool stays free
    QTimer *m_watchTimer = nullptr;
    QString m_watchConfig;
    bool m_looking = false;
    bool m_scheduled = false;
};

} // namespace obnam::gui

Q_DECLARE_METATYPE(obnam::client::Run)
