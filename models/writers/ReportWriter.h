// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"
#include "models/writers/FixAppliedSection.h"

#include <QList>
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
    // fixesApplied: the fix runs of this incident (the GUI's wizard, `unstuck fix`); each run that
    // wrote something adds a "Fix applied" section (what, when, by whom, verification).
    static QString markdown(const DiagnosisResult& result, Language language = Language::English,
                            const QList<AppliedFixRun>& fixesApplied = {});
    // svg: an <svg> document (the GUI's graph) or empty.
    static QString html(const DiagnosisResult& result, const QString& svg = {},
                        Language language = Language::English,
                        const QList<AppliedFixRun>& fixesApplied = {});
};

} // namespace unstuck
