#include "RateEstimator.h"

namespace obnam {

void RateEstimator::add(double seconds, qint64 done)
{
    if (!m_samples.empty() && seconds <= m_samples.back().first) {
        m_samples.back().second = done;
        return;
    }
    m_samples.emplace_back(seconds, done);
    // Keep one sample at or before the start of the window, so the window is always spanned.
    while (m_samples.size() > 2 && m_samples[1].first <= seconds - m_window)
        m_samples.pop_front();
}

double RateEstimator::rate() const
{
    if (m_samples.empty())
        return 0;
    const auto &[now, done] = m_samples.back();
    // Early on, the whole run is the best guess there is.
    if (now < 1.0 || m_samples.size() == 1)
        return now > 0 ? double(done) / now : 0;
    const double from = qMax(m_samples.front().first, now - m_window);
    // The amount done at `from`, between the two samples around it.
    double doneThen = double(m_samples.front().second);
    for (size_t i = 1; i < m_samples.size(); ++i) {
        const auto &[t0, d0] = m_samples[i - 1];
        const auto &[t1, d1] = m_samples[i];
        if (t1 >= from) {
            doneThen =
                t1 > t0 ? double(d0) + double(d1 - d0) * (from - t0) / (t1 - t0) : double(d1);
            break;
        }
    }
    const double span = now - from;
    return span > 0 ? qMax(0.0, (double(done) - doneThen) / span) : 0;
}

double RateEstimator::eta(qint64 total) const
{
    if (m_samples.empty() || total <= 0)
        return -1;
    const qint64 left = total - m_samples.back().second;
    if (left <= 0)
        return 0;
    const double r = rate();
    return r > 0 ? double(left) / r : -1;
}

} // namespace obnam
