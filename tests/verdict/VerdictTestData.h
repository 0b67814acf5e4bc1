// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the observations a verdict rule reads, by hand, in the shapes real API servers and
// Alibaba Cloud answer with (fixtures in tests/fixtures/verdict/). Test helper only.
#pragma once

#include "models/probes/ProbeRunner.h"
#include "models/verdict/rules/VerdictContext.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

namespace unstuck::test {

// An object written inline.
inline QJsonObject json(const char* text)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(text), &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad inline JSON: %s", qPrintable(error.errorString()));
    return object;
}

// A file of tests/fixtures/verdict/.
inline QJsonObject fixture(const QString& name)
{
    QFile file(QStringLiteral(UNSTUCK_FIXTURES "/verdict/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// A Kubernetes list answer: {"kind":"List","items":[…]}.
inline QJsonObject list(const QList<QJsonObject>& items)
{
    QJsonArray array;
    for (const QJsonObject& item : items)
        array.append(item);
    return {{QStringLiteral("kind"), QStringLiteral("List")}, {QStringLiteral("items"), array}};
}

inline Observation answered(SourceQuery query, int status, const QJsonObject& body)
{
    Observation o;
    o.query = std::move(query);
    o.answer.status = status;
    o.answer.json = body;
    o.answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    o.answer.at = QDateTime::fromString(QStringLiteral("2026-11-26T20:05:00Z"), Qt::ISODate);
    return o;
}

// GET `path` answered 200 with `body`.
inline Observation kube(const QString& path, const QJsonObject& body)
{
    return answered(ProbeRunner::kube(path), 200, body);
}

// GET `path` answered 200 with plain text (a log).
inline Observation kubeText(const QString& path, const QByteArray& text)
{
    Observation o = kube(path, {});
    o.answer.body = text;
    o.answer.contentType = "text/plain";
    return o;
}

// GET `path` failed: `error` is the source's name for it ("forbidden", "unavailable", …).
inline Observation kubeFailed(const QString& path, int status, const QString& error,
                              const QString& message)
{
    Observation o = kube(path, {});
    o.answer.status = status;
    o.answer.error = error;
    o.answer.message = message;
    o.answer.body = message.toUtf8();
    return o;
}

// `product:Action` answered with `body`.
inline Observation cloud(const QString& product, const QString& action,
                         const QMap<QString, QString>& params, const QJsonObject& body)
{
    return answered(ProbeRunner::cloud(product, action, params), 200, body);
}

// `product:Action` refused with an Alibaba Cloud error (alibaba-cloud.md §3.9).
inline Observation cloudFailed(const QString& product, const QString& action,
                               const QMap<QString, QString>& params, int status,
                               const QString& code, const QString& message)
{
    Observation o = cloud(product, action, params,
                          {{QStringLiteral("Code"), code}, {QStringLiteral("Message"), message}});
    o.answer.status = status;
    o.answer.error = status == 403 ? QStringLiteral("forbidden") : QStringLiteral("api");
    o.answer.errorCode = code;
    o.answer.message = message;
    return o;
}

// An aggregated API backend as the aggregation probe records it from its APIService.
inline AggregatedBackend backendOf(const QJsonObject& apiService)
{
    AggregatedBackend b;
    b.object = apiService;
    b.apiService =
        apiService.value(QStringLiteral("metadata")).toObject().value(u"name").toString();
    const QJsonObject spec = apiService.value(QStringLiteral("spec")).toObject();
    b.groupVersion = spec.value(u"group").toString() + u'/' + spec.value(u"version").toString();
    b.serviceNamespace = spec.value(u"service").toObject().value(u"namespace").toString();
    b.serviceName = spec.value(u"service").toObject().value(u"name").toString();
    return b;
}

inline const QString kNamespacesPath =
    QStringLiteral("/api/v1/namespaces?fieldSelector=status.phase%3DTerminating");
inline const QString kApiServicesPath =
    QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices");
inline const QString kSystemPodsPath = QStringLiteral("/api/v1/namespaces/kube-system/pods");

// The namespaces answer when `stuck` are the ones in Terminating.
inline void setStuck(Findings& f, const QList<QJsonObject>& stuck)
{
    f.namespaces = kube(kNamespacesPath, list(stuck));
    f.stuckNamespaces = stuck;
}

// The metrics-server Service, its EndpointSlice and its pod on node-2 (172.16.1.12), Ready or not.
inline void setMetricsBackend(Findings& f, const QJsonObject& apiService, bool ready = true)
{
    AggregatedBackend b = backendOf(apiService);
    b.service = kube(
        QStringLiteral("/api/v1/namespaces/kube-system/services/metrics-server"),
        json(R"({"kind":"Service","metadata":{"name":"metrics-server","namespace":"kube-system"},
                 "spec":{"type":"ClusterIP","clusterIP":"10.96.0.20",
                         "selector":{"k8s-app":"metrics-server"},
                         "ports":[{"name":"https","port":443,"targetPort":"https"}]}})"));
    QJsonObject slice = json(
        R"({"kind":"EndpointSlice","metadata":{"name":"metrics-server-x7k2p"},"addressType":"IPv4",
            "endpoints":[{"addresses":["172.16.1.12"],"conditions":{"ready":true},
                          "nodeName":"node-2"}],
            "ports":[{"name":"https","port":10250,"protocol":"TCP"}]})");
    QJsonObject pod = json(
        R"({"kind":"Pod","metadata":{"name":"metrics-server-7d9","namespace":"kube-system"},
            "spec":{"nodeName":"node-2"},
            "status":{"phase":"Running","podIP":"172.16.1.12",
                      "conditions":[{"type":"Ready","status":"True"}]}})");
    if (!ready) {
        slice = json(R"({"kind":"EndpointSlice","metadata":{"name":"metrics-server-x7k2p"},
            "endpoints":[{"addresses":["172.16.1.12"],"conditions":{"ready":false},
                          "nodeName":"node-2"}]})");
        pod = json(
            R"({"kind":"Pod","metadata":{"name":"metrics-server-7d9","namespace":"kube-system"},
            "spec":{"nodeName":"node-2"},
            "status":{"phase":"Running","podIP":"172.16.1.12",
                      "conditions":[{"type":"Ready","status":"False"}]}})");
    }
    b.slices = kube(QStringLiteral("/apis/discovery.k8s.io/v1/namespaces/kube-system/"
                                   "endpointslices?labelSelector=kubernetes.io%2Fservice-name%3D"
                                   "metrics-server"),
                    list({slice}));
    b.pods = kube(QStringLiteral("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3D"
                                 "metrics-server"),
                  list({pod}));
    f.apiServices = kube(kApiServicesPath, list({apiService}));
    f.backends = {b};
}

