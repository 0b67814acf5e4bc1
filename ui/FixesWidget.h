// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace unstuck::ui {

// Preview of the recommended fixes, deepest first: title, why, risk, steps, undo. Nothing is
// applied from here.
class FixesWidget : public QWidget
{
    Q_OBJECT
public:
    explicit FixesWidget(QWidget* parent = nullptr);
    void setFixes(const QList<FixPlan>& fixes);
    int planCount() const { return int(m_fixes.size()); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    QWidget* planWidget(const FixPlan& plan, int index);
    static QLabel* wrappingLabel(const QString& html, QWidget* parent);
    void addSteps(QVBoxLayout* layout, const QString& heading, const QList<FixStep>& steps,
                  QWidget* parent);

    QList<FixPlan> m_fixes;
    QLabel* m_intro;
    QWidget* m_box;
    QVBoxLayout* m_boxLayout;
};

} // namespace unstuck::ui
