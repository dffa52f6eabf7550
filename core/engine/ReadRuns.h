#pragma once

#include "repo/ChunkIndex.h"

#include <QList>

namespace obnam::readruns {

// One read of a stretch of a pack that covers several chunks: a restore asks its storage for
// each run once instead of for each chunk, which over a network (and through a server to an
// object store) turns tens of thousands of requests into a few hundred.
struct Run
{
    QByteArray packId;
    quint64 offset = 0; // from the start of the pack
    quint64 length = 0;
    QList<qsizetype> pieces; // indexes into the locations given, by offset in the pack
};

struct Limits
{
    // Bytes between two chunks that are read and thrown away rather than split the run:
    // reading a little more costs less than asking again.
    quint64 maxGap = 128 * 1024;
    // A run ends before it grows beyond this, so several reads stay in flight and none holds
    // much memory; a single chunk longer than this is a run of its own.
    quint64 maxLength = 2 * 1024 * 1024;
};

// Groups the chunk locations into runs: by pack, in offset order, each run as long as the
// limits allow. Every location is in exactly one run; a chunk listed twice (the same data in
// two files) is read once and given to both.
QList<Run> coalesce(const QList<ChunkLocation> &locations, const Limits &limits = {});

} // namespace obnam::readruns
