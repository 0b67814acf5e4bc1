// SPDX-License-Identifier: GPL-3.0-or-later
// unstuck.exe on Windows is a GUI-subsystem program (no console window from the Start menu).
// Typed in a terminal as `unstuck.exe …` it has no standard streams, so --version, --help and
// the headless commands would print nothing: attach to the terminal that started it instead.
// (`unstuck …` without the extension runs unstuck.com, the console build, which needs none of
// this.)
#include "app/unstuck_commands.h"

#if defined(_WIN32) && defined(UNSTUCK_WINDOWS_GUI_SUBSYSTEM)
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif

namespace unstuck::app {

#if defined(_WIN32) && defined(UNSTUCK_WINDOWS_GUI_SUBSYSTEM)
namespace {

// A stream the parent handed over (a pipe, a file: QProcess, `> out.txt`) stays as it is.
bool hasStream(DWORD which)
{
    const HANDLE handle = GetStdHandle(which);
    return handle != nullptr && handle != INVALID_HANDLE_VALUE;
}

void reopen(std::FILE* stream, DWORD which, const char* mode)
{
    if (hasStream(which))
        return;
    std::FILE* ignored = nullptr;
    freopen_s(&ignored, "CONOUT$", mode, stream);
}

} // namespace

void attachParentConsole()
{
    if (hasStream(STD_OUTPUT_HANDLE) && hasStream(STD_ERROR_HANDLE))
        return;
    if (!AttachConsole(ATTACH_PARENT_PROCESS))
        return; // started from Explorer or the Start menu: there is no terminal to write to
    reopen(stdout, STD_OUTPUT_HANDLE, "w");
    reopen(stderr, STD_ERROR_HANDLE, "w");
}
#else
void attachParentConsole() {}
#endif

} // namespace unstuck::app
