// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/unstuck_commands.h"

#include <cstdio>

namespace unstuck::app {

int runGui(int, char**)
{
    std::fprintf(stderr, "unstuck: GUI not built yet (issue 5)\n");
    return 2;
}

} // namespace unstuck::app
