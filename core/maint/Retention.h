#pragma once

#include "repo/GenerationRecord.h"

#include <QList>
#include <QString>

namespace obnam {

// Which generations `forget` keeps, in restic's and borg's vocabulary: the newest `last`, and
// the newest generation of each of the newest `hourly` hours, `daily` days, `weekly` ISO weeks,
// `monthly` months and `yearly` years that have one. A generation kept by any rule is kept.
// Times are the generations' finish times in local time.
struct RetentionPolicy
{
    int last = 0;
    int hourly = 0;
    int daily = 0;
    int weekly = 0;
    int monthly = 0;
    int yearly = 0;

    bool isEmpty() const { return !(last || hourly || daily || weekly || monthly || yearly); }
};

struct RetentionDecision
{
    GenerationRecord generation;
    bool keep = false;
    QStringList reasons; // "last", "daily 2026-11-27", ...
};

// Newest first.
QList<RetentionDecision> applyRetention(QList<GenerationRecord> generations,
                                        const RetentionPolicy &policy);

} // namespace obnam
