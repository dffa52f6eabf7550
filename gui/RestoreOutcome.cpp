#include "RestoreOutcome.h"

#include "Session.h"
#include "repo/Lock.h"

#include <QCoreApplication>
#include <QFile>

namespace obnam::gui {

RestoreOutcome restoreOutcome(const Result<RestoreResult> &result, const QString &target)
{
    RestoreOutcome outcome;
    if (!result) {
        outcome.cancelled = result.error().code == ErrorCode::Cancelled;
        outcome.message = result.error().toString();
        return outcome;
    }
    outcome.files = result->files;
    outcome.bytes = result->bytes;
    for (const ItemWarning &e : result->errors)
        outcome.problems.append(e.path + QStringLiteral(": ") + e.message);
    for (const ItemWarning &w : result->warnings)
        outcome.problems.append(w.path + QStringLiteral(": ") + w.message);
    for (const QByteArray &p : result->skipped)
        outcome.notes.append(QCoreApplication::translate("obnam::gui::RestoreJob",
                                                         "%1: already there, left as it was")
                                 .arg(QFile::decodeName(p)));
    for (const auto &[p, beside] : result->besides)
        outcome.notes.append(
            QCoreApplication::translate("obnam::gui::RestoreJob",
                                        "%1: already there, restored beside it as %2")
                .arg(QFile::decodeName(p),
                     QFile::decodeName(QFile::encodeName(target) + '/' + beside)));
    if (result->stoppedBy) {
        outcome.cancelled = result->stoppedBy->code == ErrorCode::Cancelled;
        outcome.message = result->stoppedBy->message;
        return outcome;
    }
    outcome.ok = result->errors.isEmpty();
    return outcome;
}

RestoreOutcome runRestore(client::Session &session, const GenerationRecord &generation,
                          const RestoreOptions &options, OperationControl *control,
                          QObject *context,
                          const std::function<void(const OperationProgress &)> &progress)
{
    QString note;
    auto lock = client::readingLock(session, QStringLiteral("restore"), &note);
    if (!lock)
        return restoreOutcome(lock.error(), options.target);
    RestoreEngine engine(*session.repository, generation, options);
    engine.setControl(control);
    QObject::connect(&engine, &RestoreEngine::progress, context, progress);
    return restoreOutcome(engine.run(), options.target);
}

} // namespace obnam::gui
