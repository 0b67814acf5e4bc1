// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QWidget>

class QLabel;
class QPushButton;
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
    // The fix a Fix… button here opens: one acting on this card or link, else the root fix when
    // the subject is on the red path ("" = no button).
    QString fixId() const;
    void setFixingEnabled(bool enabled, const QString& whyNot = {});

    // The paragraph of the narrative about this component (matched by id, label or object).
    static QString narrativeStep(const QString& narrative, const QStringList& keys);

Q_SIGNALS:
    void fixRequested(const QString& fixId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void showComponent(const ComponentVerdict& c);
    void showLink(const LinkVerdict& l);
    void addEvidence(const QList<Evidence>& evidence);
    void clearEvidence();
    void updateFixButton();

    DiagnosisResult m_result;
    QString m_id;
    bool m_isLink = false;
    QLabel* m_title;
    QLabel* m_verdict;
    QPushButton* m_fix;
    bool m_fixing = true;
    QString m_whyNot;
    QLabel* m_narrativeHeading;
    QLabel* m_narrative;
    QLabel* m_evidenceHeading;
    QWidget* m_evidenceBox;
    QVBoxLayout* m_evidenceLayout;
};

} // namespace unstuck::ui
