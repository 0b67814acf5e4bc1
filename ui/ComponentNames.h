// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QString>

namespace unstuck::ui {

// User-facing names of the stable component ids and states, in the current language. The
// engine's own labels are English; the view shows these instead when it knows the id.
namespace names {
QString component(const QString& id, const QString& engineLabel);
QString state(ComponentState state);
QString state(LinkState state);
// A short label for a link arrow ("discovery", "APIService proxy", ...).
QString relation(const QString& from, const QString& to);
QString iconPath(const QString& componentId);
// Lets word-wrapped labels break long identifiers (role names, ARNs, paths) after separators.
QString breakable(const QString& text);
} // namespace names

} // namespace unstuck::ui
