// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/diagnosis/VerdictBuilder.h"

#include "models/cloud/RamPolicyEvaluator.h"
#include "models/common/Redactor.h"
#include "models/diagnosis/ContentProbe.h"
#include "models/diagnosis/KubeFacts.h"
#include "models/diagnosis/RouteControllerProbe.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace unstuck {

using facts::str;

ApiServiceFailure classifyApiServiceFailure(const QString& reason, const QString& message)
{
    if (reason == QStringLiteral("Passed") || reason == QStringLiteral("Local"))
        return ApiServiceFailure::None;
    if (reason == QStringLiteral("ServiceNotFound"))
        return ApiServiceFailure::NoService;
    if (reason == QStringLiteral("MissingEndpoints") ||
        reason == QStringLiteral("EndpointsNotFound"))
        return ApiServiceFailure::NoEndpoints;
    const QString m = message.toLower();
    if (m.contains(QStringLiteral("i/o timeout")) ||
        m.contains(QStringLiteral("deadline exceeded")) ||
        m.contains(QStringLiteral("timeout exceeded")) || m.contains(QStringLiteral("timed out")))
        return ApiServiceFailure::Timeout;
    if (m.contains(QStringLiteral("no route to host")))
        return ApiServiceFailure::NoRoute;
    if (m.contains(QStringLiteral("connection refused")))
        return ApiServiceFailure::Refused;
    if (m.contains(QStringLiteral("x509")) || m.contains(QStringLiteral("tls:")) ||
        m.contains(QStringLiteral("certificate")))
        return ApiServiceFailure::Tls;
    if (QRegularExpression(QStringLiteral("bad status from .*: 40[13]")).match(m).hasMatch())
        return ApiServiceFailure::Auth;
    return ApiServiceFailure::Other;
}

QString describeApiServiceFailure(ApiServiceFailure failure)
{
    switch (failure) {
    case ApiServiceFailure::None:
        return QStringLiteral("available");
    case ApiServiceFailure::Timeout:
        return QStringLiteral(
            "dial timeout: packets to the backend are dropped (route or security group)");
    case ApiServiceFailure::NoRoute:
        return QStringLiteral("no route to host");
    case ApiServiceFailure::Refused:
        return QStringLiteral("connection refused: the host answers but nothing listens");
    case ApiServiceFailure::Tls:
        return QStringLiteral("TLS error between the API server and the backend");
    case ApiServiceFailure::Auth:
        return QStringLiteral("the backend rejects the API server (401/403, front-proxy/RBAC)");
    case ApiServiceFailure::NoEndpoints:
        return QStringLiteral("the Service has no ready endpoints");
    case ApiServiceFailure::NoService:
        return QStringLiteral("the Service does not exist");
    case ApiServiceFailure::Other:
        return QStringLiteral("discovery check failed");
    }
    return {};
}

QStringList VerdictBuilder::requiredRouteActions()
{
    return RamPolicyEvaluator::routeControllerRequiredActions();
}

VerdictBuilder::VerdictBuilder(const Findings& findings, QString sourceKind)
    : m_f(findings), m_source(std::move(sourceKind))
{
    // Parsed once: large clusters have thousands of nodes and several verdicts read them.
    if (m_f.nodes)
        for (const QJsonValue& value : m_f.nodes->items()) {
            const QJsonObject n = value.toObject();
            m_nodeIndex.insert(facts::name(n), int(m_nodes.size()));
            m_nodes.append(n);
            m_onAlibaba =
                m_onAlibaba ||
                facts::alibabaProviderId(str(n, QStringLiteral("spec.providerID"))).has_value();
        }
}

Evidence VerdictBuilder::evidence(const Observation& observation, const QString& title,
                                  const QString& field, const QString& value,
                                  const QString& command) const
{
    Evidence e;
    e.title = title;
    e.request = observation.query.key();
    e.status = observation.answer.status;
    e.field = field;
    e.value = Redactor::redact(value);
    QString raw = observation.answer.body.isEmpty() ? observation.answer.message
                                                    : QString::fromUtf8(observation.answer.body);
    if (raw.size() > 4000)
        raw = raw.left(4000) + QStringLiteral("\n… (truncated)");
    e.raw = Redactor::redact(raw);
    e.at = observation.answer.at;
    e.command = command;
    e.source = m_source;
    return e;
}

const QList<QJsonObject>& VerdictBuilder::nodes() const
{
    return m_nodes;
}

QJsonObject VerdictBuilder::node(const QString& name) const
{
    const int index = m_nodeIndex.value(name, -1);
    return index < 0 ? QJsonObject{} : m_nodes.at(index);
}

bool VerdictBuilder::onAlibaba() const
{
    return m_onAlibaba;
}

QString VerdictBuilder::cloudUnknownReason(const std::optional<Observation>& observation,
                                           const QString& action) const
{
    if (!m_f.cloudAvailable)
        return m_f.cloudUnavailableReason.isEmpty() ? QStringLiteral("no cloud credentials")
                                                    : m_f.cloudUnavailableReason;
    // Cloud questions start from the nodes' instance ids: without nodes none was asked.
    if (!observation && m_f.nodes && !m_f.nodes->ok())
        return QStringLiteral("nodes could not be listed (%1), so %2 was not asked")
            .arg(m_f.nodes->answer.message.isEmpty() ? m_f.nodes->answer.error
                                                     : m_f.nodes->answer.message,
                 action);
    if (!observation)
        return m_f.timedOut
                   ? QStringLiteral("%1 was not answered in time").arg(action)
                   : QStringLiteral("%1 was not asked (an earlier cloud answer was missing)")
                         .arg(action);
    const SourceAnswer& a = observation->answer;
    if (a.ok())
        return {};
    const QString product = action.section(QLatin1Char(':'), 0, 0).toUpper();
    if (a.error == QStringLiteral("forbidden") || a.status == 403 ||
        a.errorCode.startsWith(QStringLiteral("Forbidden")) ||
        a.errorCode.contains(QStringLiteral("NoPermission")))
        return QStringLiteral("403 from %1: %2 not allowed").arg(product, action);
    if (a.error == QStringLiteral("timeout"))
        return QStringLiteral("%1 timed out after %2 ms").arg(action).arg(a.elapsedMs);
    if (a.error == QStringLiteral("missing"))
        return QStringLiteral("%1 is not in the recorded input").arg(action);
    return QStringLiteral("%1 failed: %2")
        .arg(action,
             a.errorCode.isEmpty() ? a.message : a.errorCode + QStringLiteral(" ") + a.message);
}

void VerdictBuilder::build(DiagnosisResult& result)
{
    buildNamespaces(result);
    buildApiServer(result);
    buildBackend(result);
    buildRouteTable(result);
    buildBackendRoute(result);
    buildRouteController(result);
    buildRam(result);
    buildDiscovery(result);
    buildFinalizers(result);
    buildWebhook(result);
}

