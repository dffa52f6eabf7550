#include "RestoreJob.h"

#include "Session.h"
#include "WhenReady.h"
#include "repo/Repository.h"
#include "support/OperationControl.h"

#include <QtConcurrent/QtConcurrentRun>

namespace obnam::gui {

RestoreJob::RestoreJob(std::shared_ptr<client::Session> session, GenerationRecord generation,
                       QList<QByteArray> paths, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
    , m_generation(std::move(generation))
    , m_paths(std::move(paths))
{
    qRegisterMetaType<RestoreOutcome>();
    // A preview and a restore may overlap: the preview of a target typed while one ran.
    m_pool.setMaxThreadCount(2);
}

RestoreJob::~RestoreJob()
{
    cancel();
    if (m_previewControl)
        m_previewControl->cancel();
    m_pool.waitForDone();
}

RestoreOptions RestoreJob::optionsFor(const QString &target,
                                      RestoreOptions::Existing existing) const
{
    RestoreOptions options;
    options.target = target;
    options.paths = m_paths;
    options.existing = existing;
    options.cacheDir = m_session->cacheDir;
    return options;
}

void RestoreJob::preview(const QString &target, RestoreOptions::Existing existing)
{
    const quint64 ticket = ++m_previewTicket;
    const RestoreOptions options = optionsFor(target, existing);
    auto session = m_session;
    const GenerationRecord generation = m_generation;
    // The preview before this one is wanted no more: it stops at once rather than keep a
    // thread (a large generation takes a while to walk, a remote one to download).
    if (m_previewControl)
        m_previewControl->cancel();
    auto control = std::make_shared<OperationControl>();
    m_previewControl = control;
    auto answer = QtConcurrent::run(&m_pool, [session, generation, options, control] {
        return previewRestore(*session->repository, generation, options, control.get());
    });
    whenReady(std::move(answer), this,
              [this, ticket, target](const Result<RestorePreview> &preview) {
                  if (ticket == m_previewTicket)
                      Q_EMIT previewed(target, preview);
              });
}

void RestoreJob::start(const QString &target, RestoreOptions::Existing existing)
{
    if (running())
        return;
    auto control = std::make_shared<OperationControl>();
    m_control = control;
    const RestoreOptions options = optionsFor(target, existing);
    auto session = m_session;
    const GenerationRecord generation = m_generation;
    auto answer =
        QtConcurrent::run(&m_pool, [this, session, generation, options, control]() -> Outcome {
            return runRestore(*session, generation, options, control.get(), this,
                              [this](const OperationProgress &p) { Q_EMIT progress(p); });
        });
    whenReady(std::move(answer), this, [this](const Outcome &outcome) {
        m_control.reset();
        Q_EMIT finished(outcome);
    });
}

void RestoreJob::pause()
{
    if (m_control)
        m_control->pause();
}

void RestoreJob::resume()
{
    if (m_control)
        m_control->resume();
}

void RestoreJob::cancel()
{
    if (m_control)
        m_control->cancel();
}

bool RestoreJob::paused() const
{
    return m_control && m_control->isPaused();
}

int RestoreJob::waiting() const
{
    return m_control ? m_control->waiting() : 0;
}

} // namespace obnam::gui
