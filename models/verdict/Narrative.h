// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

namespace unstuck {

// The incident write-up in English and Simplified Chinese: symptom → each hop → root cause →
// the recommended fix.
class Narrative
{
public:
    // Components are named as the graph's cards name them (vocabulary::componentName).
    static void write(DiagnosisResult& result);

private:
    static QString english(const DiagnosisResult& result);
    static QString chinese(const DiagnosisResult& result);
};

} // namespace unstuck
