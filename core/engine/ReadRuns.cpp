#include "ReadRuns.h"

#include <algorithm>
#include <numeric>

namespace obnam::readruns {

QList<Run> coalesce(const QList<ChunkLocation> &locations, const Limits &limits)
{
    QList<qsizetype> order(locations.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const ChunkLocation &x = locations[a];
        const ChunkLocation &y = locations[b];
        if (x.packId != y.packId)
            return x.packId < y.packId;
        return x.entry.offset < y.entry.offset;
    });

    QList<Run> runs;
    for (const qsizetype i : order) {
        const ChunkLocation &l = locations[i];
        const quint64 begin = l.entry.offset;
        const quint64 end = begin + l.entry.length;
        // An offset so large that the end wraps around is never merged; its read fails alone.
        if (!runs.isEmpty() && end >= begin) {
            Run &run = runs.last();
            const quint64 runEnd = run.offset + run.length;
            // Sorted by offset, so begin >= run.offset; an overlap (a chunk listed twice)
            // extends nothing.
            const quint64 newEnd = qMax(runEnd, end);
            if (run.packId == l.packId && begin <= runEnd + limits.maxGap &&
                newEnd - run.offset <= limits.maxLength) {
                run.length = newEnd - run.offset;
                run.pieces.append(i);
                continue;
            }
        }
        runs.append(Run{l.packId, begin, end - begin, {i}});
    }
    return runs;
}

} // namespace obnam::readruns
