// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

namespace unstuck {

// Finds the namespaces stuck in Terminating (or reads the one asked for) with their five
// deletion conditions and finalizers.
class NamespaceProbe
{
public:
    NamespaceProbe(ProbeRunner& runner, QString namespaceName);
    void start(std::function<void()> done);

private:
    ProbeRunner& m_runner;
    QString m_name;
};

} // namespace unstuck
