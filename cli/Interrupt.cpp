#include "Interrupt.h"

#include <atomic>
#include <csignal>
#include <thread>

namespace obnam::cli {

namespace {

// What the handler calls, published as one pointer so that it never sees the function of one
// scope with the context of another (or none).
struct Target
{
    InterruptScope::Cancel cancel;
    void *context;
};

std::atomic<int> g_signal{0};
std::atomic<const Target *> g_target{nullptr};
// Handlers between loading g_target and returning from its cancel function. The handler may
// run on any thread, so the destructor waits for this to drop to zero before the context,
// which the caller destroys next, can go.
std::atomic<int> g_inHandler{0};
// The handler touches only these, which is async-signal-safe only if they are lock-free.
static_assert(std::atomic<const Target *>::is_always_lock_free &&
              std::atomic<int>::is_always_lock_free);
Target g_current{};
struct sigaction g_previousInt
{};
struct sigaction g_previousTerm
{};

void onSignal(int sig)
{
    int expected = 0;
    if (!g_signal.compare_exchange_strong(expected, sig)) {
        // The second one: the user means it.
        ::signal(sig, SIG_DFL);
        ::raise(sig);
        return;
    }
    g_inHandler.fetch_add(1);
    if (const Target *target = g_target.load())
        target->cancel(target->context);
    g_inHandler.fetch_sub(1);
}

} // namespace

InterruptScope::InterruptScope(Cancel cancel, void *context)
{
    g_signal.store(0);
    g_current = Target{cancel, context};
    g_target.store(&g_current);
    struct sigaction action
    {};
    action.sa_handler = &onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &g_previousInt);
    ::sigaction(SIGTERM, &action, &g_previousTerm);
}

InterruptScope::~InterruptScope()
{
    ::sigaction(SIGINT, &g_previousInt, nullptr);
    ::sigaction(SIGTERM, &g_previousTerm, nullptr);
    g_target.store(nullptr);
    // A handler that loaded the target before it was cleared may still be using the context
    // on another thread. A handler on this thread cannot be among them: it would have run to
    // its end before this line.
    while (g_inHandler.load() != 0)
        std::this_thread::yield();
}

int InterruptScope::signal() const
{
    return g_signal.load();
}

} // namespace obnam::cli
