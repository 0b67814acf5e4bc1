// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

namespace unstuck {

// Does what the namespace controller does first: lists every API group, then asks each
// group/version for its resources. A 503 here is what blocks every namespace deletion.
class DiscoveryProbe
{
public:
    explicit DiscoveryProbe(ProbeRunner& runner);
    // groupsKnown runs once /apis has answered (other probes need the preferred versions).
    void start(std::function<void()> groupsKnown);

private:
    ProbeRunner& m_runner;
};

} // namespace unstuck
