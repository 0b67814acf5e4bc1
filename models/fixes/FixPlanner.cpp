// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixPlanner.h"

#include "models/cloud/RamPolicyEvaluator.h"
#include "models/fixes/ConversionWebhookFix.h"
#include "models/fixes/FixOrder.h"
#include "models/fixes/FixSteps.h"
#include "models/fixes/KubePatches.h"
#include "models/probes/KubeFacts.h"
#include "models/verdict/RouteAnalysis.h"
#include "models/verdict/VerdictBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace unstuck {

using namespace Qt::StringLiterals;
// Every sentence is written in English and Simplified Chinese side by side (Bilingual.h).
using Text = Bilingual;

FixPlanner::FixPlanner(const Findings& findings, const DiagnosisResult& result)
    : m_f(findings), m_result(result)
{}

bool FixPlanner::failing(const QString& id) const
{
    const ComponentVerdict* c = m_result.component(id);
    return c && c->state == ComponentState::Failing;
}

QList<FixPlan> FixPlanner::plan() const
{
    QList<FixPlan> fixes;
    for (const auto& fix : {ramPolicy(), ramPolicyCheck(), vpcRoutes(), routeControllerRestart(),
                            backendRestart(), staleApiService(), finalizers(), webhook(),
                            ConversionWebhookFix::plan(m_f, m_result), namespaceFinalize()})
        if (fix)
            fixes.append(*fix);
    return FixOrder::order(fixes, m_result);
}

std::optional<FixPlan> FixPlanner::ramPolicy() const
{
    if (!failing(QString::fromLatin1(ids::RamPolicy)))
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("ram-policy-allow");
    fix.setTitle(Text(u"Allow the route controller's VPC actions in the RAM policy"_s,
                      u"在 RAM 策略中允许路由控制器所需的 VPC 操作"_s));
    fix.appliesTo = QString::fromLatin1(ids::RamPolicy);
    fix.setRisk(Text(u"low: restores the permissions the route controller had; the "
                     "previous version stays for undo"_s,
                     u"低：恢复路由控制器原有的权限；旧版本会保留，可用于回滚"_s));
    fix.setWhy(m_result.component(fix.appliesTo)->summaryText());
    fix.setVerify(Text(u"ram-policy healthy, then the route controller re-creates the "
                       "routes and the APIService becomes Available"_s,
                       u"ram-policy 恢复正常，随后路由控制器重建路由，APIService 变为可用"
                       "（Available）"_s));
    for (const Observation& o : policiesInRoleOrder()) {
        const QString name = o.query.params.value(QStringLiteral("PolicyName"));
        const QString type = o.query.params.value(QStringLiteral("PolicyType"));
        QJsonValue doc =
            facts::at(o.answer.json, QStringLiteral("DefaultPolicyVersion.PolicyDocument"));
        QJsonObject document = doc.isObject()
                                   ? doc.toObject()
                                   : QJsonDocument::fromJson(doc.toString().toUtf8()).object();
        QJsonArray statements = document.value(QStringLiteral("Statement")).toArray();
        const auto attached = VerdictBuilder::attachedPolicy(o);
        bool changed = false;
        for (const QString& action : VerdictBuilder::requiredRouteActions()) {
            if (!attached)
                break;
            const RamEvaluation e = RamPolicyEvaluator::evaluate({*attached}, action);
            if (e.decision != RamEvaluation::Decision::ExplicitDeny)
                continue;
            for (const RamStatementRef& ref : e.deciding) {
                const int i = ref.statementIndex - 1; // 1-based
                if (i < 0 || i >= statements.size())
                    continue;
                QJsonObject statement = statements.at(i).toObject();
                statement.insert(QStringLiteral("Effect"), QStringLiteral("Allow"));
                statements.replace(i, statement);
                changed = true;
            }
        }
        if (!changed)
            continue;
        document.insert(QStringLiteral("Statement"), statements);
        const QString newDoc =
            QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact));
        const QString previous =
            facts::str(o.answer.json, QStringLiteral("DefaultPolicyVersion.VersionId")).isEmpty()
                ? facts::str(o.answer.json, QStringLiteral("Policy.DefaultVersion"))
                : facts::str(o.answer.json, QStringLiteral("DefaultPolicyVersion.VersionId"));
        fix.preflight.append(FixSteps::step(
            Text(u"Read the policy's versions (at most 5 may exist)"_s,
                 u"读取策略的版本列表（最多只能有 5 个版本）"_s),
            QStringLiteral("ram:ListPolicyVersions"),
            QStringLiteral("PolicyName=%1&PolicyType=%2").arg(name, type), {},
            facts::aliyun(
                QStringLiteral("ram"), QStringLiteral("ListPolicyVersions"),
                {{QStringLiteral("PolicyName"), name}, {QStringLiteral("PolicyType"), type}})));
        // RotateStrategy stays None: deleting an old version needs the person's consent (the
        // fix engine asks), and never the one undo needs.
        FixStep create = FixSteps::step(
            Text(u"Create version of %1 with the Deny turned to Allow, as default"_s,
                 u"为 %1 创建一个将 Deny 改为 Allow 的新版本，并设为默认版本"_s)
                .arg(name),
            QStringLiteral("ram:CreatePolicyVersion"),
            QStringLiteral("PolicyName=%1&SetAsDefault=true").arg(name), newDoc,
            facts::aliyun(QStringLiteral("ram"), QStringLiteral("CreatePolicyVersion"),
                          {{QStringLiteral("PolicyName"), name},
                           {QStringLiteral("PolicyDocument"), newDoc},
                           {QStringLiteral("SetAsDefault"), QStringLiteral("true")}}));
        create.params = {{QStringLiteral("PolicyName"), name},
                         {QStringLiteral("PolicyDocument"), newDoc},
                         {QStringLiteral("SetAsDefault"), QStringLiteral("true")}};
        create.observed = o.answer.json;
        fix.steps.append(create);
        fix.undo.append(FixSteps::step(
            Text(u"Make %1 the default version of %2 again"_s, u"将 %1 重新设为 %2 的默认版本"_s)
                .arg(previous, name),
            QStringLiteral("ram:SetDefaultPolicyVersion"),
            QStringLiteral("PolicyName=%1&VersionId=%2").arg(name, previous), {},
            facts::aliyun(
                QStringLiteral("ram"), QStringLiteral("SetDefaultPolicyVersion"),
                {{QStringLiteral("PolicyName"), name}, {QStringLiteral("VersionId"), previous}})));
    }
    if (fix.steps.isEmpty())
        fix.steps.append(FixSteps::step(
            Text(u"Attach a policy that allows %1 to role %2"_s,
                 u"为角色 %2 附加一条允许 %1 的策略"_s)
                .arg(VerdictBuilder::requiredRouteActions().join(QStringLiteral(", ")),
                     m_f.ramRoleName),
            QStringLiteral("ram:AttachPolicyToRole"), QStringLiteral("RoleName=") + m_f.ramRoleName,
            {},
            facts::aliyun(QStringLiteral("ram"), QStringLiteral("AttachPolicyToRole"),
                          {{QStringLiteral("PolicyType"), QStringLiteral("Custom")},
                           {QStringLiteral("PolicyName"), QStringLiteral("<policy>")},
                           {QStringLiteral("RoleName"), m_f.ramRoleName}})));
    return fix;
}

