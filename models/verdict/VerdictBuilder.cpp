// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/VerdictBuilder.h"

#include "models/cloud/RamPolicyEvaluator.h"
#include "models/common/Redactor.h"
#include "models/probes/ContentProbe.h"
#include "models/probes/KubeFacts.h"
#include "models/probes/RouteControllerProbe.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace unstuck {

using namespace Qt::StringLiterals;
using facts::str;
// Every sentence is written in English and Simplified Chinese side by side (Bilingual.h).
using Text = Bilingual;

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
    return describeApiServiceFailureText(failure).en;
}

Bilingual describeApiServiceFailureText(ApiServiceFailure failure)
{
    switch (failure) {
    case ApiServiceFailure::None:
        return Text(u"available"_s, u"可用"_s);
    case ApiServiceFailure::Timeout:
        return Text(u"dial timeout: packets to the backend are dropped (route or security group)"_s,
                    u"连接超时：发往后端的数据包被丢弃（路由或安全组问题）"_s);
    case ApiServiceFailure::NoRoute:
        return Text(u"no route to host"_s, u"没有到达主机的路由（no route to host）"_s);
    case ApiServiceFailure::Refused:
        return Text(u"connection refused: the host answers but nothing listens"_s,
                    u"连接被拒绝：主机有响应，但端口上没有服务在监听"_s);
    case ApiServiceFailure::Tls:
        return Text(u"TLS error between the API server and the backend"_s,
                    u"API Server 与后端之间的 TLS 错误"_s);
    case ApiServiceFailure::Auth:
        return Text(u"the backend rejects the API server (401/403, front-proxy/RBAC)"_s,
                    u"后端拒绝了 API Server 的请求（401/403，front-proxy 或 RBAC 问题）"_s);
    case ApiServiceFailure::NoEndpoints:
        return Text(u"the Service has no ready endpoints"_s, u"该 Service 没有就绪的 Endpoint"_s);
    case ApiServiceFailure::NoService:
        return Text(u"the Service does not exist"_s, u"该 Service 不存在"_s);
    case ApiServiceFailure::Other:
        return Text(u"discovery check failed"_s, u"发现检查（discovery check）失败"_s);
    }
    return {};
}

