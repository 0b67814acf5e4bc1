// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace unstuck::ui {

// One piece of evidence: what was asked, the decisive field of the answer (highlighted), when,
// the raw answer, and the command to see it yourself.
class EvidenceView : public QFrame
{
    Q_OBJECT
public:
    explicit EvidenceView(const Evidence& evidence, QWidget* parent = nullptr);
    // The raw answer's view: null until "Raw answer" is first pressed.
    QPlainTextEdit* rawView() const { return m_raw; }
    // The text range of the raw answer that is highlighted as decisive (empty when none).
    QString highlightedText() const { return m_highlighted; }
    // The answer row as shown: "field = value", or what is missing when the value is empty.
    QString answerHtml() const;
    // Evidence.source ("live", "bundle:<file>", "paste:<files>") for people.
    static QString sourceText(const QString& source);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showRaw(bool on);
    void findDecisive();
    void highlightDecisive();

    Evidence m_evidence;
    QLabel* m_title;
    QLabel* m_details;
    QToolButton* m_toggleRaw;
    QPlainTextEdit* m_raw = nullptr;
    QString m_highlighted;
    int m_highlightAt = -1; // where m_highlighted starts in the raw answer
};

} // namespace unstuck::ui
