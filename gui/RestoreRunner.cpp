#include "RestoreRunner.h"

#include "Session.h"
#include "WhenReady.h"
#include "engine/RestoreEngine.h"
#include "repo/Repository.h"
#include "support/OperationControl.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace obnam::gui {

namespace {

// Listing needs nothing of the runner, and may wait on a slow server: the page that asked
// does not wait for it when it closes (the answer is dropped), nor does the process at exit,
// so the pool is never destroyed. Not QtConcurrent's global pool: opening a repository waits
// on work of its own there.
QThreadPool *listingPool()
{
    static QThreadPool *pool = new QThreadPool;
    return pool;
}

} // namespace

RestoreRunner::RestoreRunner(client::Paths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
{
    m_pool.setMaxThreadCount(1);
}

RestoreRunner::~RestoreRunner()
{
    cancel();
    m_pool.waitForDone();
}

void RestoreRunner::listGenerations(const QString &configPath)
{
    const client::Paths paths = m_paths;
    auto answer =
        QtConcurrent::run(listingPool(), [configPath, paths]() -> Result<QList<GenerationRecord>> {
            auto session = client::openWithoutTerminal(configPath, paths, std::nullopt);
            if (!session)
                return session.error();
            auto generations = session->repository->generations();
            if (generations)
                std::sort(generations->begin(), generations->end(),
                          [](const GenerationRecord &a, const GenerationRecord &b) {
                              return a.finished > b.finished;
                          });
            return generations;
        });
    whenReady(std::move(answer), this, [this](const Result<QList<GenerationRecord>> &generations) {
        if (generations)
            Q_EMIT generationsListed(*generations);
        else
            Q_EMIT failed(generations.error().toString());
    });
}

void RestoreRunner::restore(const QString &configPath, const QString &id, const QString &target)
{
    if (busy())
        return;
    auto control = std::make_shared<OperationControl>();
    m_control = control;
    const client::Paths paths = m_paths;
    auto answer =
        QtConcurrent::run(&m_pool, [this, control, configPath, paths, id, target]() -> Outcome {
            Outcome outcome;
            // Into a new or empty folder only, so that nothing there is replaced. Looked at here,
            // not on the window's thread: the target may be a slow or removable disk.
            const QDir dir(target);
            if (dir.exists() &&
                !dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
                outcome.message =
                    tr("%1 is not empty. Choose a new or empty folder, so that nothing "
                       "in it is replaced.")
                        .arg(target);
                return outcome;
            }
            auto session = client::openWithoutTerminal(configPath, paths, std::nullopt);
            if (!session) {
                outcome.message = session.error().toString();
                return outcome;
            }
            auto generation = session->repository->resolveGeneration(id);
            if (!generation) {
                outcome.message = generation.error().toString();
                return outcome;
            }
            RestoreOptions options;
            options.target = QFileInfo(target).absoluteFilePath();
            options.cacheDir = session->cacheDir;
            return runRestore(*session, *generation, options, control.get(), this,
                              [this](const OperationProgress &p) { Q_EMIT progress(p); });
        });
    whenReady(std::move(answer), this, [this](const Outcome &outcome) {
        m_control.reset();
        Q_EMIT restored(outcome);
    });
}

void RestoreRunner::cancel()
{
    if (m_control)
        m_control->cancel();
}

} // namespace obnam::gui