// The entries of the VPC route table vtb-1 (fixtures/verdict/route-entries.json: master-1's,
// the system route, node-2's).
inline QJsonArray routeEntries()
{
    return fixture(QStringLiteral("route-entries.json"))
        .value(QStringLiteral("RouteEntrys"))
        .toObject()
        .value(QStringLiteral("RouteEntry"))
        .toArray();
}

// vpc:DescribeRouteEntryList of vtb-1 answers `entries`.
inline void setRouteEntries(Findings& f, const QJsonArray& entries)
{
    QJsonObject answer = fixture(QStringLiteral("route-entries.json"));
    answer.insert(QStringLiteral("RouteEntrys"),
                  QJsonObject{{QStringLiteral("RouteEntry"), entries}});
    f.routeEntries = {cloud(QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
                            {{QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
                             {QStringLiteral("RouteTableId"), QStringLiteral("vtb-1")},
                             {QStringLiteral("MaxResult"), QStringLiteral("100")}},
                            answer)};
}

// The VPC route table vtb-1; without node-2's entry when `missing`.
inline void setRouteEntries(Findings& f, bool missing)
{
    QJsonArray entries = routeEntries();
    if (missing)
        entries.removeLast();
    setRouteEntries(f, entries);
}

// NetworkUnavailable=True as the route controller writes it when it could not create a node's
// route (alibaba-cloud.md §1.3).
inline QJsonObject noRouteCreated()
{
    return json(R"({"type":"NetworkUnavailable","status":"True","reason":"NoRouteCreated",
                    "message":"RouteController failed to create a route"})");
}

