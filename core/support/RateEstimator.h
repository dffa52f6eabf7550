#pragma once

#include <QtGlobal>

#include <deque>
#include <utility>

namespace obnam {

// The one place a rate and an estimated time to finish are computed, for every operation and
// every view of it. The rate is that of the last `window` seconds of progress, so it follows
// a change of pace (a slow link, a burst of unchanged files) within that time, and falls to
// zero in a stall, when the ETA becomes unknown rather than a promise no one keeps.
class RateEstimator
{
public:
    explicit RateEstimator(double windowSeconds = 10.0)
        : m_window(windowSeconds)
    {}

    // Work done so far (bytes, or any unit) at `seconds` since the operation began. Times
    // must not go backwards; a repeated time replaces the sample.
    void add(double seconds, qint64 done);

    // Units per second over the window; before a second has passed, over all the time so far.
    double rate() const;
    // Seconds until `total` is done at the current rate; -1 when unknown (no rate, no total).
    double eta(qint64 total) const;

private:
    double m_window;
    std::deque<std::pair<double, qint64>> m_samples; // oldest first, spanning the window
};

} // namespace obnam
