// SPDX-License-Identifier: GPL-3.0-or-later
// Who may do what on the simulated cluster, as a client sees it: SelfSubjectAccessReview and
// SelfSubjectRulesReview answered per identity, the read-only identity's writes refused with the
// API server's own 403, and that identity offered in the state files.
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"
#include "sim/SimKubeClient.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace unstuck::sim;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

const QString kReviews = u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s;
const QString kReadOnly = u"unstuck-read-only"_s;

QByteArray review(const QJsonObject& attributes, bool resource = true)
{
    return QJsonDocument(QJsonObject{{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                                     {u"kind"_s, u"SelfSubjectAccessReview"_s},
                                     {u"spec"_s, QJsonObject{{resource ? u"resourceAttributes"_s
                                                                       : u"nonResourceAttributes"_s,
                                                              attributes}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                       : QJsonObject();
}

} // namespace

class TestKubeAuth : public QObject
{
    Q_OBJECT

private:
    static QJsonObject ask(Sim& sim, Auth auth, const QJsonObject& attributes, bool resource = true)
    {
        const Answer a = sim.request("POST", kReviews, review(attributes, resource),
                                     "application/json", "application/json", auth);
        if (a.status != 201)
            qWarning("review answered %d: %s", a.status, a.body.constData());
        return a.json().value(u"status"_s).toObject();
    }

private Q_SLOTS:
    void accessReviewsAnswerForEachIdentity()
    {
        Sim sim(u"seed"_s);
        QVERIFY(sim.ok);
        const QJsonObject deleteNs{{u"verb"_s, u"delete"_s},
                                   {u"resource"_s, u"namespaces"_s},
                                   {u"namespace"_s, u"tobedeletedb"_s},
                                   {u"name"_s, u"tobedeletedb"_s}};
        // The admin (system:masters): allowed, with no reason, for certificate and token alike.
        for (Auth admin : {Auth::ClientCert, Auth::Token}) {
            const QJsonObject status = ask(sim, admin, deleteNs);
            QCOMPARE(status, (QJsonObject{{u"allowed"_s, true}}));
        }
        // The read-only user reads, by its ClusterRoleBinding...
        const QJsonObject get =
            ask(sim, Auth::ReadOnly, {{u"verb"_s, u"get"_s}, {u"resource"_s, u"namespaces"_s}});
        QCOMPARE(get.value(u"allowed"_s).toBool(), true);
        QCOMPARE(get.value(u"reason"_s).toString(),
                 u"RBAC: allowed by ClusterRoleBinding \"unstuck-read-only\" of ClusterRole "
                 u"\"unstuck-read-only\" to User \"unstuck-read-only\""_s);
        // ...and may write nothing: not allowed, no reason, not "denied" (RBAC has no opinion).
        for (const QJsonObject& attributes : {deleteNs,
                                              QJsonObject{{u"verb"_s, u"update"_s},
                                                          {u"resource"_s, u"namespaces"_s},
                                                          {u"subresource"_s, u"finalize"_s},
                                                          {u"name"_s, u"tobedeletedb"_s}},
                                              QJsonObject{{u"verb"_s, u"patch"_s},
                                                          {u"group"_s, u"apiregistration.k8s.io"_s},
                                                          {u"resource"_s, u"apiservices"_s}}})
            QCOMPARE(ask(sim, Auth::ReadOnly, attributes), (QJsonObject{{u"allowed"_s, false}}));
        // Everyone may ask, and read discovery.
        QCOMPARE(ask(sim, Auth::ReadOnly,
                     {{u"verb"_s, u"create"_s},
                      {u"group"_s, u"authorization.k8s.io"_s},
                      {u"resource"_s, u"selfsubjectaccessreviews"_s}})
                     .value(u"reason"_s)
                     .toString(),
                 u"RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of ClusterRole "
                 u"\"system:basic-user\" to Group \"system:authenticated\""_s);
        QCOMPARE(ask(sim, Auth::ReadOnly, {{u"verb"_s, u"get"_s}, {u"path"_s, u"/apis"_s}}, false)
                     .value(u"allowed"_s)
                     .toBool(),
                 true);
        // A review must name one kind of attributes.
        const Answer invalid = sim.request("POST", kReviews, R"({"spec":{}})");
        QCOMPARE(invalid.status, 422);
        QVERIFY(
            invalid.json()
                .value(u"message"_s)
                .toString()
                .contains(
                    u"exactly one of nonResourceAttributes or resourceAttributes must be specified"_s));
    }

    void rulesReviewListsWhatTheIdentityHas()
    {
        Sim sim(u"healthy"_s);
        QVERIFY(sim.ok);
        const Answer rules =
            sim.request("POST", u"/apis/authorization.k8s.io/v1/selfsubjectrulesreviews"_s,
                        R"({"spec":{"namespace":"default"}})", "application/json",
                        "application/json", Auth::ReadOnly);
        QCOMPARE(rules.status, 201);
        QStringList verbs;
        for (const QJsonValue& r :
             rules.json().value(u"status"_s).toObject().value(u"resourceRules"_s).toArray())
            if (r.toObject().value(u"resources"_s).toArray().contains(u"*"_s))
                for (const QJsonValue& v : r.toObject().value(u"verbs"_s).toArray())
                    verbs << v.toString();
        QCOMPARE(verbs, (QStringList{u"get"_s, u"list"_s, u"watch"_s}));
    }

    void readOnlyWritesAreForbidden()
    {
        Sim sim(u"seed"_s);
        QVERIFY(sim.ok);
        auto as = [&](const QByteArray& method, const QString& path, const QByteArray& body = {},
                      const QByteArray& type = "application/json") {
            return sim.request(method, path, body, type, "application/json", Auth::ReadOnly);
        };
        const Answer del = as("DELETE", u"/api/v1/namespaces/tobedeletedb"_s);
        QCOMPARE(del.status, 403);
        QCOMPARE(del.json().value(u"reason"_s).toString(), u"Forbidden"_s);
        QCOMPARE(del.json().value(u"message"_s).toString(),
                 u"namespaces \"tobedeletedb\" is forbidden: User \"unstuck-read-only\" cannot "
                 u"delete resource \"namespaces\" in API group \"\" in the namespace "
                 u"\"tobedeletedb\""_s);
        const QJsonObject details = del.json().value(u"details"_s).toObject();
        QCOMPARE(details.value(u"name"_s).toString(), u"tobedeletedb"_s);
        QCOMPARE(details.value(u"kind"_s).toString(), u"namespaces"_s);
        QCOMPARE(as("POST", u"/api/v1/namespaces"_s, R"({"metadata":{"name":"x"}})")
                     .json()
                     .value(u"message"_s)
                     .toString(),
                 u"namespaces is forbidden: User \"unstuck-read-only\" cannot create resource "
                 u"\"namespaces\" in API group \"\" at the cluster scope"_s);
        const Answer patch =
            as("PATCH",
               u"/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io"
               u"?dryRun=All"_s,
               R"({"metadata":{"labels":{"a":"b"}}})", "application/merge-patch+json");
        QCOMPARE(patch.status, 403); // a dry run is authorized like the write itself
        QCOMPARE(patch.json().value(u"message"_s).toString(),
                 u"apiservices.apiregistration.k8s.io \"v1beta1.metrics.k8s.io\" is forbidden: "
                 u"User \"unstuck-read-only\" cannot patch resource \"apiservices\" in API group "
                 u"\"apiregistration.k8s.io\" at the cluster scope"_s);
        QVERIFY(as("PUT", u"/api/v1/namespaces/tobedeletedb/finalize"_s, R"({})")
                    .json()
                    .value(u"message"_s)
                    .toString()
                    .contains(u"cannot update resource \"namespaces/finalize\""_s));
        QVERIFY(as("PATCH", u"/api/v1/namespaces/kube-system/configmaps/x"_s, R"({})",
                   "application/merge-patch+json")
                    .json()
                    .value(u"message"_s)
                    .toString()
                    .endsWith(u"in the namespace \"kube-system\""_s));
        // Nothing changed; and reads work for the same identity.
        const Answer ns = as("GET", u"/api/v1/namespaces/tobedeletedb"_s);
        QCOMPARE(ns.status, 200);
        QCOMPARE(as("GET", u"/api/v1/namespaces"_s).status, 200);
        QCOMPARE(as("GET", u"/apis/apiregistration.k8s.io/v1/apiservices"_s).status, 200);
    }

    void stateFilesOfferTheReadOnlyIdentity()
    {
        Sim sim(u"seed"_s);
        QVERIFY(sim.ok);
        const QJsonObject info = sim.server->info();
        const QJsonObject readOnly = info.value(u"readOnly"_s).toObject();
        QCOMPARE(readOnly.value(u"context"_s).toString(), u"read-only"_s);
        QCOMPARE(readOnly.value(u"user"_s).toString(), kReadOnly);
        QCOMPARE(readOnly.value(u"token"_s).toString(), sim.server->readOnlyToken());
        QFile kubeconfig(sim.server->kubeconfigPath());
        QVERIFY(kubeconfig.open(QIODevice::ReadOnly));
        const QByteArray text = kubeconfig.readAll();
        QVERIFY(text.contains("- name: read-only\n  context:\n    cluster: unstuck-sim\n"
                              "    user: unstuck-sim-read-only\n"));
        QVERIFY(text.contains("    token: " + sim.server->readOnlyToken().toLatin1()));
        QVERIFY(text.contains("current-context: unstuck-sim\n"));
        const QJsonObject profile = readFile(readOnly.value(u"profile"_s).toString());
        QCOMPARE(sim.server->readOnlyProfilePath(), readOnly.value(u"profile"_s).toString());
        QCOMPARE(profile.value(u"kubernetes"_s).toObject().value(u"context"_s).toString(),
                 u"read-only"_s);
        const QJsonObject credentials =
            profile.value(u"cloud"_s).toObject().value(u"credentials"_s).toObject();
        QCOMPARE(credentials.value(u"accessKeyId"_s).toString(),
                 readOnly.value(u"cloud"_s).toObject().value(u"accessKeyId"_s).toString());
        QVERIFY(credentials.value(u"accessKeyId"_s).toString() !=
                info.value(u"cloud"_s).toObject().value(u"accessKeyId"_s).toString());
        QVERIFY(!(QFile(sim.server->readOnlyProfilePath()).permissions() & QFileDevice::ReadOther));
    }
};

QTEST_GUILESS_MAIN(TestKubeAuth)
#include "tst_kubeauth.moc"
