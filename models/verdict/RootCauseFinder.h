// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

namespace unstuck {

// Walks from the subject (the namespace controller) along broken links to the deepest
// failing component or link whose own dependencies are healthy, and records the red path. When
// nothing is stuck, a failing chain is still a (latent) root cause.
class RootCauseFinder
{
public:
    static void find(DiagnosisResult& result);

private:
    struct Step
    {
        QString from, to; // the link as the graph names it
        QString next;     // the component the walk moves to
    };
    static QList<Step> stepsFrom(const DiagnosisResult& result, const QString& component);
    static bool hasBrokenOnward(const DiagnosisResult& result, const QString& component);
    // Walks from `start`; sets the root cause and the red path when it finds one.
    static bool walk(DiagnosisResult& result, const QString& start);
    static bool findLatent(DiagnosisResult& result);
    // The namespaces could not be read (a paste without any): "nothing is stuck" is not known.
    static bool namespacesUnknown(const DiagnosisResult& result);
};

} // namespace unstuck
