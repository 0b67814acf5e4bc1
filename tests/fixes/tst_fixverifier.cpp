// SPDX-License-Identifier: GPL-3.0-or-later
// FixVerifier against the in-process simulator: between diagnoses it reads only the facts the
// fixes can change, and "healed" is only ever said by a diagnosis that finds no root cause and
// the stuck namespaces gone, never by the facts alone.
#include "FixTestSupport.h"

#include "models/engine/FixVerifier.h"
#include "models/sim/KubeStore.h"

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

using Watched = FixVerifier::WatchedFact;

Watched fact(const QString& key, const QStringList& healed, bool isNamespace = false)
{
    Watched w;
    w.fact.key = key;
    w.healed = healed;
    w.isNamespace = isNamespace;
    return w;
}

QStringList messages(const QSignalSpy& progress)
{
    QStringList out;
    for (const QList<QVariant>& args : progress)
        out << args.first().value<Bilingual>().en;
    return out;
}

// Sends the RAM fix's write (the Deny turned to Allow) as `fix apply` would.
bool applyRamFix(SimFixture& sim)
{
    const auto fix = sim.prepare(u"ram-policy-allow"_s);
    if (!fix || fix->writes.isEmpty())
        return false;
    std::optional<FixResponse> answer;
    QObject receiver;
    sim.transport->send(fix->writes.first().request, fix->fixId, &receiver,
                        [&](const FixResponse& r) { answer = r; });
    return QTest::qWaitFor([&] { return answer.has_value(); }, 15000) && answer->ok();
}

struct Verify
{
    FixVerifier verifier;
    QSignalSpy finished{&verifier, &FixVerifier::finished};
    QSignalSpy progress{&verifier, &FixVerifier::progress};
    QSignalSpy rediagnosed{&verifier, &FixVerifier::rediagnosed};

    Verify(SimFixture& sim) : verifier(sim.request, *sim.transport) {}
    bool run(const DiagnosisResult& before, int timeoutMs)
    {
        verifier.start(before, timeoutMs, 100);
        return finished.wait(timeoutMs + 60000);
    }
    bool healed() const { return finished.first().at(0).toBool(); }
    QStringList stillRed() const { return finished.first().at(2).toStringList(); }
};

} // namespace

class TstFixVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void looksHealed_data()
    {
        QTest::addColumn<QList<Watched>>("watch");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<bool>("expected");
        const QString gone = QString::fromLatin1(StateFact::kAbsent);
        const Watched route = fact(u"route entry 172.16.1.0/24"_s, {u"Available"_s});
        const Watched api =
            fact(u"APIService v1beta1.metrics.k8s.io Available"_s, {u"True"_s, gone});
        const Watched ns = fact(u"namespace tobedeletedb"_s, {gone}, true);
        QTest::newRow("namespace still there")
            << QList<Watched>{route, api, ns}
            << QStringList{u"Available"_s, u"True"_s, u"Terminating"_s} << false;
        QTest::newRow("namespace gone: the diagnosis says the rest")
            << QList<Watched>{route, api, ns} << QStringList{u"Pending"_s, u"True"_s, gone} << true;
        QTest::newRow("no namespace: every fact healed")
            << QList<Watched>{route, api} << QStringList{u"Available"_s, gone} << true;
        QTest::newRow("no namespace: one fact short")
            << QList<Watched>{route, api} << QStringList{u"Pending"_s, u"True"_s} << false;
        QTest::newRow("nothing watched: only a diagnosis can tell")
            << QList<Watched>{} << QStringList{} << false;
    }
    void looksHealed()
    {
        QFETCH(QList<Watched>, watch);
        QFETCH(QStringList, values);
        QFETCH(bool, expected);
        QCOMPARE(FixVerifier::looksHealed(watch, values), expected);
    }

    void seedWatch_isTheRouteTheApiServiceAndTheNamespace()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        QStringList keys;
        for (const Watched& w : FixVerifier::watchFacts(sim.diagnosis))
            keys << w.fact.key;
        QVERIFY2(keys.contains(u"APIService v1beta1.metrics.k8s.io Available"_s),
                 qPrintable(keys.join(u", "_s)));
        QVERIFY2(keys.contains(u"namespace tobedeletedb"_s), qPrintable(keys.join(u", "_s)));
        QVERIFY2(keys.filter(u"route entry "_s).size() == 1, qPrintable(keys.join(u", "_s)));
    }

    void afterTheRamFix_factsAreReadBetweenDiagnoses_andADiagnosisSaysHealed()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(applyRamFix(sim));
        Verify verify(sim);
        QVERIFY(verify.run(sim.diagnosis, 120000));
        QVERIFY2(verify.healed(), qPrintable(verify.stillRed().join(u'\n')));
        // The route's way from none to Available is named as the facts show it…
        const QStringList said = messages(verify.progress);
        QVERIFY2(said.filter(u"route entry 172.16.1.0/24: "_s).size() >= 2,
                 qPrintable(said.join(u'\n')));
        QVERIFY2(said.contains(u"namespace tobedeletedb: Terminating → gone"_s),
                 qPrintable(said.join(u'\n')));
        // …most rounds read those facts only, and the last diagnosis is the healthy one.
        QVERIFY(verify.verifier.diagnoses() >= 1);
        QVERIFY2(verify.verifier.rounds() > verify.verifier.diagnoses(),
                 qPrintable(u"%1 rounds, %2 diagnoses"_s.arg(verify.verifier.rounds())
                                .arg(verify.verifier.diagnoses())));
        QCOMPARE(verify.rediagnosed.size(), verify.verifier.diagnoses());
        const auto last = verify.rediagnosed.last().first().value<DiagnosisResult>();
        QVERIFY(!last.rootCause);
        QVERIFY(last.namespaces.isEmpty());
    }

    void followingTheChain_diagnosesAsTheFactsMove_soAGraphTurnsGreenStepByStep()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(applyRamFix(sim));
        Verify verify(sim);
        verify.verifier.setFollowsChain(true);
        QVERIFY(verify.run(sim.diagnosis, 120000));
        QVERIFY2(verify.healed(), qPrintable(verify.stillRed().join(u'\n')));
        // The first diagnosis comes at once, while the namespace is still stuck; the last is green.
        QVERIFY(verify.rediagnosed.size() >= 2);
        const auto first = verify.rediagnosed.first().first().value<DiagnosisResult>();
        QVERIFY(!first.namespaces.isEmpty());
        const auto last = verify.rediagnosed.last().first().value<DiagnosisResult>();
        QVERIFY(!last.rootCause && last.namespaces.isEmpty());
    }

    void namespaceGone_whileRamStillDenies_isNotHealed()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        // The namespace disappears (someone force-finalized it), but the cause is still there:
        // the facts look healed, the diagnosis still finds the RAM Deny.
        QVERIFY(sim.server->world().kube().remove(u"namespaces"_s, {}, u"tobedeletedb"_s));
        Verify verify(sim);
        QVERIFY(verify.run(sim.diagnosis, 1500));
        QVERIFY(!verify.healed());
        QVERIFY2(!verify.stillRed().filter(u"ram-policy"_s).isEmpty(),
                 qPrintable(verify.stillRed().join(u'\n')));
        QVERIFY(verify.verifier.diagnoses() >= 1);
        QVERIFY(!messages(verify.progress).join(u'\n').contains(u"healed:"_s));
    }

    void unreadableFacts_fallBackToADiagnosisEveryRound()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        FakeTransport broken; // every read answers 503: no fact can be read
        broken.on(QString(), failure(503, u"http"_s, {}, u"unavailable"_s));
        FixVerifier verifier(sim.request, broken);
        QSignalSpy finished(&verifier, &FixVerifier::finished);
        verifier.start(sim.diagnosis, 1000, 100);
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.first().first().toBool());
        QCOMPARE(verifier.diagnoses(), verifier.rounds());
    }
};

QTEST_GUILESS_MAIN(TstFixVerifier)
#include "tst_fixverifier.moc"
