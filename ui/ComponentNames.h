// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QString>

namespace unstuck::ui {

// The vocabulary's names of components, states and links (models/verdict/Vocabulary.h) in the
// UI's current language, plus how the view draws them (icons, line breaks).
namespace names {
QString component(const QString& id, const QString& engineLabel);
// The name of a component of that result, as its card shows it (the aggregated API's backend is
// named after the failing APIService's backend).
QString component(const DiagnosisResult& result, const QString& id);
QString state(ComponentState state);
QString state(LinkState state);
// A short label for a link arrow ("discovery", "APIService proxy", ...).
QString relation(const QString& from, const QString& to);
QString iconPath(const QString& componentId);
// Lets word-wrapped labels break long identifiers (role names, ARNs, paths) after separators.
QString breakable(const QString& text);
// A verdict shown under its object (a card, the inspector) without naming the object again:
// "Role KubernetesMasterRole-…: an explicit Deny blocks …" → "An explicit Deny blocks …".
QString withoutObject(const QString& summary, const QString& object);
} // namespace names

} // namespace unstuck::ui
