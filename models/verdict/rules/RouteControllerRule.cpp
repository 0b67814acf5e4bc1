// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/RouteControllerRule.h"

#include "models/probes/KubeFacts.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace unstuck {

using namespace Qt::StringLiterals;
using facts::str;

void RouteControllerRule::apply(DiagnosisResult& result)
{
    const QJsonObject pod = controllerPod();
    ComponentVerdict c = componentVerdict(
        ids::RouteController,
        m_f.routeControllerPod.isEmpty() ? QStringLiteral("cloud-controller-manager")
        : standsForPastedLog(pod)        ? QStringLiteral("cloud-controller-manager (pasted log)")
                                         : QStringLiteral("kube-system/") + m_f.routeControllerPod);
    LinkVerdict link = linkVerdict(ids::RouteController, ids::VpcRouteTable);

    const QList<Bilingual> errorLines = collectErrors();
    handoff().routeControllerErrors = !errorLines.isEmpty();
    judgeComponent(c, pod, errorLines);
    result.components.append(c);
    link.evidence = handoff().routeErrorEvidence;
    judgeLink(link, c.state, errorLines);
    result.links.append(link);
}

// Log lines and events as they are, one sentence of ours.
QList<Bilingual> RouteControllerRule::collectErrors()
{
    QList<Bilingual> errorLines;
    addEventErrors(errorLines);
    addLogErrors(errorLines);
    addNodeErrors(errorLines);
    return errorLines;
}

// Events the route controller files when it fails.
void RouteControllerRule::addEventErrors(QList<Bilingual>& errorLines)
{
    static const QSet<QString> failReasons{
        QStringLiteral("FailedToCreateRoute"), QStringLiteral("CreateRouteFailed"),
        QStringLiteral("SyncRouteFailed"), QStringLiteral("DescriberRouteFailed")};
    const QHash<QString, QDateTime> success = lastSuccess();
    for (const Observation& o : m_f.events)
        for (const QJsonValue& value : o.items()) {
            const QJsonObject event = value.toObject();
            const QString reason = event.value(QStringLiteral("reason")).toString();
            if (!failReasons.contains(reason) || isStale(event, success))
                continue;
            const QString line = QStringLiteral("%1 %2/%3: %4")
                                     .arg(reason, str(event, QStringLiteral("involvedObject.kind")),
                                          str(event, QStringLiteral("involvedObject.name")),
                                          event.value(QStringLiteral("message")).toString())
                                     .simplified();
            errorLines << Text::same(line);
            if (handoff().routeErrorEvidence.size() < 3)
                handoff().routeErrorEvidence.append(evidence(
                    o,
                    Text(u"Warning event %1 (×%2)"_s, u"Warning 事件 %1（×%2）"_s)
                        .arg(reason)
                        .arg(event.value(QStringLiteral("count")).toInt(1)),
                    QStringLiteral("reason/message"), line,
                    facts::kubectl(
                        QStringLiteral("get events --field-selector reason=%1").arg(reason),
                        facts::ns(event))));
        }
}

namespace {

QDateTime eventTime(const QJsonObject& event)
{
    for (const char* key : {"lastTimestamp", "eventTime", "firstTimestamp"}) {
        const QDateTime t =
            QDateTime::fromString(event.value(QLatin1String(key)).toString(), Qt::ISODate);
        if (t.isValid())
            return t;
    }
    return {};
}

void noteSuccess(QHash<QString, QDateTime>& success, const QString& key, const QDateTime& t)
{
    if (t.isValid() && (!success.contains(key) || success.value(key) < t))
        success.insert(key, t);
}

} // namespace