// The policies as the role lists them (the rest by name): their answers arrive in any order, and
// the RAM fix's writes, a plan made now and the run applied next, must come in the same order.
QList<Observation> FixPlanner::policiesInRoleOrder() const
{
    QStringList order;
    if (m_f.rolePolicies)
        for (const QJsonValue& p :
             facts::at(m_f.rolePolicies->answer.json, QStringLiteral("Policies.Policy")).toArray())
            order << p.toObject().value(QStringLiteral("PolicyName")).toString();
    const auto rank = [&order](const Observation& o) {
        const QString name = o.query.params.value(QStringLiteral("PolicyName"));
        const qsizetype at = order.indexOf(name);
        return std::pair{at < 0 ? order.size() : at, name};
    };
    QList<Observation> out = m_f.policies;
    std::stable_sort(out.begin(), out.end(), [&rank](const Observation& a, const Observation& b) {
        return rank(a) < rank(b);
    });
    return out;
}

bool FixPlanner::controllerForbidden() const
{
    const ComponentVerdict* controller =
        m_result.component(QString::fromLatin1(ids::RouteController));
    return controller && std::any_of(controller->evidence.begin(), controller->evidence.end(),
                                     [](const Evidence& e) {
                                         return e.value.contains(QLatin1String("Forbidden.RAM")) ||
                                                e.raw.contains(QLatin1String("Forbidden.RAM"));
                                     });
}

// The walk stopped at a link because what lies behind it is in the cloud account and could not
// be read: the story ends where the evidence does, not at a cause.
bool FixPlanner::storyEndsAtCloud() const
{
    const ComponentVerdict* vpc = m_result.component(QString::fromLatin1(ids::VpcRouteTable));
    return m_result.rootCause && m_result.rootCause->component.isEmpty() && vpc &&
           vpc->state == ComponentState::Unknown;
}