void VerdictBuilder::buildNamespaces(DiagnosisResult& result)
{
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        StuckNamespace stuck;
        stuck.name = facts::name(ns);
        stuck.phase = str(ns, QStringLiteral("status.phase"));
        stuck.deletionTimestamp = QDateTime::fromString(
            str(ns, QStringLiteral("metadata.deletionTimestamp")), Qt::ISODate);
        for (const QJsonValue& f : facts::at(ns, QStringLiteral("spec.finalizers")).toArray())
            stuck.finalizers << f.toString();
        for (const QJsonValue& c : facts::at(ns, QStringLiteral("status.conditions")).toArray())
            stuck.conditions.append(c.toObject());
        result.namespaces.append(stuck);
    }
}

// Splits "…complete list of server APIs: a/v1: cause, b/v2: cause" into group/versions.
static QStringList groupVersionsInMessage(const QString& message)
{
    static const QRegularExpression gv(
        QStringLiteral("(?:^|, |: )([a-z0-9.-]+\\.[a-z0-9.-]+/v[0-9a-z]+): "));
    QStringList result;
    auto it = gv.globalMatch(message);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!result.contains(name))
            result << name;
    }
    return result;
}

void VerdictBuilder::buildDiscovery(DiagnosisResult& result)
{
    ComponentVerdict controller;
    controller.id = QString::fromLatin1(ids::NamespaceController);
    controller.label = QStringLiteral("Namespace Controller");
    controller.object = QStringLiteral("kube-controller-manager");
    LinkVerdict link;
    link.from = controller.id;
    link.to = QString::fromLatin1(ids::ApiServer);

    QStringList conditionFailures;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto c = facts::condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        if (c && c->value(QStringLiteral("status")).toString() == QStringLiteral("True")) {
            const QString message = c->value(QStringLiteral("message")).toString();
            for (const QString& gv : groupVersionsInMessage(message))
                if (!conditionFailures.contains(gv))
                    conditionFailures << gv;
            Observation obs = *m_f.namespaces;
            link.evidence.append(evidence(
                obs,
                QStringLiteral("Namespace %1 reports NamespaceDeletionDiscoveryFailure")
                    .arg(facts::name(ns)),
                QStringLiteral("status.conditions[NamespaceDeletionDiscoveryFailure].message"),
                message, facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(facts::name(ns)))));
        }
    }
    QStringList probeFailures;
    for (auto it = m_f.groupVersions.cbegin(); it != m_f.groupVersions.cend(); ++it) {
        const SourceAnswer& a = it.value().answer;
        if (a.ok() || a.error == QStringLiteral("missing") ||
            a.error == QStringLiteral("forbidden"))
            continue;
        probeFailures << it.key();
        const QString body = QString::fromUtf8(a.body).trimmed();
        link.evidence.append(evidence(
            it.value(), QStringLiteral("GET /apis/%1 answers %2").arg(it.key()).arg(a.status),
            QStringLiteral("HTTP status"), body.isEmpty() ? a.message : body,
            facts::kubectl(QStringLiteral("get --raw /apis/") + it.key())));
    }
    QStringList failing = probeFailures;
    for (const QString& gv : conditionFailures)
        if (!failing.contains(gv))
            failing << gv;
    m_failingGroupVersions = failing;

    if (!failing.isEmpty()) {
        link.state = LinkState::Broken;
        link.summary = QStringLiteral("Discovery is partial: %1 cannot be listed, so the namespace "
                                      "controller will not finish deleting")
                           .arg(failing.join(QStringLiteral(", ")));
    } else if (m_f.apis && m_f.apis->ok()) {
        link.state = LinkState::Ok;
        link.summary = QStringLiteral("Full discovery succeeds (%1 group/versions)")
                           .arg(m_f.groupVersions.size());
        link.evidence.append(evidence(
            *m_f.apis, QStringLiteral("API groups listed"), QStringLiteral("groups"),
            QString::number(m_f.apis->answer.json.value(QStringLiteral("groups")).toArray().size()),
            QStringLiteral("kubectl api-resources")));
    } else {
        link.summary =
            QStringLiteral("Unknown: discovery could not be read (%1)")
                .arg(m_f.apis ? m_f.apis->answer.message : QStringLiteral("not answered"));
    }

    if (!m_f.namespaces || !m_f.namespaces->ok()) {
        controller.state = ComponentState::Unknown;
        controller.summary = QStringLiteral("Unknown: namespaces could not be read (%1)")
                                 .arg(m_f.namespaces ? m_f.namespaces->answer.message
                                                     : QStringLiteral("not answered"));
    } else if (m_f.stuckNamespaces.isEmpty()) {
        controller.state = ComponentState::Healthy;
        controller.summary = QStringLiteral("No namespace is stuck in Terminating");
    } else {
        QStringList names;
        bool hasConditions = false;
        for (const QJsonObject& ns : m_f.stuckNamespaces) {
            names << facts::name(ns);
            hasConditions |=
                facts::condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"))
                    .has_value();
        }
        controller.state = ComponentState::Healthy;
        controller.summary =
            QStringLiteral(
                "%1 namespace(s) stuck in Terminating (%2); the controller keeps retrying%3")
                .arg(names.size())
                .arg(names.mid(0, 5).join(QStringLiteral(", ")) +
                     (names.size() > 5 ? QStringLiteral(", …") : QString()))
                .arg(hasConditions ? QStringLiteral(" and reports why in the namespace conditions")
                                   : QString());
        controller.evidence.append(evidence(
            *m_f.namespaces, QStringLiteral("Namespaces in Terminating"),
            QStringLiteral("status.phase"), QStringLiteral("Terminating"),
            facts::kubectl(QStringLiteral("get ns --field-selector status.phase=Terminating"))));
    }
    result.components.prepend(controller);
    result.links.prepend(link);
}

