#pragma once

#include "GenerationDb.h"

#include <memory>
#include <optional>

namespace obnam {

// "Which chunks does this file have", asked once per file in ascending file id order (the
// order the backup walked): answered from one sequential scan of the chunks table instead
// of an indexed query per file. A file asked for out of order is looked up through the
// index, so answers never depend on the order, only speed. Belongs to the database's thread.
class ChunkCursor
{
public:
    explicit ChunkCursor(const GenerationDb &db);
    ~ChunkCursor();
    ChunkCursor(const ChunkCursor &) = delete;
    ChunkCursor &operator=(const ChunkCursor &) = delete;

    Result<QList<QByteArray>> chunks(qint64 fileId);
    const GenerationDb &database() const { return m_db; }

private:
    // Steps the scan; false (and m_broken) when a row could not be read.
    bool advance();
    // Collects fileId's rows into `ids`, moving the scan past them; false if it broke.
    bool scan(qint64 fileId, QList<QByteArray> &ids);

    const GenerationDb &m_db;
    std::unique_ptr<GenerationDb::ChunkStream> m_rows;
    std::optional<GenerationDb::ChunkRow> m_next; // the scan's current row
    bool m_done = false;
    bool m_broken = false; // a row could not be read: every answer comes from the index
    qint64 m_floor = 0;    // the highest file id asked for: the scan is past its rows
};

} // namespace obnam
