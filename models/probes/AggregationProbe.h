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
    // backendAnswered runs after each answer that can name a backend's nodes (its
    // EndpointSlices, its pods), so the route question for them leaves without waiting for the
    // rest.
    void start(std::function<void()> backendAnswered);

private:
    void followBackend(int index);
    ProbeRunner& m_runner;
    std::function<void()> m_backendAnswered;
};

} // namespace unstuck
