// SPDX-License-Identifier: GPL-3.0-or-later
// The `unstuck` executable: GUI by default, headless subcommands (`unstuck diagnose …`).
#include "app/unstuck_commands.h"

#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    if (argc > 1 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0)) {
        std::printf("unstuck %s\n", UNSTUCK_VERSION);
        return 0;
    }
    if (argc > 1 && std::strcmp(argv[1], "diagnose") == 0)
        return unstuck::app::runDiagnoseCommand(argc - 1, argv + 1);
#ifdef UNSTUCK_WITH_GUI
    return unstuck::app::runGui(argc, argv);
#else
    std::fprintf(stderr, "unstuck: this build has no GUI (built with -DUNSTUCK_BUILD_GUI=OFF); "
                         "use `unstuck diagnose --help`\n");
    return 2;
#endif
}
