// SPDX-License-Identifier: GPL-3.0-or-later
// One piece of evidence in the inspector: the decisive value is known at once, the raw answer is
// laid out only when asked for, with that value highlighted.
#include "ui/EvidenceView.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTest>
#include <QToolButton>

using namespace unstuck;
using namespace unstuck::ui;
using namespace Qt::StringLiterals;

class TestEvidenceView : public QObject
{
    Q_OBJECT

    static Evidence ramDecision()
    {
        Evidence e;
        e.title = u"Policy statement"_s;
        e.request = u"ram:GetPolicy PolicyName=p"_s;
        e.field = u"Statement[0].Effect"_s;
        e.value = u"deny"_s;
        e.raw =
            u"{\n  \"Statement\": [\n    {\"Action\": \"vpc:*\", \"Effect\": \"Deny\"}\n  ]\n}"_s;
        e.command = u"aliyun ram GetPolicy --PolicyName p"_s;
        return e;
    }

private Q_SLOTS:
    void rawAnswer_isBuiltWhenAskedFor()
    {
        EvidenceView view(ramDecision());
        // Found as the text view would find it (ignoring case), before any view exists.
        QCOMPARE(view.highlightedText(), u"Deny"_s);
        QVERIFY(!view.rawView());
        auto* toggle = view.findChild<QToolButton*>(u"toggleRaw"_s);
        QVERIFY(toggle && !toggle->isHidden());
        toggle->setChecked(true);
        QPlainTextEdit* raw = view.rawView();
        QVERIFY(raw);
        QCOMPARE(raw->toPlainText(), ramDecision().raw);
        QVERIFY(!raw->isHidden());
        QCOMPARE(raw->extraSelections().size(), 1);
        QCOMPARE(raw->extraSelections().first().cursor.selectedText(), u"Deny"_s);
        toggle->setChecked(false);
        QCOMPARE(view.rawView(), raw);
        QVERIFY(raw->isHidden());
    }

    void noRawAnswer_noToggle()
    {
        Evidence e = ramDecision();
        e.raw.clear();
        EvidenceView view(e);
        QVERIFY(view.highlightedText().isEmpty());
        QVERIFY(view.findChild<QToolButton*>(u"toggleRaw"_s)->isHidden());
    }

    void valueMissingFromTheAnswer_fieldNameIsHighlighted()
    {
        Evidence e = ramDecision();
        e.value = u"Allow"_s;
        EvidenceView view(e);
        QCOMPARE(view.highlightedText(), u"Effect"_s);
    }
};

QTEST_MAIN(TestEvidenceView)
#include "tst_evidenceview.moc"