void VerdictBuilder::buildApiServer(DiagnosisResult& result)
{
    ComponentVerdict c;
    c.id = QString::fromLatin1(ids::ApiServer);
    c.label = QStringLiteral("API Server");
    c.object = QStringLiteral("kube-apiserver");
    if (!m_f.apis || !m_f.apis->ok()) {
        c.state = ComponentState::Unknown;
        c.summary = QStringLiteral("Unknown: /apis did not answer (%1)")
                        .arg(m_f.apis ? m_f.apis->answer.message : QStringLiteral("not answered"));
        result.components.append(c);
        return;
    }
    c.state = ComponentState::Healthy;
    // Where its traffic to aggregated APIs comes from: the host network of the control plane.
    QString origin;
    if (m_f.systemPods) {
        for (const QJsonValue& value : m_f.systemPods->items()) {
            const QJsonObject pod = value.toObject();
            if (!facts::name(pod).startsWith(QStringLiteral("kube-apiserver")) &&
                str(pod, QStringLiteral("metadata.labels.component")) !=
                    QStringLiteral("kube-apiserver"))
                continue;
            const bool host = facts::at(pod, QStringLiteral("spec.hostNetwork")).toBool();
            origin = QStringLiteral("%1 network %2 (node %3)")
                         .arg(host ? QStringLiteral("host") : QStringLiteral("pod"),
                              str(pod, host ? QStringLiteral("status.hostIP")
                                            : QStringLiteral("status.podIP")),
                              str(pod, QStringLiteral("spec.nodeName")));
            c.evidence.append(
                evidence(*m_f.systemPods, QStringLiteral("API server pod %1").arg(facts::name(pod)),
                         QStringLiteral("spec.hostNetwork"),
                         host ? QStringLiteral("true") : QStringLiteral("false"),
                         facts::kubectl(QStringLiteral("get pod %1 -o wide").arg(facts::name(pod)),
                                        QStringLiteral("kube-system"))));
            break;
        }
    }
    if (origin.isEmpty()) {
        for (const QJsonObject& n : nodes())
            if (facts::isControlPlane(n)) {
                origin = QStringLiteral("host network of control-plane node %1 (%2)")
                             .arg(facts::name(n), facts::internalIp(n));
                break;
            }
    }
    if (origin.isEmpty())
        origin = QStringLiteral("a managed control plane (no API server pod is visible)");
    c.summary = QStringLiteral("Serves requests; its calls to aggregated APIs leave from the %1")
                    .arg(origin);
    c.evidence.append(evidence(
        *m_f.apis, QStringLiteral("GET /apis answers"), QStringLiteral("HTTP status"),
        QString::number(m_f.apis->answer.status), QStringLiteral("kubectl get --raw /apis")));
    result.components.append(c);
}

void VerdictBuilder::buildBackend(DiagnosisResult& result)
{
    ComponentVerdict c;
    c.id = QString::fromLatin1(ids::MetricsServer);
    c.label = QStringLiteral("Metrics Server");
    LinkVerdict link;
    link.from = QString::fromLatin1(ids::ApiServer);
    link.to = c.id;

    // The backend to follow: the one whose group/version the namespace conditions name.
    QStringList named;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto cond = facts::condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        if (cond)
            named += groupVersionsInMessage(cond->value(QStringLiteral("message")).toString());
    }
    for (const AggregatedBackend& b : m_f.backends)
        if (named.contains(b.groupVersion) && b.service) {
            m_backend = &b;
            break;
        }
    if (!m_backend && !m_f.backends.isEmpty())
        m_backend = &m_f.backends.first();

    if (!m_f.apiServices || !m_f.apiServices->ok()) {
        c.summary = link.summary = QStringLiteral("Unknown: APIServices could not be read (%1)")
                                       .arg(m_f.apiServices ? m_f.apiServices->answer.message
                                                            : QStringLiteral("not answered"));
        result.components.append(c);
        result.links.append(link);
        return;
    }
    if (!m_backend) {
        c.state = ComponentState::NotApplicable;
        c.summary = QStringLiteral(
            "No aggregated API is registered; the API server serves every group itself");
        link.state = LinkState::Ok;
        link.summary = QStringLiteral("No aggregated API to reach");
        result.components.append(c);
        result.links.append(link);
        return;
    }
    const AggregatedBackend& b = *m_backend;
    const bool isMetrics = b.groupVersion.startsWith(QStringLiteral("metrics.k8s.io/"));
    c.label = isMetrics ? QStringLiteral("Metrics Server")
                        : QStringLiteral("%1 (backend of %2)").arg(b.serviceName, b.groupVersion);
    c.object = QStringLiteral("%1/%2").arg(b.serviceNamespace, b.serviceName);

    const auto available = facts::condition(b.object, QStringLiteral("Available"));
    const QString status = available ? available->value(QStringLiteral("status")).toString()
                                     : QStringLiteral("Unknown");
    const QString reason =
        available ? available->value(QStringLiteral("reason")).toString() : QString();
    const QString message =
        available ? available->value(QStringLiteral("message")).toString() : QString();
    const ApiServiceFailure failure = status == QStringLiteral("True")
                                          ? ApiServiceFailure::None
                                          : classifyApiServiceFailure(reason, message);
    const Evidence apiServiceEvidence =
        evidence(*m_f.apiServices,
                 QStringLiteral("APIService %1 is Available=%2%3")
                     .arg(b.apiService, status,
                          reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason)),
                 QStringLiteral("status.conditions[Available]"),
                 QStringLiteral("%1 %2: %3").arg(status, reason, message),
                 facts::kubectl(QStringLiteral("get apiservice %1 -o yaml").arg(b.apiService)));
    link.evidence.append(apiServiceEvidence);
    if (failure == ApiServiceFailure::None) {
        link.state = LinkState::Ok;
        link.summary = QStringLiteral("APIService %1 is Available").arg(b.apiService);
    } else {
        link.state = LinkState::Broken;
        link.summary = QStringLiteral("APIService %1 is Available=%2 (%3): %4")
                           .arg(b.apiService, status, reason, describeApiServiceFailure(failure));
    }
    // Other aggregated APIs that fail too are worth one line each.
    for (const AggregatedBackend& other : m_f.backends) {
        if (&other == m_backend)
            continue;
        const auto cond = facts::condition(other.object, QStringLiteral("Available"));
        if (cond && cond->value(QStringLiteral("status")).toString() != QStringLiteral("True"))
            link.evidence.append(evidence(
                *m_f.apiServices,
                QStringLiteral("APIService %1 is also unavailable").arg(other.apiService),
                QStringLiteral("status.conditions[Available].reason"),
                cond->value(QStringLiteral("reason")).toString() + QStringLiteral(": ") +
                    cond->value(QStringLiteral("message")).toString(),
                facts::kubectl(QStringLiteral("get apiservice %1 -o yaml").arg(other.apiService))));
    }

    // The backend itself: Service → ready endpoints → pods.
    if (failure == ApiServiceFailure::NoService || (b.service && b.service->answer.status == 404)) {
        c.state = ComponentState::Failing;
        c.summary = QStringLiteral("Service %1 does not exist: APIService %2 was left behind (e.g. "
                                   "by an uninstalled add-on)")
                        .arg(c.object, b.apiService);
        if (b.service)
            c.evidence.append(
                evidence(*b.service, QStringLiteral("Service %1 not found").arg(c.object),
                         QStringLiteral("HTTP status"), QString::number(b.service->answer.status),
                         facts::kubectl(QStringLiteral("get svc %1").arg(b.serviceName),
                                        b.serviceNamespace)));
        c.evidence.append(apiServiceEvidence);
        result.components.append(c);
        result.links.append(link);
        return;
    }
    int readyEndpoints = 0, endpoints = 0;
    if (b.slices && b.slices->ok()) {
        for (const QJsonValue& slice : b.slices->items())
            for (const QJsonValue& ep :
                 slice.toObject().value(QStringLiteral("endpoints")).toArray()) {
                ++endpoints;
                const QJsonValue ready =
                    facts::at(ep.toObject(), QStringLiteral("conditions.ready"));
                if (ready.isUndefined() || ready.isNull() || ready.toBool())
                    ++readyEndpoints;
            }
        c.evidence.append(evidence(
            *b.slices,
            QStringLiteral("%1 of %2 endpoints ready").arg(readyEndpoints).arg(endpoints),
            QStringLiteral("endpoints[].conditions.ready"), QString::number(readyEndpoints),
            facts::kubectl(QStringLiteral("get endpointslices -l kubernetes.io/service-name=%1")
                               .arg(b.serviceName),
                           b.serviceNamespace)));
    }
    int readyPods = 0, pods = 0;
    QStringList podLines;
    if (b.pods && b.pods->ok()) {
        for (const QJsonValue& value : b.pods->items()) {
            const QJsonObject pod = value.toObject();
            ++pods;
            if (facts::podReady(pod))
                ++readyPods;
            podLines << QStringLiteral("%1 %2 on %3 (%4)")
                            .arg(facts::name(pod), str(pod, QStringLiteral("status.podIP")),
                                 str(pod, QStringLiteral("spec.nodeName")),
                                 facts::podReady(pod) ? QStringLiteral("Ready")
                                                      : QStringLiteral("not Ready"));
        }
        c.evidence.append(evidence(
            *b.pods, QStringLiteral("%1 of %2 backend pods Ready").arg(readyPods).arg(pods),
            QStringLiteral("status.conditions[Ready]"), podLines.join(QStringLiteral("; ")),
            facts::kubectl(QStringLiteral("get pods -o wide -l ") +
                               facts::at(b.service ? b.service->answer.json : QJsonObject{},
                                         QStringLiteral("spec.selector"))
                                   .toObject()
                                   .keys()
                                   .value(0) +
                               QStringLiteral("=…"),
                           b.serviceNamespace)));
    }
    if (failure == ApiServiceFailure::NoEndpoints ||
        (b.slices && b.slices->ok() && readyEndpoints == 0) ||
        (b.pods && b.pods->ok() && readyPods == 0)) {
        c.state = ComponentState::Failing;
        c.summary = pods == 0
                        ? QStringLiteral("No backend pod exists for Service %1 (scaled to zero or "
                                         "crashed away): no endpoints")
                              .arg(c.object)
                        : QStringLiteral(
                              "No ready backend pod for Service %1 (%2 of %3 Ready): no endpoints")
                              .arg(c.object)
                              .arg(readyPods)
                              .arg(pods);
    } else if (failure == ApiServiceFailure::Refused || failure == ApiServiceFailure::Tls ||
               failure == ApiServiceFailure::Auth) {
        c.state = ComponentState::Failing;
        c.summary = QStringLiteral("%1 answers the API server with an error: %2")
                        .arg(c.object, describeApiServiceFailure(failure));
        c.evidence.append(apiServiceEvidence);
    } else if (b.pods && b.pods->ok()) {
        c.state = ComponentState::Healthy;
        c.summary = QStringLiteral("%1 of %2 pods Ready (%3)")
                        .arg(readyPods)
                        .arg(pods)
                        .arg(podLines.value(0));
    } else {
        c.summary = QStringLiteral("Unknown: backend pods could not be read (%1)")
                        .arg(b.pods ? b.pods->answer.message
                                    : QStringLiteral("Service has no selector or was not read"));
    }
    result.components.append(c);
    result.links.append(link);
}