// The RAM side could not be read, while the route controller's own errors say Forbidden.RAM or
// the story ends where the cloud account begins: a write would edit a policy nobody has seen,
// and a restart will not help until the role may call the VPC route APIs. So the fix is a check:
// cloud credentials for us, or read-only commands a person can run.
std::optional<FixPlan> FixPlanner::ramPolicyCheck() const
{
    const ComponentVerdict* ram = m_result.component(QString::fromLatin1(ids::RamPolicy));
    if (!ram || ram->state != ComponentState::Unknown ||
        !m_result.component(QString::fromLatin1(ids::RouteController)))
        return std::nullopt;
    const bool forbidden = controllerForbidden();
    if (!forbidden && !storyEndsAtCloud())
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("ram-policy-check");
    fix.kind = QStringLiteral("check");
    fix.setTitle(m_f.cloudAvailable
                     ? Text(u"Find the RAM policy statement that denies the route controller"_s,
                            u"找出拒绝路由控制器的 RAM 策略语句"_s)
                     : Text(u"Add cloud credentials to see the RAM policy and the route table"_s,
                            u"添加云凭据以查看 RAM 策略和路由表"_s));
    fix.appliesTo = QString::fromLatin1(ids::RamPolicy);
    fix.setWhy(
        forbidden
            ? Text(u"The route controller's errors say Forbidden.RAM, but the cloud account "
                   "could not be read (%1). Restarting it will not help until its role may "
                   "call the VPC route APIs."_s,
                   u"路由控制器的错误显示 Forbidden.RAM，但无法读取云账号（%1）。在其角色获准"
                   "调用 VPC 路由接口之前，重启它无济于事。"_s)
                  .arg(ram->summaryText())
            : Text(u"The evidence ends where the cloud account begins (%1): whether a route "
                   "reaches the backend and what the route controller may do can only be "
                   "read there. Nothing is changed until it has been seen."_s,
                   u"证据止于云账号（%1）：是否有路由到达后端、路由控制器有哪些权限，只能在云账号"
                   "中查看。在看到之前不做任何更改。"_s)
                  .arg(ram->summaryText()));
    fix.setRisk(Text(u"none: read-only checks"_s, u"无：只读检查"_s));
    fix.setVerify(Text(u"with cloud credentials, ram-policy names the denying statement; once the "
                       "policy allows, the routes come back and the APIService becomes Available"_s,
                       u"提供云凭据后，ram-policy 会指出拒绝的语句；策略放行后，路由恢复，"
                       "APIService 变为可用（Available）"_s));
    fix.steps.append(FixSteps::step(
        Text(u"Give Unstuck read access to the cloud account (Add access key…, an aliyun CLI "
             "profile, or ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET) and diagnose again: it then "
             "names the statement"_s,
             u"为 Unstuck 提供云账号的只读凭据（添加访问密钥…、aliyun CLI 配置，或 "
             "ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET 环境变量）后重新诊断：它会指出具体语句"_s),
        {}, {}, {}, {}));
    const QString region = m_f.regionId.isEmpty() ? QStringLiteral("<region>") : m_f.regionId;
    const QString instances =
        m_f.routeControllerInstances.isEmpty()
            ? QStringLiteral("[\"<instance-id>\"]")
            : QString::fromUtf8(
                  QJsonDocument(QJsonArray::fromStringList(m_f.routeControllerInstances.mid(0, 3)))
                      .toJson(QJsonDocument::Compact));
    fix.steps.append(FixSteps::step(
        Text(u"Or by hand: find the RAM role of the instance the route controller runs on"_s,
             u"或手动操作：查出路由控制器所在实例的 RAM 角色"_s),
        {}, {}, {},
        facts::aliyun(
            QStringLiteral("ecs"), QStringLiteral("DescribeInstanceRamRole"),
            {{QStringLiteral("RegionId"), region}, {QStringLiteral("InstanceIds"), instances}})));
    fix.steps.append(FixSteps::step(
        Text(u"List the policies attached to that role"_s, u"列出该角色上附加的策略"_s), {}, {}, {},
        facts::aliyun(QStringLiteral("ram"), QStringLiteral("ListPoliciesForRole"),
                      {{QStringLiteral("RoleName"), QStringLiteral("<role>")}})));
    fix.steps.append(FixSteps::step(
        Text(u"Read each policy's default version and look for a Deny on vpc:*RouteEntry* / "
             "vpc:DescribeRouteTableList"_s,
             u"查看每个策略的默认版本，找出对 vpc:*RouteEntry* / vpc:DescribeRouteTableList 的 "
             "Deny"_s),
        {}, {}, {},
        facts::aliyun(QStringLiteral("ram"), QStringLiteral("GetPolicy"),
                      {{QStringLiteral("PolicyName"), QStringLiteral("<policy>")},
                       {QStringLiteral("PolicyType"), QStringLiteral("Custom")}})));
    fix.undo.append(
        FixSteps::step(Text(u"Nothing to undo: nothing is changed"_s, u"无需回滚：未做任何更改"_s),
                       {}, {}, {}, {}));
    return fix;
}

