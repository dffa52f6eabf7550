#include "ChunkCursor.h"

namespace obnam {

ChunkCursor::ChunkCursor(const GenerationDb &db)
    : m_db(db)
{}

ChunkCursor::~ChunkCursor() = default;

bool ChunkCursor::advance()
{
    if (!m_rows) {
        auto stream = m_db.streamChunks();
        if (!stream) {
            m_broken = true;
            return false;
        }
        m_rows = std::move(*stream);
    }
    auto row = m_rows->next();
    if (!row) {
        // A bad row leaves the scan's position unknown: from here on the index answers (and
        // reports the damage), so one damaged row fails only the file it belongs to.
        m_broken = true;
        m_next.reset();
        m_rows.reset();
        return false;
    }
    m_next = std::move(*row);
    m_done = !m_next.has_value();
    return true;
}

bool ChunkCursor::scan(qint64 fileId, QList<QByteArray> &ids)
{
    if (!m_done && !m_next && !advance())
        return false;
    while (m_next && m_next->fileId < fileId) {
        if (!advance())
            return false;
    }
    while (m_next && m_next->fileId == fileId) {
        ids.append(std::move(m_next->chunkId));
        if (!advance())
            return false; // the damaged row may be this file's
    }
    return true;
}

Result<QList<QByteArray>> ChunkCursor::chunks(qint64 fileId)
{
    // The scan has consumed every row of every file up to m_floor: a file at or below it
    // was asked for out of order, and the index answers; so it does once the scan broke.
    if (m_broken || fileId <= m_floor)
        return m_db.chunks(fileId);
    m_floor = fileId;
    QList<QByteArray> ids;
    if (!scan(fileId, ids))
        return m_db.chunks(fileId);
    return ids;
}

} // namespace obnam
