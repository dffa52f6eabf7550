#pragma once

#include <malloc.h>

namespace obnam {

// Called first thing in main(). Chunk buffers are allocated on one thread and freed on
// another, by up to a dozen threads (the pool, backend I/O, restore fetchers). glibc gives
// each of them an arena of its own, up to eight per core, and memory freed into an arena stays
// with it: peak RSS then grows with the number of threads rather than with the data in
// flight. Four arenas are plenty for this much concurrency. (A fixed, low mmap threshold was
// tried as well: it returned memory sooner but cost a second of page faults per backup.)
inline void tuneAllocator()
{
    ::mallopt(M_ARENA_MAX, 4);
}

} // namespace obnam
