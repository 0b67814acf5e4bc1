// SPDX-License-Identifier: GPL-3.0-or-later
// The probe timeline under a stream of probes: while its tab is hidden the chart waits, and it
// shows every probe as soon as it is shown or the run finishes.
#include "ui/ProbeTimelineChart.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QTest>

using namespace unstuck;
using namespace unstuck::ui;
using namespace Qt::StringLiterals;

class TestProbeTimeline : public QObject
{
    Q_OBJECT

    static int rows(ProbeTimelineChart& chart)
    {
        for (QAbstractAxis* axis : chart.chart()->axes(Qt::Vertical))
            if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis))
                return int(categories->count());
        return 0;
    }

    static void feed(ProbeTimelineChart& chart, int count)
    {
        for (int i = 1; i <= count; ++i) {
            chart.probeStarted(i, Bilingual{u"probe %1"_s.arg(i), {}});
            chart.probeFinished(i, i != 2, u"done"_s);
        }
    }

private Q_SLOTS:
    void hidden_waitsUntilShown()
    {
        ProbeTimelineChart chart;
        chart.reset();
        feed(chart, 3);
        QTest::qWait(300); // past the coalescing interval
        QCOMPARE(rows(chart), 0);
        QCOMPARE(chart.probeCount(), 3);
        QCOMPARE(chart.failedCount(), 1);
        chart.show();
        QCOMPARE(rows(chart), 3);
    }

    void hidden_finish_showsEveryProbe()
    {
        ProbeTimelineChart chart;
        chart.reset();
        feed(chart, 4);
        chart.finish();
        QCOMPARE(rows(chart), 4);
    }

    void shown_followsTheProbes()
    {
        ProbeTimelineChart chart;
        chart.show();
        chart.reset();
        feed(chart, 2);
        QTRY_COMPARE(rows(chart), 2);
    }
};

QTEST_MAIN(TestProbeTimeline)
#include "tst_probetimeline.moc"
