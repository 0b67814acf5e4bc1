// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdio>

namespace unstuck::app {

// The list of commands, for help texts and for a mistyped command.
void printCommands(std::FILE* out);
// Whether the arguments ask for help (answered without a display).
bool asksForHelp(int argc, char** argv);

// `unstuck diagnose [options]` (argv[0] is "diagnose"). Exit 0 healthy, 1 cause found,
// 2 could not diagnose.
int runDiagnoseCommand(int argc, char** argv);

// `unstuck fix list|plan|apply|undo …` (argv[0] is "fix"). Exit codes in FixOutcome::Exit.
int runFixCommand(int argc, char** argv);

// `unstuck audit [--format text|json] [--last N]`. Exit 0 intact, 1 the chain breaks, 2 unreadable.
int runAuditCommand(int argc, char** argv);

// The GUI (and its --demo / --screenshot / --lang / --profile options).
int runGui(int argc, char** argv);

// Windows' GUI-subsystem unstuck.exe: write to the terminal it was typed in, if any (a no-op
// elsewhere and in the console builds).
void attachParentConsole();

} // namespace unstuck::app
