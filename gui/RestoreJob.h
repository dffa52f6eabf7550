#pragma once

#include "RestoreOutcome.h"
#include "engine/Progress.h"
#include "engine/RestoreEngine.h"
#include "engine/RestorePreview.h"
#include "repo/GenerationRecord.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace obnam {
class OperationControl;
}

namespace obnam::client {
struct Session;
}

namespace obnam::gui {

// Restoring chosen entries of one generation from the browser, off the window's thread: the
// preview of what a restore into a target would do, then the restore itself with one control
// (pause, resume, cancel), as a backup has.
class RestoreJob : public QObject
{
    Q_OBJECT

public:
    RestoreJob(std::shared_ptr<client::Session> session, GenerationRecord generation,
               QList<QByteArray> paths, QObject *parent = nullptr);
    ~RestoreJob() override;

    const GenerationRecord &generation() const { return m_generation; }
    const QList<QByteArray> &paths() const { return m_paths; }

    // Answers with previewed() (an older preview's answer is dropped).
    void preview(const QString &target, RestoreOptions::Existing existing);
    // Answers with progress() and finished().
    void start(const QString &target, RestoreOptions::Existing existing);
    bool running() const { return m_control != nullptr; }
    void pause();
    void resume();
    void cancel();
    bool paused() const;
    // How many of the restore's threads wait at a safe point (see OperationControl).
    int waiting() const;

    using Outcome = RestoreOutcome;

Q_SIGNALS:
    void previewed(const QString &target, const obnam::Result<obnam::RestorePreview> &preview);
    void progress(const obnam::OperationProgress &progress);
    void finished(const obnam::gui::RestoreOutcome &outcome);

private:
    RestoreOptions optionsFor(const QString &target, RestoreOptions::Existing existing) const;

    std::shared_ptr<client::Session> m_session;
    GenerationRecord m_generation;
    QList<QByteArray> m_paths;
    std::shared_ptr<OperationControl> m_control;        // the restore's
    std::shared_ptr<OperationControl> m_previewControl; // the newest preview's
    quint64 m_previewTicket = 0;
    QThreadPool m_pool;
};

} // namespace obnam::gui
