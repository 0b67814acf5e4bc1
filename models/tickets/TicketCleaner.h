// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace unstuck {

// Takes off what the way a text was copied added around the output itself, so the recognisers
// see what the program printed: markdown fences and inline backticks, k9s frames (and the lines
// the frame wrapped), logfmt wrappers (`msg="…"` from k0s/journald), container-runtime and
// "logging before flag.Parse" prefixes, pager cut marks and multi-line structured klog values
// (`err=<` … `>`). Each step is one pass over the text, so a 50 MB paste stays linear.
class TicketCleaner
{
public:
    // The text split into the pieces a person pasted: markdown fenced blocks and the prose
    // around them, each cleaned. A text without fences is one piece.
    static QStringList pieces(const QString& text);
    // One piece cleaned (no fence handling).
    static QString clean(const QString& text);

    static QString unframe(const QString& text);      // k9s "│ … │" frames
    static QString unwrapLogfmt(const QString& text); // msg="…" → its unescaped value
    static QString stripLinePrefixes(const QString& text);
    static QString joinStructuredValues(const QString& text); // err=< … > → one line
};

} // namespace unstuck
