// SPDX-License-Identifier: GPL-3.0-or-later
// One vocabulary for the product: every component has a name in English and Chinese, the JSON's
// state names are the vocabulary's, and a report calls each component what the story calls it.
#include "diagnosis/FakeWorld.h"
#include "diagnosis/ScenarioDiagnosis.h"
#include "models/engine/DiagnosisEngine.h"
#include "models/verdict/Vocabulary.h"
#include "models/writers/ReportWriter.h"
#include "models/writers/ResultJson.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace unstuck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(unstuck::Language)

namespace {

const QList<ComponentState> kComponentStates = {ComponentState::Healthy, ComponentState::Failing,
                                                ComponentState::Unknown,
                                                ComponentState::NotApplicable};
const QList<LinkState> kLinkStates = {LinkState::Ok, LinkState::Broken, LinkState::Unknown};

// A result whose only verdict is in `state`.
DiagnosisResult oneVerdict(ComponentState state)
{
    DiagnosisResult r;
    r.components << ComponentVerdict{.id = QString::fromLatin1(ids::ApiServer), .state = state};
    return r;
}

DiagnosisResult oneVerdict(LinkState state)
{
    DiagnosisResult r;
    r.links << LinkVerdict{.from = QString::fromLatin1(ids::ApiServer),
                           .to = QString::fromLatin1(ids::MetricsServer),
                           .state = state};
    return r;
}

// The "state" the JSON writer wrote for each of `states`.
template <typename State> QStringList writtenNames(const QList<State>& states)
{
    QStringList names;
    for (State state : states) {
        const QJsonObject json = ResultJson::toJson(oneVerdict(state));
        const QString array =
            json[u"components"_s].toArray().isEmpty() ? u"links"_s : u"components"_s;
        names << json[array].toArray().first()[u"state"_s].toString();
    }
    return names;
}

// The states those names stand for, read back as a reader of the JSON would (a name that
// stands for no state, or for several, ends the list).
template <typename State> QList<State> readBack(const QList<State>& all, const QStringList& names)
{
    QList<State> states;
    for (const QString& name : names) {
        QList<State> named;
        for (State state : all)
            if (vocabulary::stateName(state) == name)
                named << state;
        if (named.size() != 1)
            break;
        states << named.first();
    }
    return states;
}

// The component names a story uses: both ends of every numbered hop and the root cause.
QStringList namesInStory(const QString& story, Language language)
{
    const bool zh = language == Language::Chinese;
    const QRegularExpression hop(zh ? u"^\\d+\\. (.+) → (.+?)："_s : u"^\\d+\\. (.+) → (.+?): "_s);
    const QRegularExpression root(zh ? u"^根因（(.+?)）："_s : u"^Root cause \\((.+?)\\): "_s);
    QStringList names;
    for (const QString& line : story.split(QLatin1Char('\n'))) {
        if (const auto m = hop.match(line); m.hasMatch())
            names << m.captured(1) << m.captured(2);
        else if (const auto m = root.match(line); m.hasMatch())
            names << m.captured(1).remove(u"the link "_s).split(u" → "_s);
    }
    names.removeDuplicates();
    return names;
}

DiagnosisResult diagnoseSeed()
{
    DiagnosisEngine engine;
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    engine.start({}, std::make_unique<test::FakeWorld>(test::WorldOptions{}));
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<DiagnosisResult>();
}

} // namespace

