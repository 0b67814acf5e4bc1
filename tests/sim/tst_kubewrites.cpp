// SPDX-License-Identifier: GPL-3.0-or-later
// What the simulated API server does to writes, as a client sees it: server-side dry runs that
// check everything and keep nothing, dryRun values it refuses, field managers in managedFields,
// 409 for a stale resourceVersion or a failed precondition, 422 for a failed JSON Patch test.
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"
#include "sim/SimKubeClient.h"

#include <QJsonArray>
#include <QTest>

using namespace unstuck::sim;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject metaOf(const QJsonObject& o)
{
    return o.value(u"metadata"_s).toObject();
}

QString rvOf(const QJsonObject& o)
{
    return metaOf(o).value(u"resourceVersion"_s).toString();
}

const QByteArray kMerge = "application/merge-patch+json";
const QByteArray kJsonPatch = "application/json-patch+json";

} // namespace

class TestKubeWrites : public QObject
{
    Q_OBJECT

private:
    // A world whose controllers are stopped: every resourceVersion bump comes from the test.
    static void freeze(Sim& sim) { sim.server->world().stop(); }

    static qint64 storeVersion(Sim& sim) { return sim.server->world().kube().resourceVersion(); }

private Q_SLOTS:
    void dryRunCreateKeepsNothing()
    {
        Sim sim(u"healthy"_s);
        QVERIFY(sim.ok);
        freeze(sim);
        const qint64 before = storeVersion(sim);
        const Answer created = sim.request("POST", u"/api/v1/namespaces?dryRun=All"_s,
                                           R"({"metadata":{"name":"dry"}})");
        QCOMPARE(created.status, 201);
        const QJsonObject ns = created.json();
        QCOMPARE(metaOf(ns).value(u"name"_s).toString(), u"dry"_s);
        QVERIFY(!metaOf(ns).value(u"uid"_s).toString().isEmpty());
        QVERIFY(rvOf(ns).isEmpty()); // storage never saw it
        QCOMPARE(ns.value(u"status"_s).toObject().value(u"phase"_s).toString(), u"Active"_s);
        QCOMPARE(sim.get(u"/api/v1/namespaces/dry"_s).status, 404);
        // No controller ran: the root CA ConfigMap was not published either.
        QCOMPARE(sim.get(u"/api/v1/namespaces/dry/configmaps/kube-root-ca.crt"_s).status, 404);
        QCOMPARE(storeVersion(sim), before);
    }

