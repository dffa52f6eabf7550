// Ends the process while dozens of detached threads that used OpenSSL are still ending: the
// moment at which a backup's pool threads once met OpenSSL's exit-time cleanup and crashed.
// Exits 0 unless it crashes; tst_exitrace.cpp runs it many times.
#include "crypto/Crypto.h"

#include <chrono>
#include <thread>

int main()
{
    if (!obnam::crypto::keptUntilExit())
        return 3;
    (void)obnam::crypto::randomBytes(16);
    for (int i = 0; i < 48; ++i) {
        // Each thread gets OpenSSL's per-thread state, then ends a little later than the last.
        std::thread([i] {
            (void)obnam::crypto::randomBytes(16);
            (void)obnam::crypto::sha256("exit");
            std::this_thread::sleep_for(std::chrono::microseconds(20 * i));
        }).detach();
    }
    std::this_thread::sleep_for(std::chrono::microseconds(500));
    return 0;
}
