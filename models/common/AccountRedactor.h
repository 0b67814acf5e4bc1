// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace unstuck {

// Hides the Alibaba Cloud account id when the user asks (`--redact-account`): an account id is
// not a secret, but a capture bundle or report shared outside the company need not name the
// account. Every digit of an account id becomes 0, so ARNs, JSON numbers and replays stay valid:
// `acs:ram::5810293847561023:role/x` → `acs:ram::0000000000000000:role/x`.
//
// Ids are recognised where Alibaba Cloud writes them (ARNs, OwnerId/AccountId/…OwnerId fields,
// and inside base64 EncodedDiagnosticMessage values, which are decoded, hidden and encoded
// again); once seen, the same number is hidden everywhere else too.
class AccountRedactor
{
public:
    static void setEnabled(bool enabled);
    static bool isEnabled();
    // `text` with every account id hidden; unchanged when not enabled.
    static QString redact(const QString& text);
};

} // namespace unstuck
