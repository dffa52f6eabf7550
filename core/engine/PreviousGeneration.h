#pragma once

#include "gen/ChunkCursor.h"
#include "gen/GenerationDb.h"

#include <QHash>

#include <memory>
#include <optional>

namespace obnam {

// The previous generation, as an incremental backup asks about it: "what was at this path"
// and "which chunks did that file have", once per file, in nearly the order the previous
// backup walked. Answers come from two sequential scans of its database kept in step with
// the walk; whatever the scans cannot answer (a file that moved, roots in another order) is
// looked up through the database's index, so answers never depend on the order, only speed.
class PreviousGeneration
{
public:
    explicit PreviousGeneration(std::unique_ptr<GenerationDb> db);
    ~PreviousGeneration();

    Result<std::optional<FileEntry>> lookup(const QByteArray &path);
    Result<QList<QByteArray>> chunks(qint64 fileId);

    // Walk order: children after their directory, siblings by byte order of their names.
    // Comparing paths with '/' ranked below every other byte gives exactly that order.
    static bool walksBefore(const QByteArray &a, const QByteArray &b);

private:
    Status advanceFiles();

    std::unique_ptr<GenerationDb> m_db;
    // Declared after m_db: streams are queries on its connection and must go first.
    std::unique_ptr<GenerationDb::FileStream> m_files;
    ChunkCursor m_chunks;
    std::optional<FileEntry> m_nextFile; // the scan's current row
    bool m_filesDone = false;
    // Rows the scan passed while looking further ahead (a backup looks at a directory's files
    // before its subdirectories' contents). Bounded; dropped rows are found through the index.
    QHash<QByteArray, FileEntry> m_passed;
};

} // namespace obnam
