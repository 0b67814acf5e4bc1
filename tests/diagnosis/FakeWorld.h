// SPDX-License-Identifier: GPL-3.0-or-later
// An in-memory DiagnosisSource answering like the seed incident's cluster and cloud account,
// with switches for the variations the engine must tell apart. Test helper only.
#pragma once

#include "models/sources/DiagnosisSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace unstuck::test {

struct WorldOptions
{
    bool stuck = true;           // a namespace is Terminating
    bool routeMissing = true;    // node-2's pod CIDR has no VPC route
    bool policyDeny = true;      // the master role's policy denies vpc:*
    bool cloud = true;           // cloud credentials present
    bool ramForbidden = false;   // the user may not call ram:GetPolicy
    bool blackHole = false;      // GET /apis/metrics.k8s.io/v1beta1 never answers
    bool nodesForbidden = false; // the user may not list nodes
};

inline QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

class FakeWorld : public DiagnosisSource
{
public:
    explicit FakeWorld(WorldOptions options) : m_o(options) {}
    QStringList asked;

    QString kind() const override { return QStringLiteral("live"); }
    QString contextName() const override { return QStringLiteral("fake"); }
    bool hasCloud() const override { return m_o.cloud; }
    QString cloudUnavailableReason() const override
    {
        return m_o.cloud ? QString()
                         : QStringLiteral("no cloud credentials (none found in env or ~/.aliyun)");
    }

    void fetch(const SourceQuery& query, QObject* receiver, Callback callback) override
    {
        asked << query.key();
        if (m_o.blackHole && query.path == QStringLiteral("/apis/metrics.k8s.io/v1beta1"))
            return; // never answers
        SourceAnswer answer = answerFor(query);
        answer.at = QDateTime::currentDateTimeUtc();
        if (answer.body.isEmpty() && !answer.json.isEmpty())
            answer.body = QJsonDocument(answer.json).toJson(QJsonDocument::Compact);
        QTimer::singleShot(1, receiver, [callback, answer] { callback(answer); });
    }

private:
    static SourceAnswer ok(const QJsonObject& json)
    {
        SourceAnswer a;
        a.status = 200;
        a.json = json;
        return a;
    }
    static SourceAnswer list(const QJsonArray& items)
    {
        return ok(QJsonObject{{QStringLiteral("kind"), QStringLiteral("List")},
                              {QStringLiteral("items"), items}});
    }
    static SourceAnswer fail(int status, const QString& error, const QString& message,
                             const QString& code = {})
    {
        SourceAnswer a;
        a.status = status;
        a.error = error;
        a.message = message;
        a.errorCode = code;
        a.body = message.toUtf8();
        return a;
    }

