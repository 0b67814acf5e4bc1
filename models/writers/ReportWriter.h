// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QString>

namespace unstuck {

// Human-readable renderings of a diagnosis: terminal text (optionally coloured), Markdown for
// tickets, and a self-contained HTML report that can embed the GUI's graph as SVG.
class ReportWriter
{
public:
    static QString text(const DiagnosisResult& result, bool colour);
    // In `language`: headings, verdicts, evidence titles and fixes; the narrative in both
    // languages, the chosen one first. Ids, commands and raw values are never translated.
    static QString markdown(const DiagnosisResult& result, Language language = Language::English);
    // svg: an <svg> document (the GUI's graph) or empty.
    static QString html(const DiagnosisResult& result, const QString& svg = {},
                        Language language = Language::English);
};

} // namespace unstuck
