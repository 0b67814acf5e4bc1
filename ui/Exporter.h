// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"
#include "models/writers/FixAppliedSection.h"
#include "ui/ProbeTimelineChart.h"

#include <QString>

class QGraphicsScene;

namespace unstuck::ui {

class GraphScene;

// Writes what an incident review needs: the graph as PNG or SVG, and a self-contained HTML
// or Markdown report (graph, narrative, evidence, timeline). Every text is redacted.
namespace exporter {
bool writePng(GraphScene* scene, const QString& path, QString* error);
bool writeSvg(GraphScene* scene, const QString& path, QString* error);
QByteArray svgBytes(GraphScene* scene);
// fixRuns: the fixes applied from this window; each adds a "Fix applied" section.
QString markdown(const DiagnosisResult& result, const QList<ProbeTimelineChart::Probe>& probes,
                 bool chinese, const QList<AppliedFixRun>& fixRuns = {});
QString html(const DiagnosisResult& result, const QList<ProbeTimelineChart::Probe>& probes,
             const QByteArray& svg, bool chinese, const QList<AppliedFixRun>& fixRuns = {});
bool writeText(const QString& text, const QString& path, QString* error);
} // namespace exporter

} // namespace unstuck::ui
