// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QByteArray>
#include <QJsonObject>

namespace unstuck {

// The diagnosis as JSON (docs/diagnosis-json.md, "schemaVersion": 1). The CLI prints it and
// the GUI exports the same document. Ids and state names are the vocabulary's stable ones.
class ResultJson
{
public:
    static QJsonObject toJson(const DiagnosisResult& result);
    static QByteArray toText(const DiagnosisResult& result, bool indented = true);

    static QJsonObject evidenceJson(const Evidence& evidence);
    static QJsonObject fixJson(const FixPlan& fix);
};

} // namespace unstuck
