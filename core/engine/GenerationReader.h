#pragma once

#include "gen/FileEntry.h"
#include "support/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace obnam {

class GenerationDb;
class OperationControl;
class Repository;
struct GenerationRecord;

// A generation database on a thread of its own, for a window that browses it: every query
// answers as a future (a GUI continues it with gui::whenReady()), served one after another on
// that thread, so the window never waits on SQLite. A GenerationDb belongs to the thread that
// opened it; this one is opened, used and closed on the reader's thread only.
class GenerationReader
{
public:
    // Opens the database file `path` (fetched already, see GenerationStore) read-only.
    static QFuture<Result<std::shared_ptr<GenerationReader>>> open(const QString &path);
    // Fetches the generation's database into the cache if need be (GenerationStore), on the
    // reader's thread, then opens it.
    static QFuture<Result<std::shared_ptr<GenerationReader>>>
    open(Repository &repository, const GenerationRecord &generation, const QString &cacheDir,
         OperationControl *control = nullptr);
    ~GenerationReader();
    GenerationReader(const GenerationReader &) = delete;
    GenerationReader &operator=(const GenerationReader &) = delete;

    // The entries directly inside `directory`, in path order.
    QFuture<Result<QList<FileEntry>>> children(const QByteArray &directory);
    // One path's entry, or nothing when the generation does not have it.
    QFuture<Result<std::optional<FileEntry>>> entry(const QByteArray &path);
    // The database's own description of the generation (gen-info): key and value pairs.
    QFuture<Result<QList<QPair<QString, QString>>>> meta();

private:
    GenerationReader();
    template <typename T, typename Query> QFuture<T> ask(Query query);
    static QFuture<Result<std::shared_ptr<GenerationReader>>>
    start(std::function<Result<QString>()> locate);

    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; // lives on m_thread
    std::unique_ptr<GenerationDb> m_db;
};

} // namespace obnam