std::optional<FixPlan> FixPlanner::vpcRoutes() const
{
    if (!failing(QString::fromLatin1(ids::VpcRouteTable)) || m_f.routeEntries.isEmpty())
        return std::nullopt;
    QList<QJsonObject> nodes;
    QJsonArray entries;
    if (m_f.nodes)
        for (const QJsonValue& n : m_f.nodes->items())
            nodes.append(n.toObject());
    for (const Observation& o : m_f.routeEntries)
        for (const QJsonValue& e :
             facts::at(o.answer.json, QStringLiteral("RouteEntrys.RouteEntry")).toArray())
            entries.append(e);
    const QString table =
        m_f.routeEntries.first().query.params.value(QStringLiteral("RouteTableId"));
    FixPlan fix;
    fix.id = QStringLiteral("vpc-route-create");
    fix.setTitle(Text(u"Create the missing VPC route entries"_s, u"补建缺失的 VPC 路由条目"_s));
    fix.appliesTo = QString::fromLatin1(ids::VpcRouteTable);
    fix.setWhy(m_result.component(fix.appliesTo)->summaryText());
    fix.setRisk(
        Text(u"low: adds routes the route controller would create; undo deletes exactly these"_s,
             u"低：只添加路由控制器本应创建的路由；回滚时只删除这些条目"_s));
    fix.setVerify(Text(u"every node's pod CIDR has its route; the APIService becomes Available"_s,
                       u"每个节点的 Pod 网段都有路由；APIService 变为可用（Available）"_s));
    for (const auto& p : RouteAnalysis::analyse(nodes, entries).problems()) {
        if (p.state != RouteAnalysis::NodeRoute::State::Missing)
            continue;
        const QList<std::pair<QString, QString>> params{
            {QStringLiteral("RegionId"), m_f.regionId},
            {QStringLiteral("RouteTableId"), table},
            {QStringLiteral("DestinationCidrBlock"), p.podCidr},
            {QStringLiteral("NextHopType"), QStringLiteral("Instance")},
            {QStringLiteral("NextHopId"), p.instanceId}};
        const QString target =
            QStringLiteral(
                "RouteTableId=%1&DestinationCidrBlock=%2&NextHopType=Instance&NextHopId=%3")
                .arg(table, p.podCidr, p.instanceId);
        QMap<QString, QString> structured;
        for (const auto& [key, value] : params)
            structured.insert(key, value);
        fix.preflight.append(FixSteps::step(
            Text(u"Dry run: create %1 → %2"_s, u"试运行（DryRun）：创建 %1 → %2"_s)
                .arg(p.podCidr, p.instanceId),
            QStringLiteral("vpc:CreateRouteEntry"), target + QStringLiteral("&DryRun=true"), {},
            facts::aliyun(QStringLiteral("vpc"), QStringLiteral("CreateRouteEntry"), params) +
                QStringLiteral(" --DryRun true")));
        FixStep create = FixSteps::step(
            Text(u"Route pod CIDR %1 of node %2 to instance %3"_s,
                 u"将节点 %2 的 Pod 网段 %1 路由到实例 %3"_s)
                .arg(p.podCidr, p.node, p.instanceId),
            QStringLiteral("vpc:CreateRouteEntry"), target, {},
            facts::aliyun(QStringLiteral("vpc"), QStringLiteral("CreateRouteEntry"), params));
        create.params = structured;
        create.observed = QJsonObject{
            {QStringLiteral("RouteEntrys"), QJsonObject{{QStringLiteral("RouteEntry"), entries}}}};
        fix.steps.append(create);
        fix.undo.append(FixSteps::step(
            Text(u"Delete the route %1 → %2"_s, u"删除路由 %1 → %2"_s).arg(p.podCidr, p.instanceId),
            QStringLiteral("vpc:DeleteRouteEntry"), target, {},
            facts::aliyun(QStringLiteral("vpc"), QStringLiteral("DeleteRouteEntry"),
                          {{QStringLiteral("RegionId"), m_f.regionId},
                           {QStringLiteral("RouteTableId"), table},
                           {QStringLiteral("DestinationCidrBlock"), p.podCidr},
                           {QStringLiteral("NextHopId"), p.instanceId}})));
    }
    if (fix.steps.isEmpty())
        return std::nullopt;
    return fix;
}

