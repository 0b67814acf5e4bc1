// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/DiagnosisRequest.h"

#include <QJsonObject>

namespace unstuck {

// Where a run connected, kept so a later command can connect the same way: `fix apply --plan`
// reads it from the saved plan, `fix undo` from the audit record. Paths are made absolute; no
// credential is ever written (a cloud profile or keychain entry is kept by name only).
class ConnectionRecord
{
public:
    static QJsonObject toJson(const DiagnosisRequest& request);
    static DiagnosisRequest fromJson(const QJsonObject& json);
};

} // namespace unstuck
