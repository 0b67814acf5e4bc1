// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/LineDiff.h"

#include <vector>

namespace unstuck::ui {

namespace {

// Above this many cells the table would cost too much memory; the change is then shown as the
// whole old text removed and the whole new one added (still correct, only less precise).
constexpr qsizetype kMaxCells = 4'000'000;

QList<LineDiff::Line> wholesale(const QStringList& before, const QStringList& after)
{
    QList<LineDiff::Line> out;
    for (const QString& l : before)
        out.append({LineDiff::Kind::Removed, l});
    for (const QString& l : after)
        out.append({LineDiff::Kind::Added, l});
    return out;
}

} // namespace

QList<LineDiff::Line> LineDiff::diff(const QStringList& before, const QStringList& after)
{
    const qsizetype n = before.size(), m = after.size();
    if (n * m > kMaxCells)
        return wholesale(before, after);
    // lcs[i][j]: the longest common subsequence of before[i..] and after[j..].
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = before[i] == after[j] ? lcs[i + 1][j + 1] + 1
                                              : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QList<Line> out;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before[i] == after[j]) {
            out.append({Kind::Same, before[i]});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            // Removed first: a replaced line reads as "- old" then "+ new".
            out.append({Kind::Removed, before[i++]});
        } else {
            out.append({Kind::Added, after[j++]});
        }
    }
    return out;
}

QList<LineDiff::Line> LineDiff::collapse(const QList<Line>& lines, int context)
{
    const qsizetype n = lines.size();
    std::vector<bool> keep(n, false);
    for (qsizetype i = 0; i < n; ++i)
        if (lines[i].kind != Kind::Same)
            for (qsizetype k = std::max<qsizetype>(0, i - context);
                 k <= std::min(n - 1, i + context); ++k)
                keep[k] = true;
    QList<Line> out;
    int skipped = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (keep[i]) {
            if (skipped > 0)
                out.append({Kind::Skipped, {}, skipped});
            skipped = 0;
            out.append(lines[i]);
        } else {
            ++skipped;
        }
    }
    if (skipped > 0)
        out.append({Kind::Skipped, {}, skipped});
    return out;
}

} // namespace unstuck::ui