// Acts on the controller when it is failing, else on its broken link to the route table (routes
// missing while it looks fine: a restart makes it reconcile now). Not while its own errors say
// its role is denied and no fix can allow it: a restart would only fail again.
std::optional<FixPlan> FixPlanner::routeControllerRestart() const
{
    const QString rc = QString::fromLatin1(ids::RouteController);
    const LinkVerdict* toTable = m_result.link(rc, QString::fromLatin1(ids::VpcRouteTable));
    const bool linkBroken = toTable && toTable->state == LinkState::Broken;
    if (m_f.routeControllerPod.isEmpty() || !(failing(rc) || linkBroken) ||
        (controllerForbidden() && !failing(QString::fromLatin1(ids::RamPolicy))))
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("route-controller-restart");
    fix.setTitle(Text(u"Restart the cloud controller manager so it reconciles routes now"_s,
                      u"重启 Cloud Controller Manager，让它立即同步路由"_s));
    fix.appliesTo = failing(rc) ? rc : toTable->id();
    fix.setWhy(Text(u"Its periodic route sync runs every 5 minutes; a restart re-reads "
                    "credentials and reconciles at once"_s,
                    u"它每 5 分钟才同步一次路由；重启后会重新读取凭据并立即同步"_s));
    fix.setRisk(Text(u"low: the Deployment re-creates the pod; load balancer reconciliation "
                     "pauses for a moment"_s,
                     u"低：Deployment 会重建 Pod；负载均衡的同步会短暂暂停"_s));
    fix.setVerify(Text(u"route-controller healthy and route-controller→vpc-route-table ok"_s,
                       u"route-controller 恢复正常，route-controller→vpc-route-table 链路正常"_s));
    const QString pod = m_f.routeControllerPod;
    fix.preflight.append(FixSteps::accessReview(
        QStringLiteral("delete"), {}, QStringLiteral("pods"), QStringLiteral("kube-system"), pod));
    FixStep remove = FixSteps::step(
        Text(u"Delete pod kube-system/%1 (its Deployment starts a new one)"_s,
             u"删除 Pod kube-system/%1（其 Deployment 会启动一个新的 Pod）"_s)
            .arg(pod),
        QStringLiteral("DELETE"), QStringLiteral("/api/v1/namespaces/kube-system/pods/") + pod, {},
        facts::kubectl(QStringLiteral("delete pod ") + pod, QStringLiteral("kube-system")));
    if (m_f.systemPods)
        for (const QJsonValue& p : m_f.systemPods->items())
            if (facts::name(p.toObject()) == pod)
                remove.observed = p.toObject();
    fix.steps.append(remove);
    fix.undo.append(
        FixSteps::step(Text(u"Nothing to undo: the pod is re-created from its manifest"_s,
                            u"无需回滚：Pod 会按其清单重新创建"_s),
                       {}, {}, {}, {}));
    return fix;
}

std::optional<FixPlan> FixPlanner::backendRestart() const
{
    const ComponentVerdict* c = m_result.component(QString::fromLatin1(ids::MetricsServer));
    if (!c || c->state != ComponentState::Failing ||
        c->summary.contains(QStringLiteral("does not exist")))
        return std::nullopt;
    const QString ns = c->object.section(QLatin1Char('/'), 0, 0),
                  name = c->object.section(QLatin1Char('/'), 1);
    // A backend known only by its APIService (a paste without the Service) names no deployment
    // to scale: nothing to write.
    if (ns.isEmpty() || name.isEmpty() || c->object.contains(QLatin1Char(' ')))
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("backend-restart");
    fix.setTitle(
        Text(u"Bring %1 back (scale to 1 / restart)"_s, u"恢复 %1（扩容到 1 个副本或重启）"_s)
            .arg(c->object));
    fix.appliesTo = c->id;
    fix.setWhy(c->summaryText());
    fix.setRisk(Text(u"low: restarts the aggregated API's backend pods"_s,
                     u"低：重启聚合 API 的后端 Pod"_s));
    fix.setVerify(Text(u"APIService Available=True"_s, u"APIService 变为 Available=True"_s));
    fix.preflight.append(FixSteps::accessReview(QStringLiteral("patch"), QStringLiteral("apps"),
                                                QStringLiteral("deployments"), ns, name,
                                                QStringLiteral("scale")));
    fix.steps.append(FixSteps::step(
        Text(u"Scale deployment %1 to at least 1 replica"_s,
             u"将 Deployment %1 扩容到至少 1 个副本"_s)
            .arg(c->object),
        QStringLiteral("PATCH"),
        QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2/scale").arg(ns, name),
        QStringLiteral("{\"spec\":{\"replicas\":1}}"),
        facts::kubectl(QStringLiteral("scale deployment %1 --replicas=1").arg(name), ns)));
    fix.steps.append(FixSteps::step(
        Text(u"Restart its pods"_s, u"重启它的 Pod"_s), QStringLiteral("PATCH"),
        QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(ns, name),
        QStringLiteral("{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl."
                       "kubernetes.io/restartedAt\":\"<now>\"}}}}}"),
        facts::kubectl(QStringLiteral("rollout restart deployment ") + name, ns)));
    fix.undo.append(FixSteps::step(
        Text(u"Scale %1 back to its previous replica count"_s, u"将 %1 恢复到原来的副本数"_s)
            .arg(c->object),
        QStringLiteral("PATCH"),
        QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2/scale").arg(ns, name),
        QStringLiteral("{\"spec\":{\"replicas\":<previous>}}"),
        facts::kubectl(QStringLiteral("scale deployment %1 --replicas=<previous>").arg(name), ns)));
    return fix;
}

