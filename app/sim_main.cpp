// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("unstuck-sim %s\n", UNSTUCK_VERSION);
        return 0;
    }
    std::fprintf(stderr, "unstuck-sim: not built yet (issue 2)\n");
    return 2;
}
