// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace unstuck::ui {

// A line diff of two texts (longest common subsequence), for showing a fix's change the way
// people read diffs: removed lines, added lines, a little context around them.
class LineDiff
{
public:
    enum class Kind { Same, Removed, Added, Skipped };
    struct Line
    {
        Kind kind = Kind::Same;
        QString text; // Skipped: how many unchanged lines were left out
        int skipped = 0;
    };

    static QList<Line> diff(const QStringList& before, const QStringList& after);
    // Keeps `context` unchanged lines around each change; longer unchanged runs become one
    // Skipped line.
    static QList<Line> collapse(const QList<Line>& lines, int context = 3);
};

} // namespace unstuck::ui