std::optional<FixPlan> FixPlanner::staleApiService() const
{
    const ComponentVerdict* c = m_result.component(QString::fromLatin1(ids::MetricsServer));
    const LinkVerdict* link =
        m_result.link(QString::fromLatin1(ids::ApiServer), QString::fromLatin1(ids::MetricsServer));
    if (!c || !link || link->state != LinkState::Broken)
        return std::nullopt;
    // Every APIService the failing backend serves (kubevirt registers two): deleting one leaves
    // the other blocking discovery.
    QList<const AggregatedBackend*> served;
    for (const AggregatedBackend& b : m_f.backends)
        if (QStringLiteral("%1/%2").arg(b.serviceNamespace, b.serviceName) == c->object)
            served.append(&b);
    if (served.isEmpty())
        return std::nullopt;
    QStringList names;
    for (const AggregatedBackend* b : served)
        names << b->apiService;
    const QString apiService = names.join(QStringLiteral(", "));
    FixPlan fix;
    fix.id = QStringLiteral("apiservice-delete");
    // Left behind by an uninstalled add-on it is the repair; in front of a live backend it only
    // hides the fault.
    const bool stale = c->summary.contains(QStringLiteral("does not exist"));
    fix.kind = stale ? QStringLiteral("repair") : QStringLiteral("workaround");
    fix.setTitle(
        Text(u"Delete the APIService %1 (after saving it)"_s, u"删除 APIService %1（先备份）"_s)
            .arg(apiService));
    fix.appliesTo = link->id();
    fix.setWhy(stale ? Text(u"Nothing serves it any more; while it is registered, every "
                            "namespace deletion waits for it"_s,
                            u"已经没有服务在提供它；只要它还注册着，每次删除命名空间都会等待它"_s)
                     : Text(u"Workaround only: unblocks namespace deletion while the backend "
                            "is repaired, but hides the real fault"_s,
                            u"仅为临时规避：在修复后端期间解除命名空间删除的阻塞，但会掩盖真正的"
                            "故障"_s));
    fix.setRisk(Text(u"medium: %1 disappears until re-registered (kubectl top / HPA for "
                     "metrics); an add-on manager may re-create it"_s,
                     u"中：重新注册之前 %1 不可用（依赖指标的 kubectl top / HPA 会受影响）；"
                     "组件管理器可能会重新创建它"_s)
                    .arg(apiService));
    fix.setVerify(Text(u"discovery complete; stuck namespaces finish within about a minute"_s,
                       u"API 发现完整；卡住的命名空间在一分钟左右完成删除"_s));
    for (const AggregatedBackend* b : served) {
        const QString name = b->apiService;
        const QString path = QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices/") + name;
        fix.preflight.append(FixSteps::accessReview(QStringLiteral("delete"),
                                                    QStringLiteral("apiregistration.k8s.io"),
                                                    QStringLiteral("apiservices"), {}, name));
        FixStep save = FixSteps::step(
            Text(u"Save the APIService %1"_s, u"备份 APIService %1"_s).arg(name),
            QStringLiteral("GET"), path, {},
            facts::kubectl(QStringLiteral("get apiservice %1 -o yaml > %1.yaml").arg(name)));
        FixStep remove =
            FixSteps::step(Text(u"Delete the APIService %1"_s, u"删除 APIService %1"_s).arg(name),
                           QStringLiteral("DELETE"), path, {},
                           facts::kubectl(QStringLiteral("delete apiservice ") + name));
        save.observed = remove.observed = b->object;
        fix.steps << save << remove;
        fix.undo.append(
            FixSteps::step(FixSteps::recreateFromCopy(), QStringLiteral("POST"),
                           QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices"),
                           QStringLiteral("<saved APIService>"),
                           facts::kubectl(QStringLiteral("create -f %1.yaml").arg(name))));
    }
    return fix;
}

