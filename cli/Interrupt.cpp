#include "Interrupt.h"

#include <atomic>
#include <csignal>

namespace obnam::cli {

namespace {

std::atomic<int> g_signal{0};
std::atomic<InterruptScope::Cancel> g_cancel{nullptr};
std::atomic<void *> g_context{nullptr};
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
    if (InterruptScope::Cancel cancel = g_cancel.load())
        cancel(g_context.load());
}

} // namespace

InterruptScope::InterruptScope(Cancel cancel, void *context)
{
    g_signal.store(0);
    g_context.store(context);
    g_cancel.store(cancel);
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
    g_cancel.store(nullptr);
    g_context.store(nullptr);
}

int InterruptScope::signal() const
{
    return g_signal.load();
}

} // namespace obnam::cli