void VerdictBuilder::buildRouteTable(DiagnosisResult& result)
{
    ComponentVerdict c;
    c.id = QString::fromLatin1(ids::VpcRouteTable);
    c.label = QStringLiteral("VPC route table");
    if (!onAlibaba() && m_f.nodes && m_f.nodes->ok()) {
        c.state = ComponentState::NotApplicable;
        c.summary = QStringLiteral(
            "Nodes are not Alibaba Cloud ECS instances (no <region>.<instance-id> providerID)");
        m_routesUnknown = c.summary;
        result.components.append(c);
        return;
    }
    QString reason = cloudUnknownReason(m_f.instances, QStringLiteral("ecs:DescribeInstances"));
    if (reason.isEmpty() && m_f.vpcId.isEmpty())
        reason = QStringLiteral("the nodes' ECS instances report no VPC");
    if (reason.isEmpty())
        reason = cloudUnknownReason(m_f.routeTables, QStringLiteral("vpc:DescribeRouteTableList"));
    QJsonArray entries;
    QStringList tables;
    for (const Observation& o : m_f.routeEntries) {
        if (reason.isEmpty())
            reason = cloudUnknownReason(o, QStringLiteral("vpc:DescribeRouteEntryList"));
        tables << o.query.params.value(QStringLiteral("RouteTableId"));
        for (const QJsonValue& e :
             facts::at(o.answer.json, QStringLiteral("RouteEntrys.RouteEntry")).toArray())
            entries.append(e);
    }
    if (reason.isEmpty() && m_f.routeEntries.isEmpty())
        reason = QStringLiteral("VPC %1 has no route table").arg(m_f.vpcId);
    c.object = tables.isEmpty() ? m_f.vpcId : tables.join(QStringLiteral(", "));
    if (!reason.isEmpty()) {
        c.summary = QStringLiteral("Unknown: ") + reason;
        m_routesUnknown = reason;
        result.components.append(c);
        return;
    }
    m_routes = RouteAnalysis::analyse(nodes(), entries);
    const auto problems = m_routes->problems();
    const QString cmd =
        facts::aliyun(QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
                      {{QStringLiteral("RegionId"), m_f.regionId},
                       {QStringLiteral("RouteTableId"), tables.value(0)}});
    if (problems.isEmpty()) {
        c.state = ComponentState::Healthy;
        c.summary = QStringLiteral(
                        "Every node's pod CIDR has a route to its instance (%1 nodes, %2 entries)")
                        .arg(m_routes->nodes.size())
                        .arg(entries.size());
    } else {
        QStringList lines;
        for (const auto& p : problems)
            lines << (p.state == RouteAnalysis::NodeRoute::State::Missing
                          ? QStringLiteral("%1 → %2 missing (node %3)")
                                .arg(p.podCidr, p.instanceId, p.node)
                          : QStringLiteral("%1 goes to %2 instead of %3 (node %4)")
                                .arg(p.destination, p.nextHop, p.instanceId, p.node));
        c.state = ComponentState::Failing;
        c.summary = QStringLiteral("%1 of %2 node pod CIDRs have no correct route: %3")
                        .arg(problems.size())
                        .arg(m_routes->nodes.size())
                        .arg(lines.mid(0, 3).join(QStringLiteral("; ")) +
                             (lines.size() > 3 ? QStringLiteral("; …") : QString()));
    }
    for (const Observation& o : m_f.routeEntries)
        c.evidence.append(
            evidence(o,
                     QStringLiteral("Route entries of %1")
                         .arg(o.query.params.value(QStringLiteral("RouteTableId"))),
                     QStringLiteral("RouteEntrys.RouteEntry[].DestinationCidrBlock"),
                     QStringLiteral("%1 entries")
                         .arg(facts::at(o.answer.json, QStringLiteral("RouteEntrys.RouteEntry"))
                                  .toArray()
                                  .size()),
                     cmd));
    if (m_f.instances)
        c.evidence.append(evidence(
            *m_f.instances, QStringLiteral("Cluster VPC from the nodes' ECS instances"),
            QStringLiteral("Instances.Instance[].VpcAttributes.VpcId"), m_f.vpcId,
            facts::aliyun(QStringLiteral("ecs"), QStringLiteral("DescribeInstances"),
                          {{QStringLiteral("RegionId"), m_f.regionId},
                           {QStringLiteral("InstanceIds"),
                            m_f.instances->query.params.value(QStringLiteral("InstanceIds"))}})));
    if (!m_routes->staleEntries.isEmpty())
        c.evidence.append(evidence(
            m_f.routeEntries.first(),
            QStringLiteral("%1 stale route entries point to instances that are no node")
                .arg(m_routes->staleEntries.size()),
            QStringLiteral("DestinationCidrBlock"),
            m_routes->staleEntries.first().value(QStringLiteral("DestinationCidrBlock")).toString(),
            cmd));
    result.components.append(c);
}

