#include "ScheduledBackups.h"

#include "Notifier.h"
#include "ScheduleState.h"
#include "Text.h"
#include "WhenReady.h"

#include <QLocale>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace obnam::gui {

namespace {

struct Loaded
{
    Result<client::ClientConfig> config;
    QList<client::Run> runs;
    client::ScheduleState state;
};

} // namespace

ScheduledBackups::ScheduledBackups(client::Paths paths, QString configPath, BackupRunner *runner,
                                   Sources sources, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_configPath(std::move(configPath))
    , m_runner(runner)
    , m_notifier(notifier)
    , m_scheduler(*sources.clock, *sources.power, *sources.network, *sources.disk)
{
    m_pool.setMaxThreadCount(1);
    connect(&m_scheduler, &client::Scheduler::due, this, [this] {
        if (!m_runner)
            m_scheduler.runEnded(false);
        else if (!m_runner->busy())
            m_runner->start(m_configPath, std::nullopt, true);
        // Busy: a backup started by hand runs, and its end is this one's.
    });
    connect(&m_scheduler, &client::Scheduler::decisionChanged, this,
            [this](const client::ScheduleDecision &d) {
                m_decision = d;
                Q_EMIT changed();
            });
    connect(&m_scheduler, &client::Scheduler::stateChanged, this, &ScheduledBackups::saveState);
    connect(&m_scheduler, &client::Scheduler::notice, this, &ScheduledBackups::notice);
    for (QObject *source : std::as_const(sources.changes))
        connect(source, SIGNAL(changed()), this, SLOT(tickNow()));

    connect(runner, &BackupRunner::stateChanged, this, [this](BackupRunner::State state) {
        if (state == BackupRunner::State::Opening)
            m_scheduler.runStarted();
        if (state == BackupRunner::State::Idle) {
            // finished(), needPassphrase() or busyElsewhere() follow at once when there is
            // an outcome; a backup cancelled while it opened has none.
            QTimer::singleShot(0, this, [this] {
                if (m_scheduler.running())
                    m_scheduler.runEnded(false);
            });
        }
        Q_EMIT changed();
    });
    connect(runner, &BackupRunner::finished, this, &ScheduledBackups::runFinished);
    connect(runner, &BackupRunner::busyElsewhere, this, [this] { m_scheduler.busyElsewhere(); });
    connect(runner, &BackupRunner::needPassphrase, this, [this] {
        const bool scheduled = m_runner && m_runner->scheduled();
        m_scheduler.runEnded(false);
        // Said once until a backup succeeds, not at every hourly retry.
        if (scheduled && !m_passphraseSaid) {
            m_passphraseSaid = true;
            m_notifier->notify(tr("Backup waiting for its passphrase"),
                               tr("The scheduled backup could not open the backup: open Obnam "
                                  "and enter the passphrase."),
                               Notifier::Urgency::Normal);
        }
        Q_EMIT needPassphrase();
    });
    connect(runner, &BackupRunner::retentionFailed, this, [this](const QString &why) {
        m_notifier->notify(tr("Old backups were not removed"), why, Notifier::Urgency::Normal);
    });
}

void ScheduledBackups::start(int intervalMs)
{
    m_interval = intervalMs;
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &ScheduledBackups::reload);
    timer->start(intervalMs);
    reload();
}

void ScheduledBackups::reload()
{
    if (m_loading) {
        m_reloadAgain = true; // what is being read may be older than what changed
        return;
    }
    m_loading = true;
    const QString configPath = m_configPath;
    const client::Paths paths = m_paths;
    whenReady(QtConcurrent::run(&m_pool,
                                [configPath, paths] {
                                    return Loaded{client::ClientConfig::load(configPath, paths),
                                                  client::RunHistory(paths).load(),
                                                  client::ScheduleState::load(paths, configPath)};
                                }),
              this, [this](const Loaded &l) {
                  m_loading = false;
                  if (!m_loaded)
                      m_scheduler.setState(l.state);
                  apply(l.config, l.runs);
                  if (std::exchange(m_reloadAgain, false))
                      reload();
              });
}

