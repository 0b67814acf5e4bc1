// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace unstuck::app {

// `unstuck diagnose [options]` (argv[0] is "diagnose"). Exit 0 healthy, 1 cause found,
// 2 could not diagnose.
int runDiagnoseCommand(int argc, char** argv);

// The GUI (and its --demo / --screenshot / --lang / --profile options).
int runGui(int argc, char** argv);

} // namespace unstuck::app