// Node `index` of the nodes answer reports `condition` (its only one).
inline void setNodeCondition(Findings& f, int index, const QJsonObject& condition)
{
    QJsonObject nodes = f.nodes->answer.json;
    QJsonArray items = nodes.value(QStringLiteral("items")).toArray();
    QJsonObject node = items.at(index).toObject();
    QJsonObject status = node.value(QStringLiteral("status")).toObject();
    status.insert(QStringLiteral("conditions"), QJsonArray{condition});
    node.insert(QStringLiteral("status"), status);
    items.replace(index, node);
    nodes.insert(QStringLiteral("items"), items);
    f.nodes = kube(f.nodes->query.path, nodes);
}

// The master role's one policy, as ram:GetPolicy returns it (`file` in fixtures/verdict/).
inline Observation getPolicy(const QString& file)
{
    return cloud(QStringLiteral("ram"), QStringLiteral("GetPolicy"),
                 {{QStringLiteral("PolicyName"), QStringLiteral("k8sMasterRolePolicy-1")},
                  {QStringLiteral("PolicyType"), QStringLiteral("Custom")}},
                 fixture(file));
}

// The cloud side of the seed incident: ECS nodes in vpc-1, route table vtb-1 without node-2's
// route, and the master role KubernetesMasterRole-1 whose policy denies the vpc actions.
inline void setCloud(Findings& f)
{
    f.cloudAvailable = true;
    f.regionId = QStringLiteral("cn-hangzhou");
    f.instances =
        cloud(QStringLiteral("ecs"), QStringLiteral("DescribeInstances"),
              {{QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
               {QStringLiteral("InstanceIds"), QStringLiteral(R"(["i-master1","i-node2"])")},
               {QStringLiteral("PageSize"), QStringLiteral("100")}},
              json(R"({"RequestId":"A1","TotalCount":2,"Instances":{"Instance":[
            {"InstanceId":"i-master1","RegionId":"cn-hangzhou","Status":"Running",
             "VpcAttributes":{"VpcId":"vpc-1","PrivateIpAddress":{"IpAddress":["192.168.0.193"]}}},
            {"InstanceId":"i-node2","RegionId":"cn-hangzhou","Status":"Running",
             "VpcAttributes":{"VpcId":"vpc-1","PrivateIpAddress":{"IpAddress":["192.168.0.194"]}}}]}})"));
    f.vpcId = QStringLiteral("vpc-1");
    f.routeTables = cloud(QStringLiteral("vpc"), QStringLiteral("DescribeRouteTableList"),
                          {{QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
                           {QStringLiteral("VpcId"), QStringLiteral("vpc-1")}},
                          json(R"({"RequestId":"B2","RouterTableList":{"RouterTableListType":[
            {"VpcId":"vpc-1","RouteTableId":"vtb-1","RouteTableType":"System"}]}})"));
    setRouteEntries(f, true);
    f.instanceRamRole =
        cloud(QStringLiteral("ecs"), QStringLiteral("DescribeInstanceRamRole"),
              {{QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
               {QStringLiteral("InstanceIds"), QStringLiteral(R"(["i-master1"])")}},
              json(R"({"RequestId":"C3","TotalCount":1,"InstanceRamRoleSets":{"InstanceRamRoleSet":[
            {"InstanceId":"i-master1","RamRoleName":"KubernetesMasterRole-1"}]}})"));
    f.ramRoleName = QStringLiteral("KubernetesMasterRole-1");
    f.rolePolicies =
        cloud(QStringLiteral("ram"), QStringLiteral("ListPoliciesForRole"),
              {{QStringLiteral("RoleName"), QStringLiteral("KubernetesMasterRole-1")}},
              json(R"({"RequestId":"D4","Policies":{"Policy":[{"PolicyName":"k8sMasterRolePolicy-1",
            "PolicyType":"Custom","DefaultVersion":"v2","AttachDate":"2026-01-10T08:00:00Z"}]}})"));
    f.policies = {getPolicy(QStringLiteral("ram-get-policy-deny.json"))};
}

