#pragma once

#include "BackupRunner.h"
#include "ClientConfig.h"
#include "Paths.h"
#include "Scheduler.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

namespace obnam::gui {

class Notifier;

// The scheduler at work in obnam-gui: it reads the configuration's schedule and the history
// of runs, starts scheduled backups on the runner the window shares (so a backup started by
// hand counts, and two never overlap), records how they went, and tells the user what they
// need to know through the notifier. The tray shows what it says.
class ScheduledBackups : public QObject
{
    Q_OBJECT

public:
    // What the computer looks like to the scheduler; obnam-gui passes the real sources, a test
    // its own. `changes` lists objects whose changed() signal means "look again now".
    struct Sources
    {
        const client::Clock *clock = nullptr;
        const client::PowerSource *power = nullptr;
        const client::NetworkSource *network = nullptr;
        const client::DiskSource *disk = nullptr;
        QList<QObject *> changes;
    };

    ScheduledBackups(client::Paths paths, QString configPath, BackupRunner *runner, Sources sources,
                     Notifier *notifier, QObject *parent = nullptr);

    // Reads the configuration and the history on a worker, then ticks every `intervalMs`.
    void start(int intervalMs = 30000);
    // After the settings or the history changed.
    void reload();

    client::Scheduler &scheduler() { return m_scheduler; }
    const client::ScheduleDecision &decision() const { return m_decision; }
    const client::Schedule &schedule() const { return m_scheduler.schedule(); }
    // The newest run of any program (invalid started when there is none).
    const client::Run &lastRun() const { return m_lastRun; }
    bool loaded() const { return m_loaded; }
    QString configProblem() const { return m_configProblem; }

    void backUpNow();
    // Pauses scheduling until `until` (invalid: until resumed); resume() ends it.
    void pause(const QDateTime &until);
    void resume();

Q_SIGNALS:
    // Anything the tray shows changed: the decision, the last run, the configuration.
    void changed();
    // A backup needs a passphrase only the window can ask for.
    void needPassphrase();

private Q_SLOTS:
    void tickNow();

private:
    void apply(const Result<client::ClientConfig> &config, const QList<client::Run> &runs);
    void runFinished(const client::Run &run);
    void saveState(const client::ScheduleState &state);
    void notice(client::Scheduler::Notice notice);

    client::Paths m_paths;
    QString m_configPath;
    QPointer<BackupRunner> m_runner;
    Notifier *m_notifier;
    client::Scheduler m_scheduler;
    client::ScheduleDecision m_decision;
    client::Run m_lastRun;
    QString m_configProblem;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_reloadAgain = false;
    bool m_failureSaid = false;    // a failure was notified; not again until a success
    bool m_passphraseSaid = false; // likewise for a passphrase the backup lacked
    int m_interval = 0;
    QThreadPool m_pool;
};

} // namespace obnam::gui