void VerdictBuilder::buildBackendRoute(DiagnosisResult& result)
{
    LinkVerdict link;
    link.from = QString::fromLatin1(ids::MetricsServer);
    link.to = QString::fromLatin1(ids::VpcRouteTable);
    // The nodes the backend pods run on.
    QStringList backendNodes;
    QStringList podIps;
    if (m_backend && m_backend->pods && m_backend->pods->ok())
        for (const QJsonValue& value : m_backend->pods->items()) {
            const QString n = str(value.toObject(), QStringLiteral("spec.nodeName"));
            if (!n.isEmpty() && !backendNodes.contains(n)) {
                backendNodes << n;
                podIps << str(value.toObject(), QStringLiteral("status.podIP"));
            }
        }
    if (backendNodes.isEmpty()) {
        link.summary = QStringLiteral(
            "Unknown: no backend pod is scheduled, so there is no pod IP to route to");
    } else if (!m_routes) {
        link.summary = QStringLiteral("Unknown: ") + m_routesUnknown;
        // Kube-side hint: the node says the route controller failed for it.
        for (const QString& n : backendNodes) {
            const auto cond = facts::condition(node(n), QStringLiteral("NetworkUnavailable"));
            if (cond && cond->value(QStringLiteral("status")).toString() == QStringLiteral("True"))
                link.summary += QStringLiteral(" (node %1 reports NetworkUnavailable/%2)")
                                    .arg(n, cond->value(QStringLiteral("reason")).toString());
        }
    } else {
        QStringList broken, fine;
        for (int i = 0; i < backendNodes.size(); ++i) {
            const auto* route = m_routes->forNode(backendNodes.at(i));
            if (!route) {
                fine << QStringLiteral("node %1 is not VPC-routed").arg(backendNodes.at(i));
                continue;
            }
            if (route->state == RouteAnalysis::NodeRoute::State::Ok)
                fine << QStringLiteral("%1 → %2 (%3)")
                            .arg(route->destination, route->nextHop, route->entryId);
            else if (route->state == RouteAnalysis::NodeRoute::State::Missing)
                broken << QStringLiteral("no route for %1 (node %2, backend pod %3) → %4")
                              .arg(route->podCidr, route->node, podIps.at(i), route->instanceId);
            else
                broken << QStringLiteral("route %1 for %2 goes to %3, not to node %4's instance %5")
                              .arg(route->entryId, route->destination, route->nextHop, route->node,
                                   route->instanceId);
        }
        link.state = broken.isEmpty() ? LinkState::Ok : LinkState::Broken;
        link.summary = broken.isEmpty()
                           ? QStringLiteral("A route reaches the backend pod's node: ") +
                                 fine.join(QStringLiteral("; "))
                           : QStringLiteral("The API server cannot reach the backend pod: ") +
                                 broken.join(QStringLiteral("; "));
        for (const Observation& o : m_f.routeEntries)
            link.evidence.append(evidence(
                o,
                QStringLiteral("Routes checked against node %1's pod CIDR")
                    .arg(backendNodes.first()),
                QStringLiteral("DestinationCidrBlock"),
                m_routes->forNode(backendNodes.first())
                    ? m_routes->forNode(backendNodes.first())->podCidr
                    : QString(),
                facts::aliyun(QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
                              {{QStringLiteral("RegionId"), m_f.regionId},
                               {QStringLiteral("RouteTableId"),
                                o.query.params.value(QStringLiteral("RouteTableId"))}})));
    }
    if (m_f.nodes && !backendNodes.isEmpty())
        link.evidence.append(evidence(
            *m_f.nodes, QStringLiteral("Backend node %1 pod CIDR").arg(backendNodes.first()),
            QStringLiteral("spec.podCIDR"), facts::podCidr(node(backendNodes.first())),
            facts::kubectl(
                QStringLiteral("get node %1 -o jsonpath='{.spec.podCIDR} {.spec.providerID}'")
                    .arg(backendNodes.first()))));
    result.links.append(link);
}

