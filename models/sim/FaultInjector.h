// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/FaultSpec.h"
#include "models/sim/HttpMessage.h"

#include <QMap>
#include <QRandomGenerator>
#include <optional>

namespace unstuck::sim {

// Decides, request by request, which of the `--faults` rules strike. One seeded generator for
// both ports, so a failing run can be replayed with the same `--faults-seed` (request order
// permitting). Counts what it injected so a test can tell a fault was really hit.
class FaultInjector
{
public:
    enum class Port { Kube, Cloud };

    FaultInjector(FaultSpec spec, quint32 seed);

    bool isEmpty() const { return m_spec.isEmpty(); }
    quint32 seed() const { return m_seed; }

    // Random extra latency for this request (0 without a jitter rule in scope).
    int jitterMs(Port port, const HttpRequest& request);
    // A 429 / 5xx / 401 / throttling answer that replaces the real one, or nullopt.
    std::optional<HttpResponse> replaceAnswer(Port port, const HttpRequest& request);
    // Marks the answer to be reset, truncated or dripped on the wire (HttpResponse::delivery).
    void shapeDelivery(Port port, const HttpRequest& request, HttpResponse* response);
    // Whether this new connection's TLS handshake should fail (decided before any request).
    bool failHandshake(Port port);

    // "http429 12, reset 3" — how often each kind struck so far.
    QString summary() const;

    // The cloud Action a request asks for (x-acs-action, or Action in the query or form).
    static QString cloudAction(const HttpRequest& request);

private:
    bool inScope(const FaultRule& rule, Port port, const HttpRequest* request) const;
    bool strikes(const FaultRule& rule, Port port, const HttpRequest* request);
    HttpResponse kubeAnswer(FaultRule::Kind kind);
    HttpResponse cloudAnswer(FaultRule::Kind kind);

    FaultSpec m_spec;
    quint32 m_seed = 0;
    QRandomGenerator m_random;
    QMap<QString, int> m_hits;
};

} // namespace unstuck::sim
