// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

#include <functional>

namespace unstuck {

// Follows each aggregated API to what serves it: APIService → Service → EndpointSlices →
// backend pods (whose nodes the run already lists).
class AggregationProbe
{
public:
    explicit AggregationProbe(ProbeRunner& runner);
    // podsKnown runs once every followed backend's pods are known (or cannot be: no service,
    // no selector, an error).
    void start(std::function<void()> podsKnown);

private:
    void followBackend(int index);
    void backendSettled();
    ProbeRunner& m_runner;
    std::function<void()> m_podsKnown;
    int m_unsettled = 0;
};

} // namespace unstuck
