#include "Changes.h"

#include "engine/GenerationStore.h"
#include "repo/Repository.h"

#include <QMap>

namespace obnam::client {

namespace {

// What makes two versions of an entry different for a person: content or metadata.
QByteArray signature(const FileEntry &e, const QList<QByteArray> &chunks)
{
    QByteArray s = QByteArray::number(int(e.kind)) + ' ' + QByteArray::number(e.mode) + ' ' +
                   QByteArray::number(e.size) + ' ' + QByteArray::number(e.mtimeNs) + ' ' +
                   QByteArray::number(e.uid) + ' ' + QByteArray::number(e.gid) + ' ' + e.target +
                   ' ' + e.xattrs;
    for (const QByteArray &c : chunks)
        s += c;
    return s;
}

Result<QMap<QByteArray, QByteArray>> signatures(Session &session, const GenerationRecord &gen)
{
    auto db = generationstore::open(*session.repository, gen, session.cacheDir);
    if (!db)
        return db.error();
    QMap<QByteArray, QByteArray> out;
    Status inner;
    auto walked = (*db)->forEachFile([&](const FileEntry &e) {
        auto chunks = (*db)->chunks(e.fileId);
        if (!chunks) {
            inner = chunks.error();
            return false;
        }
        out.insert(e.path, signature(e, *chunks));
        return true;
    });
    if (!walked)
        return walked.error();
    if (!inner)
        return inner.error();
    return out;
}

} // namespace

Result<QList<Change>> diffGenerations(Session &session, const GenerationRecord &older,
                                      const GenerationRecord &newer)
{
    auto before = signatures(session, older);
    if (!before)
        return before.error();
    auto after = signatures(session, newer);
    if (!after)
        return after.error();
    QList<Change> changes;
    for (auto it = after->cbegin(); it != after->cend(); ++it) {
        const auto old = before->constFind(it.key());
        if (old == before->cend())
            changes.append({Change::Added, it.key()});
        else if (*old != *it)
            changes.append({Change::Changed, it.key()});
    }
    for (auto it = before->cbegin(); it != before->cend(); ++it) {
        if (!after->contains(it.key()))
            changes.append({Change::Removed, it.key()});
    }
    return changes;
}

} // namespace obnam::client