// Warning events stay for an hour after the controller recovered: a route made for the node
// since (a Normal CreatedRoute event, or NetworkUnavailable=False with reason RouteCreated) means
// the failure is history.
QHash<QString, QDateTime> RouteControllerRule::lastSuccess() const
{
    QHash<QString, QDateTime> success;
    for (const Observation& o : m_f.events)
        for (const QJsonValue& value : o.items()) {
            const QJsonObject event = value.toObject();
            const QString reason = event.value(QStringLiteral("reason")).toString();
            if (reason != u"CreatedRoute"_s && reason != u"RouteCreated"_s)
                continue;
            // Only a route the controller made counts for the controller as a whole (key "").
            noteSuccess(success, str(event, QStringLiteral("involvedObject.name")),
                        eventTime(event));
            noteSuccess(success, QString(), eventTime(event));
        }
    for (const QJsonObject& n : nodes())
        for (const QJsonValue& value :
             n.value(u"status"_s).toObject().value(u"conditions"_s).toArray()) {
            const QJsonObject condition = value.toObject();
            if (condition.value(u"type"_s) == u"NetworkUnavailable"_s &&
                condition.value(u"status"_s) == u"False"_s)
                noteSuccess(success, facts::name(n),
                            QDateTime::fromString(
                                condition.value(u"lastTransitionTime"_s).toString(), Qt::ISODate));
        }
    return success;
}

// A failure about a node is stale once a route was made for that node at or after it; one about
// the controller as a whole (SyncRouteFailed) once any route was made after it.
bool RouteControllerRule::isStale(const QJsonObject& failure,
                                  const QHash<QString, QDateTime>& success)
{
    const QDateTime failed = eventTime(failure);
    if (!failed.isValid())
        return false;
    const QString kind = str(failure, QStringLiteral("involvedObject.kind"));
    const QString key =
        kind == u"Node"_s ? str(failure, QStringLiteral("involvedObject.name")) : QString();
    return success.contains(key) && success.value(key) >= failed;
}

// The last route error in a controller log, unless a route was made after it.
QString RouteControllerRule::lastRouteError(const QString& log)
{
    // What the route controllers of every cloud say when they fail: an error-level klog line
    // from their route code ("E0709 … route_controller.go:218] Could not create route …",
    // "Couldn't reconcile node routes: …", even cut off), or an error about routes anywhere.
    static const QRegularExpression bad(QStringLiteral(
        R"((?i)(route.*(error|fail))|forbidden|not authorized|)"
        R"((could not|couldn't|unable to|failed to) (create|delete|reconcile|list|sync)\b.*route)"
        R"(|(?-i)\bE\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ \w*routes?\w*\.go:)"));
    // A route made after the last error ("Created route for … successfully") settles it.
    static const QRegularExpression good(QStringLiteral("(?i)created route|route created"));
    QString last;
    for (const QString& line : log.split(QLatin1Char('\n')))
        if (bad.match(line).hasMatch())
            last = line.trimmed();
        else if (good.match(line).hasMatch())
            last.clear();
    return last;
}

// The error itself, for a one-line verdict: a klog line without its header ("E1019 08:03:32
// … controller.go:93] "), which would otherwise fill the sentence and cut the error off.
QString RouteControllerRule::klogMessage(const QString& line)
{
    static const QRegularExpression header(
        QStringLiteral(R"(^.*?\b[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w.-]+:\d+\]\s*)"));
    QString message = line;
    message.remove(header);
    return message.isEmpty() ? line : message;
}

// The last route error in the controller's log.
void RouteControllerRule::addLogErrors(QList<Bilingual>& errorLines)
{
    if (!m_f.routeControllerLog || !m_f.routeControllerLog->ok())
        return;
    const QString last = lastRouteError(QString::fromUtf8(m_f.routeControllerLog->answer.body));
    if (last.isEmpty())
        return;
    errorLines << Text::same(klogMessage(last));
    handoff().routeErrorEvidence.append(
        evidence(*m_f.routeControllerLog,
                 Text(u"Route error in the controller log"_s, u"控制器日志中的路由错误"_s),
                 QStringLiteral("log line"), last,
                 facts::kubectl(QStringLiteral("logs %1 --tail=200").arg(logSubject()),
                                QStringLiteral("kube-system"))));
}

