// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/tickets/TicketFacts.h"

#include <QString>

namespace unstuck {

// What a component's own words say about an object, turned into that object as the API would
// show it (DESIGN.md: a paste answers the probes; a log line is the only place some of it is):
// - the API server's availability controller ("v1beta1.metrics.k8s.io failed with: failing or
//   missing response from https://10.32.81.244:443/…") and its OpenAPI aggregator ("loading
//   OpenAPI spec for "X" failed with: … ResponseCode: 503, Body: service unavailable") → that
//   APIService, Available=False with the quoted message;
// - the namespace controller ("deletion of namespace X failed: <error>", bare or in an
//   "Unhandled Error" wrapper) → namespace X, Terminating, with the deletion condition the
//   controller sets for that error;
// - a namespace condition's message pasted without its object ("Failed to delete all resource
//   types, 1 remaining: …") → that condition on an unnamed namespace.
// Every object is annotated with the line it came from (unstuck.dev/pasted-line).
class TicketLogFacts
{
public:
    static void fromLogLine(const QString& goFile, const QString& message, const QString& line,
                            const QString& file, TicketFacts* facts);
    // Messages that stand on their own, wherever they are in the text (joined continuation
    // lines). Adds nothing a structured object of the same file already says.
    static void scanMessages(const QString& joinedText, const QString& file, TicketFacts* facts);

    // APIService "v1beta1.metrics.k8s.io" with Available=<status>/<reason>: <message>.
    static QJsonObject apiService(const QString& name, const QString& reason,
                                  const QString& message, const QString& line);
};

} // namespace unstuck
