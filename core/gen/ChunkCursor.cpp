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
        if (!stream) {
            m_broken = true;
            return stream.error();
        }
        m_rows = std::move(*stream);
    }
    auto row = m_rows->next();
    if (!row) {
        // A bad row leaves the scan's position unknown: from here on the index answers,
        // so one damaged row fails only the files it belongs to.
        m_broken = true;
        m_next.reset();
        m_rows.reset();
        return row.error();
    }
    m_next = std::move(*row);
    m_done = !m_next.has_value();
    return {};
}

Result<QList<QByteArray>> ChunkCursor::chunks(qint64 fileId)
{
    // The scan has consumed every row of every file up to m_floor: a file at or below it
    // was asked for out of order, and the index answers.
    if (m_broken || fileId <= m_floor)
        return m_db.chunks(fileId);
    m_floor = fileId;
    if (!m_done && !m_next) {
        if (auto s = advance(); !s)
            return m_db.chunks(fileId);
    }
    while (m_next && m_next->fileId < fileId) {
        if (auto s = advance(); !s)
            return m_db.chunks(fileId);
    }
    QList<QByteArray> ids;
    while (m_next && m_next->fileId == fileId) {
        ids.append(std::move(m_next->chunkId));
        if (auto s = advance(); !s)
            return m_db.chunks(fileId); // the damaged row may belong to the next file
    }
    return ids;
}

} // namespace obnam
