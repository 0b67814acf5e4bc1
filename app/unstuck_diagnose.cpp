// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/unstuck_commands.h"

#include <cstdio>

namespace unstuck::app {

int runDiagnoseCommand(int, char**)
{
    std::fprintf(stderr, "unstuck diagnose: not built yet (issue 4)\n");
    return 2;
}

} // namespace unstuck::app
