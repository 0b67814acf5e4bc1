// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

namespace unstuck {

// Finds the RAM role the route controller signs with (the control-plane instances' role) and
// reads the default version of every policy attached to it.
class RamProbe
{
public:
    explicit RamProbe(ProbeRunner& runner);
    void start(const QStringList& controlPlaneInstanceIds, const QString& regionId);

private:
    void readPolicies(const QString& roleName);
    ProbeRunner& m_runner;
};

} // namespace unstuck