    void dryRunUpdatePatchAndDeleteKeepNothing()
    {
        Sim sim(u"healthy"_s);
        QVERIFY(sim.ok);
        freeze(sim);
        const QString cm = u"/api/v1/namespaces/default/configmaps/settings"_s;
        QCOMPARE(sim.request("POST", u"/api/v1/namespaces/default/configmaps"_s,
                             R"({"metadata":{"name":"settings"},"data":{"mode":"a"}})")
                     .status,
                 201);
        const QString rv = rvOf(sim.get(cm).json());
        const qint64 before = storeVersion(sim);

        const Answer put = sim.request("PUT", cm + u"?dryRun=All"_s,
                                       R"({"metadata":{"name":"settings","resourceVersion":")" +
                                           rv.toLatin1() + R"("},"data":{"mode":"put"}})");
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json().value(u"data"_s).toObject().value(u"mode"_s).toString(), u"put"_s);
        QCOMPARE(rvOf(put.json()), rv);
        const Answer merge =
            sim.request("PATCH", cm + u"?dryRun=All"_s, R"({"data":{"mode":"merge"}})", kMerge);
        QCOMPARE(merge.status, 200);
        QCOMPARE(merge.json().value(u"data"_s).toObject().value(u"mode"_s).toString(), u"merge"_s);
        const Answer json = sim.request("PATCH", cm + u"?dryRun=All"_s,
                                        R"([{"op":"test","path":"/data/mode","value":"a"},)"
                                        R"({"op":"replace","path":"/data/mode","value":"json"}])",
                                        kJsonPatch);
        QCOMPARE(json.status, 200);
        QCOMPARE(json.json().value(u"data"_s).toObject().value(u"mode"_s).toString(), u"json"_s);
        QCOMPARE(sim.request("DELETE", cm + u"?dryRun=All"_s).status, 200);
        QCOMPARE(sim.request("DELETE", cm, R"({"kind":"DeleteOptions","dryRun":["All"]})").status,
                 200);

        const QJsonObject stored = sim.get(cm).json();
        QCOMPARE(stored.value(u"data"_s).toObject().value(u"mode"_s).toString(), u"a"_s);
        QCOMPARE(rvOf(stored), rv);
        QCOMPARE(storeVersion(sim), before);
    }

    void dryRunOnSubresourcesKeepsNothing()
    {
        Sim sim(u"seed"_s);
        QVERIFY(sim.ok);
        freeze(sim);
        const qint64 before = storeVersion(sim);
        // A namespace delete: the answer is Terminating, the namespace stays Active.
        const Answer deleted = sim.request("DELETE", u"/api/v1/namespaces/default?dryRun=All"_s);
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json().value(u"status"_s).toObject().value(u"phase"_s).toString(),
                 u"Terminating"_s);
        QCOMPARE(sim.get(u"/api/v1/namespaces/default"_s)
                     .json()
                     .value(u"status"_s)
                     .toObject()
                     .value(u"phase"_s)
                     .toString(),
                 u"Active"_s);
        // /finalize without its finalizer: the stuck namespace would go, and does not.
        QJsonObject stuck = sim.get(u"/api/v1/namespaces/tobedeletedb"_s).json();
        stuck.insert(u"spec"_s, QJsonObject{{u"finalizers"_s, QJsonArray()}});
        const Answer finalized =
            sim.request("PUT", u"/api/v1/namespaces/tobedeletedb/finalize?dryRun=All"_s,
                        QJsonDocument(stuck).toJson());
        QCOMPARE(finalized.status, 200);
        QVERIFY(sim.get(u"/api/v1/namespaces/tobedeletedb"_s).status == 200);
        // /status and /scale.
        QJsonObject status = sim.get(u"/api/v1/namespaces/default"_s).json();
        status.insert(u"status"_s, QJsonObject{{u"phase"_s, u"Terminating"_s}});
        QCOMPARE(sim.request("PUT", u"/api/v1/namespaces/default/status?dryRun=All"_s,
                             QJsonDocument(status).toJson())
                     .status,
                 200);
        const QString scale = u"/apis/apps/v1/namespaces/kube-system/deployments/"
                              u"metrics-server/scale"_s;
        const int replicas =
            sim.get(scale).json().value(u"spec"_s).toObject().value(u"replicas"_s).toInt();
        const Answer scaled =
            sim.request("PATCH", scale + u"?dryRun=All"_s, R"({"spec":{"replicas":7}})", kMerge);
        QCOMPARE(scaled.status, 200);
        QCOMPARE(scaled.json().value(u"spec"_s).toObject().value(u"replicas"_s).toInt(), 7);
        QCOMPARE(sim.get(scale).json().value(u"spec"_s).toObject().value(u"replicas"_s).toInt(),
                 replicas);
        QCOMPARE(storeVersion(sim), before);
    }

    void dryRunValuesOtherThanAllAreInvalid()
    {
        Sim sim(u"healthy"_s);
        QVERIFY(sim.ok);
        const Answer create =
            sim.request("POST", u"/api/v1/namespaces?dryRun=Yes"_s, R"({"metadata":{"name":"x"}})");
        QCOMPARE(create.status, 422);
        QCOMPARE(create.json().value(u"reason"_s).toString(), u"Invalid"_s);
        QCOMPARE(create.json().value(u"message"_s).toString(),
                 uR"(CreateOptions.meta.k8s.io "" is invalid: dryRun: )"
                 uR"(Unsupported value: []string{"Yes"}: supported values: "All")"_s);
        const QJsonObject cause = create.json()
                                      .value(u"details"_s)
                                      .toObject()
                                      .value(u"causes"_s)
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(cause.value(u"reason"_s).toString(), u"FieldValueNotSupported"_s);
        QCOMPARE(cause.value(u"field"_s).toString(), u"dryRun"_s);
        QCOMPARE(sim.get(u"/api/v1/namespaces/x"_s).status, 404);
        const Answer patch = sim.request("PATCH", u"/api/v1/namespaces/default?dryRun=all"_s,
                                         R"({"metadata":{"labels":{"a":"b"}}})", kMerge);
        QCOMPARE(patch.status, 422);
        QVERIFY(patch.json()
                    .value(u"message"_s)
                    .toString()
                    .startsWith(u"PatchOptions.meta.k8s.io \"\" is invalid"_s));
    }

    void dryRunIsValidatedAndAdmitted()
    {
        Sim sim(u"webhook-blocks-delete"_s);
        QVERIFY(sim.ok);
        // Validation: the same 422 as for a real create.
        const Answer invalid = sim.request("POST", u"/api/v1/namespaces?dryRun=All"_s,
                                           R"({"metadata":{"name":"Not_Valid"}})");
        QCOMPARE(invalid.status, 422);
        QVERIFY(invalid.json().value(u"message"_s).toString().contains(u"RFC 1123"_s));
        // A webhook that supports dry run (sideEffects None) is called, and cannot be reached.
        const QString cm = u"/api/v1/namespaces/tobedeletedb/configmaps/app-config"_s;
        const Answer blocked = sim.request("DELETE", cm + u"?dryRun=All"_s);
        QCOMPARE(blocked.status, 500);
        QVERIFY(blocked.json()
                    .value(u"message"_s)
                    .toString()
                    .startsWith(u"Internal error occurred: failed calling webhook "
                                u"\"validate.policy-guard.example.com\""_s));
        // One that may have side effects refuses every dry run it matches: 400, not 500.
        QCOMPARE(
            sim.request("POST",
                        u"/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations"_s,
                        R"({"metadata":{"name":"audit"},"webhooks":[{"name":"audit.example.com",)"
                        R"("sideEffects":"Some","failurePolicy":"Ignore",)"
                        R"("clientConfig":{"url":"https://audit.example.com"},)"
                        R"("rules":[{"operations":["CREATE"],"apiGroups":[""],)"
                        R"("apiVersions":["v1"],"resources":["configmaps"]}]}]})")
                .status,
            201);
        const Answer refused =
            sim.request("POST", u"/api/v1/namespaces/default/configmaps?dryRun=All"_s,
                        R"({"metadata":{"name":"c"}})");
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(u"reason"_s).toString(), u"BadRequest"_s);
        QCOMPARE(refused.json().value(u"message"_s).toString(),
                 u"admission webhook \"audit.example.com\" does not support dry run"_s);
        // Without a dry run the Ignore webhook does not stand in the way.
        QCOMPARE(sim.request("POST", u"/api/v1/namespaces/default/configmaps"_s,
                             R"({"metadata":{"name":"c"}})")
                     .status,
                 201);
    }

    void fieldManagerIsRecorded()
    {
        Sim sim(u"healthy"_s);
        QVERIFY(sim.ok);
        const Answer patched =
            sim.request("PATCH", u"/api/v1/namespaces/default?fieldManager=unstuck"_s,
                        R"({"metadata":{"labels":{"team":"sre"}}})", kMerge);
        QCOMPARE(patched.status, 200);
        const QJsonArray managed = metaOf(sim.get(u"/api/v1/namespaces/default"_s).json())
                                       .value(u"managedFields"_s)
                                       .toArray();
        QJsonObject entry;
        for (const QJsonValue& v : managed)
            if (v.toObject().value(u"manager"_s).toString() == u"unstuck"_s)
                entry = v.toObject();
        QCOMPARE(entry.value(u"operation"_s).toString(), u"Update"_s);
        QCOMPARE(entry.value(u"apiVersion"_s).toString(), u"v1"_s);
        QCOMPARE(entry.value(u"fieldsType"_s).toString(), u"FieldsV1"_s);
        QVERIFY(entry.value(u"fieldsV1"_s)
                    .toObject()
                    .value(u"f:metadata"_s)
                    .toObject()
                    .value(u"f:labels"_s)
                    .toObject()
                    .contains(u"f:team"_s));
    }

    void staleResourceVersionIsAConflict()
    {
        Sim sim(u"seed"_s);
        QVERIFY(sim.ok);
        freeze(sim);
        QJsonObject ns = sim.get(u"/api/v1/namespaces/tobedeletedb"_s).json();
        const QString current = rvOf(ns);
        QJsonObject m = metaOf(ns);
        m.insert(u"resourceVersion"_s, u"1"_s);
        ns.insert(u"metadata"_s, m);
        ns.insert(u"spec"_s, QJsonObject{{u"finalizers"_s, QJsonArray()}});
        for (const QString& path : {u"/api/v1/namespaces/tobedeletedb"_s,
                                    u"/api/v1/namespaces/tobedeletedb/finalize"_s}) {
            const Answer put = sim.request("PUT", path, QJsonDocument(ns).toJson());
            QCOMPARE(put.status, 409);
            QCOMPARE(put.json().value(u"reason"_s).toString(), u"Conflict"_s);
            QCOMPARE(put.json().value(u"message"_s).toString(),
                     u"Operation cannot be fulfilled on namespaces \"tobedeletedb\": the object "
                     u"has been modified; please apply your changes to the latest version and "
                     u"try again"_s);
            const QJsonObject details = put.json().value(u"details"_s).toObject();
            QCOMPARE(details.value(u"name"_s).toString(), u"tobedeletedb"_s);
            QCOMPARE(details.value(u"kind"_s).toString(), u"namespaces"_s);
        }
        const Answer patch =
            sim.request("PATCH", u"/api/v1/namespaces/tobedeletedb"_s,
                        R"({"metadata":{"resourceVersion":"1","labels":{"a":"b"}}})", kMerge);
        QCOMPARE(patch.status, 409);
        QCOMPARE(patch.json().value(u"reason"_s).toString(), u"Conflict"_s);
        QCOMPARE(rvOf(sim.get(u"/api/v1/namespaces/tobedeletedb"_s).json()), current);
        // With the current resourceVersion the same patch goes through.
        QCOMPARE(sim.request("PATCH", u"/api/v1/namespaces/tobedeletedb"_s,
                             R"({"metadata":{"resourceVersion":")" + current.toLatin1() +
                                 R"(","labels":{"a":"b"}}})",
                             kMerge)
                     .status,
                 200);
    }

    void failedJsonPatchTestIs422()
    {
        Sim sim(u"finalizers-remaining"_s);
        QVERIFY(sim.ok);
        freeze(sim);
        const QString cr = u"/apis/example.com/v1/namespaces/tobedeletedb/backups/nightly"_s;
        const QJsonObject before = sim.get(cr).json();
        QCOMPARE(sim.get(cr).status, 200);
        const Answer failed = sim.request(
            "PATCH", cr,
            R"([{"op":"test","path":"/metadata/finalizers/0","value":"example.com/other"},)"
            R"({"op":"remove","path":"/metadata/finalizers/0"}])",
            kJsonPatch);
        QCOMPARE(failed.status, 422);
        QCOMPARE(failed.json().value(u"reason"_s).toString(), u"Invalid"_s);
        QCOMPARE(failed.json().value(u"message"_s).toString(),
                 u"the server rejected our request due to an error in our request"_s);
        QVERIFY(failed.json().value(u"details"_s).isObject());
        QCOMPARE(metaOf(sim.get(cr).json()).value(u"finalizers"_s),
                 metaOf(before).value(u"finalizers"_s));
        // Not a JSON Patch document at all: 400.
        const Answer notAPatch = sim.request("PATCH", cr, R"({"op":"remove"})", kJsonPatch);
        QCOMPARE(notAPatch.status, 400);
        QCOMPARE(notAPatch.json().value(u"message"_s).toString(),
                 u"json: cannot unmarshal object into Go value of type jsonpatch.Patch"_s);
        // A test on the resourceVersion guards the removal by value.
        const Answer passed = sim.request(
            "PATCH", cr,
            R"([{"op":"test","path":"/metadata/resourceVersion","value":")" +
                rvOf(before).toLatin1() +
                R"("},{"op":"test","path":"/metadata/finalizers/0","value":"example.com/cleanup"},)"
                R"({"op":"remove","path":"/metadata/finalizers/0"}])",
            kJsonPatch);
        QCOMPARE(passed.status, 200);
        QVERIFY(metaOf(passed.json()).value(u"finalizers"_s).toArray().isEmpty());
        QCOMPARE(sim.get(cr).status, 404); // it was being deleted: its last finalizer is gone
    }

    void deletePreconditionsAreChecked()
    {
        Sim sim(u"healthy"_s);
        QVERIFY(sim.ok);
        freeze(sim);
        QCOMPARE(
            sim.request("POST", u"/api/v1/namespaces"_s, R"({"metadata":{"name":"gone"}})").status,
            201);
        const QString rv = rvOf(sim.get(u"/api/v1/namespaces/gone"_s).json());
        const Answer stale =
            sim.request("DELETE", u"/api/v1/namespaces/gone"_s,
                        R"({"kind":"DeleteOptions","preconditions":{"resourceVersion":"1"}})");
        QCOMPARE(stale.status, 409);
        QCOMPARE(
            stale.json().value(u"message"_s).toString(),
            u"Operation cannot be fulfilled on namespaces \"gone\": Precondition failed: "
            u"ResourceVersion in precondition: 1, ResourceVersion in object meta: %1"_s.arg(rv));
        const QString cm = u"/api/v1/namespaces/gone/configmaps/kube-root-ca.crt"_s;
        const Answer uid = sim.request("DELETE", cm, R"({"preconditions":{"uid":"not-the-uid"}})");
        QCOMPARE(uid.status, 409);
        QVERIFY2(
            uid.json()
                .value(u"message"_s)
                .toString()
                .contains(u"StorageError: invalid object, Code: 4, Key: /registry/configmaps/gone/"
                          u"kube-root-ca.crt, ResourceVersion: 0, AdditionalErrorMsg: Precondition "
                          u"failed: UID in precondition: not-the-uid"_s),
            uid.body.constData());
        QCOMPARE(sim.request("DELETE", u"/api/v1/namespaces/gone"_s,
                             R"({"preconditions":{"resourceVersion":")" + rv.toLatin1() + R"("}})")
                     .status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestKubeWrites)
#include "tst_kubewrites.moc"