void VerdictBuilder::buildRouteController(DiagnosisResult& result)
{
    ComponentVerdict c;
    c.id = QString::fromLatin1(ids::RouteController);
    c.label = QStringLiteral("Route Controller");
    c.object = m_f.routeControllerPod.isEmpty()
                   ? QStringLiteral("cloud-controller-manager")
                   : QStringLiteral("kube-system/") + m_f.routeControllerPod;
    LinkVerdict link;
    link.from = c.id;
    link.to = QString::fromLatin1(ids::VpcRouteTable);

    // Events the route controller files when it fails.
    static const QSet<QString> failReasons{
        QStringLiteral("FailedToCreateRoute"), QStringLiteral("CreateRouteFailed"),
        QStringLiteral("SyncRouteFailed"), QStringLiteral("DescriberRouteFailed")};
    QStringList errorLines;
    for (const Observation& o : m_f.events)
        for (const QJsonValue& value : o.items()) {
            const QJsonObject event = value.toObject();
            const QString reason = event.value(QStringLiteral("reason")).toString();
            if (!failReasons.contains(reason))
                continue;
            const QString line = QStringLiteral("%1 %2/%3: %4")
                                     .arg(reason, str(event, QStringLiteral("involvedObject.kind")),
                                          str(event, QStringLiteral("involvedObject.name")),
                                          event.value(QStringLiteral("message")).toString())
                                     .simplified();
            errorLines << line;
            if (m_routeErrorEvidence.size() < 3)
                m_routeErrorEvidence.append(evidence(
                    o,
                    QStringLiteral("Warning event %1 (×%2)")
                        .arg(reason)
                        .arg(event.value(QStringLiteral("count")).toInt(1)),
                    QStringLiteral("reason/message"), line,
                    facts::kubectl(
                        QStringLiteral("get events --field-selector reason=%1").arg(reason),
                        facts::ns(event))));
        }
    if (m_f.routeControllerLog && m_f.routeControllerLog->ok()) {
        static const QRegularExpression bad(
            QStringLiteral("(?i)(route.*(error|fail))|forbidden|not authorized"));
        const QStringList lines =
            QString::fromUtf8(m_f.routeControllerLog->answer.body).split(QLatin1Char('\n'));
        QString last;
        for (const QString& line : lines)
            if (bad.match(line).hasMatch())
                last = line.trimmed();
        if (!last.isEmpty()) {
            errorLines << last;
            m_routeErrorEvidence.append(evidence(
                *m_f.routeControllerLog, QStringLiteral("Route error in the controller log"),
                QStringLiteral("log line"), last,
                facts::kubectl(QStringLiteral("logs %1 --tail=200").arg(m_f.routeControllerPod),
                               QStringLiteral("kube-system"))));
        }
    }
    QStringList noRoute;
    for (const QJsonObject& n : nodes()) {
        const auto cond = facts::condition(n, QStringLiteral("NetworkUnavailable"));
        if (cond && cond->value(QStringLiteral("status")).toString() == QStringLiteral("True"))
            noRoute << facts::name(n);
    }
    if (!noRoute.isEmpty() && m_f.nodes) {
        errorLines << QStringLiteral("NetworkUnavailable=True on %1")
                          .arg(noRoute.join(QStringLiteral(", ")));
        m_routeErrorEvidence.append(
            evidence(*m_f.nodes,
                     QStringLiteral("%1 node(s) NetworkUnavailable=True (NoRouteCreated)")
                         .arg(noRoute.size()),
                     QStringLiteral("status.conditions[NetworkUnavailable]"),
                     noRoute.join(QStringLiteral(", ")),
                     facts::kubectl(QStringLiteral("describe node %1").arg(noRoute.first()))));
    }
    m_routeControllerErrors = !errorLines.isEmpty();

    QJsonObject pod;
    if (m_f.systemPods)
        for (const QJsonValue& value : m_f.systemPods->items())
            if (facts::name(value.toObject()) == m_f.routeControllerPod)
                pod = value.toObject();
    c.evidence = m_routeErrorEvidence;
    if (!pod.isEmpty() && m_f.systemPods)
        c.evidence.append(evidence(
            *m_f.systemPods,
            QStringLiteral("Pod %1 is %2")
                .arg(m_f.routeControllerPod,
                     facts::podReady(pod) ? QStringLiteral("Ready") : QStringLiteral("not Ready")),
            QStringLiteral("status.conditions[Ready]"),
            facts::podReady(pod) ? QStringLiteral("True") : QStringLiteral("False"),
            facts::kubectl(QStringLiteral("get pod %1 -o wide").arg(m_f.routeControllerPod),
                           QStringLiteral("kube-system"))));
    if (!errorLines.isEmpty()) {
        c.state = ComponentState::Failing;
        c.summary = QStringLiteral("Fails to manage routes: ") + errorLines.first().left(300);
    } else if (!pod.isEmpty() && !facts::podReady(pod)) {
        c.state = ComponentState::Failing;
        c.summary = QStringLiteral("Pod %1 is not Ready").arg(m_f.routeControllerPod);
    } else if (!pod.isEmpty()) {
        c.state = ComponentState::Healthy;
        c.summary = QStringLiteral("Running (%1), no route errors in its log or events")
                        .arg(m_f.routeControllerPod);
    } else if (!onAlibaba() && m_f.nodes && m_f.nodes->ok()) {
        c.state = ComponentState::NotApplicable;
        c.summary =
            QStringLiteral("No cloud route controller: nodes are not VPC-routed ECS instances");
    } else {
        c.summary = m_f.systemPods && m_f.systemPods->ok()
                        ? QStringLiteral("Unknown: no cloud-controller-manager pod in kube-system "
                                         "(managed control plane?) and no route events")
                        : QStringLiteral("Unknown: kube-system pods could not be read");
    }
    result.components.append(c);

    link.evidence = m_routeErrorEvidence;
    const auto problems = m_routes ? m_routes->problems() : QList<RouteAnalysis::NodeRoute>{};
    if (!problems.isEmpty()) {
        link.state = LinkState::Broken;
        QStringList cidrs;
        for (const auto& p : problems)
            cidrs << p.podCidr;
        link.summary =
            QStringLiteral("%1 node pod CIDR(s) lack a correct route (%2)%3")
                .arg(problems.size())
                .arg(cidrs.mid(0, 4).join(QStringLiteral(", ")) +
                     (cidrs.size() > 4 ? QStringLiteral(", …") : QString()))
                .arg(m_routeControllerErrors
                         ? QStringLiteral("; the controller reports errors")
                         : QStringLiteral("; the controller has not re-created them yet"));
    } else if (m_routeControllerErrors) {
        link.state = LinkState::Broken;
        link.summary = QStringLiteral("The route controller reports route errors: ") +
                       errorLines.first().left(300);
    } else if (m_routes) {
        link.state = LinkState::Ok;
        link.summary = QStringLiteral("Every node's pod CIDR has its route");
    } else if (c.state == ComponentState::NotApplicable) {
        link.state = LinkState::Ok;
        link.summary = QStringLiteral("Not VPC-routed");
    } else {
        link.summary = QStringLiteral("Unknown: ") + m_routesUnknown;
    }
    result.links.append(link);
}

