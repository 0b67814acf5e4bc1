// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace unstuck::ui::heap {

// A diagnosis of a large cluster holds tens of megabytes of answers (the node list alone is
// 4.5 MB of JSON at 2,000 nodes, more once parsed) on the engine's thread, and lets go of them
// when the run ends. glibc keeps freed memory in the thread's arena, so the window would stay
// that large for as long as it is open. These two calls give it back; both do nothing where the
// C library is not glibc.

// Buffers of 256 KiB and more (answer bodies, their text copies) are mapped on their own and
// unmapped when freed, instead of the threshold rising to the largest buffer freed so far.
// Call once, before the first diagnosis.
void mapLargeBuffersSeparately();

// Returns the free pages of every arena to the system (after a run's answers were freed).
void returnFreedMemory();

} // namespace unstuck::ui::heap