// The sources explain in English why the cloud side is out of reach; the known sentences
// read in Chinese too, anything else (a credential loader's own error) stays as it is.
static Bilingual cloudReasonText(const QString& reason)
{
    static const struct
    {
        const char16_t* en;
        const char16_t* zh;
    } known[] = {
        {u"cloud checks turned off (--no-cloud)", u"已关闭云端检查（--no-cloud）"},
        {u"the pasted input holds no aliyun CLI output", u"粘贴的内容中没有 aliyun CLI 的输出"},
        {u"the capture bundle holds no cloud answers", u"采集包中没有云端应答"},
        {u"no cloud credentials in profile ", u"没有云凭据，连接配置文件："},
        {u"no cloud credentials: ", u"没有云凭据："},
        {u"no cloud credentials (", u"没有云凭据（"},
        {u"no cloud credentials", u"没有云凭据"},
    };
    // What a connection profile says is wrong with its cloud section.
    static const struct
    {
        const char16_t* en;
        const char16_t* zh;
    } details[] = {
        {u"the profile has no cloud section", u"连接配置文件中没有 cloud 部分"},
        {u"the profile names no cloud credentials", u"连接配置文件没有指定云凭据"},
    };
    for (const auto& k : known) {
        const QString en = QString::fromUtf16(k.en);
        if (!reason.startsWith(en))
            continue;
        QString rest = reason.mid(en.size());
        for (const auto& d : details)
            if (rest == QString::fromUtf16(d.en))
                rest = QString::fromUtf16(d.zh);
        if (en.endsWith(QLatin1Char('(')) && rest.endsWith(QLatin1Char(')')))
            rest = rest.chopped(1) + u"）"_s;
        return Text(reason, QString::fromUtf16(k.zh) + rest);
    }
    return Text::same(reason);
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

Evidence VerdictBuilder::evidence(const Observation& observation, const Bilingual& title,
                                  const QString& field, const QString& value,
                                  const QString& command) const
{
    Evidence e;
    e.setTitle(title);
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

Bilingual VerdictBuilder::cloudUnknownReason(const std::optional<Observation>& observation,
                                             const QString& action) const
{
    if (!m_f.cloudAvailable)
        return cloudReasonText(m_f.cloudUnavailableReason.isEmpty()
                                   ? QStringLiteral("no cloud credentials")
                                   : m_f.cloudUnavailableReason);
    // Cloud questions start from the nodes' instance ids: without nodes none was asked.
    if (!observation && m_f.nodes && !m_f.nodes->ok())
        return Text(u"nodes could not be listed (%1), so %2 was not asked"_s,
                    u"无法列出节点（%1），因此没有调用 %2"_s)
            .arg(m_f.nodes->answer.message.isEmpty() ? m_f.nodes->answer.error
                                                     : m_f.nodes->answer.message,
                 action);
    if (!observation)
        return m_f.timedOut
                   ? Text(u"%1 was not answered in time"_s, u"%1 没有及时返回"_s).arg(action)
                   : Text(u"%1 was not asked (an earlier cloud answer was missing)"_s,
                          u"没有调用 %1（之前的某个云端应答缺失）"_s)
                         .arg(action);
    const SourceAnswer& a = observation->answer;
    if (a.ok())
        return {};
    const QString product = action.section(QLatin1Char(':'), 0, 0).toUpper();
    if (a.error == QStringLiteral("forbidden") || a.status == 403 ||
        a.errorCode.startsWith(QStringLiteral("Forbidden")) ||
        a.errorCode.contains(QStringLiteral("NoPermission")))
        return Text(u"403 from %1: %2 not allowed"_s, u"%1 返回 403：无权调用 %2"_s)
            .arg(product, action);
    if (a.error == QStringLiteral("timeout"))
        return Text(u"%1 timed out after %2 ms"_s, u"%1 在 %2 毫秒后超时"_s)
            .arg(action)
            .arg(a.elapsedMs);
    if (a.error == QStringLiteral("missing"))
        return Text(u"%1 is not in the recorded input"_s, u"记录的输入中没有 %1 的应答"_s)
            .arg(action);
    return Text(u"%1 failed: %2"_s, u"%1 调用失败：%2"_s)
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

static Bilingual unknownBecause(const Bilingual& reason)
{
    return Text(u"Unknown: "_s, u"未知："_s) + reason;
}

// The first error line, cut to a length a one-line verdict can carry.
static Bilingual firstLine(const QList<Bilingual>& lines)
{
    return Text(lines.first().en.left(300), lines.first().zh.left(300));
}

static Bilingual notAnswered()
{
    return Text(u"not answered"_s, u"无应答"_s);
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
                Text(u"Namespace %1 reports NamespaceDeletionDiscoveryFailure"_s,
                     u"命名空间 %1 报告 NamespaceDeletionDiscoveryFailure"_s)
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
        link.evidence.append(
            evidence(it.value(),
                     Text(u"GET /apis/%1 answers %2"_s, u"GET /apis/%1 返回 %2"_s)
                         .arg(it.key())
                         .arg(a.status),
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
        link.setSummary(Text(u"Discovery is partial: %1 cannot be listed, so the namespace "
                             "controller will not finish deleting"_s,
                             u"API 发现不完整：无法列出 %1，Namespace 控制器因此无法完成删除"_s)
                            .arg(failing.join(QStringLiteral(", "))));
    } else if (m_f.apis && m_f.apis->ok()) {
        link.state = LinkState::Ok;
        link.setSummary(Text(u"Full discovery succeeds (%1 group/versions)"_s,
                             u"API 发现完整（%1 个 group/version）"_s)
                            .arg(m_f.groupVersions.size()));
        link.evidence.append(evidence(
            *m_f.apis, Text(u"API groups listed"_s, u"已列出 API 组"_s), QStringLiteral("groups"),
            QString::number(m_f.apis->answer.json.value(QStringLiteral("groups")).toArray().size()),
            QStringLiteral("kubectl api-resources")));
    } else {
        link.setSummary(Text(u"Unknown: discovery could not be read (%1)"_s,
                             u"未知：无法读取 API 发现结果（%1）"_s)
                            .arg(m_f.apis ? Text::same(m_f.apis->answer.message) : notAnswered()));
    }

    if (!m_f.namespaces || !m_f.namespaces->ok()) {
        controller.state = ComponentState::Unknown;
        controller.setSummary(
            Text(u"Unknown: namespaces could not be read (%1)"_s, u"未知：无法读取命名空间（%1）"_s)
                .arg(m_f.namespaces ? Text::same(m_f.namespaces->answer.message) : notAnswered()));
    } else if (m_f.stuckNamespaces.isEmpty()) {
        controller.state = ComponentState::Healthy;
        controller.setSummary(Text(u"No namespace is stuck in Terminating"_s,
                                   u"没有卡在 Terminating 状态的命名空间"_s));
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
        controller.setSummary(
            Text(u"%1 namespace(s) stuck in Terminating (%2); the controller keeps retrying%3"_s,
                 u"%1 个命名空间卡在 Terminating 状态（%2），控制器在不断重试%3"_s)
                .arg(names.size())
                .arg(
                    Text(names.mid(0, 5).join(QStringLiteral(", ")) +
                             (names.size() > 5 ? QStringLiteral(", …") : QString()),
                         names.mid(0, 5).join(u"、"_s) + (names.size() > 5 ? u" 等"_s : QString())))
                .arg(hasConditions ? Text(u" and reports why in the namespace conditions"_s,
                                          u"，并在命名空间的 conditions 中说明了原因"_s)
                                   : Text()));
        controller.evidence.append(evidence(
            *m_f.namespaces,
            Text(u"Namespaces in Terminating"_s, u"处于 Terminating 状态的命名空间"_s),
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
        c.setSummary(Text(u"Unknown: /apis did not answer (%1)"_s, u"未知：/apis 没有应答（%1）"_s)
                         .arg(m_f.apis ? Text::same(m_f.apis->answer.message) : notAnswered()));
        result.components.append(c);
        return;
    }
    c.state = ComponentState::Healthy;
    // Where its traffic to aggregated APIs comes from: the host network of the control plane.
    Bilingual origin;
    if (m_f.systemPods) {
        for (const QJsonValue& value : m_f.systemPods->items()) {
            const QJsonObject pod = value.toObject();
            if (!facts::name(pod).startsWith(QStringLiteral("kube-apiserver")) &&
                str(pod, QStringLiteral("metadata.labels.component")) !=
                    QStringLiteral("kube-apiserver"))
                continue;
            const bool host = facts::at(pod, QStringLiteral("spec.hostNetwork")).toBool();
            origin = Text(u"%1 network %2 (node %3)"_s, u"%1网络 %2（节点 %3）"_s)
                         .arg(host ? Text(u"host"_s, u"主机"_s) : Text(u"pod"_s, u"Pod "_s),
                              Text::same(str(pod, host ? QStringLiteral("status.hostIP")
                                                       : QStringLiteral("status.podIP"))),
                              Text::same(str(pod, QStringLiteral("spec.nodeName"))));
            c.evidence.append(evidence(
                *m_f.systemPods,
                Text(u"API server pod %1"_s, u"API Server 的 Pod：%1"_s).arg(facts::name(pod)),
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
                origin = Text(u"host network of control-plane node %1 (%2)"_s,
                              u"控制面节点 %1 的主机网络（%2）"_s)
                             .arg(facts::name(n), facts::internalIp(n));
                break;
            }
    }
    if (origin.isEmpty())
        origin = Text(u"a managed control plane (no API server pod is visible)"_s,
                      u"托管控制面（看不到 API Server Pod）"_s);
    c.setSummary(Text(u"Serves requests; its calls to aggregated APIs leave from the %1"_s,
                      u"正常处理请求；它对聚合 API 的调用从%1发出"_s)
                     .arg(origin));
    c.evidence.append(evidence(*m_f.apis, Text(u"GET /apis answers"_s, u"GET /apis 有应答"_s),
                               QStringLiteral("HTTP status"),
                               QString::number(m_f.apis->answer.status),
                               QStringLiteral("kubectl get --raw /apis")));
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
        const Bilingual unknown =
            Text(u"Unknown: APIServices could not be read (%1)"_s,
                 u"未知：无法读取 APIService（%1）"_s)
                .arg(m_f.apiServices ? Text::same(m_f.apiServices->answer.message) : notAnswered());
        c.setSummary(unknown);
        link.setSummary(unknown);
        result.components.append(c);
        result.links.append(link);
        return;
    }
    if (!m_backend) {
        c.state = ComponentState::NotApplicable;
        c.setSummary(
            Text(u"No aggregated API is registered; the API server serves every group itself"_s,
                 u"没有注册聚合 API；所有 API 组都由 API Server 自己提供"_s));
        link.state = LinkState::Ok;
        link.setSummary(Text(u"No aggregated API to reach"_s, u"没有需要访问的聚合 API"_s));
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
    const Evidence apiServiceEvidence = evidence(
        *m_f.apiServices,
        Text(u"APIService %1 is Available=%2%3"_s, u"APIService %1 的状态为 Available=%2%3"_s)
            .arg(Text::same(b.apiService), Text::same(status),
                 reason.isEmpty() ? Text() : Text(u" (%1)"_s, u"（%1）"_s).arg(reason)),
        QStringLiteral("status.conditions[Available]"),
        QStringLiteral("%1 %2: %3").arg(status, reason, message),
        facts::kubectl(QStringLiteral("get apiservice %1 -o yaml").arg(b.apiService)));
    link.evidence.append(apiServiceEvidence);
    if (failure == ApiServiceFailure::None) {
        link.state = LinkState::Ok;
        link.setSummary(Text(u"APIService %1 is Available"_s, u"APIService %1 可用（Available）"_s)
                            .arg(b.apiService));
    } else {
        link.state = LinkState::Broken;
        link.setSummary(Text(u"APIService %1 is Available=%2 (%3): %4"_s,
                             u"APIService %1 不可用（Available=%2，%3）：%4"_s)
                            .arg(Text::same(b.apiService), Text::same(status), Text::same(reason),
                                 describeApiServiceFailureText(failure)));
    }
    // Other aggregated APIs that fail too are worth one line each.
    for (const AggregatedBackend& other : m_f.backends) {
        if (&other == m_backend)
            continue;
        const auto cond = facts::condition(other.object, QStringLiteral("Available"));
        if (cond && cond->value(QStringLiteral("status")).toString() != QStringLiteral("True"))
            link.evidence.append(evidence(
                *m_f.apiServices,
                Text(u"APIService %1 is also unavailable"_s, u"APIService %1 同样不可用"_s)
                    .arg(other.apiService),
                QStringLiteral("status.conditions[Available].reason"),
                cond->value(QStringLiteral("reason")).toString() + QStringLiteral(": ") +
                    cond->value(QStringLiteral("message")).toString(),
                facts::kubectl(QStringLiteral("get apiservice %1 -o yaml").arg(other.apiService))));
    }

    // The backend itself: Service → ready endpoints → pods.
    if (failure == ApiServiceFailure::NoService || (b.service && b.service->answer.status == 404)) {
        c.state = ComponentState::Failing;
        c.setSummary(Text(u"Service %1 does not exist: APIService %2 was left behind (e.g. "
                          "by an uninstalled add-on)"_s,
                          u"Service %1 不存在：APIService %2 是遗留下来的（例如组件已被卸载）"_s)
                         .arg(c.object, b.apiService));
        if (b.service)
            c.evidence.append(evidence(
                *b.service, Text(u"Service %1 not found"_s, u"找不到 Service %1"_s).arg(c.object),
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
            Text(u"%1 of %2 endpoints ready"_s, u"%2 个 Endpoint 中有 %1 个就绪"_s)
                .arg(readyEndpoints)
                .arg(endpoints),
            QStringLiteral("endpoints[].conditions.ready"), QString::number(readyEndpoints),
            facts::kubectl(QStringLiteral("get endpointslices -l kubernetes.io/service-name=%1")
                               .arg(b.serviceName),
                           b.serviceNamespace)));
    }
    int readyPods = 0, pods = 0;
    QStringList podLines;
    Bilingual firstPod;
    if (b.pods && b.pods->ok()) {
        for (const QJsonValue& value : b.pods->items()) {
            const QJsonObject pod = value.toObject();
            ++pods;
            if (facts::podReady(pod))
                ++readyPods;
            const Bilingual line =
                Text(u"%1 %2 on %3 (%4)"_s, u"%1 %2，位于 %3，%4"_s)
                    .arg(Text::same(facts::name(pod)),
                         Text::same(str(pod, QStringLiteral("status.podIP"))),
                         Text::same(str(pod, QStringLiteral("spec.nodeName"))),
                         facts::podReady(pod) ? Text(u"Ready"_s, u"已就绪"_s)
                                              : Text(u"not Ready"_s, u"未就绪"_s));
            if (podLines.isEmpty())
                firstPod = line;
            podLines << line.en;
        }
        c.evidence.append(evidence(
            *b.pods,
            Text(u"%1 of %2 backend pods Ready"_s, u"%2 个后端 Pod 中有 %1 个就绪"_s)
                .arg(readyPods)
                .arg(pods),
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
        c.setSummary(
            pods == 0
                ? Text(u"No backend pod exists for Service %1 (scaled to zero or "
                       "crashed away): no endpoints"_s,
                       u"Service %1 没有任何后端 Pod（副本数被缩到 0 或已崩溃消失）：没有 "
                       "Endpoint"_s)
                      .arg(c.object)
                : Text(u"No ready backend pod for Service %1 (%2 of %3 Ready): no endpoints"_s,
                       u"Service %1 没有就绪的后端 Pod（%3 个中 %2 个就绪）：没有 Endpoint"_s)
                      .arg(c.object)
                      .arg(readyPods)
                      .arg(pods));
    } else if (failure == ApiServiceFailure::Refused || failure == ApiServiceFailure::Tls ||
               failure == ApiServiceFailure::Auth) {
        c.state = ComponentState::Failing;
        c.setSummary(Text(u"%1 answers the API server with an error: %2"_s,
                          u"%1 向 API Server 返回错误：%2"_s)
                         .arg(Text::same(c.object), describeApiServiceFailureText(failure)));
        c.evidence.append(apiServiceEvidence);
    } else if (b.pods && b.pods->ok()) {
        c.state = ComponentState::Healthy;
        c.setSummary(Text(u"%1 of %2 pods Ready (%3)"_s, u"%2 个 Pod 中有 %1 个就绪（%3）"_s)
                         .arg(readyPods)
                         .arg(pods)
                         .arg(firstPod));
    } else {
        c.setSummary(Text(u"Unknown: backend pods could not be read (%1)"_s,
                          u"未知：无法读取后端 Pod（%1）"_s)
                         .arg(b.pods ? Text::same(b.pods->answer.message)
                                     : Text(u"Service has no selector or was not read"_s,
                                            u"Service 没有 selector，或未能读取"_s)));
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
        m_routesUnknown = Text(
            u"Nodes are not Alibaba Cloud ECS instances (no <region>.<instance-id> providerID)"_s,
            u"节点不是阿里云 ECS 实例（providerID 不是 <region>.<instance-id> 格式）"_s);
        c.setSummary(m_routesUnknown);
        result.components.append(c);
        return;
    }
    Bilingual reason = cloudUnknownReason(m_f.instances, QStringLiteral("ecs:DescribeInstances"));
    if (reason.isEmpty() && m_f.vpcId.isEmpty())
        reason =
            Text(u"the nodes' ECS instances report no VPC"_s, u"节点的 ECS 实例没有报告所属 VPC"_s);
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
        reason = Text(u"VPC %1 has no route table"_s, u"VPC %1 没有路由表"_s).arg(m_f.vpcId);
    c.object = tables.isEmpty() ? m_f.vpcId : tables.join(QStringLiteral(", "));
    if (!reason.isEmpty()) {
        c.setSummary(unknownBecause(reason));
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
        c.setSummary(
            Text(u"Every node's pod CIDR has a route to its instance (%1 nodes, %2 entries)"_s,
                 u"每个节点的 Pod 网段都有指向其实例的路由（%1 个节点，%2 条路由条目）"_s)
                .arg(m_routes->nodes.size())
                .arg(entries.size()));
    } else {
        QList<Bilingual> lines;
        for (const auto& p : problems)
            lines << (p.state == RouteAnalysis::NodeRoute::State::Missing
                          ? Text(u"%1 → %2 missing (node %3)"_s, u"缺少 %1 → %2（节点 %3）"_s)
                                .arg(p.podCidr, p.instanceId, p.node)
                          : Text(u"%1 goes to %2 instead of %3 (node %4)"_s,
                                 u"%1 指向 %2，而不是 %3（节点 %4）"_s)
                                .arg(p.destination, p.nextHop, p.instanceId, p.node));
        c.state = ComponentState::Failing;
        c.setSummary(Text(u"%1 of %2 node pod CIDRs have no correct route: %3"_s,
                          u"%2 个节点的 Pod 网段中有 %1 个没有正确的路由：%3"_s)
                         .arg(problems.size())
                         .arg(m_routes->nodes.size())
                         .arg(Text::join(lines.mid(0, 3), u"; "_s, u"；"_s) +
                              (lines.size() > 3 ? Text(u"; …"_s, u"；…"_s) : Text())));
    }
    for (const Observation& o : m_f.routeEntries)
        c.evidence.append(
            evidence(o,
                     Text(u"Route entries of %1"_s, u"%1 的路由条目"_s)
                         .arg(o.query.params.value(QStringLiteral("RouteTableId"))),
                     QStringLiteral("RouteEntrys.RouteEntry[].DestinationCidrBlock"),
                     QStringLiteral("%1 entries")
                         .arg(facts::at(o.answer.json, QStringLiteral("RouteEntrys.RouteEntry"))
                                  .toArray()
                                  .size()),
                     cmd));
    if (m_f.instances)
        c.evidence.append(evidence(
            *m_f.instances,
            Text(u"Cluster VPC from the nodes' ECS instances"_s,
                 u"由节点的 ECS 实例得出的集群 VPC"_s),
            QStringLiteral("Instances.Instance[].VpcAttributes.VpcId"), m_f.vpcId,
            facts::aliyun(QStringLiteral("ecs"), QStringLiteral("DescribeInstances"),
                          {{QStringLiteral("RegionId"), m_f.regionId},
                           {QStringLiteral("InstanceIds"),
                            m_f.instances->query.params.value(QStringLiteral("InstanceIds"))}})));
    if (!m_routes->staleEntries.isEmpty())
        c.evidence.append(evidence(
            m_f.routeEntries.first(),
            Text(u"%1 stale route entries point to instances that are no node"_s,
                 u"%1 条过时的路由条目指向已不是集群节点的实例"_s)
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
        link.setSummary(
            Text(u"Unknown: no backend pod is scheduled, so there is no pod IP to route to"_s,
                 u"未知：没有已调度的后端 Pod，因此没有可以路由到的 Pod IP"_s));
    } else if (!m_routes) {
        Bilingual summary = unknownBecause(m_routesUnknown);
        // Kube-side hint: the node says the route controller failed for it.
        for (const QString& n : backendNodes) {
            const auto cond = facts::condition(node(n), QStringLiteral("NetworkUnavailable"));
            if (cond && cond->value(QStringLiteral("status")).toString() == QStringLiteral("True"))
                summary += Text(u" (node %1 reports NetworkUnavailable/%2)"_s,
                                u"（节点 %1 报告 NetworkUnavailable/%2）"_s)
                               .arg(n, cond->value(QStringLiteral("reason")).toString());
        }
        link.setSummary(summary);
    } else {
        QList<Bilingual> broken, fine;
        for (int i = 0; i < backendNodes.size(); ++i) {
            const auto* route = m_routes->forNode(backendNodes.at(i));
            if (!route) {
                fine << Text(u"node %1 is not VPC-routed"_s, u"节点 %1 不走 VPC 路由"_s)
                            .arg(backendNodes.at(i));
                continue;
            }
            if (route->state == RouteAnalysis::NodeRoute::State::Ok)
                fine << Text::same(QStringLiteral("%1 → %2 (%3)")
                                       .arg(route->destination, route->nextHop, route->entryId));
            else if (route->state == RouteAnalysis::NodeRoute::State::Missing)
                broken << Text(u"no route for %1 (node %2, backend pod %3) → %4"_s,
                               u"没有 %1 → %4 的路由（节点 %2，后端 Pod %3）"_s)
                              .arg(route->podCidr, route->node, podIps.at(i), route->instanceId);
            else
                broken << Text(u"route %1 for %2 goes to %3, not to node %4's instance %5"_s,
                               u"%2 的路由 %1 指向 %3，而不是节点 %4 的实例 %5"_s)
                              .arg(route->entryId, route->destination, route->nextHop, route->node,
                                   route->instanceId);
        }
        link.state = broken.isEmpty() ? LinkState::Ok : LinkState::Broken;
        link.setSummary(broken.isEmpty() ? Text(u"A route reaches the backend pod's node: "_s,
                                                u"有路由可到达后端 Pod 所在的节点："_s) +
                                               Text::join(fine, u"; "_s, u"；"_s)
                                         : Text(u"The API server cannot reach the backend pod: "_s,
                                                u"API Server 无法到达后端 Pod："_s) +
                                               Text::join(broken, u"; "_s, u"；"_s));
        for (const Observation& o : m_f.routeEntries)
            link.evidence.append(evidence(
                o,
                Text(u"Routes checked against node %1's pod CIDR"_s,
                     u"按节点 %1 的 Pod 网段核对的路由"_s)
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
            *m_f.nodes,
            Text(u"Backend node %1 pod CIDR"_s, u"后端节点 %1 的 Pod 网段"_s)
                .arg(backendNodes.first()),
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
    QList<Bilingual> errorLines; // log lines and events as they are, one sentence of ours
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
            errorLines << Text::same(line);
            if (m_routeErrorEvidence.size() < 3)
                m_routeErrorEvidence.append(evidence(
                    o,
                    Text(u"Warning event %1 (×%2)"_s, u"Warning 事件 %1（×%2）"_s)
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
            errorLines << Text::same(last);
            m_routeErrorEvidence.append(evidence(
                *m_f.routeControllerLog,
                Text(u"Route error in the controller log"_s, u"控制器日志中的路由错误"_s),
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
        errorLines << Text(u"NetworkUnavailable=True on %1"_s,
                           u"节点 %1 上 NetworkUnavailable=True"_s)
                          .arg(noRoute.join(QStringLiteral(", ")));
        m_routeErrorEvidence.append(
            evidence(*m_f.nodes,
                     Text(u"%1 node(s) NetworkUnavailable=True (NoRouteCreated)"_s,
                          u"%1 个节点 NetworkUnavailable=True（NoRouteCreated）"_s)
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
            Text(u"Pod %1 is %2"_s, u"Pod %1 %2"_s)
                .arg(Text::same(m_f.routeControllerPod), facts::podReady(pod)
                                                             ? Text(u"Ready"_s, u"已就绪"_s)
                                                             : Text(u"not Ready"_s, u"未就绪"_s)),
            QStringLiteral("status.conditions[Ready]"),
            facts::podReady(pod) ? QStringLiteral("True") : QStringLiteral("False"),
            facts::kubectl(QStringLiteral("get pod %1 -o wide").arg(m_f.routeControllerPod),
                           QStringLiteral("kube-system"))));
    if (!errorLines.isEmpty()) {
        c.state = ComponentState::Failing;
        c.setSummary(Text(u"Fails to manage routes: "_s, u"无法管理路由："_s) +
                     firstLine(errorLines));
    } else if (!pod.isEmpty() && !facts::podReady(pod)) {
        c.state = ComponentState::Failing;
        c.setSummary(
            Text(u"Pod %1 is not Ready"_s, u"Pod %1 未就绪"_s).arg(m_f.routeControllerPod));
    } else if (!pod.isEmpty()) {
        c.state = ComponentState::Healthy;
        c.setSummary(Text(u"Running (%1), no route errors in its log or events"_s,
                          u"正在运行（%1），日志和事件中没有路由错误"_s)
                         .arg(m_f.routeControllerPod));
    } else if (!onAlibaba() && m_f.nodes && m_f.nodes->ok()) {
        c.state = ComponentState::NotApplicable;
        c.setSummary(Text(u"No cloud route controller: nodes are not VPC-routed ECS instances"_s,
                          u"没有云路由控制器：节点不是通过 VPC 路由的 ECS 实例"_s));
    } else {
        c.setSummary(m_f.systemPods && m_f.systemPods->ok()
                         ? Text(u"Unknown: no cloud-controller-manager pod in kube-system "
                                "(managed control plane?) and no route events"_s,
                                u"未知：kube-system 中没有 cloud-controller-manager Pod（可能是托管"
                                "控制面），也没有路由事件"_s)
                         : Text(u"Unknown: kube-system pods could not be read"_s,
                                u"未知：无法读取 kube-system 中的 Pod"_s));
    }
    result.components.append(c);

    link.evidence = m_routeErrorEvidence;
    const auto problems = m_routes ? m_routes->problems() : QList<RouteAnalysis::NodeRoute>{};
    if (!problems.isEmpty()) {
        link.state = LinkState::Broken;
        QStringList cidrs;
        for (const auto& p : problems)
            cidrs << p.podCidr;
        link.setSummary(
            Text(u"%1 node pod CIDR(s) lack a correct route (%2)%3"_s,
                 u"%1 个节点的 Pod 网段缺少正确的路由（%2）%3"_s)
                .arg(problems.size())
                .arg(cidrs.mid(0, 4).join(QStringLiteral(", ")) +
                     (cidrs.size() > 4 ? QStringLiteral(", …") : QString()))
                .arg(m_routeControllerErrors
                         ? Text(u"; the controller reports errors"_s, u"；控制器报告了错误"_s)
                         : Text(u"; the controller has not re-created them yet"_s,
                                u"；控制器尚未重建这些路由"_s)));
    } else if (m_routeControllerErrors) {
        link.state = LinkState::Broken;
        link.setSummary(Text(u"The route controller reports route errors: "_s,
                             u"路由控制器报告了路由错误："_s) +
                        firstLine(errorLines));
    } else if (m_routes) {
        link.state = LinkState::Ok;
        link.setSummary(
            Text(u"Every node's pod CIDR has its route"_s, u"每个节点的 Pod 网段都有路由"_s));
    } else if (c.state == ComponentState::NotApplicable) {
        link.state = LinkState::Ok;
        link.setSummary(Text(u"Not VPC-routed"_s, u"不走 VPC 路由"_s));
    } else {
        link.setSummary(unknownBecause(m_routesUnknown));
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
            link.setSummary(c.summaryText());
        link.evidence = c.evidence;
        result.components.append(c);
        result.links.append(link);
    };
    if (!onAlibaba() && m_f.nodes && m_f.nodes->ok()) {
        c.state = ComponentState::NotApplicable;
        c.setSummary(Text(u"Not an Alibaba Cloud cluster"_s, u"不是阿里云集群"_s));
        return finish();
    }
    Bilingual reason =
        cloudUnknownReason(m_f.instanceRamRole, QStringLiteral("ecs:DescribeInstanceRamRole"));
    if (reason.isEmpty() && m_f.ramRoleName.isEmpty())
        reason =
            Text(u"the control-plane instances have no RAM role (the controller may "
                 "use an AccessKey from cloud-config)"_s,
                 u"控制面实例没有绑定 RAM 角色（控制器可能使用 cloud-config 中的 AccessKey）"_s);
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
                reason = Text(u"policy %1 could not be read"_s, u"无法读取策略 %1"_s)
                             .arg(o.query.params.value(QStringLiteral("PolicyName")));
            continue;
        }
        documents.append(*attached);
    }
    c.object = m_f.ramRoleName;
    if (!reason.isEmpty()) {
        c.setSummary(unknownBecause(reason));
        // A hint from the kube side, never a verdict.
        for (const Evidence& e : m_routeErrorEvidence)
            if (e.value.contains(QStringLiteral("Forbidden.RAM"))) {
                link.setSummary(
                    c.summaryText() +
                    Text(u" (the route controller's own errors mention Forbidden.RAM)"_s,
                         u"（路由控制器自身的错误中提到了 Forbidden.RAM）"_s));
                c.evidence.append(e);
                break;
            }
        return finish();
    }
    QStringList denied, missing;
    QString denyingPolicy; // the first policy whose Deny decides
    Evidence decisive;
    for (const QString& action : requiredRouteActions()) {
        const RamEvaluation e = RamPolicyEvaluator::evaluate(documents, action);
        if (e.decision == RamEvaluation::Decision::ExplicitDeny) {
            denied << action;
            const QString policyName =
                e.deciding.isEmpty() ? QString() : e.deciding.first().policyName;
            if (denyingPolicy.isEmpty())
                denyingPolicy = policyName;
            if (decisive.title.isEmpty())
                for (const Observation& o : m_f.policies)
                    if (o.query.params.value(QStringLiteral("PolicyName")) == policyName)
                        decisive = evidence(
                            o,
                            Text(u"Policy %1 denies %2"_s, u"策略 %1 拒绝了 %2"_s)
                                .arg(policyName, action),
                            QStringLiteral("DefaultPolicyVersion.PolicyDocument.Statement"),
                            e.explain(),
                            facts::aliyun(QStringLiteral("ram"), QStringLiteral("GetPolicy"),
                                          {{QStringLiteral("PolicyName"), policyName},
                                           {QStringLiteral("PolicyType"),
                                            o.query.params.value(QStringLiteral("PolicyType"))}}));
            if (decisive.valueZh.isEmpty() && !decisive.title.isEmpty())
                decisive.valueZh = e.explainZh();
        } else if (!e.allowed()) {
            missing << action;
        }
    }
    if (m_f.rolePolicies)
        c.evidence.append(evidence(
            *m_f.rolePolicies,
            Text(u"Policies attached to %1"_s, u"角色 %1 上附加的策略"_s).arg(m_f.ramRoleName),
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
        // The Chinese sentence also names the policy: that is what the fix edits.
        const QString list = denied.join(QStringLiteral(", "));
        c.setSummary(Text(
            u"Role %1: an explicit Deny blocks %2 (the route controller "
            "cannot read or write routes)"_s.arg(m_f.ramRoleName, list),
            u"角色 %1：RAM 策略 %2 中的显式 Deny 拒绝了 %3（路由控制器无法读写路由）"_s.arg(
                m_f.ramRoleName, denyingPolicy.isEmpty() ? u"（未知）"_s : denyingPolicy, list)));
    } else if (!missing.isEmpty()) {
        c.state = ComponentState::Failing;
        c.setSummary(Text(u"Role %1: no policy allows %2"_s, u"角色 %1：没有任何 RAM 策略允许 %2"_s)
                         .arg(m_f.ramRoleName, missing.join(QStringLiteral(", "))));
    } else {
        c.state = ComponentState::Healthy;
        c.setSummary(Text(u"Role %1 allows every route action the controller needs"_s,
                          u"角色 %1 允许路由控制器所需的全部路由操作"_s)
                         .arg(m_f.ramRoleName));
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
                         Text(u"%1 %2/%3 still has finalizers"_s, u"%1 %2/%3 仍带有 finalizer"_s)
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
    c.setSummary(
        Text(
            u"Content in %1 waits on finalizers nobody removes: %2 (its controller is "
            "gone or failing)"_s,
            u"%1 中的内容在等待无人移除的 finalizer：%2（负责移除它们的控制器已不存在或出现故障）"_s)
            .arg(nsNames.join(QStringLiteral(", ")), finalizerItems.join(QStringLiteral("; "))));
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto cond = facts::condition(ns, QStringLiteral("NamespaceFinalizersRemaining"));
        if (cond && cond->value(QStringLiteral("status")).toString() == QStringLiteral("True") &&
            m_f.namespaces)
            c.evidence.prepend(
                evidence(*m_f.namespaces,
                         Text(u"Namespace %1 reports NamespaceFinalizersRemaining"_s,
                              u"命名空间 %1 报告 NamespaceFinalizersRemaining"_s)
                             .arg(facts::name(ns)),
                         QStringLiteral("status.conditions[NamespaceFinalizersRemaining].message"),
                         cond->value(QStringLiteral("message")).toString(),
                         facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(facts::name(ns)))));
    }
    LinkVerdict link;
    link.from = QString::fromLatin1(ids::NamespaceController);
    link.to = c.id;
    link.state = LinkState::Broken;
    link.setSummary(Text(u"Deletion waits for finalizers: "_s, u"删除在等待 finalizer："_s) +
                    finalizerItems.join(QStringLiteral("; ")));
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
                        Text(u"%1 %2 registers webhook %3"_s, u"%1 %2 注册了 Webhook %3"_s)
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
    Bilingual summary;
    if (const auto m = conversion.match(message); m.hasMatch()) {
        c.label = QStringLiteral("Conversion webhook");
        c.object = QStringLiteral("%1 %2").arg(m.captured(1), m.captured(2));
        summary = Text(u"Content of %1 cannot be deleted: the conversion webhook for %2 fails"_s,
                       u"%1 中的内容无法删除：%2 的转换 Webhook（conversion webhook）调用失败"_s)
                      .arg(nsNames.join(QStringLiteral(", ")), c.object);
    } else {
        c.label = QStringLiteral("Admission webhook");
        c.object = configuration.isEmpty()
                       ? webhookName
                       : QStringLiteral("%1/%2 (%3)").arg(configKind, configuration, webhookName);
        summary = Text(u"Admission webhook %1 blocks the deletes in %2"_s,
                       u"准入 Webhook %1 拦截了 %2 中的删除请求"_s)
                      .arg(webhookName.isEmpty() ? Text(u"(unnamed)"_s, u"（未命名）"_s)
                                                 : Text::same(webhookName),
                           Text::same(nsNames.join(QStringLiteral(", "))));
    }
    // Why the webhook fails matters for the fix: a Service that is gone cannot answer.
    static const QRegularExpression gone(QStringLiteral("service \"([^\"]+)\" not found"));
    static const QRegularExpression noEndpoints(
        QStringLiteral("no endpoints available for service \"([^\"]+)\""));
    if (const auto m = gone.match(message); m.hasMatch())
        summary += Text(u" (its Service %1 does not exist)"_s, u"（其 Service %1 不存在）"_s)
                       .arg(m.captured(1));
    else if (const auto e = noEndpoints.match(message); e.hasMatch())
        summary += Text(u" (its Service %1 has no ready endpoints)"_s,
                        u"（其 Service %1 没有就绪的 Endpoint）"_s)
                       .arg(e.captured(1));
    c.setSummary(summary);
    if (m_f.namespaces)
        c.evidence.prepend(evidence(
            *m_f.namespaces,
            Text(u"Namespace %1 reports NamespaceDeletionContentFailure"_s,
                 u"命名空间 %1 报告 NamespaceDeletionContentFailure"_s)
                .arg(nsNames.first()),
            QStringLiteral("status.conditions[NamespaceDeletionContentFailure].message"), message,
            facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(nsNames.first()))));
    LinkVerdict link;
    link.from = QString::fromLatin1(ids::NamespaceController);
    link.to = c.id;
    link.state = LinkState::Broken;
    link.setSummary(Text(u"Content deletion fails: "_s, u"内容删除失败："_s) + message.left(300));
    link.evidence = c.evidence.mid(0, 1);
    result.components.append(c);
    result.links.append(link);
}

} // namespace unstuck
