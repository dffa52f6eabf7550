#pragma once

#include "Paths.h"
#include "RestoreOutcome.h"
#include "engine/Progress.h"
#include "repo/GenerationRecord.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace obnam {
class OperationControl;
}

namespace obnam::gui {

// Lists a repository's backups and restores one, off the window's thread, for the restore page
// (and, later, the generation browser). The repository is opened with this client's
// credentials, as the first-run wizard left them.
class RestoreRunner : public QObject
{
    Q_OBJECT

public:
    explicit RestoreRunner(client::Paths paths, QObject *parent = nullptr);
    ~RestoreRunner() override;

    bool busy() const { return m_control != nullptr; }

    // Answers with generationsListed() or failed().
    void listGenerations(const QString &configPath);
    // Restores generation `id` under `target` (which must be empty or not exist yet).
    void restore(const QString &configPath, const QString &id, const QString &target);
    void cancel();

    using Outcome = RestoreOutcome;

Q_SIGNALS:
    void generationsListed(const QList<obnam::GenerationRecord> &generations);
    void progress(const obnam::OperationProgress &progress);
    void restored(const obnam::gui::RestoreOutcome &outcome);
    void failed(const QString &message);

private:
    client::Paths m_paths;
    std::shared_ptr<OperationControl> m_control;
    QThreadPool m_pool;
};

} // namespace obnam::gui