void ScheduledBackups::tickNow()
{
    if (m_loaded)
        m_scheduler.tick();
}

void ScheduledBackups::apply(const Result<client::ClientConfig> &config,
                             const QList<client::Run> &runs)
{
    m_loaded = true;
    if (config) {
        m_configProblem.clear();
        m_scheduler.setSchedule(config->schedule,
                                config->isLocal() ? config->repositoryPath : QString());
    } else {
        m_configProblem = config.error().toString();
        m_scheduler.setSchedule(client::Schedule{}, {});
    }
    // Only this configuration's runs: another one's backups cover nothing of this one.
    m_lastRun = client::Run{};
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        if (it->isOf(m_configPath)) {
            m_lastRun = *it;
            break;
        }
    }
    m_scheduler.setLastSuccess(client::lastSuccessOf(runs, m_configPath));
    m_scheduler.tick();
    Q_EMIT changed();
}

void ScheduledBackups::runFinished(const client::Run &run)
{
    const bool scheduled = m_runner && m_runner->scheduled();
    m_lastRun = run;
    m_scheduler.runEnded(run.succeeded());
    if (run.succeeded()) {
        m_failureSaid = false;
        m_passphraseSaid = false;
    }
    switch (run.outcome) {
    case client::Run::Failed:
        // Once until a backup succeeds, not at every hourly retry of the schedule.
        if (!scheduled || !m_failureSaid) {
            m_failureSaid = true;
            m_notifier->notify(tr("Backup failed"), run.message, Notifier::Urgency::Critical);
        }
        break;
    case client::Run::Succeeded:
    case client::Run::SucceededWithWarnings:
        if (scheduled && m_scheduler.schedule().notifySuccess)
            m_notifier->notify(tr("Backup finished"),
                               tr("%n file(s) backed up, %1 of new data.", nullptr, int(run.files))
                                   .arg(text::bytes(run.newBytes)),
                               Notifier::Urgency::Low);
        break;
    case client::Run::Cancelled:
        break;
    }
    if (!run.newCacheTags.isEmpty())
        m_notifier->notify(tr("Folders left out of the backup"),
                           tr("These folders hold a CACHEDIR.TAG file, which marks a cache, so "
                              "their contents were not backed up: %1")
                               .arg(run.newCacheTags.join(QStringLiteral(", "))),
                           Notifier::Urgency::Normal);
    Q_EMIT changed();
}

void ScheduledBackups::notice(client::Scheduler::Notice notice)
{
    const int days = m_scheduler.schedule().overdueDays;
    switch (notice) {
    case client::Scheduler::Notice::Overdue:
        m_notifier->notify(
            tr("Backups are overdue"),
            tr("The last successful backup is more than %n day(s) old.", nullptr, days),
            Notifier::Urgency::Normal);
        break;
    case client::Scheduler::Notice::DiskMissing:
        m_notifier->notify(tr("Backup disk missing"),
                           tr("The disk that holds your backups has not been attached for %n "
                              "day(s). Attach it and the backup runs.",
                              nullptr, days),
                           Notifier::Urgency::Normal);
        break;
    }
}

void ScheduledBackups::saveState(const client::ScheduleState &state)
{
    // A few hundred bytes: written at once, so a quit right after a pause keeps it. When prune
    // last ran is the retention's to record (obnam-cli's too): it is kept as the file says.
    (void)client::ScheduleState::update(m_paths, m_configPath,
                                        [&state](client::ScheduleState &kept) {
                                            const QDateTime prune = kept.lastPrune;
                                            kept = state;
                                            kept.lastPrune = prune;
                                        });
}

void ScheduledBackups::backUpNow()
{
    if (m_runner && !m_runner->busy())
        m_runner->start(m_configPath);
}

void ScheduledBackups::pause(const QDateTime &until)
{
    m_scheduler.pause(until);
}

void ScheduledBackups::resume()
{
    m_scheduler.resume();
    m_scheduler.tick();
}

} // namespace obnam::gui