std::optional<RamAttachedPolicy> VerdictBuilder::attachedPolicy(const Observation& o)
{
    QJsonValue doc =
        facts::at(o.answer.json, QStringLiteral("DefaultPolicyVersion.PolicyDocument"));
    if (doc.isUndefined())
        doc = facts::at(o.answer.json, QStringLiteral("Policy.PolicyDocument"));
    const QByteArray text = doc.isObject()
                                ? QJsonDocument(doc.toObject()).toJson(QJsonDocument::Compact)
                                : doc.toString().toUtf8();
    QString error;
    auto parsed = RamPolicyDocument::parse(text, &error);
    if (!parsed)
        return std::nullopt;
    RamAttachedPolicy policy;
    policy.policyName = o.query.params.value(QStringLiteral("PolicyName"));
    policy.policyType =
        o.query.params.value(QStringLiteral("PolicyType"), QStringLiteral("Custom"));
    policy.versionId = facts::str(o.answer.json, QStringLiteral("DefaultPolicyVersion.VersionId"));
    if (policy.versionId.isEmpty())
        policy.versionId = facts::str(o.answer.json, QStringLiteral("Policy.DefaultVersion"));
    policy.document = *parsed;
    return policy;
}

void VerdictBuilder::buildRam(DiagnosisResult& result)
{
    ComponentVerdict c;
    c.id = QString::fromLatin1(ids::RamPolicy);
    c.label = QStringLiteral("RAM policy");
    LinkVerdict link;
    link.from = QString::fromLatin1(ids::RouteController);
    link.to = c.id;
    auto finish = [&] {
        link.state =
            c.state == ComponentState::Failing ? LinkState::Broken
            : c.state == ComponentState::Healthy || c.state == ComponentState::NotApplicable
                ? LinkState::Ok
                : LinkState::Unknown;
        if (link.summary.isEmpty())
            link.summary = c.summary;
        link.evidence = c.evidence;
        result.components.append(c);
        result.links.append(link);
    };
    if (!onAlibaba() && m_f.nodes && m_f.nodes->ok()) {
        c.state = ComponentState::NotApplicable;
        c.summary = QStringLiteral("Not an Alibaba Cloud cluster");
        return finish();
    }
    QString reason =
        cloudUnknownReason(m_f.instanceRamRole, QStringLiteral("ecs:DescribeInstanceRamRole"));
    if (reason.isEmpty() && m_f.ramRoleName.isEmpty())
        reason = QStringLiteral("the control-plane instances have no RAM role (the controller may "
                                "use an AccessKey from cloud-config)");
    if (reason.isEmpty())
        reason = cloudUnknownReason(m_f.rolePolicies, QStringLiteral("ram:ListPoliciesForRole"));
    QList<RamAttachedPolicy> documents;
    for (const Observation& o : m_f.policies) {
        if (reason.isEmpty())
            reason = cloudUnknownReason(o, QStringLiteral("ram:GetPolicy"));
        if (!o.ok())
            continue;
        const auto attached = attachedPolicy(o);
        if (!attached) {
            if (reason.isEmpty())
                reason = QStringLiteral("policy %1 could not be read")
                             .arg(o.query.params.value(QStringLiteral("PolicyName")));
            continue;
        }
        documents.append(*attached);
    }
    c.object = m_f.ramRoleName;
    if (!reason.isEmpty()) {
        c.summary = QStringLiteral("Unknown: ") + reason;
        // A hint from the kube side, never a verdict.
        for (const Evidence& e : m_routeErrorEvidence)
            if (e.value.contains(QStringLiteral("Forbidden.RAM"))) {
                link.summary =
                    c.summary +
                    QStringLiteral(" (the route controller's own errors mention Forbidden.RAM)");
                c.evidence.append(e);
                break;
            }
        return finish();
    }
    QStringList denied, missing;
    Evidence decisive;
    for (const QString& action : requiredRouteActions()) {
        const RamEvaluation e = RamPolicyEvaluator::evaluate(documents, action);
        if (e.decision == RamEvaluation::Decision::ExplicitDeny) {
            denied << action;
            const QString policyName =
                e.deciding.isEmpty() ? QString() : e.deciding.first().policyName;
            if (decisive.title.isEmpty())
                for (const Observation& o : m_f.policies)
                    if (o.query.params.value(QStringLiteral("PolicyName")) == policyName)
                        decisive = evidence(
                            o, QStringLiteral("Policy %1 denies %2").arg(policyName, action),
                            QStringLiteral("DefaultPolicyVersion.PolicyDocument.Statement"),
                            e.explain(),
                            facts::aliyun(QStringLiteral("ram"), QStringLiteral("GetPolicy"),
                                          {{QStringLiteral("PolicyName"), policyName},
                                           {QStringLiteral("PolicyType"),
                                            o.query.params.value(QStringLiteral("PolicyType"))}}));
        } else if (!e.allowed()) {
            missing << action;
        }
    }
    if (m_f.rolePolicies)
        c.evidence.append(evidence(
            *m_f.rolePolicies, QStringLiteral("Policies attached to %1").arg(m_f.ramRoleName),
            QStringLiteral("Policies.Policy[].PolicyName"),
            [&] {
                QStringList n;
                for (const auto& d : documents)
                    n << d.policyName;
                return n.join(QStringLiteral(", "));
            }(),
            facts::aliyun(QStringLiteral("ram"), QStringLiteral("ListPoliciesForRole"),
                          {{QStringLiteral("RoleName"), m_f.ramRoleName}})));
    if (!decisive.title.isEmpty())
        c.evidence.prepend(decisive);
    if (!denied.isEmpty()) {
        c.state = ComponentState::Failing;
        c.summary = QStringLiteral("Role %1: an explicit Deny blocks %2 (the route controller "
                                   "cannot read or write routes)")
                        .arg(m_f.ramRoleName, denied.join(QStringLiteral(", ")));
    } else if (!missing.isEmpty()) {
        c.state = ComponentState::Failing;
        c.summary = QStringLiteral("Role %1: no policy allows %2")
                        .arg(m_f.ramRoleName, missing.join(QStringLiteral(", ")));
    } else {
        c.state = ComponentState::Healthy;
        c.summary = QStringLiteral("Role %1 allows every route action the controller needs")
                        .arg(m_f.ramRoleName);
    }
    finish();
}

