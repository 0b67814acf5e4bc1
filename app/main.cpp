// SPDX-License-Identifier: GPL-3.0-or-later
// The `unstuck` executable: GUI by default, headless subcommands (`unstuck diagnose …`).
#include "app/unstuck_commands.h"
#include "packaging/selfcheck/SelfCheck.h"
#include "unstuck_revision.h"

#include <QCoreApplication>
#include <QtGlobal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace {

struct Command
{
    const char* name;
    const char* summary;
    int (*run)(int argc, char** argv);
};

constexpr Command kCommands[] = {
    {"diagnose", "find why namespaces are stuck in Terminating, without a window",
     unstuck::app::runDiagnoseCommand},
    {"fix", "list, plan, apply or undo the recommended fixes (unstuck fix --help)",
     unstuck::app::runFixCommand},
    {"audit", "show the fix audit log and verify its hash chain", unstuck::app::runAuditCommand},
};

} // namespace

namespace unstuck::app {

void printCommands(std::FILE* out)
{
    std::fprintf(out, "Usage: unstuck [GUI options]       start the window (unstuck --help)\n");
    for (const Command& c : kCommands)
        std::fprintf(out, "       unstuck %-8s [options]   %s\n", c.name, c.summary);
    std::fprintf(out, "       unstuck --version            version, git revision and Qt version\n");
    std::fprintf(out, "       unstuck --self-check         check that this installation is "
                      "complete\n");
}

bool asksForHelp(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char* help : {"-h", "--help", "-help", "--help-all", "-?"})
            if (std::strcmp(argv[i], help) == 0)
                return true;
    return false;
}

} // namespace unstuck::app

namespace {

using unstuck::app::asksForHelp;
using unstuck::app::printCommands;

const Command* findCommand(std::string_view word)
{
    for (const Command& c : kCommands)
        if (word == c.name)
            return &c;
    return nullptr;
}

int unknownCommand(const char* word)
{
    std::fprintf(stderr, "unstuck: unknown command '%s'\n", word);
    printCommands(stderr);
    return 2;
}

// Without a display Qt's platform plugin aborts the process; say why and what works instead.
// Only X11/Wayland systems need one named in the environment (Windows and macOS always have one).
[[maybe_unused]] bool hasDisplay(int argc, char** argv)
{
#if defined(__unix__) && !defined(__APPLE__)
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0)
            return true; // Qt's own option picks the platform plugin
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        const char* value = std::getenv(name);
        if (value && *value)
            return true;
    }
    return false;
#else
    (void)argc;
    (void)argv;
    return true;
#endif
}

int startGui(int argc, char** argv)
{
#ifdef UNSTUCK_WITH_GUI
    if (!asksForHelp(argc, argv) && !hasDisplay(argc, argv)) {
        std::fprintf(stderr, "unstuck: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so "
                             "the window cannot open. Use a headless command, or set "
                             "QT_QPA_PLATFORM=offscreen for --screenshot.\n");
        printCommands(stderr);
        return 2;
    }
    return unstuck::app::runGui(argc, argv);
#else
    (void)argc;
    (void)argv;
    std::fprintf(stderr, "unstuck: this build has no GUI (built with -DUNSTUCK_BUILD_GUI=OFF)\n");
    printCommands(stderr);
    return 2;
#endif
}

int printVersion()
{
    std::printf("unstuck %s\ngit revision %s\nQt %s (built with Qt %s)\n", UNSTUCK_VERSION,
                UNSTUCK_GIT_REVISION, qVersion(), QT_VERSION_STR);
    return 0;
}

// What installed copies most often lack; exit 1 when something is missing.
int selfCheck(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::printf("unstuck %s (git %s, Qt %s): self-check\n", UNSTUCK_VERSION, UNSTUCK_GIT_REVISION,
                qVersion());
    unstuck::selfcheck::Options options;
#ifndef UNSTUCK_WITH_GUI
    options.gui = false;
#endif
    int missing = 0;
    for (const unstuck::selfcheck::Item& item : unstuck::selfcheck::run(options)) {
        std::printf("  %-8s %-17s %s\n", qPrintable(unstuck::selfcheck::statusWord(item.status)),
                    qPrintable(item.name), qPrintable(item.detail));
        missing += item.status == unstuck::selfcheck::Item::Status::Missing ? 1 : 0;
    }
    if (missing > 0) {
        std::printf("%d missing: this installation is incomplete\n", missing);
        return 1;
    }
    std::printf("everything an installed copy needs is present\n");
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    unstuck::app::attachParentConsole();
    if (argc > 1 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0))
        return printVersion();
    if (argc > 1 && std::strcmp(argv[1], "--self-check") == 0)
        return selfCheck(argc, argv);
    if (argc > 1 && argv[1][0] != '-') {
        const Command* command = findCommand(argv[1]);
        return command ? command->run(argc - 1, argv + 1) : unknownCommand(argv[1]);
    }
    return startGui(argc, argv);
}
