#pragma once

#include <QString>

namespace obnam::crashpoint {

// Named points at every durable step (pack, index, generation, lock, prune deletions) where
// tests kill the process, as a power cut or kill -9 would:
//   OBNAM_CRASH_AT=N        SIGKILL at the N-th point reached (1-based)
//   OBNAM_CRASH_LOG=FILE    append the name of every point reached, one per line
// Both are read once; without them hit() costs one branch.
void hit(const char *name);

} // namespace obnam::crashpoint
