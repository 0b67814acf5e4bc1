// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/cloudapi/CloudHandler.h"

#include <optional>

namespace unstuck::sim {

// ClientToken on the writes that take one (CreateRouteEntry): a retry with the same token and
// the same parameters gets the first answer again (same RouteEntryId) and changes nothing; the
// same token with other parameters is IdempotentParameterMismatch. Tokens are remembered per
// caller and action.
class CloudIdempotency
{
public:
    // caller: "user/<name>" or "assumed-role/<role>/<session>".
    CloudIdempotency(CloudAccount& account, const QString& caller, const QString& action,
                     const CloudHandler::Params& params);

    // The answer for a token seen before (the first success again, or the mismatch error);
    // nullopt: run the action.
    std::optional<CloudHandler::Result> replay() const;
    // Remembers a successful answer under the request's token.
    void remember(const CloudHandler::Result& result) const;

private:
    CloudAccount& m_account;
    QString m_key;         // caller/action/token; empty: no token or not an idempotent action
    QString m_fingerprint; // the request's own parameters, canonical
};

} // namespace unstuck::sim