// Nodes whose NetworkUnavailable=True says the controller created no route for them.
void RouteControllerRule::addNodeErrors(QList<Bilingual>& errorLines)
{
    QStringList noRoute;
    for (const QJsonObject& n : nodes())
        if (conditionTrue(n, QStringLiteral("NetworkUnavailable")))
            noRoute << facts::name(n);
    if (noRoute.isEmpty() || !m_f.nodes)
        return;
    errorLines << Text(u"NetworkUnavailable=True on %1"_s, u"节点 %1 上 NetworkUnavailable=True"_s)
                      .arg(noRoute.join(QStringLiteral(", ")));
    handoff().routeErrorEvidence.append(evidence(
        *m_f.nodes,
        Text(u"%1 node(s) NetworkUnavailable=True (NoRouteCreated)"_s,
             u"%1 个节点 NetworkUnavailable=True（NoRouteCreated）"_s)
            .arg(noRoute.size()),
        QStringLiteral("status.conditions[NetworkUnavailable]"), noRoute.join(QStringLiteral(", ")),
        facts::kubectl(QStringLiteral("describe node %1").arg(noRoute.first()))));
}

// The pod to read the log of, or, for a pasted log, how to find it.
QString RouteControllerRule::logSubject() const
{
    return standsForPastedLog(controllerPod())
               ? QStringLiteral("-l component=cloud-controller-manager")
               : m_f.routeControllerPod;
}

QJsonObject RouteControllerRule::controllerPod() const
{
    QJsonObject pod;
    if (m_f.systemPods)
        for (const QJsonValue& value : m_f.systemPods->items())
            if (facts::name(value.toObject()) == m_f.routeControllerPod)
                pod = value.toObject();
    return pod;
}

void RouteControllerRule::judgeComponent(ComponentVerdict& c, const QJsonObject& pod,
                                         const QList<Bilingual>& errorLines) const
{
    c.evidence = handoff().routeErrorEvidence;
    if (standsForPastedLog(pod)) {
        judgePastedLog(c, errorLines);
        return;
    }
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
}

// Only its pasted log is known: its errors, or that the pasted lines hold none.
void RouteControllerRule::judgePastedLog(ComponentVerdict& c, const QList<Bilingual>& errorLines)
{
    if (!errorLines.isEmpty()) {
        c.state = ComponentState::Failing;
        c.setSummary(Text(u"Fails to manage routes: "_s, u"无法管理路由："_s) +
                     firstLine(errorLines));
    } else {
        c.state = ComponentState::Healthy;
        c.setSummary(Text(u"No route errors in its pasted log"_s, u"粘贴的日志中没有路由错误"_s));
    }
}

void RouteControllerRule::judgeLink(LinkVerdict& link, ComponentState controller,
                                    const QList<Bilingual>& errorLines) const
{
    const auto& routes = handoff().routes;
    const auto problems = routes ? routes->problems() : QList<RouteAnalysis::NodeRoute>{};
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
                .arg(handoff().routeControllerErrors
                         ? Text(u"; the controller reports errors"_s, u"；控制器报告了错误"_s)
                         : Text(u"; the controller has not re-created them yet"_s,
                                u"；控制器尚未重建这些路由"_s)));
    } else if (handoff().routeControllerErrors) {
        link.state = LinkState::Broken;
        link.setSummary(Text(u"The route controller reports route errors: "_s,
                             u"路由控制器报告了路由错误："_s) +
                        firstLine(errorLines));
    } else if (routes) {
        link.state = LinkState::Ok;
        link.setSummary(
            Text(u"Every node's pod CIDR has its route"_s, u"每个节点的 Pod 网段都有路由"_s));
    } else if (controller == ComponentState::NotApplicable) {
        link.state = LinkState::Ok;
        link.setSummary(Text(u"Not VPC-routed"_s, u"不走 VPC 路由"_s));
    } else {
        link.setSummary(unknownBecause(handoff().routesUnknown));
    }
}

} // namespace unstuck
