#include "Retention.h"

#include <algorithm>
#include <functional>

namespace obnam {

QList<RetentionDecision> applyRetention(QList<GenerationRecord> generations,
                                        const RetentionPolicy &policy)
{
    std::sort(generations.begin(), generations.end(),
              [](const GenerationRecord &a, const GenerationRecord &b) {
                  return a.finished != b.finished ? a.finished > b.finished : a.id > b.id;
              });
    QList<RetentionDecision> out;
    for (const GenerationRecord &g : std::as_const(generations))
        out.append(RetentionDecision{g, false, {}});

    for (int i = 0; i < out.size() && i < policy.last; ++i) {
        out[i].keep = true;
        out[i].reasons.append(QStringLiteral("last"));
    }
    struct Rule
    {
        int count;
        const char *name;
        std::function<QString(const QDateTime &)> bucket;
    };
    const QList<Rule> rules{
        {policy.hourly, "hourly",
         [](const QDateTime &t) {
             return t.toString(QStringLiteral("yyyy-MM-dd HH:00"));
         }},
        {policy.daily, "daily",
         [](const QDateTime &t) {
             return t.toString(QStringLiteral("yyyy-MM-dd"));
         }},
        {policy.weekly, "weekly",
         [](const QDateTime &t) {
             int year = 0;
             const int week = t.date().weekNumber(&year);
             return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
         }},
        {policy.monthly, "monthly",
         [](const QDateTime &t) {
             return t.toString(QStringLiteral("yyyy-MM"));
         }},
        {policy.yearly, "yearly",
         [](const QDateTime &t) {
             return t.toString(QStringLiteral("yyyy"));
         }},
    };
    for (const Rule &rule : rules) {
        if (rule.count <= 0)
            continue;
        QString previous;
        int used = 0;
        // Newest first: the first generation seen in a bucket is that bucket's newest.
        for (RetentionDecision &d : out) {
            if (used >= rule.count)
                break;
            const QString bucket = rule.bucket(d.generation.finished.toLocalTime());
            if (bucket == previous)
                continue;
            previous = bucket;
            ++used;
            d.keep = true;
            d.reasons.append(QLatin1String(rule.name) + QLatin1Char(' ') + bucket);
        }
    }
    return out;
}

} // namespace obnam
