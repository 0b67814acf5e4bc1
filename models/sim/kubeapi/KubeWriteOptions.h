// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"

#include <QString>
#include <optional>

namespace unstuck::sim {

// What a write asks of the API server besides its body: a server-side dry run, the field manager
// to record, and (DELETE) preconditions. Parsed and validated before a handler runs, with the
// API server's own error for a value it does not accept.
struct KubeWriteOptions
{
    bool dryRun = false;
    QString fieldManager; // the fieldManager parameter, else the User-Agent's product
    std::optional<QString> preconditionUid;
    std::optional<QString> preconditionResourceVersion;

    // The options of a POST/PUT/PATCH (query) or DELETE (its DeleteOptions body, else the query).
    // Returns the 422 answer when dryRun holds anything but "All".
    static std::optional<HttpResponse> parse(const HttpRequest& request, KubeWriteOptions* out);
};

} // namespace unstuck::sim
