#include "Progress.h"

namespace obnam {

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Starting:
        return QStringLiteral("starting");
    case Phase::Scanning:
        return QStringLiteral("scanning");
    case Phase::Committing:
        return QStringLiteral("committing");
    case Phase::Fetching:
        return QStringLiteral("fetching");
    case Phase::Restoring:
        return QStringLiteral("restoring");
    case Phase::CheckingIndex:
        return QStringLiteral("index");
    case Phase::CheckingPacks:
        return QStringLiteral("packs");
    case Phase::ReadingData:
        return QStringLiteral("read-data");
    case Phase::CheckingGenerations:
        return QStringLiteral("generations");
    case Phase::Referencing:
        return QStringLiteral("referenced");
    case Phase::Planning:
        return QStringLiteral("planning");
    case Phase::Repacking:
        return QStringLiteral("repacking");
    case Phase::Indexing:
        return QStringLiteral("index");
    case Phase::Deleting:
        return QStringLiteral("deleting");
    case Phase::ReadingPacks:
        return QStringLiteral("reading packs");
    case Phase::Done:
        return QStringLiteral("done");
    }
    return QStringLiteral("unknown");
}

} // namespace obnam
