// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

namespace unstuck {

// Follows each aggregated API to what serves it: APIService → Service → EndpointSlices →
// backend pods (whose nodes the run already lists).
class AggregationProbe
{
public:
    explicit AggregationProbe(ProbeRunner& runner);
    void start();

private:
    void followBackend(int index);
    ProbeRunner& m_runner;
};

} // namespace unstuck
