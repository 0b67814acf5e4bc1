// SPDX-License-Identifier: GPL-3.0-or-later
// Every sentence the GUI shows from the engine exists in Simplified Chinese too: verdict
// summaries, the root cause, evidence titles and fixes, for the seed incident and for the
// other simulator scenarios (unknown reasons, extra causes, a healthy cluster).
#include "diagnosis/ScenarioDiagnosis.h"
#include "models/engine/DiagnosisEngine.h"
#include "models/writers/ReportWriter.h"
#include "models/writers/ResultJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;

class TestBilingual : public QObject
{
    Q_OBJECT

    static std::optional<DiagnosisResult> diagnose(const QString& scenario, bool noCloud = false)
    {
        return test::diagnoseScenario(scenario, noCloud);
    }

    static bool hasCjk(const QString& text)
    {
        for (const QChar c : text)
            if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
                return true;
        return false;
    }

    // Every summary, evidence title and fix sentence has a Chinese text with Chinese in it.
    static QStringList untranslated(const DiagnosisResult& r)
    {
        QStringList missing;
        auto check = [&missing](const QString& where, const QString& en, const QString& zh) {
            if (!en.isEmpty() && !hasCjk(zh))
                missing << QStringLiteral("%1: \"%2\" → \"%3\"").arg(where, en, zh);
        };
        auto checkEvidence = [&check](const QString& where, const QList<Evidence>& list) {
            for (const Evidence& e : list)
                check(where + QStringLiteral(" evidence"), e.title, e.titleZh);
        };
        for (const ComponentVerdict& c : r.components) {
            check(c.id, c.summary, c.summaryZh);
            checkEvidence(c.id, c.evidence);
        }
        for (const LinkVerdict& l : r.links) {
            check(l.id(), l.summary, l.summaryZh);
            checkEvidence(l.id(), l.evidence);
        }
        if (r.rootCause)
            check(QStringLiteral("root cause"), r.rootCause->summary, r.rootCause->summaryZh);
        for (const FixPlan& f : r.fixes) {
            check(f.id + QStringLiteral(" title"), f.title, f.titleZh);
            check(f.id + QStringLiteral(" why"), f.why, f.whyZh);
            check(f.id + QStringLiteral(" risk"), f.risk, f.riskZh);
            check(f.id + QStringLiteral(" verify"), f.verify, f.verifyZh);
            for (const auto* steps : {&f.preflight, &f.steps, &f.undo})
                for (const FixStep& s : *steps)
                    check(f.id + QStringLiteral(" step"), s.description, s.descriptionZh);
        }
        return missing;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DiagnosisResult>(); }