std::optional<FixPlan> FixPlanner::finalizers() const
{
    if (!failing(QStringLiteral("finalizers")))
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("finalizers-remove");
    fix.setTitle(Text(u"Remove the stuck finalizers (after saving the objects)"_s,
                      u"移除残留的 finalizer（先备份对象）"_s));
    fix.appliesTo = QStringLiteral("finalizers");
    fix.setWhy(m_result.component(fix.appliesTo)->summaryText());
    fix.setRisk(Text(u"medium: skips the external cleanup the finalizer stood for (load "
                     "balancers, buckets, DNS)"_s,
                     u"中：跳过 finalizer 所代表的外部清理（负载均衡、存储桶、DNS 等）"_s));
    fix.setVerify(Text(u"NamespaceFinalizersRemaining False; the namespace disappears"_s,
                       u"NamespaceFinalizersRemaining 变为 False；命名空间被删除"_s));
    for (const Observation& o : m_f.remainingContent)
        for (const QJsonValue& value : o.items()) {
            const QJsonObject item = value.toObject();
            if (facts::at(item, QStringLiteral("metadata.finalizers")).toArray().isEmpty())
                continue;
            const QString base = o.query.path.section(QLatin1Char('?'), 0, 0);
            const QString resource = base.section(QLatin1Char('/'), -1);
            const QString ns = facts::ns(item), name = facts::name(item);
            const QString path = base + QLatin1Char('/') + name;
            const QString saved = QString::fromUtf8(
                QJsonDocument(facts::at(item, QStringLiteral("metadata.finalizers")).toArray())
                    .toJson(QJsonDocument::Compact));
            fix.preflight.append(FixSteps::accessReview(QStringLiteral("patch"),
                                                        base.startsWith(QStringLiteral("/apis/"))
                                                            ? base.section(QLatin1Char('/'), 2, 2)
                                                            : QString(),
                                                        resource, ns, name));
            // Each finalizer is removed by value, after a test of the resourceVersion and of
            // the value at its index: a controller editing the list makes the patch fail (422).
            const QString patch = QString::fromUtf8(
                QJsonDocument(KubePatches::removeFinalizers(item)).toJson(QJsonDocument::Compact));
            FixStep remove = FixSteps::step(
                Text(u"Save %1/%2, then clear its finalizers %3"_s,
                     u"备份 %1/%2，然后清空它的 finalizer %3"_s)
                    .arg(ns, name, saved),
                QStringLiteral("PATCH"), path, patch,
                facts::kubectl(
                    QStringLiteral("patch %1 %2 --type json -p '%3'").arg(resource, name, patch),
                    ns));
            remove.observed = item;
            fix.steps.append(remove);
            if (!fix.confirmNames.contains(ns))
                fix.confirmNames.append(ns);
            fix.undo.append(FixSteps::step(
                Text(u"Put the finalizers back on %1/%2 (only while it still exists)"_s,
                     u"把 finalizer 加回 %1/%2（仅当对象仍然存在时）"_s)
                    .arg(ns, name),
                QStringLiteral("PATCH"), path,
                QStringLiteral("{\"metadata\":{\"finalizers\":%1}}").arg(saved),
                facts::kubectl(
                    QStringLiteral(
                        "patch %1 %2 --type merge -p '{\"metadata\":{\"finalizers\":%3}}'")
                        .arg(resource, name, saved),
                    ns)));
        }
    if (fix.steps.isEmpty())
        return std::nullopt;
    fix.destructive = true;
    return fix;
}

