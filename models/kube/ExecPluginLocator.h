// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/HostPlatform.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <functional>
#include <optional>

namespace unstuck {

// Finds an exec credential plugin (aws, gke-gcloud-auth-plugin, kubelogin, ack-ram-tool…) the
// way the user's login shell would. A GUI started from a desktop menu does not inherit the
// shell's PATH, so besides PATH we look at the PATH that `$SHELL -l -c` prints (asked once,
// with a short timeout, cached per shell) and at the usual install folders.
class ExecPluginLocator
{
public:
    struct Search
    {
        QStringList environmentPath; // PATH of the given environment
        QStringList loginShellPath;  // PATH printed by the login shell (empty if unknown)
        QString shell;               // the login shell asked, empty if none
        QStringList commonDirs;      // /usr/local/bin, /opt/homebrew/bin, ~/.local/bin, …
        QStringList allDirs() const;
    };

    static QStringList commonDirs(const QProcessEnvironment& env,
                                  HostPlatform platform = currentHostPlatform());
    // The file names a command is looked up as: itself, or on Windows (when it has no
    // extension) the command with each PATHEXT extension (.COM;.EXE;.BAT;.CMD by default),
    // as cmd.exe and Go's exec.LookPath do: "aws" → aws.com, aws.exe, aws.bat, aws.cmd.
    static QStringList candidateNames(const QString& command, const QProcessEnvironment& env,
                                      HostPlatform platform = currentHostPlatform());
    // Absolute path of the executable, or empty. A command with a path separator is used as is.
    static QString find(const QString& command, const Search& search,
                        const QProcessEnvironment& env,
                        HostPlatform platform = currentHostPlatform());
    static Search initialSearch(const QProcessEnvironment& env,
                                HostPlatform platform = currentHostPlatform());
    // The cached login-shell PATH of env's SHELL, if it was asked already (Unix only).
    static std::optional<QStringList> cachedLoginShellPath(const QProcessEnvironment& env);
    // Asks `$SHELL -l -c` for its PATH without blocking; calls done on receiver's thread.
    static void queryLoginShellPath(const QProcessEnvironment& env, QObject* receiver,
                                    std::function<void(const QStringList&)> done,
                                    int timeoutMs = 3000);
    // The user-facing "not found" message: which command, which PATH, the hint, the fix.
    static QString notFoundMessage(const QString& command, const QString& userName,
                                   const QString& installHint, const Search& search);
};

} // namespace unstuck
