#pragma once

#include <atomic>

namespace obnam::cli {

// While a long operation runs, Ctrl-C (SIGINT) and SIGTERM ask it to stop at a safe point
// instead of ending the process: a backup keeps what it stored and releases its lock, a
// restore keeps what it named. A second signal ends the process at once, as usual.
class InterruptScope
{
public:
    // `cancel(context)` runs in the signal handler when the first signal arrives: it must be
    // async-signal-safe (the engines' cancel() only stores an atomic flag).
    using Cancel = void (*)(void *context);
    InterruptScope(Cancel cancel, void *context);
    ~InterruptScope();
    InterruptScope(const InterruptScope &) = delete;
    InterruptScope &operator=(const InterruptScope &) = delete;

    // The signal that arrived while the scope was active (SIGINT, SIGTERM), or 0.
    int signal() const;
    // The usual exit status of a run that a signal stopped: 128 + its number.
    int exitStatus() const { return 128 + signal(); }
};

// Connects an InterruptScope to an engine that exists only later: a signal before the engine
// is attached is remembered and passed on when it is.
template <class Engine> class Stopper
{
public:
    static void cancel(void *context)
    {
        auto *self = static_cast<Stopper *>(context);
        self->m_requested.store(true);
        if (Engine *engine = self->m_engine.load())
            engine->cancel();
    }
    // nullptr detaches, before the engine is destroyed.
    void attach(Engine *engine)
    {
        m_engine.store(engine);
        if (engine && m_requested.load())
            engine->cancel();
    }

private:
    std::atomic<bool> m_requested{false};
    std::atomic<Engine *> m_engine{nullptr};
};

} // namespace obnam::cli