std::optional<FixPlan> FixPlanner::webhook() const
{
    const ComponentVerdict* c = m_result.component(QStringLiteral("webhook"));
    if (!c || c->state != ComponentState::Failing ||
        !c->object.contains(QStringLiteral("WebhookConfiguration/")))
        return std::nullopt;
    const QString kind = c->object.section(QLatin1Char('/'), 0, 0);
    const QString name = c->object.section(QLatin1Char('/'), 1).section(QLatin1Char(' '), 0, 0);
    const QString resource = kind.toLower() + QLatin1Char('s');
    FixPlan fix;
    fix.id = QStringLiteral("webhook-delete");
    fix.setTitle(Text(u"Remove the webhook configuration %1 (after saving it)"_s,
                      u"删除 Webhook 配置 %1（先备份）"_s)
                     .arg(name));
    fix.appliesTo = c->id;
    fix.setWhy(c->summaryText());
    fix.setRisk(Text(u"medium: the policy it enforced is off until it is re-created"_s,
                     u"中：重新创建之前，它所执行的策略将失效"_s));
    fix.setVerify(Text(u"NamespaceDeletionContentFailure False"_s,
                       u"NamespaceDeletionContentFailure 变为 False"_s));
    const QString path =
        QStringLiteral("/apis/admissionregistration.k8s.io/v1/%1/%2").arg(resource, name);
    fix.preflight.append(FixSteps::accessReview(QStringLiteral("delete"),
                                                QStringLiteral("admissionregistration.k8s.io"),
                                                resource, {}, name));
    fix.steps.append(FixSteps::step(
        Text(u"Save it"_s, u"备份它"_s), QStringLiteral("GET"), path, {},
        facts::kubectl(QStringLiteral("get %1 %2 -o yaml > %2.yaml").arg(kind.toLower(), name))));
    FixStep remove =
        FixSteps::step(Text(u"Delete it"_s, u"删除它"_s), QStringLiteral("DELETE"), path, {},
                       facts::kubectl(QStringLiteral("delete %1 %2").arg(kind.toLower(), name)));
    for (const auto& list : {m_f.validatingWebhooks, m_f.mutatingWebhooks})
        if (list)
            for (const QJsonValue& item : list->items())
                if (facts::name(item.toObject()) == name &&
                    item.toObject().value(QStringLiteral("kind")).toString(kind) == kind)
                    remove.observed = item.toObject();
    fix.steps.append(remove);
    fix.undo.append(FixSteps::step(FixSteps::recreateFromCopy(), QStringLiteral("POST"),
                                   path.section(QLatin1Char('/'), 0, -2),
                                   QStringLiteral("<saved configuration>"),
                                   facts::kubectl(QStringLiteral("create -f %1.yaml").arg(name))));
    return fix;
}

std::optional<FixPlan> FixPlanner::namespaceFinalize() const
{
    if (m_result.namespaces.isEmpty() || !m_result.rootCause)
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("namespace-finalize");
    fix.kind = QStringLiteral("workaround");
    fix.setTitle(
        Text(u"Force-finalize the namespace (last resort)"_s, u"强制终结命名空间（最后手段）"_s));
    fix.appliesTo = QString::fromLatin1(ids::NamespaceController);
    QStringList orphans;
    for (const StuckNamespace& ns : m_result.namespaces)
        for (const QJsonObject& c : ns.conditions)
            if (c.value(QStringLiteral("status")).toString() == QStringLiteral("True"))
                orphans << QStringLiteral("%1: %2").arg(
                    ns.name, c.value(QStringLiteral("message")).toString());
    fix.setWhy(Text(u"Skips the remaining cleanup; only when the root cause cannot be fixed"_s,
                    u"跳过剩余的清理工作；仅在根因无法修复时使用"_s));
    fix.setRisk(Text(u"high: orphans whatever is left in the namespace and strands objects "
                     "of undiscoverable APIs in etcd%1"_s,
                     u"高：命名空间中剩下的对象都会成为孤儿，无法发现的 API 的对象会滞留在 etcd "
                     "中%1"_s)
                    .arg(orphans.isEmpty() ? QString()
                                           : QStringLiteral(" — ") +
                                                 orphans.join(QStringLiteral("; ")).left(600)));
    fix.setVerify(Text(u"the namespace is gone"_s, u"命名空间已被删除"_s));
    for (const StuckNamespace& ns : m_result.namespaces) {
        fix.preflight.append(FixSteps::accessReview(QStringLiteral("update"), {},
                                                    QStringLiteral("namespaces"), {}, ns.name,
                                                    QStringLiteral("finalize")));
        fix.confirmNames.append(ns.name);
        fix.steps.append(FixSteps::step(
            Text(u"Type the name \"%1\" to confirm, then clear spec.finalizers"_s,
                 u"输入名称“%1”确认，然后清空 spec.finalizers"_s)
                .arg(ns.name),
            QStringLiteral("PUT"), QStringLiteral("/api/v1/namespaces/%1/finalize").arg(ns.name),
            QStringLiteral("<namespace with spec.finalizers=[]>"),
            QStringLiteral("kubectl get ns %1 -o json | jq '.spec.finalizers=[]' | kubectl replace "
                           "--raw /api/v1/namespaces/%1/finalize -f -")
                .arg(ns.name)));
        for (const QJsonObject& stuck : m_f.stuckNamespaces)
            if (facts::name(stuck) == ns.name)
                fix.steps.last().observed = stuck;
    }
    fix.destructive = true;
    fix.undo.append(FixSteps::step(
        Text(u"None: a finalized namespace cannot be restored; re-create "
             "it and its content from backups"_s,
             u"无法回滚：强制终结的命名空间无法恢复，只能从备份重新创建它及其内容"_s),
        {}, {}, {}, {}));
    return fix;
}

} // namespace unstuck
