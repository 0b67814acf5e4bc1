// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QColor>
#include <QPalette>

namespace unstuck::ui {

// The colours of the graph, derived from the application palette so light and dark desktops
// both read well. State colours stay recognisable in both.
struct Theme
{
    bool dark = false;
    QColor canvas, card, cardText, mutedText, border, focus, redPath;

    static Theme fromPalette(const QPalette& palette);
    // The application palette of View → Dark palette (the graph's theme then follows it).
    static QPalette darkPalette();
    QColor stateColor(ComponentState state) const;
    QColor linkColor(LinkState state) const;
};

} // namespace unstuck::ui
