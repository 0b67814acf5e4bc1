// SPDX-License-Identifier: GPL-3.0-or-later
// The Fixes tab under partial results: a plan whose row is already shown keeps its row (only
// renumbered when a plan is inserted above it); a changed plan gets a new row.
#include "ui/FixesWidget.h"

#include "ui/CommandRow.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace unstuck;
using namespace unstuck::ui;
using namespace Qt::StringLiterals;

class TestFixesWidget : public QObject
{
    Q_OBJECT

    static FixPlan plan(const QString& id, const QString& why)
    {
        FixPlan p;
        p.id = id;
        p.appliesTo = id;
        p.title = u"Title of "_s + id;
        p.why = why;
        p.risk = u"low"_s;
        FixStep step;
        step.description = u"Do it"_s;
        step.method = u"PUT"_s;
        step.target = u"/x"_s;
        step.command = u"kubectl apply"_s;
        p.steps << step;
        return p;
    }

    static QList<QGroupBox*> rows(const FixesWidget& w)
    {
        return w.findChildren<QGroupBox*>(u"fixPlan"_s);
    }

    static QGroupBox* rowOf(const FixesWidget& w, const QString& id)
    {
        for (QGroupBox* box : rows(w))
            if (box->findChild<QPushButton*>(u"fixButton-"_s + id))
                return box;
        return nullptr;
    }

private Q_SLOTS:
    void samePlansAgain_keepTheirRows()
    {
        FixesWidget w;
        w.setFixes({plan(u"a"_s, u"why a"_s), plan(u"b"_s, u"why b"_s)});
        QGroupBox* a = rowOf(w, u"a"_s);
        QGroupBox* b = rowOf(w, u"b"_s);
        QVERIFY(a && b);
        w.setFixes({plan(u"a"_s, u"why a"_s), plan(u"b"_s, u"why b"_s)});
        QCOMPARE(rowOf(w, u"a"_s), a);
        QCOMPARE(rowOf(w, u"b"_s), b);
        QCOMPARE(rows(w).size(), 2);
        QCOMPARE(w.planCount(), 2);
    }

    void insertedPlan_renumbersTheRowsBelow()
    {
        FixesWidget w;
        w.setFixes({plan(u"a"_s, u"why a"_s)});
        QGroupBox* a = rowOf(w, u"a"_s);
        QVERIFY(a);
        QCOMPARE(a->accessibleName(), u"1. Title of a"_s);
        w.setFixes({plan(u"root"_s, u"why root"_s), plan(u"a"_s, u"why a"_s)});
        QCOMPARE(rowOf(w, u"a"_s), a);
        QCOMPARE(a->accessibleName(), u"2. Title of a"_s);
        QVERIFY(a->findChild<QLabel*>(u"fixTitle"_s)->text().contains(u"2. "_s));
        QCOMPARE(rowOf(w, u"root"_s)->accessibleName(), u"1. Title of root"_s);
        // The rows stand in the plans' order.
        const QList<QGroupBox*> shown = rows(w);
        QCOMPARE(shown.size(), 2);
        auto* layout = a->parentWidget()->layout();
        QVERIFY(layout->indexOf(rowOf(w, u"root"_s)) < layout->indexOf(a));
    }

    void changedOrDroppedPlan_replacesItsRow()
    {
        FixesWidget w;
        w.setFixes({plan(u"a"_s, u"why a"_s), plan(u"b"_s, u"why b"_s)});
        QGroupBox* a = rowOf(w, u"a"_s);
        w.setFixes({plan(u"a"_s, u"a better reason"_s)});
        QCOMPARE(rows(w).size(), 1);
        QVERIFY(rowOf(w, u"a"_s) != a);
        QVERIFY(!rowOf(w, u"b"_s));
        w.setFixes({});
        QVERIFY(rows(w).isEmpty());
        QCOMPARE(w.planCount(), 0);
    }

    void manySteps_allAppearInOrder()
    {
        // One step per stuck namespace: built a few per event-loop turn, all there in the end.
        FixPlan many = plan(u"namespace-finalize"_s, u"why"_s);
        many.steps.clear();
        for (int i = 0; i < 31; ++i) {
            FixStep step;
            step.description = u"Finalize ns-%1"_s.arg(i);
            step.command = u"kubectl finalize ns-%1"_s.arg(i);
            many.steps << step;
        }
        FixesWidget w;
        w.setFixes({many});
        QTRY_COMPARE(w.findChildren<CommandRow*>().size(), 31);
        QStringList commands;
        for (QLabel* label : w.findChildren<QLabel*>(u"commandText"_s))
            commands << label->toolTip();
        QCOMPARE(commands.first(), u"kubectl finalize ns-0"_s);
        QCOMPARE(commands.last(), u"kubectl finalize ns-30"_s);
        // Replaced before it was complete: the old row's remaining steps are never built.
        FixesWidget other;
        other.setFixes({many});
        other.setFixes({plan(u"b"_s, u"why b"_s)});
        QTest::qWait(50);
        QCOMPARE(other.findChildren<CommandRow*>().size(), 1);
    }

    void fixButton_ofAKeptRow_stillAsksForItsFix()
    {
        FixesWidget w;
        w.setFixes({plan(u"a"_s, u"why a"_s)});
        w.setFixes({plan(u"root"_s, u"why root"_s), plan(u"a"_s, u"why a"_s)});
        QSignalSpy asked(&w, &FixesWidget::fixRequested);
        auto* button = w.findChild<QPushButton*>(u"fixButton-a"_s);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), u"a"_s);
    }
};

QTEST_MAIN(TestFixesWidget)
#include "tst_fixeswidget.moc"
