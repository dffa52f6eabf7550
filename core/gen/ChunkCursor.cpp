#include "ChunkCursor.h"

namespace obnam {

ChunkCursor::ChunkCursor(const GenerationDb &db)
    : m_db(db)
{}

ChunkCursor::~ChunkCursor() = default;

Status ChunkCursor::advance()
{
    if (!m_rows) {
        auto stream = m_db.streamChunks();
        if (!stream)
            return stream.error();
        m_rows = std::move(*stream);
    }
    auto row = m_rows->next();
    if (!row)
        return row.error();
    m_next = std::move(*row);
    m_done = !m_next.has_value();
    return {};
}

Result<QList<QByteArray>> ChunkCursor::chunks(qint64 fileId)
{
    // The scan has consumed every row of every file up to m_floor: a file at or below it
    // was asked for out of order, and the index answers.
    if (fileId <= m_floor)
        return m_db.chunks(fileId);
    m_floor = fileId;
    if (!m_done && !m_next) {
        if (auto s = advance(); !s)
            return s.error();
    }
    while (m_next && m_next->fileId < fileId) {
        if (auto s = advance(); !s)
            return s.error();
    }
    QList<QByteArray> ids;
    while (m_next && m_next->fileId == fileId) {
        ids.append(std::move(m_next->chunkId));
        if (auto s = advance(); !s)
            return s.error();
    }
    return ids;
}

} // namespace obnam