    void seed_everySentenceHasChinese_rootCauseNamesThePolicy()
    {
        const auto r = diagnose(QStringLiteral("seed"));
        QVERIFY(r);
        QVERIFY(r->rootCause);
        QCOMPARE(r->rootCause->component, QString::fromLatin1(ids::RamPolicy));
        QVERIFY(r->components.size() >= 6);
        for (const ComponentVerdict& c : r->components)
            QVERIFY2(!c.summaryZh.isEmpty() && hasCjk(c.summaryZh), qPrintable(c.id));
        for (const LinkVerdict& l : r->links)
            QVERIFY2(!l.summaryZh.isEmpty() && hasCjk(l.summaryZh), qPrintable(l.id()));
        QVERIFY(!r->fixes.isEmpty());
        for (const FixPlan& f : r->fixes)
            QVERIFY2(!f.titleZh.isEmpty() && hasCjk(f.titleZh), qPrintable(f.id));
        const QStringList missing = untranslated(*r);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));

        // The root cause in Chinese names the RAM policy and the policy that denies.
        const QString zh = r->rootCause->summaryZh;
        QVERIFY2(zh.contains(QStringLiteral("RAM 策略")), qPrintable(zh));
        const ComponentVerdict* ram = r->component(QString::fromLatin1(ids::RamPolicy));
        QVERIFY(ram && !ram->evidence.isEmpty());
        QVERIFY2(ram->evidence.first().request.contains(QStringLiteral("ram:GetPolicy")),
                 qPrintable(ram->evidence.first().request));
        const QString policy = ram->evidence.first()
                                   .request.section(QStringLiteral("PolicyName="), 1)
                                   .section('&', 0, 0);
        QVERIFY(!policy.isEmpty());
        QVERIFY2(zh.contains(policy), qPrintable(zh + QStringLiteral(" / ") + policy));
        // The decisive RAM decision (highlighted in the inspector) reads in Chinese too.
        const Evidence& decisive = ram->evidence.first();
        QVERIFY2(decisive.value.contains(QStringLiteral("explicitly denied")),
                 qPrintable(decisive.value));
        QVERIFY2(decisive.valueZh.contains(QStringLiteral("显式拒绝")) &&
                     decisive.valueZh.contains(policy),
                 qPrintable(decisive.valueZh));
        // The English text did not change: it still names the role and the denied actions.
        QVERIFY(r->rootCause->summary.startsWith(QStringLiteral("Role ")));
        QVERIFY(r->rootCause->summary.contains(QStringLiteral("an explicit Deny blocks")));
        // The Chinese narrative quotes the Chinese root cause.
        QVERIFY2(r->narrativeZh.contains(zh), qPrintable(r->narrativeZh));

        // JSON: the Chinese sits next to the English, additively.
        const QJsonObject json = ResultJson::toJson(*r);
        QCOMPARE(json.value(QStringLiteral("schemaVersion")).toInt(), 1);
        const QJsonObject root = json.value(QStringLiteral("rootCause")).toObject();
        QCOMPARE(root.value(QStringLiteral("summary")).toString(), r->rootCause->summary);
        QCOMPARE(root.value(QStringLiteral("summaryZh")).toString(), zh);
        const QJsonObject fix = json.value(QStringLiteral("fixes")).toArray().first().toObject();
        QVERIFY(hasCjk(fix.value(QStringLiteral("titleZh")).toString()));
        QVERIFY(hasCjk(fix.value(QStringLiteral("steps"))
                           .toArray()
                           .first()
                           .toObject()
                           .value(QStringLiteral("descriptionZh"))
                           .toString()));

        // Reports in Chinese use the Chinese sentences; English reports stay English.
        const QString md = ReportWriter::markdown(*r, Language::Chinese);
        QVERIFY(md.contains(QStringLiteral("根因：") + zh));
        QVERIFY(md.contains(r->fixes.first().titleZh));
        const QString html = ReportWriter::html(*r, {}, Language::Chinese);
        QVERIFY(html.contains(QStringLiteral("lang=\"zh-Hans\"")));
        QVERIFY(html.contains(r->fixes.first().titleZh.toHtmlEscaped()));
        const QString english = ReportWriter::markdown(*r);
        QVERIFY(english.contains(QStringLiteral("Root cause: ") + r->rootCause->summary));
        QVERIFY(english.contains(QStringLiteral("| component | state | summary |")));
        QVERIFY(!english.contains(QStringLiteral("根因：") + zh));
    }

    void otherScenarios_everySentenceHasChinese_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("noCloud");
        for (const char* s :
             {"healthy", "backend-down", "stale-apiservice", "custom-aggregated-api",
              "finalizers-remaining", "webhook-blocks-delete"})
            QTest::newRow(s) << QString::fromLatin1(s) << false;
        QTest::newRow("no-cloud-credentials") << QStringLiteral("no-cloud-credentials") << false;
        QTest::newRow("seed --no-cloud") << QStringLiteral("seed") << true;
    }

    void otherScenarios_everySentenceHasChinese()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, noCloud);
        const auto r = diagnose(scenario, noCloud);
        QVERIFY(r);
        QVERIFY2(r->complete, qPrintable(r->error));
        const QStringList missing = untranslated(*r);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestBilingual)
#include "tst_bilingual.moc"
