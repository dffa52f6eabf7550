#include "BackupRunner.h"

#include "BackupPlan.h"
#include "ClientConfig.h"
#include "ScheduledRetention.h"
#include "SearchIndex.h"
#include "Session.h"
#include "Text.h"
#include "WhenReady.h"
#include "maint/Resume.h"
#include "repo/Lock.h"
#include "repo/Repository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace obnam::gui {

namespace {

// What a run on the worker hands back to the window's thread.
struct Outcome
{
    enum Kind
    {
        Done,
        NeedPassphrase,
        WrongPassphrase,
        BusyElsewhere,
    };
    Kind kind = Done;
    client::Run run;
    QString holder;
    QString historyError;   // the run could not be recorded
    QString retentionError; // the retention policy after a scheduled backup failed
};

// Where the look at the repository's locks runs. It may wait minutes on a server that does
// not answer, and needs nothing of the runner: a window that closes does not wait for it
// (its answer is dropped), nor does the process at exit, so the pool is never destroyed.
QThreadPool *lookoutPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(2);
        return p;
    }();
    return pool;
}

// The live locks of others, in words.
QString describeLocks(Repository &repo, qint64 ownPid = -1)
{
    auto locks = RepositoryLock::list(repo);
    if (!locks)
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList what;
    for (const LockInfo &lock : std::as_const(*locks)) {
        const bool ours = lock.pid == ownPid && lock.hostname == QSysInfo::machineHostName();
        if (!ours && !lock.isStale(now))
            what.append(text::lock(lock));
    }
    return what.join(QStringLiteral("; "));
}

} // namespace

