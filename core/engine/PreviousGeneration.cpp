#include "PreviousGeneration.h"

#include <algorithm>

namespace obnam {

namespace {

// How many rows the scan may pass and keep for later before it gives up on them.
constexpr qsizetype kMaxPassed = 16384;

} // namespace

PreviousGeneration::PreviousGeneration(std::unique_ptr<GenerationDb> db)
    : m_db(std::move(db))
    , m_chunks(*m_db)
{}

PreviousGeneration::~PreviousGeneration() = default;

bool PreviousGeneration::walksBefore(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const int x = a[i] == '/' ? 0 : int(quint8(a[i])) + 1;
        const int y = b[i] == '/' ? 0 : int(quint8(b[i])) + 1;
        if (x != y)
            return x < y;
    }
    return a.size() < b.size();
}

Status PreviousGeneration::advanceFiles()
{
    if (!m_files) {
        auto stream = m_db->streamFiles();
        if (!stream)
            return stream.error();
        m_files = std::move(*stream);
    }
    auto row = m_files->next();
    if (!row)
        return row.error();
    m_nextFile = std::move(*row);
    m_filesDone = !m_nextFile.has_value();
    return {};
}

Result<std::optional<FileEntry>> PreviousGeneration::lookup(const QByteArray &path)
{
    if (const auto it = m_passed.constFind(path); it != m_passed.cend()) {
        std::optional<FileEntry> found = *it;
        m_passed.erase(it);
        return found;
    }
    if (!m_filesDone && !m_nextFile) {
        if (auto s = advanceFiles(); !s)
            return s.error();
    }
    // Move the scan up to `path`, keeping what it passes: those are either files the walk
    // has yet to ask about or files that are gone.
    while (m_nextFile && walksBefore(m_nextFile->path, path)) {
        if (m_passed.size() >= kMaxPassed)
            m_passed.clear();              // the index finds them if they are asked for after all
        QByteArray key = m_nextFile->path; // before the entry is moved from
        m_passed.insert(std::move(key), std::move(*m_nextFile));
        if (auto s = advanceFiles(); !s)
            return s.error();
    }
    if (m_nextFile && m_nextFile->path == path) {
        std::optional<FileEntry> found = std::move(m_nextFile);
        if (auto s = advanceFiles(); !s)
            return s.error();
        return found;
    }
    // Not where the walk order puts it: new, or the order differs. The index knows.
    return m_db->lookup(path);
}

Result<QList<QByteArray>> PreviousGeneration::chunks(qint64 fileId)
{
    return m_chunks.chunks(fileId);
}

} // namespace obnam