    QJsonObject namespaceObject() const
    {
        QJsonObject ns = obj(
            R"({"kind":"Namespace","metadata":{"name":"tobedeletedb","deletionTimestamp":"2026-11-26T20:00:00Z"},
            "spec":{"finalizers":["kubernetes"]},"status":{"phase":"Terminating","conditions":[
            {"type":"NamespaceDeletionDiscoveryFailure","status":"True","reason":"DiscoveryFailed",
             "message":"Discovery failed for some groups, 1 failing: unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: the server is currently unable to handle the request"},
            {"type":"NamespaceDeletionGroupVersionParsingFailure","status":"False","reason":"ParsedGroupVersions","message":"All legacy kube types successfully parsed"},
            {"type":"NamespaceDeletionContentFailure","status":"False","reason":"ContentDeleted","message":"All content successfully deleted, may be waiting on finalization"},
            {"type":"NamespaceContentRemaining","status":"False","reason":"ContentRemoved","message":"All content successfully removed"},
            {"type":"NamespaceFinalizersRemaining","status":"False","reason":"ContentHasNoFinalizers","message":"All content-preserving finalizers finished"}]}})");
        return ns;
    }

    bool broken() const { return m_o.routeMissing; }

    SourceAnswer answerFor(const SourceQuery& q) const
    {
        if (q.kind == SourceQuery::Kind::Cloud)
            return cloudAnswer(q);
        QString p = q.path;
        // Like an API server, a list read from the watch cache is the same list.
        if (p.endsWith(QStringLiteral("?resourceVersion=0")))
            p.chop(int(qstrlen("?resourceVersion=0")));
        if (p.startsWith(QStringLiteral("/api/v1/namespaces?")))
            return list(m_o.stuck ? QJsonArray{namespaceObject()} : QJsonArray{});
        if (p == QStringLiteral("/api/v1/namespaces/tobedeletedb") && m_o.stuck)
            return ok(namespaceObject());
        if (p == QStringLiteral("/apis"))
            return ok(obj(R"({"kind":"APIGroupList","groups":[
                {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
                {"name":"metrics.k8s.io","versions":[{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}],"preferredVersion":{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}}]})"));
        if (p == QStringLiteral("/apis/apps/v1"))
            return ok(obj(R"({"kind":"APIResourceList","groupVersion":"apps/v1","resources":[]})"));
        if (p == QStringLiteral("/apis/metrics.k8s.io/v1beta1"))
            return broken()
                       ? fail(503, QStringLiteral("unavailable"),
                              QStringLiteral("service unavailable"))
                       : ok(obj(
                             R"({"kind":"APIResourceList","groupVersion":"metrics.k8s.io/v1beta1","resources":[]})"));
        if (p.startsWith(QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices"))) {
            QJsonObject local = obj(
                R"({"metadata":{"name":"v1.apps"},"spec":{"group":"apps","version":"v1"},"status":{"conditions":[{"type":"Available","status":"True","reason":"Local"}]}})");
            QJsonObject metrics =
                broken()
                    ? obj(R"({"metadata":{"name":"v1beta1.metrics.k8s.io"},"spec":{"group":"metrics.k8s.io","version":"v1beta1","service":{"namespace":"kube-system","name":"metrics-server","port":443}},
                     "status":{"conditions":[{"type":"Available","status":"False","reason":"FailedDiscoveryCheck","message":"failing or missing response from https://172.16.1.12:443/apis/metrics.k8s.io/v1beta1: Get \"https://172.16.1.12:443/apis/metrics.k8s.io/v1beta1\": dial tcp 172.16.1.12:443: i/o timeout"}]}})")
                    : obj(R"({"metadata":{"name":"v1beta1.metrics.k8s.io"},"spec":{"group":"metrics.k8s.io","version":"v1beta1","service":{"namespace":"kube-system","name":"metrics-server","port":443}},
                     "status":{"conditions":[{"type":"Available","status":"True","reason":"Passed","message":"all checks passed"}]}})");
            return list({local, metrics});
        }
        if (p == QStringLiteral("/api/v1/namespaces/kube-system/services/metrics-server"))
            return ok(obj(
                R"({"metadata":{"name":"metrics-server","namespace":"kube-system"},"spec":{"clusterIP":"10.96.0.20","selector":{"k8s-app":"metrics-server"},"ports":[{"port":443}]}})"));
        if (p.startsWith(
                QStringLiteral("/apis/discovery.k8s.io/v1/namespaces/kube-system/endpointslices")))
            return list({obj(
                R"({"metadata":{"name":"metrics-server-abc"},"endpoints":[{"addresses":["172.16.1.12"],"conditions":{"ready":true},"nodeName":"node-2"}]})")});
        if (p.startsWith(QStringLiteral("/api/v1/namespaces/kube-system/pods?labelSelector")))
            return list({obj(
                R"({"metadata":{"name":"metrics-server-7d9","namespace":"kube-system"},"spec":{"nodeName":"node-2"},"status":{"podIP":"172.16.1.12","conditions":[{"type":"Ready","status":"True"}]}})")});
        if (p == QStringLiteral("/api/v1/namespaces/kube-system/pods"))
            return list(
                {obj(R"({"metadata":{"name":"kube-apiserver-master-1","namespace":"kube-system","labels":{"component":"kube-apiserver"}},"spec":{"nodeName":"master-1","hostNetwork":true},"status":{"hostIP":"192.168.0.193","podIP":"192.168.0.193","conditions":[{"type":"Ready","status":"True"}]}})"),
                 obj(R"({"metadata":{"name":"cloud-controller-manager-x1","namespace":"kube-system","labels":{"app":"cloud-controller-manager"}},"spec":{"nodeName":"master-1","hostNetwork":true},"status":{"conditions":[{"type":"Ready","status":"True"}]}})")});
        if (p.startsWith(QStringLiteral(
                "/api/v1/namespaces/kube-system/pods/cloud-controller-manager-x1/log"))) {
            SourceAnswer a = ok({});
            a.body = m_o.policyDeny
                         ? QByteArray("E1126 20:00:00.000 route_controller.go:383] sync route "
                                      "tables error: get RouteTables: can not found route table by "
                                      "id[], error: error describe vpc: vpc-1 route tables, error: "
                                      "SDK.ServerError\nErrorCode: Forbidden.RAM\n")
                         : QByteArray(
                               "I1126 20:00:00.000 route_controller.go:100] reconcile routes ok\n");
            return a;
        }
        if (p == QStringLiteral("/api/v1/nodes") && m_o.nodesForbidden)
            return fail(
                403, QStringLiteral("forbidden"),
                QStringLiteral("nodes is forbidden: User \"dev\" cannot list resource \"nodes\""));
        if (p == QStringLiteral("/api/v1/nodes")) {
            QJsonObject master = obj(
                R"({"metadata":{"name":"master-1","labels":{"node-role.kubernetes.io/control-plane":""}},"spec":{"podCIDR":"172.16.0.0/24","providerID":"cn-hangzhou.i-master1"},"status":{"addresses":[{"type":"InternalIP","address":"192.168.0.193"}]}})");
            QJsonObject worker = obj(
                R"({"metadata":{"name":"node-2"},"spec":{"podCIDR":"172.16.1.0/24","providerID":"cn-hangzhou.i-node2"},"status":{"addresses":[{"type":"InternalIP","address":"192.168.0.194"}]}})");
            return list({master, worker});
        }
        if (p.startsWith(QStringLiteral("/api/v1/namespaces/default/events")))
            return list(
                m_o.policyDeny
                    ? QJsonArray{obj(
                          R"({"reason":"SyncRouteFailed","type":"Warning","count":12,"involvedObject":{"kind":"Event","name":"route-controller"},"message":"Reconciling route error: Forbidden.RAM"})")}
                    : QJsonArray{});
        if (p.startsWith(QStringLiteral("/api/v1/namespaces/kube-system/events")) ||
            p.contains(QStringLiteral("webhookconfigurations")))
            return list({});
        return fail(404, QStringLiteral("notfound"),
                    QStringLiteral("the server could not find the requested resource"));
    }

    SourceAnswer cloudAnswer(const SourceQuery& q) const
    {
        if (q.action == QStringLiteral("DescribeInstances"))
            return ok(obj(
                R"({"Instances":{"Instance":[{"InstanceId":"i-master1","VpcAttributes":{"VpcId":"vpc-1"}},{"InstanceId":"i-node2","VpcAttributes":{"VpcId":"vpc-1"}}]}})"));
        if (q.action == QStringLiteral("DescribeRouteTableList"))
            return ok(obj(
                R"({"RouterTableList":{"RouterTableListType":[{"RouteTableId":"vtb-1","VpcId":"vpc-1"}]}})"));
        if (q.action == QStringLiteral("DescribeRouteEntryList")) {
            QJsonArray entries{
                obj(R"({"RouteEntryId":"rte-0","DestinationCidrBlock":"172.16.0.0/24","Type":"Custom","NextHops":{"NextHop":[{"NextHopType":"Instance","NextHopId":"i-master1"}]}})"),
                obj(R"({"RouteEntryId":"rte-sys","DestinationCidrBlock":"192.168.0.0/24","Type":"System","NextHops":{"NextHop":[{"NextHopType":"local","NextHopId":""}]}})")};
            if (!m_o.routeMissing)
                entries.append(obj(
                    R"({"RouteEntryId":"rte-1","DestinationCidrBlock":"172.16.1.0/24","Type":"Custom","NextHops":{"NextHop":[{"NextHopType":"Instance","NextHopId":"i-node2"}]}})"));
            return ok(QJsonObject{{QStringLiteral("RouteEntrys"),
                                   QJsonObject{{QStringLiteral("RouteEntry"), entries}}}});
        }
        if (q.action == QStringLiteral("DescribeInstanceRamRole"))
            return ok(obj(
                R"({"InstanceRamRoleSets":{"InstanceRamRoleSet":[{"InstanceId":"i-master1","RamRoleName":"KubernetesMasterRole-1"}]}})"));
        if (q.action == QStringLiteral("ListPoliciesForRole"))
            return ok(obj(
                R"({"Policies":{"Policy":[{"PolicyName":"k8sMasterRolePolicy-1","PolicyType":"Custom","DefaultVersion":"v2"}]}})"));
        if (q.action == QStringLiteral("GetPolicy")) {
            if (m_o.ramForbidden)
                return fail(403, QStringLiteral("forbidden"),
                            QStringLiteral("You are not authorized to do this action."),
                            QStringLiteral("NoPermission"));
            const QString effect =
                m_o.policyDeny ? QStringLiteral("Deny") : QStringLiteral("Allow");
            const QString doc =
                QStringLiteral(
                    R"({"Version":"1","Statement":[{"Action":["ecs:Describe*"],"Resource":"*","Effect":"Allow"},{"Action":["vpc:*"],"Resource":"*","Effect":"%1"}]})")
                    .arg(effect);
            return ok(
                QJsonObject{{QStringLiteral("Policy"),
                             QJsonObject{{QStringLiteral("PolicyName"),
                                          QStringLiteral("k8sMasterRolePolicy-1")},
                                         {QStringLiteral("DefaultVersion"), QStringLiteral("v2")}}},
                            {QStringLiteral("DefaultPolicyVersion"),
                             QJsonObject{{QStringLiteral("VersionId"), QStringLiteral("v2")},
                                         {QStringLiteral("PolicyDocument"), doc}}}});
        }
        return fail(404, QStringLiteral("api"), QStringLiteral("InvalidApi.NotFound"),
                    QStringLiteral("InvalidApi.NotFound"));
    }

    WorldOptions m_o;
};

} // namespace unstuck::test