BackupRunner::BackupRunner(client::Paths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
{
    m_pool.setMaxThreadCount(1);
}

BackupRunner::~BackupRunner()
{
    if (m_control)
        m_control->cancel();
    m_pool.waitForDone();
}

void BackupRunner::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void BackupRunner::start(const QString &configPath, std::optional<QByteArray> passphrase,
                         bool scheduled)
{
    if (busy())
        return;
    m_scheduled = scheduled;
    m_control = std::make_shared<OperationControl>();
    setState(State::Opening);
    auto control = m_control;
    const client::Paths paths = m_paths;
    auto answer = QtConcurrent::run(
        &m_pool, [this, control, paths, configPath, passphrase, scheduled]() -> Outcome {
            Outcome outcome;
            const QDateTime started = QDateTime::currentDateTime();
            QElapsedTimer clock;
            clock.start();
            const auto failed = [&](const Error &e) {
                outcome.run = client::describeBackup(started, clock.elapsed() / 1000.0, e, {},
                                                     QStringLiteral("obnam-gui"));
                outcome.run.config = configPath;
                if (auto s = client::RunHistory(paths).append(outcome.run); !s)
                    outcome.historyError = s.error().toString();
                return outcome;
            };
            auto session = client::openWithoutTerminal(configPath, paths, passphrase);
            if (!session) {
                if (session.error().code == ErrorCode::WrongPassphrase) {
                    outcome.kind = Outcome::WrongPassphrase;
                    return outcome;
                }
                if (session.error().remedy == Remedy::SetUpClient && !passphrase) {
                    outcome.kind = Outcome::NeedPassphrase;
                    return outcome;
                }
                return failed(session.error());
            }
            QMetaObject::invokeMethod(this, [this] { Q_EMIT opened(); });
            auto lock = client::backupLock(*session);
            if (!lock) {
                if (lock.error().remedy == Remedy::WaitForLock) {
                    outcome.kind = Outcome::BusyElsewhere;
                    outcome.holder = describeLocks(*session->repository);
                    if (outcome.holder.isEmpty()) // gone meanwhile: say what was refused
                        outcome.holder = lock.error().message;
                    return outcome;
                }
                return failed(lock.error());
            }
            (void)resumeInterrupted(*session->repository, (*lock)->info());
            BackupOptions backupOptions =
                client::backupOptions(session->config, paths, session->cacheDir);
            BackupEngine engine(*session->repository, backupOptions);
            engine.setControl(control.get());
            QObject::connect(&engine, &BackupEngine::progress, this,
                             [this](const OperationProgress &p) { Q_EMIT progress(p); });
            QObject::connect(&engine, &BackupEngine::warning, this,
                             [this](const ItemWarning &w) { Q_EMIT warning(w); });
            QMetaObject::invokeMethod(this, [this] {
                if (m_state == State::Opening)
                    setState(State::Running);
            });
            const auto result = engine.run();
            // A search index that misses the generation catches up at the next search.
            if (result)
                (void)client::updateSearchIndexIfPresent(*session);
            outcome.run = client::describeBackup(started, clock.elapsed() / 1000.0, result,
                                                 engine.stored(), QStringLiteral("obnam-gui"));
            outcome.run.config = configPath;
            if (auto s = client::RunHistory(paths).append(outcome.run); !s)
                outcome.historyError = s.error().toString();
            if (result && scheduled && !control->isCancelled()) {
                lock->reset(); // forget and prune take the exclusive lock
                auto kept = client::applyScheduledRetention(
                    *session, paths, configPath, QDateTime::currentDateTimeUtc(), control.get());
                if (!kept)
                    outcome.retentionError = kept.error().toString();
            }
            return outcome;
        });
    whenReady(std::move(answer), this, [this, control](const Outcome &outcome) {
        m_control.reset();
        setState(State::Idle);
        if (!outcome.historyError.isEmpty())
            Q_EMIT historyNotWritten(outcome.historyError);
        if (!outcome.retentionError.isEmpty())
            Q_EMIT retentionFailed(outcome.retentionError);
        // Cancelled while it was opening: whatever it would have asked is moot now.
        if (control->isCancelled() && outcome.kind != Outcome::Done)
            return;
        switch (outcome.kind) {
        case Outcome::NeedPassphrase:
            Q_EMIT needPassphrase(false);
            return;
        case Outcome::WrongPassphrase:
            Q_EMIT needPassphrase(true);
            return;
        case Outcome::BusyElsewhere:
            Q_EMIT busyElsewhere(outcome.holder);
            return;
        case Outcome::Done:
            Q_EMIT finished(outcome.run);
            return;
        }
    });
}

void BackupRunner::pause()
{
    if (!m_control || m_state != State::Running)
        return;
    m_control->pause();
    setState(State::Paused);
}

void BackupRunner::resume()
{
    if (!m_control || m_state != State::Paused)
        return;
    m_control->resume();
    setState(State::Running);
}

void BackupRunner::cancel()
{
    if (!m_control || m_state == State::Idle || m_state == State::Stopping)
        return;
    m_control->cancel();
    setState(State::Stopping);
}

} // namespace obnam::gui

namespace obnam::gui {

void BackupRunner::watch(const QString &configPath, int intervalMs)
{
    m_watchConfig = configPath;
    if (!m_watchTimer) {
        m_watchTimer = new QTimer(this);
        connect(m_watchTimer, &QTimer::timeout, this, &BackupRunner::look);
    }
    m_watchTimer->start(intervalMs);
    look();
}

void BackupRunner::look()
{
    if (m_looking || busy())
        return;
    m_looking = true;
    const QString configPath = m_watchConfig;
    const client::Paths paths = m_paths;
    auto answer = QtConcurrent::run(lookoutPool(), [configPath, paths]() -> QString {
        auto config = client::ClientConfig::load(configPath, paths);
        if (!config)
            return {};
        auto locks = client::liveLocks(*config);
        if (!locks || locks->isEmpty())
            return {};
        QStringList what;
        for (const LockInfo &lock : std::as_const(*locks)) {
            const bool ours = lock.pid == QCoreApplication::applicationPid() &&
                              lock.hostname == QSysInfo::machineHostName();
            if (!ours)
                what.append(text::lock(lock));
        }
        return what.join(QStringLiteral("; "));
    });
    whenReady(std::move(answer), this, [this](const QString &what) {
        m_looking = false;
        // A backup started here meanwhile holds a lock of its own: that is not "elsewhere".
        if (!busy())
            Q_EMIT elsewhere(what);
    });
}

} // namespace obnam::gui
