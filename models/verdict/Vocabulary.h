// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"

#include <QString>
#include <QStringList>

namespace unstuck {

// Defined in DiagnosisResult.h (which includes this file); declared here so the vocabulary can
// name them without a cycle.
enum class ComponentState;
enum class LinkState;

// Stable ids (CLI, GUI, JSON and tests use these).
namespace ids {
inline constexpr const char* ApiServer = "apiserver";
inline constexpr const char* MetricsServer = "metrics-server";
inline constexpr const char* NamespaceController = "namespace-controller";
inline constexpr const char* RouteController = "route-controller";
inline constexpr const char* VpcRouteTable = "vpc-route-table";
inline constexpr const char* RamPolicy = "ram-policy";
// Extra causes: what else can keep the Namespace Controller from emptying a namespace.
inline constexpr const char* Finalizers = "finalizers";
inline constexpr const char* Webhook = "webhook";

// A link's id, "<from>→<to>" (red paths and JSON use it).
QString link(const QString& from, const QString& to);
} // namespace ids

// The words of the product, in one table per kind: every writer, the story and the GUI read
// them here, so a component or a state is called the same everywhere, in both languages.
namespace vocabulary {

// Every component id the vocabulary names: the six components, then the extra causes.
QStringList componentIds();
// A component's name as the graph's cards show it; empty for an id the vocabulary does not know.
Bilingual componentLabel(const QString& id);
// The name to show for a verdict: the vocabulary's label, else the engine's label, else the id.
QString componentName(const QString& id, const QString& engineLabel, Language language);
// The engine's label for the backend of an aggregated API other than metrics:
// "virt-api (backend of subresources.kubevirt.io/v1)" (the JSON "label"); componentName() turns
// it back into "virt-api".
QString backendLabel(const QString& serviceName, const QString& groupVersion);

// The stable state names written to JSON: "healthy" | "failing" | "unknown" | "not-applicable"
// and "ok" | "broken" | "unknown".
QString stateName(ComponentState state);
QString stateName(LinkState state);
// The states as people read them ("not applicable" / "不适用").
Bilingual stateWord(ComponentState state);
Bilingual stateWord(LinkState state);

// A short label for a link arrow ("discovery", "APIService proxy", ...).
Bilingual relationLabel(const QString& from, const QString& to);

} // namespace vocabulary

} // namespace unstuck