void VerdictBuilder::buildFinalizers(DiagnosisResult& result)
{
    QStringList finalizerItems;
    QStringList nsNames;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto c = facts::condition(ns, QStringLiteral("NamespaceFinalizersRemaining"));
        if (!c || c->value(QStringLiteral("status")).toString() != QStringLiteral("True"))
            continue;
        nsNames << facts::name(ns);
        const QString message = c->value(QStringLiteral("message")).toString();
        finalizerItems << message.section(QStringLiteral("remaining: "), 1);
    }
    if (nsNames.isEmpty())
        return;
    ComponentVerdict c;
    c.id = QStringLiteral("finalizers");
    c.label = QStringLiteral("Stuck finalizers");
    c.state = ComponentState::Failing;
    QStringList objects;
    for (const Observation& o : m_f.remainingContent)
        for (const QJsonValue& value : o.items()) {
            const QJsonObject item = value.toObject();
            QStringList fins;
            for (const QJsonValue& f :
                 facts::at(item, QStringLiteral("metadata.finalizers")).toArray())
                fins << f.toString();
            if (fins.isEmpty())
                continue;
            const QString kind = item.value(QStringLiteral("kind")).toString();
            objects << QStringLiteral("%1 %2/%3 [%4]")
                           .arg(kind, facts::ns(item), facts::name(item),
                                fins.join(QStringLiteral(", ")));
            c.evidence.append(
                evidence(o,
                         QStringLiteral("%1 %2/%3 still has finalizers")
                             .arg(kind, facts::ns(item), facts::name(item)),
                         QStringLiteral("metadata.finalizers"), fins.join(QStringLiteral(", ")),
                         facts::kubectl(QStringLiteral("get %1 %2 -o yaml")
                                            .arg(o.query.path.section(QLatin1Char('/'), -1)
                                                     .section(QLatin1Char('?'), 0, 0),
                                                 facts::name(item)),
                                        facts::ns(item))));
        }
    c.object = objects.isEmpty() ? finalizerItems.join(QStringLiteral("; "))
                                 : objects.join(QStringLiteral("; "));
    c.summary =
        QStringLiteral("Content in %1 waits on finalizers nobody removes: %2 (its controller is "
                       "gone or failing)")
            .arg(nsNames.join(QStringLiteral(", ")), finalizerItems.join(QStringLiteral("; ")));
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto cond = facts::condition(ns, QStringLiteral("NamespaceFinalizersRemaining"));
        if (cond && cond->value(QStringLiteral("status")).toString() == QStringLiteral("True") &&
            m_f.namespaces)
            c.evidence.prepend(
                evidence(*m_f.namespaces,
                         QStringLiteral("Namespace %1 reports NamespaceFinalizersRemaining")
                             .arg(facts::name(ns)),
                         QStringLiteral("status.conditions[NamespaceFinalizersRemaining].message"),
                         cond->value(QStringLiteral("message")).toString(),
                         facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(facts::name(ns)))));
    }
    LinkVerdict link;
    link.from = QString::fromLatin1(ids::NamespaceController);
    link.to = c.id;
    link.state = LinkState::Broken;
    link.summary = QStringLiteral("Deletion waits for finalizers: ") +
                   finalizerItems.join(QStringLiteral("; "));
    link.evidence = c.evidence.mid(0, 1);
    result.components.append(c);
    result.links.append(link);
}

void VerdictBuilder::buildWebhook(DiagnosisResult& result)
{
    QStringList messages, nsNames;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto c = facts::condition(ns, QStringLiteral("NamespaceDeletionContentFailure"));
        if (!c || c->value(QStringLiteral("status")).toString() != QStringLiteral("True"))
            continue;
        const QString message = c->value(QStringLiteral("message")).toString();
        if (!message.contains(QStringLiteral("webhook"), Qt::CaseInsensitive))
            continue;
        messages << message;
        nsNames << facts::name(ns);
    }
    if (messages.isEmpty())
        return;
    ComponentVerdict c;
    c.id = QStringLiteral("webhook");
    c.state = ComponentState::Failing;
    static const QRegularExpression named(QStringLiteral("webhook \"([^\"]+)\""));
    static const QRegularExpression conversion(
        QStringLiteral("conversion webhook for ([^ ]+), Kind=([A-Za-z0-9]+)"));
    const QString message = messages.first();
    QString webhookName;
    if (const auto m = named.match(message); m.hasMatch())
        webhookName = m.captured(1);
    QString configuration, configKind;
    for (const auto& [obs, kind] :
         {std::pair{m_f.validatingWebhooks, QStringLiteral("ValidatingWebhookConfiguration")},
          std::pair{m_f.mutatingWebhooks, QStringLiteral("MutatingWebhookConfiguration")}}) {
        if (!obs || !configuration.isEmpty())
            continue;
        for (const QJsonValue& value : obs->items()) {
            for (const QJsonValue& hook :
                 value.toObject().value(QStringLiteral("webhooks")).toArray())
                if (hook.toObject().value(QStringLiteral("name")).toString() == webhookName &&
                    !webhookName.isEmpty()) {
                    configuration = facts::name(value.toObject());
                    configKind = kind;
                    c.evidence.append(evidence(
                        *obs,
                        QStringLiteral("%1 %2 registers webhook %3")
                            .arg(kind, configuration, webhookName),
                        QStringLiteral("webhooks[].rules"),
                        QString::fromUtf8(
                            QJsonDocument(hook.toObject().value(QStringLiteral("rules")).toArray())
                                .toJson(QJsonDocument::Compact)),
                        facts::kubectl(QStringLiteral("get %1 %2 -o yaml")
                                           .arg(kind.toLower(), configuration))));
                }
        }
    }
    if (const auto m = conversion.match(message); m.hasMatch()) {
        c.label = QStringLiteral("Conversion webhook");
        c.object = QStringLiteral("%1 %2").arg(m.captured(1), m.captured(2));
        c.summary =
            QStringLiteral("Content of %1 cannot be deleted: the conversion webhook for %2 fails")
                .arg(nsNames.join(QStringLiteral(", ")), c.object);
    } else {
        c.label = QStringLiteral("Admission webhook");
        c.object = configuration.isEmpty()
                       ? webhookName
                       : QStringLiteral("%1/%2 (%3)").arg(configKind, configuration, webhookName);
        c.summary = QStringLiteral("Admission webhook %1 blocks the deletes in %2")
                        .arg(webhookName.isEmpty() ? QStringLiteral("(unnamed)") : webhookName,
                             nsNames.join(QStringLiteral(", ")));
    }
    // Why the webhook fails matters for the fix: a Service that is gone cannot answer.
    static const QRegularExpression gone(QStringLiteral("service \"([^\"]+)\" not found"));
    static const QRegularExpression noEndpoints(
        QStringLiteral("no endpoints available for service \"([^\"]+)\""));
    if (const auto m = gone.match(message); m.hasMatch())
        c.summary += QStringLiteral(" (its Service %1 does not exist)").arg(m.captured(1));
    else if (const auto e = noEndpoints.match(message); e.hasMatch())
        c.summary += QStringLiteral(" (its Service %1 has no ready endpoints)").arg(e.captured(1));
    if (m_f.namespaces)
        c.evidence.prepend(evidence(
            *m_f.namespaces,
            QStringLiteral("Namespace %1 reports NamespaceDeletionContentFailure")
                .arg(nsNames.first()),
            QStringLiteral("status.conditions[NamespaceDeletionContentFailure].message"), message,
            facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(nsNames.first()))));
    LinkVerdict link;
    link.from = QString::fromLatin1(ids::NamespaceController);
    link.to = c.id;
    link.state = LinkState::Broken;
    link.summary = QStringLiteral("Content deletion fails: ") + message.left(300);
    link.evidence = c.evidence.mid(0, 1);
    result.components.append(c);
    result.links.append(link);
}

} // namespace unstuck
