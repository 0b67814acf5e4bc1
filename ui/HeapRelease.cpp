// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HeapRelease.h"

#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace unstuck::ui::heap {

void mapLargeBuffersSeparately()
{
#if defined(__GLIBC__)
    // Setting it also turns off glibc's dynamic threshold, which rises to the size of each
    // mapped buffer freed (up to 32 MiB) and then carves the next ones out of the arena.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

void returnFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace unstuck::ui::heap
