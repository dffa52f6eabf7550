#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace obnam {

// The one control every long operation takes (backup, restore, check, prune, repair, fetching
// a generation database): cancel, pause, resume. The operation looks at it at its safe
// points, between steps it can stop after without harm: there it stops when cancelled (and
// reports ErrorCode::Cancelled) and waits while paused, holding its lock and everything it
// had, until resumed or cancelled. A paused operation reads, writes and uploads nothing.
//
// Any thread may use the controls. cancel() is also safe in a signal handler: it only stores
// an atomic, and a paused operation notices within a tenth of a second.
class OperationControl
{
public:
    void cancel() { m_cancelled.store(true, std::memory_order_release); }
    void pause() { m_paused.store(true, std::memory_order_release); }
    void resume()
    {
        {
            std::lock_guard lock(m_mutex);
            m_paused.store(false, std::memory_order_release);
        }
        m_wake.notify_all();
    }

    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    bool isPaused() const { return m_paused.load(std::memory_order_acquire); }

    // At a safe point: waits while paused; false when the operation is to stop.
    bool proceed()
    {
        if (isPaused()) {
            std::unique_lock lock(m_mutex);
            m_waiting.fetch_add(1, std::memory_order_relaxed);
            while (isPaused() && !isCancelled())
                m_wake.wait_for(lock, std::chrono::milliseconds(100));
            m_waiting.fetch_sub(1, std::memory_order_relaxed);
        }
        return !isCancelled();
    }

    // How many of the operation's threads wait at a safe point right now (for tests, and for
    // a window that shows "paused" once the operation really is).
    int waiting() const { return m_waiting.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_paused{false};
    std::atomic<int> m_waiting{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace obnam

namespace obnam {

// What every long operation offers: a control of its own, or one given before it runs (so a
// window, a timer and a signal handler can all reach the same one).
class Controllable
{
public:
    void setControl(OperationControl *control) { m_control = control ? control : &m_ownControl; }
    OperationControl &control() { return *m_control; }
    // From any thread, or a signal handler.
    void cancel() { m_control->cancel(); }

protected:
    Controllable() = default;
    ~Controllable() = default;
    // At a safe point: waits while paused; false when the operation is to stop.
    bool proceed() { return m_control->proceed(); }
    bool cancelled() const { return m_control->isCancelled(); }

private:
    OperationControl m_ownControl;
    OperationControl *m_control = &m_ownControl;
};

} // namespace obnam