// The seed incident (DESIGN.md §1) as the probes find it: tobedeletedb stuck on
// metrics.k8s.io/v1beta1, whose APIService times out dialling the pod on node-2, whose route is
// missing because the route controller's RAM policy denies the vpc actions.
inline Findings seedFindings()
{
    Findings f;
    setStuck(f, {fixture(QStringLiteral("namespace-discovery-failure.json"))});
    f.apis = kube(QStringLiteral("/apis"), json(R"({"kind":"APIGroupList","groups":[
        {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}]},
        {"name":"metrics.k8s.io","versions":[{"groupVersion":"metrics.k8s.io/v1beta1",
                                              "version":"v1beta1"}]}]})"));
    f.groupVersions.insert(QStringLiteral("apps/v1"),
                           kube(QStringLiteral("/apis/apps/v1"),
                                json(R"({"kind":"APIResourceList","groupVersion":"apps/v1"})")));
    f.groupVersions.insert(QStringLiteral("metrics.k8s.io/v1beta1"),
                           kubeFailed(QStringLiteral("/apis/metrics.k8s.io/v1beta1"), 503,
                                      QStringLiteral("unavailable"),
                                      QStringLiteral("the server is currently unable to handle "
                                                     "the request")));
    setMetricsBackend(f, fixture(QStringLiteral("apiservice-metrics-timeout.json")));
    f.nodes = kube(QStringLiteral("/api/v1/nodes"), fixture(QStringLiteral("nodes-alibaba.json")));
    f.systemPods = kube(kSystemPodsPath, fixture(QStringLiteral("kube-system-pods.json")));
    f.routeControllerPod = QStringLiteral("cloud-controller-manager-x1");
    f.routeControllerLog = kubeText(
        QStringLiteral("/api/v1/namespaces/kube-system/pods/cloud-controller-manager-x1/"
                       "log?tailLines=200&timestamps=true"),
        "I1126 19:59:00.000000       1 route_controller.go:120] start route reconcile\n"
        "E1126 20:00:00.000000       1 route_controller.go:383] sync route tables error: get "
        "RouteTables: can not found route table by id[], error: error describe vpc: vpc-1 route "
        "tables, error: SDK.ServerError\nErrorCode: Forbidden.RAM\n");
    f.events = {kube(QStringLiteral("/api/v1/namespaces/default/events"), list({})),
                kube(QStringLiteral("/api/v1/namespaces/kube-system/events"), list({}))};
    setCloud(f);
    return f;
}

// Runs `Rules` in order over one context, as VerdictBuilder::build does for all of them.
template <typename... Rules>
DiagnosisResult runRules(const Findings& findings, VerdictContext::Handoff* handoff = nullptr)
{
    VerdictContext context(findings, QStringLiteral("live"));
    DiagnosisResult result;
    (Rules(context).apply(result), ...);
    if (handoff)
        *handoff = context.handoff;
    return result;
}

// The component `id`, failing the test when the rules did not write it.
inline ComponentVerdict componentOf(const DiagnosisResult& result, const char* id)
{
    const ComponentVerdict* c = result.component(QString::fromLatin1(id));
    if (!c)
        qFatal("no verdict for component %s", id);
    return *c;
}

inline LinkVerdict linkOf(const DiagnosisResult& result, const char* from, const char* to)
{
    const LinkVerdict* l = result.link(QString::fromLatin1(from), QString::fromLatin1(to));
    if (!l)
        qFatal("no verdict for link %s→%s", from, to);
    return *l;
}

// The evidence whose decisive field is `field`; an empty Evidence when none.
inline Evidence evidenceWith(const QList<Evidence>& evidence, const QString& field)
{
    for (const Evidence& e : evidence)
        if (e.field == field)
            return e;
    return {};
}

} // namespace unstuck::test
