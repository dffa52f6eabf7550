#include "RestoreJob.h"

#include "Session.h"
#include "repo/Lock.h"
#include "repo/Repository.h"
#include "support/OperationControl.h"

#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

namespace obnam::gui {

RestoreJob::RestoreJob(std::shared_ptr<client::Session> session, GenerationRecord generation,
                       QList<QByteArray> paths, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
    , m_generation(std::move(generation))
    , m_paths(std::move(paths))
{
    qRegisterMetaType<Outcome>();
    // A preview and a restore may overlap: the preview of a target typed while one ran.
    m_pool.setMaxThreadCount(2);
}

RestoreJob::~RestoreJob()
{
    cancel();
    m_pool.waitForDone();
}

void RestoreJob::preview(const QString &target, RestoreOptions::Existing existing)
{
    const quint64 ticket = ++m_previewTicket;
    RestoreOptions options;
    options.target = target;
    options.paths = m_paths;
    options.existing = existing;
    options.cacheDir = m_session->cacheDir;
    auto session = m_session;
    const GenerationRecord generation = m_generation;
    QtConcurrent::run(&m_pool, [session, generation, options] {
        return previewRestore(*session->repository, generation, options);
    }).then(this, [this, ticket, target](const Result<RestorePreview> &preview) {
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
    RestoreOptions options;
    options.target = target;
    options.paths = m_paths;
    options.existing = existing;
    options.cacheDir = m_session->cacheDir;
    auto session = m_session;
    const GenerationRecord generation = m_generation;
    QtConcurrent::run(&m_pool, [this, session, generation, options, control]() -> Outcome {
        Outcome outcome;
        QString note;
        auto lock = client::readingLock(*session, QStringLiteral("restore"), &note);
        if (!lock) {
            outcome.message = lock.error().toString();
            return outcome;
        }
        RestoreEngine engine(*session->repository, generation, options);
        engine.setControl(control.get());
        QObject::connect(&engine, &RestoreEngine::progress, this,
                         [this](const OperationProgress &p) { Q_EMIT progress(p); });
        auto result = engine.run();
        if (!result) {
            outcome.cancelled = result.error().code == ErrorCode::Cancelled;
            outcome.message = result.error().toString();
            return outcome;
        }
        outcome.files = result->files;
        outcome.bytes = result->bytes;
        for (const ItemWarning &e : std::as_const(result->errors))
            outcome.problems.append(e.path + QStringLiteral(": ") + e.message);
        for (const ItemWarning &w : std::as_const(result->warnings))
            outcome.problems.append(w.path + QStringLiteral(": ") + w.message);
        for (const QByteArray &p : std::as_const(result->skipped))
            outcome.notes.append(tr("%1: already there, left as it was").arg(QFile::decodeName(p)));
        for (const auto &[p, beside] : std::as_const(result->besides))
            outcome.notes.append(
                tr("%1: already there, restored beside it as %2")
                    .arg(QFile::decodeName(p),
                         QFile::decodeName(QFile::encodeName(options.target) + '/' + beside)));
        if (result->stoppedBy) {
            outcome.cancelled = result->stoppedBy->code == ErrorCode::Cancelled;
            outcome.message = result->stoppedBy->message;
            return outcome;
        }
        outcome.ok = result->errors.isEmpty();
        return outcome;
    }).then(this, [this](const Outcome &outcome) {
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