class TestVocabulary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DiagnosisResult>(); }

    void everyComponent_hasAnEnglishAndAChineseName_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString& id : vocabulary::componentIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void everyComponent_hasAnEnglishAndAChineseName()
    {
        QFETCH(QString, id);
        const Bilingual label = vocabulary::componentLabel(id);
        QVERIFY(!label.en.isEmpty());
        QVERIFY(!label.zh.isEmpty());
        QCOMPARE(vocabulary::componentName(id, u"engine label"_s, Language::Chinese), label.zh);
        QCOMPARE(vocabulary::componentName(id, {}, Language::English), label.en);
    }

    void stableIds_areTheOnesTheVocabularyNames()
    {
        QStringList expected;
        for (const char* id :
             {ids::ApiServer, ids::MetricsServer, ids::NamespaceController, ids::RouteController,
              ids::VpcRouteTable, ids::RamPolicy, ids::Finalizers, ids::Webhook})
            expected << QString::fromLatin1(id);
        QCOMPARE(vocabulary::componentIds(), expected);
        QCOMPARE(ids::link(u"a"_s, u"b"_s), u"a→b"_s);
    }

    void unknownComponent_keepsTheEnginesLabel_thenItsId()
    {
        QVERIFY(vocabulary::componentLabel(u"some-new-cause"_s).isEmpty());
        QCOMPARE(vocabulary::componentName(u"some-new-cause"_s, u"Some cause"_s, Language::Chinese),
                 u"Some cause"_s);
        QCOMPARE(vocabulary::componentName(u"some-new-cause"_s, {}, Language::English),
                 u"some-new-cause"_s);
    }

    void componentStateNames_roundTripThroughTheJson()
    {
        const QStringList names = writtenNames(kComponentStates);
        QCOMPARE(names, (QStringList{u"healthy"_s, u"failing"_s, u"unknown"_s,
                                     u"not-applicable"_s})); // docs/diagnosis-json.md
        QCOMPARE(readBack(kComponentStates, names), kComponentStates);
    }

    void linkStateNames_roundTripThroughTheJson()
    {
        const QStringList names = writtenNames(kLinkStates);
        QCOMPARE(names, (QStringList{u"ok"_s, u"broken"_s, u"unknown"_s}));
        QCOMPARE(readBack(kLinkStates, names), kLinkStates);
    }

    void everyState_hasAnEnglishAndAChineseWord()
    {
        for (ComponentState state : kComponentStates)
            QVERIFY(!vocabulary::stateWord(state).en.isEmpty() &&
                    !vocabulary::stateWord(state).zh.isEmpty());
        for (LinkState state : kLinkStates)
            QVERIFY(!vocabulary::stateWord(state).en.isEmpty() &&
                    !vocabulary::stateWord(state).zh.isEmpty());
    }

    void everyLinkOfTheGraph_hasItsOwnRelation()
    {
        const QList<QPair<const char*, const char*>> graph = {
            {ids::NamespaceController, ids::ApiServer},
            {ids::ApiServer, ids::MetricsServer},
            {ids::MetricsServer, ids::VpcRouteTable},
            {ids::RouteController, ids::VpcRouteTable},
            {ids::RouteController, ids::RamPolicy}};
        QSet<QString> english, chinese;
        for (const auto& [from, to] : graph) {
            const Bilingual relation =
                vocabulary::relationLabel(QString::fromLatin1(from), QString::fromLatin1(to));
            english << relation.en;
            chinese << relation.zh;
        }
        QCOMPARE(english.size(), graph.size());
        QCOMPARE(chinese.size(), graph.size());
        const Bilingual toCause = vocabulary::relationLabel(
            QString::fromLatin1(ids::NamespaceController), QString::fromLatin1(ids::Finalizers));
        QCOMPARE(toCause.en, u"deletes content"_s);
        QCOMPARE(toCause.zh, u"删除内容"_s);
    }

    void report_namesComponentsAsTheStoryDoes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Language>("language");
        for (const char* scenario :
             {"seed", "finalizers-remaining", "webhook-blocks-delete", "custom-aggregated-api"}) {
            QTest::addRow("%s zh", scenario) << QString::fromLatin1(scenario) << Language::Chinese;
            QTest::addRow("%s en", scenario) << QString::fromLatin1(scenario) << Language::English;
        }
    }

    void report_namesComponentsAsTheStoryDoes()
    {
        QFETCH(QString, scenario);
        QFETCH(Language, language);
        // The seed incident without a simulator; the other paths through the simulated world.
        const std::optional<DiagnosisResult> r =
            scenario == u"seed"_s ? diagnoseSeed() : test::diagnoseScenario(scenario);
        QVERIFY(r && r->rootCause);
        const QString story = language == Language::Chinese ? r->narrativeZh : r->narrativeEn;
        const QStringList names = namesInStory(story, language);
        QVERIFY2(names.size() >= 2, qPrintable(story));
        const QString markdown = ReportWriter::markdown(*r, language);
        const QString html = ReportWriter::html(*r, {}, language);
        for (const QString& name : names) {
            QVERIFY2(markdown.contains(u"| %1 (`"_s.arg(name)), qPrintable(name));
            QVERIFY2(html.contains(u"<tr><td>%1</td>"_s.arg(name.toHtmlEscaped())),
                     qPrintable(name));
        }
        // And those are the names the graph's cards show: the vocabulary's, except the backend
        // of another aggregated API than metrics, named after itself (issue 12: not "Metrics
        // Server" for kubevirt's virt-api).
        for (const ComponentVerdict& c : r->components)
            if (r->redPath.contains(c.id))
                QVERIFY2(names.contains(vocabulary::componentName(c.id, c.label, language)),
                         qPrintable(c.id + u": "_s + names.join(u", "_s)));
        if (scenario == u"custom-aggregated-api"_s) {
            QVERIFY2(!names.contains(vocabulary::componentLabel(ids::MetricsServer).in(language)),
                     qPrintable(names.join(u", "_s)));
        }
    }

    void aggregatedBackend_isNamedAfterTheFailingApiServicesBackend()
    {
        const QString metrics = QString::fromLatin1(ids::MetricsServer);
        const QString virt =
            vocabulary::backendLabel(u"virt-api"_s, u"subresources.kubevirt.io/v1"_s);
        QCOMPARE(virt, u"virt-api (backend of subresources.kubevirt.io/v1)"_s); // JSON "label"
        QCOMPARE(vocabulary::componentName(metrics, virt, Language::English), u"virt-api"_s);
        QCOMPARE(vocabulary::componentName(metrics, virt, Language::Chinese), u"virt-api"_s);
        // metrics-server itself keeps its name.
        QCOMPARE(vocabulary::componentName(metrics, u"Metrics Server"_s, Language::English),
                 u"Metrics Server"_s);
        QCOMPARE(vocabulary::componentName(metrics, u"Metrics Server"_s, Language::Chinese),
                 vocabulary::componentLabel(metrics).zh);
    }
};

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
