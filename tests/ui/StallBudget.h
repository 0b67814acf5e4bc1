// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The GUI thread may be busy for at most this long in one stretch (issue: under 50 ms).
// Sanitizer builds (the asan preset) run the same code several times slower, so they get a
// wider bound that still catches work moved back onto the GUI thread.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kGuiBusyBudgetMs = 250;
#else
constexpr int kGuiBusyBudgetMs = 50;
#endif
