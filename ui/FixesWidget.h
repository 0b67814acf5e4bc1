// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QVBoxLayout;

namespace unstuck::ui {

// Preview of the recommended fixes, deepest first: title, why, risk, steps, undo. Each row's
// Fix… button asks for the guided fix wizard (ui/fix); nothing is applied from here.
class FixesWidget : public QWidget
{
    Q_OBJECT
public:
    explicit FixesWidget(QWidget* parent = nullptr);
    void setFixes(const QList<FixPlan>& fixes);
    int planCount() const { return int(m_wanted.size()); }
    // Fixes need a live connection: a capture bundle or pasted text shows why they cannot run.
    void setFixingEnabled(bool enabled, const QString& whyNot = {});

Q_SIGNALS:
    void fixRequested(const QString& fixId);
    // The pointer is over a fix's row (appliesTo: the card or link it acts on), or left it ("").
    void fixHovered(const QString& appliesTo);

protected:
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool isHiddenTab() const;
    void showFixes(const QList<FixPlan>& fixes);
    void rebuild();
    void updateIntro();
    QGroupBox* planWidget(const FixPlan& plan);
    static void setHeading(QGroupBox* box, const FixPlan& plan, int index);
    static QLabel* wrappingLabel(const QString& html, QWidget* parent);
    void addSteps(QVBoxLayout* layout, const QString& heading, const QList<FixStep>& steps,
                  QWidget* parent);
    void addStepRows(QWidget* list, const QList<FixStep>& steps, int from);

    QList<FixPlan> m_wanted;     // the latest plans; shown once the tab is
    QList<FixPlan> m_fixes;      // the plans the rows show
    QList<QGroupBox*> m_rows;    // one per plan, in m_fixes' order
    bool m_rowsBehind = false;   // m_wanted differs from m_fixes: diff on show
    bool m_rowsOutdated = false; // language or fixing changed: build every row again on show
    bool m_fixing = true;
    QString m_whyNot;
    QLabel* m_intro;
    QWidget* m_box;
    QVBoxLayout* m_boxLayout;
};

} // namespace unstuck::ui
