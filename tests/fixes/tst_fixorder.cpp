// SPDX-License-Identifier: GPL-3.0-or-later
// Fixes follow the evidence: the recommended list starts at the root cause, names only targets the
// diagnosis shows failing, checks what nobody could see before writing to it, and has a fix for a
// conversion webhook that blocks content deletion (saved, guarded, undoable). Diagnosed from the
// real pasted captures and from simulated scenarios; the CRD the conversion fix reads is a fixture.
#include "FixTestSupport.h"

#include "models/fixes/ConversionWebhookFix.h"
#include "models/fixes/FixOrder.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

const QString kCrdPath =
    u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/challenges.acme.cert-manager.io"_s;

DiagnosisResult diagnoseFrom(const QString& path)
{
    DiagnosisRequest request;
    request.fromPath = path;
    DiagnosisEngine engine;
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    engine.start(request);
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<DiagnosisResult>();
}

QStringList fixIds(const DiagnosisResult& r)
{
    QStringList out;
    for (const FixPlan& f : r.fixes)
        out << f.id;
    return out;
}

const FixPlan* fixById(const DiagnosisResult& r, const QString& id)
{
    for (const FixPlan& f : r.fixes)
        if (f.id == id)
            return &f;
    return nullptr;
}

QString rootTarget(const DiagnosisResult& r)
{
    return r.rootCause->component.isEmpty() ? ids::link(r.rootCause->from, r.rootCause->to)
                                            : r.rootCause->component;
}

QJsonObject fixture(const QString& name)
{
    QFile f(QStringLiteral(UNSTUCK_FIXTURES "/fixes/") + name);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                       : QJsonObject();
}

std::optional<PreparedFix> prepareWith(const FixPlan& plan, FakeTransport& transport)
{
    std::optional<PreparedFix> out;
    QObject receiver;
    FixPreparer::prepare(plan, transport, {}, &receiver, [&](const PreparedFix& f) { out = f; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 5000);
    return out;
}

QJsonObject op(const QString& name, const QString& path, const QJsonValue& value)
{
    return {{u"op"_s, name}, {u"path"_s, path}, {u"value"_s, value}};
}

// Every recommended fix acts on something the evidence shows failing, workarounds come after
// every repair, and the force-finalize is last.
void checkFollowsTheEvidence(const DiagnosisResult& r)
{
    bool workaroundSeen = false;
    for (const FixPlan& f : r.fixes) {
        QVERIFY2(FixOrder::targetFailing(f, r), qPrintable(f.id + u" targets "_s + f.appliesTo));
        if (f.kind == u"workaround"_s)
            workaroundSeen = true;
        else if (f.kind == u"repair"_s)
            QVERIFY2(!workaroundSeen, qPrintable(f.id + u" comes after a workaround"_s));
    }
    if (r.fixes.size() > 1 && fixIds(r).contains(u"namespace-finalize"_s))
        QCOMPARE(r.fixes.last().id, u"namespace-finalize"_s);
}

} // namespace

class TstFixOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedCaptures_startAtTheRootCause_andFixTheConversionWebhook()
    {
        const DiagnosisResult r = diagnoseFrom(QStringLiteral(UNSTUCK_FIXTURES "/paste/captures"));
        QVERIFY(r.rootCause);
        QVERIFY(!r.fixes.isEmpty());
        QCOMPARE(r.fixes.first().appliesTo, rootTarget(r));
        QVERIFY2(fixIds(r).contains(QLatin1String(ConversionWebhookFix::kId)),
                 qPrintable(fixIds(r).join(u", "_s)));
        checkFollowsTheEvidence(r);
    }

    void conversionWebhookCapture_isDiagnosed_andItsFixNamesTheCrd()
    {
        const DiagnosisResult r = diagnoseFrom(QStringLiteral(
            UNSTUCK_FIXTURES
            "/paste/captures/12-content-failure-conversion-webhook-cert-manager.json"));
        QVERIFY(r.rootCause);
        QCOMPARE(r.rootCause->component, QString::fromLatin1(ids::Webhook));
        QCOMPARE(r.fixes.first().id, QLatin1String(ConversionWebhookFix::kId));
        const FixPlan& fix = r.fixes.first();
        QCOMPARE(fix.kind, u"repair"_s);
        QVERIFY(fix.title.contains(u"challenges.acme.cert-manager.io"_s));
        QVERIFY(!fix.titleZh.isEmpty());
        QCOMPARE(fix.preflight.size(), 1); // the SelfSubjectAccessReview for the patch
        QVERIFY(fix.preflight.first().body.contains(u"customresourcedefinitions"_s));
        QCOMPARE(fix.steps.first().method, u"GET"_s); // saved before it is changed
        QCOMPARE(fix.steps.last().method, u"PATCH"_s);
        QCOMPARE(fix.steps.last().target, kCrdPath);
        QVERIFY(!fix.undo.isEmpty());
        checkFollowsTheEvidence(r);
    }

    void conversionFix_isAGuardedPatch_savedForUndo()
    {
        const DiagnosisResult r = diagnoseFrom(QStringLiteral(
            UNSTUCK_FIXTURES
            "/paste/captures/12-content-failure-conversion-webhook-cert-manager.json"));
        const FixPlan* plan = fixById(r, QLatin1String(ConversionWebhookFix::kId));
        QVERIFY(plan);
        const QJsonObject crd = fixture(u"crd-challenges-conversion-webhook.json"_s);
        QVERIFY(!crd.isEmpty());
        FakeTransport transport;
        transport.on(u"GET "_s + kCrdPath, okJson(crd));
        const auto fix = prepareWith(*plan, transport);
        QVERIFY(fix);
        QVERIFY2(fix->error.isEmpty(), qPrintable(fix->error));
        QCOMPARE(fix->writes.size(), 1);
        const FixWrite& w = fix->writes.first();
        QCOMPARE(w.request.method, QByteArray("PATCH"));
        QVERIFY(w.request.path.startsWith(kCrdPath));
        QCOMPARE(w.access->verb, u"patch"_s);
        QCOMPARE(w.access->resource, u"customresourcedefinitions"_s);
        QCOMPARE(w.access->group, u"apiextensions.k8s.io"_s);
        const QJsonValue conversion = crd.value(u"spec"_s).toObject().value(u"conversion"_s);
        const QJsonArray ops = QJsonDocument::fromJson(w.request.body).array();
        QCOMPARE(ops.at(0).toObject(), op(u"test"_s, u"/metadata/resourceVersion"_s, u"48211"_s));
        QCOMPARE(ops.at(1).toObject(), op(u"test"_s, u"/spec/conversion"_s, conversion));
        const QJsonObject none{{u"strategy"_s, u"None"_s}};
        QCOMPARE(ops.at(2).toObject(), op(u"replace"_s, u"/spec/conversion"_s, none));
        QCOMPARE(w.after.toObject().value(u"spec"_s).toObject().value(u"conversion"_s), none);
        // The preview's diff is that change: the strategy becomes None, the webhook goes.
        const QJsonArray diff = w.diff();
        QCOMPARE(diff.size(), 2);
        QVERIFY2(diff.contains(op(u"replace"_s, u"/spec/conversion/strategy"_s, u"None"_s)),
                 QJsonDocument(diff).toJson().constData());
        QVERIFY(diff.contains(
            QJsonObject{{u"op"_s, u"remove"_s}, {u"path"_s, u"/spec/conversion/webhook"_s}}));
        // Undo puts the saved conversion back, only over the fix's own change.
        QCOMPARE(fix->undo.size(), 1);
        const QJsonArray back = QJsonDocument::fromJson(fix->undo.first().request.body).array();
        QCOMPARE(back.at(0).toObject().value(u"value"_s).toString(),
                 u"$response:1:metadata.resourceVersion"_s);
        QCOMPARE(back.at(1).toObject(), op(u"test"_s, u"/spec/conversion"_s, none));
        QCOMPARE(back.at(2).toObject(), op(u"replace"_s, u"/spec/conversion"_s, conversion));
        QVERIFY(fix->noUndo.isEmpty());
    }

    void conversionFix_whenTheCrdNoLongerUsesAWebhook_writesNothing()
    {
        const DiagnosisResult r = diagnoseFrom(QStringLiteral(
            UNSTUCK_FIXTURES
            "/paste/captures/12-content-failure-conversion-webhook-cert-manager.json"));
        const FixPlan* plan = fixById(r, QLatin1String(ConversionWebhookFix::kId));
        QVERIFY(plan);
        QJsonObject crd = fixture(u"crd-challenges-conversion-webhook.json"_s);
        QJsonObject spec = crd.value(u"spec"_s).toObject();
        spec.insert(u"conversion"_s, QJsonObject{{u"strategy"_s, u"None"_s}});
        crd.insert(u"spec"_s, spec);
        FakeTransport transport;
        transport.on(u"GET "_s + kCrdPath, okJson(crd));
        const auto fix = prepareWith(*plan, transport);
        QVERIFY(fix);
        QVERIFY(fix->error.contains(u"no longer converts through a webhook"_s));
        QVERIFY(fix->writes.isEmpty());
    }

    void crdName_comesFromDiscoveryWhenTheDiagnosisReadIt()
    {
        Findings f;
        Observation o;
        o.answer.json = QJsonObject{
            {u"resources"_s,
             QJsonArray{
                 QJsonObject{{u"name"_s, u"challenges/status"_s}, {u"kind"_s, u"Challenge"_s}},
                 QJsonObject{{u"name"_s, u"challengez"_s}, {u"kind"_s, u"Challenge"_s}}}}};
        f.groupVersions.insert(u"acme.cert-manager.io/v1alpha2"_s, o);
        QCOMPARE(ConversionWebhookFix::crdName(f, u"acme.cert-manager.io"_s, u"Challenge"_s),
                 u"challengez.acme.cert-manager.io"_s);
        QCOMPARE(ConversionWebhookFix::crdName({}, u"example.com"_s, u"Policy"_s),
                 u"policies.example.com"_s);
        QCOMPARE(ConversionWebhookFix::crdName({}, u"example.com"_s, u"Ingress"_s),
                 u"ingresses.example.com"_s);
    }

    void seed_startsWithTheRamFix_andDeletesNoApiServiceBeforeTheRepairs()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        const DiagnosisResult& r = sim.diagnosis;
        QCOMPARE(fixIds(r).first(), u"ram-policy-allow"_s);
        QVERIFY(fixIds(r).indexOf(u"route-controller-restart"_s) <
                fixIds(r).indexOf(u"apiservice-delete"_s));
        QVERIFY(fixIds(r).indexOf(u"vpc-route-create"_s) <
                fixIds(r).indexOf(u"apiservice-delete"_s));
        QCOMPARE(fixById(r, u"apiservice-delete"_s)->kind, u"workaround"_s);
        checkFollowsTheEvidence(r);
    }

    void noCloudCredentials_recommendsACheck_notAWrite()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"no-cloud-credentials"_s));
        const DiagnosisResult& r = sim.diagnosis;
        QVERIFY(r.rootCause);
        QVERIFY(!r.fixes.isEmpty());
        const FixPlan& first = r.fixes.first();
        QCOMPARE(first.id, u"ram-policy-check"_s);
        QCOMPARE(first.kind, u"check"_s);
        QVERIFY(first.title.contains(u"cloud credentials"_s));
        QVERIFY(!fixIds(r).contains(u"ram-policy-allow"_s));
        // Its errors say Forbidden.RAM: a restart cannot help while nobody can see the policy.
        QVERIFY(!fixIds(r).contains(u"route-controller-restart"_s));
        const auto fix = sim.prepare(u"ram-policy-check"_s);
        QVERIFY(fix);
        QVERIFY(fix->manual);
        QVERIFY(fix->writes.isEmpty());
        checkFollowsTheEvidence(r);
    }

    void routeMissing_restartActsOnTheBrokenLink_whenTheControllerLooksFine()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"route-missing"_s));
        const DiagnosisResult& r = sim.diagnosis;
        QCOMPARE(fixIds(r).first(), u"vpc-route-create"_s);
        const FixPlan* restart = fixById(r, u"route-controller-restart"_s);
        QVERIFY(restart);
        QCOMPARE(restart->appliesTo, ids::link(ids::RouteController, ids::VpcRouteTable));
        checkFollowsTheEvidence(r);
    }
};

QTEST_GUILESS_MAIN(TstFixOrder)
#include "tst_fixorder.moc"
