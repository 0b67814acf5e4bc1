// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace unstuck::ui {

// Shows what the engine concluded about one component or link: verdict, its step of the
// narrative, and every piece of evidence.
class InspectorWidget : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorWidget(QWidget* parent = nullptr);

    // Re-renders the current subject from a newer result (or clears when it vanished).
    void setResult(const DiagnosisResult& result);
    void inspect(const QString& id, bool isLink);
    void clear();
    QString subjectId() const { return m_id; }
    QString headline() const;
    int evidenceCount() const;

    // The paragraph of the narrative about this component (matched by id, label or object).
    static QString narrativeStep(const QString& narrative, const QStringList& keys);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void showComponent(const ComponentVerdict& c);
    void showLink(const LinkVerdict& l);
    void addEvidence(const QList<Evidence>& evidence);
    void clearEvidence();

    DiagnosisResult m_result;
    QString m_id;
    bool m_isLink = false;
    QLabel* m_title;
    QLabel* m_verdict;
    QLabel* m_narrativeHeading;
    QLabel* m_narrative;
    QLabel* m_evidenceHeading;
    QWidget* m_evidenceBox;
    QVBoxLayout* m_evidenceLayout;
};

} // namespace unstuck::ui
