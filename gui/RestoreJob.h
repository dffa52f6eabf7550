#pragma once

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

    struct Outcome
    {
        bool ok = false;
        bool cancelled = false;
        qint64 files = 0;
        qint64 bytes = 0;
        QStringList problems; // "path: message" of entries not restored, or with caveats
        QStringList notes;    // skipped or kept beside
        QString message;      // why it stopped or failed
    };

Q_SIGNALS:
    void previewed(const QString &target, const obnam::Result<obnam::RestorePreview> &preview);
    void progress(const obnam::OperationProgress &progress);
    void finished(const obnam::gui::RestoreJob::Outcome &outcome);

private:
    std::shared_ptr<client::Session> m_session;
    GenerationRecord m_generation;
    QList<QByteArray> m_paths;
    std::shared_ptr<OperationControl> m_control;
    quint64 m_previewTicket = 0;
    QThreadPool m_pool;
};

} // namespace obnam::gui

Q_DECLARE_METATYPE(obnam::gui::RestoreJob::Outcome)
