#include "History.h"

#include "engine/GenerationStore.h"
#include "repo/Repository.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace obnam::client {

namespace {

// The history's own threads: the lookups verify cached databases on QtConcurrent's global pool
// (GenerationStore), which must not be the pool they run on, or nested waits could take every
// thread it has.
QThreadPool &historyPool()
{
    static QThreadPool pool;
    return pool;
}

} // namespace

QFuture<Result<QList<FileVersion>>> fileHistory(Session &session, const QByteArray &path)
{
    return QtConcurrent::run(&historyPool(), [&session, path]() -> Result<QList<FileVersion>> {
        auto generations = session.repository->generations();
        if (!generations)
            return generations.error();
        using Found = Result<std::optional<FileVersion>>;
        // Each database belongs to the thread that opens it: every lookup opens its own.
        const QList<Found> found = QtConcurrent::blockingMapped<QList<Found>>(
            &historyPool(), *generations, [&session, &path](const GenerationRecord &gen) -> Found {
                auto db = generationstore::open(*session.repository, gen, session.cacheDir);
                if (!db)
                    return db.error();
                auto entry = (*db)->lookup(path);
                if (!entry)
                    return entry.error();
                if (!entry->has_value())
                    return std::optional<FileVersion>();
                return std::optional<FileVersion>(FileVersion{gen, std::move(**entry)});
            });
        QList<FileVersion> versions;
        for (const Found &f : found) {
            if (!f)
                return f.error();
            if (f->has_value())
                versions.append(**f);
        }
        return versions;
    });
}

} // namespace obnam::client
