// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

namespace unstuck {

// The incident write-up in English and Simplified Chinese: symptom → each hop → root cause →
// the recommended fix.
class Narrative
{
public:
    static void write(DiagnosisResult& result);
    // A component's name in `language` (the engine's labels are English).
    static QString componentName(const DiagnosisResult& result, const QString& id,
                                 Language language);

private:
    static QString english(const DiagnosisResult& result);
    static QString chinese(const DiagnosisResult& result);
};

} // namespace unstuck
