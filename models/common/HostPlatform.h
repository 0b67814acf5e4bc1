// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QtGlobal>

namespace unstuck {

// The operating system whose rules apply (home folder, PATH, PATHEXT). A parameter rather than
// #ifdefs where the rules differ, so the Windows and macOS rules run in the tests on any host.
enum class HostPlatform { Linux, MacOS, Windows };

constexpr HostPlatform currentHostPlatform()
{
#if defined(Q_OS_WIN)
    return HostPlatform::Windows;
#elif defined(Q_OS_MACOS)
    return HostPlatform::MacOS;
#else
    return HostPlatform::Linux;
#endif
}

// What separates the entries of PATH and KUBECONFIG.
constexpr QChar pathListSeparator(HostPlatform platform)
{
    return platform == HostPlatform::Windows ? QChar(u';') : QChar(u':');
}

} // namespace unstuck
