// SPDX-License-Identifier: GPL-3.0-or-later
// The human-readable exports: terminal text (with and without colour), Markdown and the
// self-contained HTML report that embeds the GUI's SVG graph.
#include "diagnosis/FakeWorld.h"
#include "models/common/Redactor.h"
#include "models/engine/DiagnosisEngine.h"
#include "models/writers/ReportWriter.h"

#include <QSignalSpy>
#include <QTest>

using namespace unstuck;

class TestReportWriter : public QObject
{
    Q_OBJECT

    DiagnosisResult m_seed;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<DiagnosisResult>();
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        engine.start({}, std::make_unique<test::FakeWorld>(test::WorldOptions{}));
        QVERIFY(finished.wait(10000));
        m_seed = finished.first().first().value<DiagnosisResult>();
        QVERIFY(m_seed.rootCause.has_value());
    }

    void text_withoutColour_hasNoEscapeCodes_andNamesTheRootCause()
    {
        const QString text = ReportWriter::text(m_seed, false);
        QVERIFY(!text.contains(QLatin1Char('\x1b')));
        QVERIFY(text.contains(QStringLiteral("Root cause: ")));
        QVERIFY(text.contains(QStringLiteral("aliyun ram CreatePolicyVersion")));
        QVERIFY(text.contains(QStringLiteral("tobedeletedb")));
    }

    void text_withColour_paintsTheFailures()
    {
        QVERIFY(ReportWriter::text(m_seed, true).contains(QStringLiteral("\x1b[1;31m")));
    }

    void markdown_hasTablesEvidenceAndBothNarratives()
    {
        const QString md = ReportWriter::markdown(m_seed);
        QVERIFY(md.startsWith(QStringLiteral("# Unstuck diagnosis")));
        QVERIFY(md.contains(QStringLiteral("| component | state | summary |")));
        QVERIFY(md.contains(QStringLiteral("`route-controller→ram-policy` | broken")));
        QVERIFY(md.contains(QStringLiteral("see it: `kubectl")));
        QVERIFY(md.contains(m_seed.narrativeZh.section(QLatin1Char('\n'), 0, 0)));
    }

    void html_embedsTheSvg_andEscapesText()
    {
        DiagnosisResult r = m_seed;
        r.components.first().summary = QStringLiteral("<script>alert(1)</script>");
        const QString html = ReportWriter::html(r, QStringLiteral("<svg id=\"graph\"></svg>"));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<svg id=\"graph\"></svg>")));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
    }

    void secrets_neverReachAReport()
    {
        DiagnosisResult r = m_seed;
        const QString secret = QStringLiteral("SuperSecretKey123456");
        Redactor::registerSecret(secret);
        r.components.first().evidence.first().value = QStringLiteral("key=") + secret;
        r.narrativeEn += secret;
        QVERIFY(!ReportWriter::markdown(r).contains(secret));
        QVERIFY(!ReportWriter::html(r).contains(secret));
        QVERIFY(!ReportWriter::text(r, false).contains(secret));
    }
};

QTEST_GUILESS_MAIN(TestReportWriter)
#include "tst_report_writer.moc"
