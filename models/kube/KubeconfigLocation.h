// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/HostPlatform.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace unstuck {

// Where kubectl looks for kubeconfig files, by client-go's rules (clientcmd and util/homedir).
class KubeconfigLocation
{
public:
    // The KUBECONFIG list: entries split on the platform's separator, cleaned, duplicates
    // dropped, order kept.
    static QStringList fromEnvironment(const QProcessEnvironment& env,
                                       HostPlatform platform = currentHostPlatform());
    // The home folder whose .kube/config is the default. Unix: HOME. Windows (homedir.HomeDir):
    // the first of %HOME%, %HOMEDRIVE%%HOMEPATH%, %USERPROFILE% holding .kube\config; else the
    // first of %HOME%, %USERPROFILE%, %HOMEDRIVE%%HOMEPATH% that exists; else the first one set.
    static QString homeDir(const QProcessEnvironment& env,
                           HostPlatform platform = currentHostPlatform());
    // homeDir()/.kube/config.
    static QString defaultFile(const QProcessEnvironment& env,
                               HostPlatform platform = currentHostPlatform());
};

} // namespace unstuck
