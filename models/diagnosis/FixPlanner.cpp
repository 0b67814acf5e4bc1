// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/diagnosis/FixPlanner.h"

#include "models/cloud/RamPolicyEvaluator.h"
#include "models/diagnosis/KubeFacts.h"
#include "models/diagnosis/RouteAnalysis.h"
#include "models/diagnosis/VerdictBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

FixPlanner::FixPlanner(const Findings& findings, const DiagnosisResult& result)
    : m_f(findings), m_result(result)
{}

bool FixPlanner::failing(const QString& id) const
{
    const ComponentVerdict* c = m_result.component(id);
    return c && c->state == ComponentState::Failing;
}

bool FixPlanner::onRedPath(const QString& id) const
{
    return m_result.redPath.contains(id);
}

static FixStep step(const QString& description, const QString& method, const QString& target,
                    const QString& body, const QString& command)
{
    return FixStep{description, method, target, body, command};
}

static FixStep accessReview(const QString& verb, const QString& group, const QString& resource,
                            const QString& ns, const QString& name, const QString& subresource = {})
{
    QJsonObject attributes{{QStringLiteral("verb"), verb},
                           {QStringLiteral("group"), group},
                           {QStringLiteral("resource"), resource}};
    if (!ns.isEmpty())
        attributes.insert(QStringLiteral("namespace"), ns);
    if (!name.isEmpty())
        attributes.insert(QStringLiteral("name"), name);
    if (!subresource.isEmpty())
        attributes.insert(QStringLiteral("subresource"), subresource);
    const QJsonObject review{
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("resourceAttributes"), attributes}}}};
    const QString what = resource +
                         (subresource.isEmpty() ? QString() : QLatin1Char('/') + subresource) +
                         (group.isEmpty() ? QString() : QLatin1Char('.') + group);
    return step(
        QStringLiteral("Check that you may %1 %2").arg(verb, what), QStringLiteral("POST"),
        QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"),
        QString::fromUtf8(QJsonDocument(review).toJson(QJsonDocument::Compact)),
        facts::kubectl(QStringLiteral("auth can-i %1 %2%3")
                           .arg(verb, what, name.isEmpty() ? QString() : QLatin1Char('/') + name),
                       ns));
}

QList<FixPlan> FixPlanner::plan() const
{
    QList<FixPlan> fixes;
    for (const auto& fix : {ramPolicy(), vpcRoutes(), routeControllerRestart(), backendRestart(),
                            staleApiService(), finalizers(), webhook(), namespaceFinalize()})
        if (fix)
            fixes.append(*fix);
    return fixes;
}

std::optional<FixPlan> FixPlanner::ramPolicy() const
{
    if (!failing(QString::fromLatin1(ids::RamPolicy)))
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("ram-policy-allow");
    fix.title = QStringLiteral("Allow the route controller's VPC actions in the RAM policy");
    fix.appliesTo = QString::fromLatin1(ids::RamPolicy);
    fix.risk = QStringLiteral("low: restores the permissions the route controller had; the "
                              "previous version stays for undo");
    fix.why = m_result.component(fix.appliesTo)->summary;
    fix.verify = QStringLiteral("ram-policy healthy, then the route controller re-creates the "
                                "routes and the APIService becomes Available");
    for (const Observation& o : m_f.policies) {
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
        fix.preflight.append(
            step(QStringLiteral("Read the policy's versions (at most 5 may exist)"),
                 QStringLiteral("ram:ListPolicyVersions"),
                 QStringLiteral("PolicyName=%1&PolicyType=%2").arg(name, type), {},
                 facts::aliyun(QStringLiteral("ram"), QStringLiteral("ListPolicyVersions"),
                               {{QStringLiteral("PolicyName"), name},
                                {QStringLiteral("PolicyType"), type}})));
        fix.steps.append(
            step(QStringLiteral("Create version of %1 with the Deny turned to Allow, as default")
                     .arg(name),
                 QStringLiteral("ram:CreatePolicyVersion"),
                 QStringLiteral("PolicyName=%1&SetAsDefault=true&RotateStrategy="
                                "DeleteOldestNonDefaultVersionWhenLimitExceeded")
                     .arg(name),
                 newDoc,
                 facts::aliyun(QStringLiteral("ram"), QStringLiteral("CreatePolicyVersion"),
                               {{QStringLiteral("PolicyName"), name},
                                {QStringLiteral("PolicyDocument"), newDoc},
                                {QStringLiteral("SetAsDefault"), QStringLiteral("true")}})));
        fix.undo.append(
            step(QStringLiteral("Make %1 the default version of %2 again").arg(previous, name),
                 QStringLiteral("ram:SetDefaultPolicyVersion"),
                 QStringLiteral("PolicyName=%1&VersionId=%2").arg(name, previous), {},
                 facts::aliyun(QStringLiteral("ram"), QStringLiteral("SetDefaultPolicyVersion"),
                               {{QStringLiteral("PolicyName"), name},
                                {QStringLiteral("VersionId"), previous}})));
    }
    if (fix.steps.isEmpty())
        fix.steps.append(
            step(QStringLiteral("Attach a policy that allows %1 to role %2")
                     .arg(VerdictBuilder::requiredRouteActions().join(QStringLiteral(", ")),
                          m_f.ramRoleName),
                 QStringLiteral("ram:AttachPolicyToRole"),
                 QStringLiteral("RoleName=") + m_f.ramRoleName, {},
                 facts::aliyun(QStringLiteral("ram"), QStringLiteral("AttachPolicyToRole"),
                               {{QStringLiteral("PolicyType"), QStringLiteral("Custom")},
                                {QStringLiteral("PolicyName"), QStringLiteral("<policy>")},
                                {QStringLiteral("RoleName"), m_f.ramRoleName}})));
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
    fix.title = QStringLiteral("Create the missing VPC route entries");
    fix.appliesTo = QString::fromLatin1(ids::VpcRouteTable);
    fix.why = m_result.component(fix.appliesTo)->summary;
    fix.risk = QStringLiteral(
        "low: adds routes the route controller would create; undo deletes exactly these");
    fix.verify =
        QStringLiteral("every node's pod CIDR has its route; the APIService becomes Available");
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
        fix.preflight.append(step(
            QStringLiteral("Dry run: create %1 → %2").arg(p.podCidr, p.instanceId),
            QStringLiteral("vpc:CreateRouteEntry"), target + QStringLiteral("&DryRun=true"), {},
            facts::aliyun(QStringLiteral("vpc"), QStringLiteral("CreateRouteEntry"), params) +
                QStringLiteral(" --DryRun true")));
        fix.steps.append(
            step(QStringLiteral("Route pod CIDR %1 of node %2 to instance %3")
                     .arg(p.podCidr, p.node, p.instanceId),
                 QStringLiteral("vpc:CreateRouteEntry"), target, {},
                 facts::aliyun(QStringLiteral("vpc"), QStringLiteral("CreateRouteEntry"), params)));
        fix.undo.append(
            step(QStringLiteral("Delete the route %1 → %2").arg(p.podCidr, p.instanceId),
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

std::optional<FixPlan> FixPlanner::routeControllerRestart() const
{
    if (m_f.routeControllerPod.isEmpty() ||
        !(onRedPath(QString::fromLatin1(ids::RouteController)) ||
          failing(QString::fromLatin1(ids::RouteController)) ||
          failing(QString::fromLatin1(ids::VpcRouteTable))))
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("route-controller-restart");
    fix.title = QStringLiteral("Restart the cloud controller manager so it reconciles routes now");
    fix.appliesTo = QString::fromLatin1(ids::RouteController);
    fix.why = QStringLiteral("Its periodic route sync runs every 5 minutes; a restart re-reads "
                             "credentials and reconciles at once");
    fix.risk = QStringLiteral(
        "low: the Deployment re-creates the pod; load balancer reconciliation pauses for a moment");
    fix.verify = QStringLiteral("route-controller healthy and route-controller→vpc-route-table ok");
    const QString pod = m_f.routeControllerPod;
    fix.preflight.append(accessReview(QStringLiteral("delete"), {}, QStringLiteral("pods"),
                                      QStringLiteral("kube-system"), pod));
    fix.steps.append(step(
        QStringLiteral("Delete pod kube-system/%1 (its Deployment starts a new one)").arg(pod),
        QStringLiteral("DELETE"), QStringLiteral("/api/v1/namespaces/kube-system/pods/") + pod, {},
        facts::kubectl(QStringLiteral("delete pod ") + pod, QStringLiteral("kube-system"))));
    fix.undo.append(step(QStringLiteral("Nothing to undo: the pod is re-created from its manifest"),
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
    FixPlan fix;
    fix.id = QStringLiteral("backend-restart");
    fix.title = QStringLiteral("Bring %1 back (scale to 1 / restart)").arg(c->object);
    fix.appliesTo = c->id;
    fix.why = c->summary;
    fix.risk = QStringLiteral("low: restarts the aggregated API's backend pods");
    fix.verify = QStringLiteral("APIService Available=True");
    fix.preflight.append(accessReview(QStringLiteral("patch"), QStringLiteral("apps"),
                                      QStringLiteral("deployments"), ns, name,
                                      QStringLiteral("scale")));
    fix.steps.append(
        step(QStringLiteral("Scale deployment %1 to at least 1 replica").arg(c->object),
             QStringLiteral("PATCH"),
             QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2/scale").arg(ns, name),
             QStringLiteral("{\"spec\":{\"replicas\":1}}"),
             facts::kubectl(QStringLiteral("scale deployment %1 --replicas=1").arg(name), ns)));
    fix.steps.append(
        step(QStringLiteral("Restart its pods"), QStringLiteral("PATCH"),
             QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(ns, name),
             QStringLiteral("{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl."
                            "kubernetes.io/restartedAt\":\"<now>\"}}}}}"),
             facts::kubectl(QStringLiteral("rollout restart deployment ") + name, ns)));
    fix.undo.append(step(
        QStringLiteral("Scale %1 back to its previous replica count").arg(c->object),
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
    QString apiService;
    for (const AggregatedBackend& b : m_f.backends)
        if (QStringLiteral("%1/%2").arg(b.serviceNamespace, b.serviceName) == c->object)
            apiService = b.apiService;
    if (apiService.isEmpty())
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("apiservice-delete");
    fix.title = QStringLiteral("Delete the APIService %1 (after saving it)").arg(apiService);
    fix.appliesTo = link->id();
    fix.why = c->summary.contains(QStringLiteral("does not exist"))
                  ? QStringLiteral("Nothing serves it any more; while it is registered, every "
                                   "namespace deletion waits for it")
                  : QStringLiteral("Workaround only: unblocks namespace deletion while the backend "
                                   "is repaired, but hides the real fault");
    fix.risk = QStringLiteral("medium: %1 disappears until re-registered (kubectl top / HPA for "
                              "metrics); an add-on manager may re-create it")
                   .arg(apiService);
    fix.verify =
        QStringLiteral("discovery complete; stuck namespaces finish within about a minute");
    const QString path =
        QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices/") + apiService;
    fix.preflight.append(accessReview(QStringLiteral("delete"),
                                      QStringLiteral("apiregistration.k8s.io"),
                                      QStringLiteral("apiservices"), {}, apiService));
    fix.steps.append(step(
        QStringLiteral("Save the APIService"), QStringLiteral("GET"), path, {},
        facts::kubectl(QStringLiteral("get apiservice %1 -o yaml > %1.yaml").arg(apiService))));
    fix.steps.append(step(QStringLiteral("Delete the APIService"), QStringLiteral("DELETE"), path,
                          {}, facts::kubectl(QStringLiteral("delete apiservice ") + apiService)));
    fix.undo.append(step(QStringLiteral("Re-create it from the saved copy"), QStringLiteral("POST"),
                         QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices"),
                         QStringLiteral("<saved APIService>"),
                         facts::kubectl(QStringLiteral("create -f %1.yaml").arg(apiService))));
    return fix;
}

std::optional<FixPlan> FixPlanner::finalizers() const
{
    if (!failing(QStringLiteral("finalizers")))
        return std::nullopt;
    FixPlan fix;
    fix.id = QStringLiteral("finalizers-remove");
    fix.title = QStringLiteral("Remove the stuck finalizers (after saving the objects)");
    fix.appliesTo = QStringLiteral("finalizers");
    fix.why = m_result.component(fix.appliesTo)->summary;
    fix.risk = QStringLiteral("medium: skips the external cleanup the finalizer stood for (load "
                              "balancers, buckets, DNS)");
    fix.verify = QStringLiteral("NamespaceFinalizersRemaining False; the namespace disappears");
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
            fix.preflight.append(accessReview(QStringLiteral("patch"),
                                              base.startsWith(QStringLiteral("/apis/"))
                                                  ? base.section(QLatin1Char('/'), 2, 2)
                                                  : QString(),
                                              resource, ns, name));
            fix.steps.append(step(
                QStringLiteral("Save %1/%2, then clear its finalizers %3").arg(ns, name, saved),
                QStringLiteral("PATCH"), path,
                QStringLiteral("{\"metadata\":{\"finalizers\":null}}"),
                facts::kubectl(
                    QStringLiteral(
                        "patch %1 %2 --type merge -p '{\"metadata\":{\"finalizers\":null}}'")
                        .arg(resource, name),
                    ns)));
            fix.undo.append(
                step(QStringLiteral("Put the finalizers back on %1/%2 (only while it still exists)")
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
    fix.title = QStringLiteral("Remove the webhook configuration %1 (after saving it)").arg(name);
    fix.appliesTo = c->id;
    fix.why = c->summary;
    fix.risk = QStringLiteral("medium: the policy it enforced is off until it is re-created");
    fix.verify = QStringLiteral("NamespaceDeletionContentFailure False");
    const QString path =
        QStringLiteral("/apis/admissionregistration.k8s.io/v1/%1/%2").arg(resource, name);
    fix.preflight.append(accessReview(QStringLiteral("delete"),
                                      QStringLiteral("admissionregistration.k8s.io"), resource, {},
                                      name));
    fix.steps.append(step(
        QStringLiteral("Save it"), QStringLiteral("GET"), path, {},
        facts::kubectl(QStringLiteral("get %1 %2 -o yaml > %2.yaml").arg(kind.toLower(), name))));
    fix.steps.append(
        step(QStringLiteral("Delete it"), QStringLiteral("DELETE"), path, {},
             facts::kubectl(QStringLiteral("delete %1 %2").arg(kind.toLower(), name))));
    fix.undo.append(step(QStringLiteral("Re-create it from the saved copy"), QStringLiteral("POST"),
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
    fix.title = QStringLiteral("Force-finalize the namespace (last resort)");
    fix.appliesTo = QString::fromLatin1(ids::NamespaceController);
    QStringList orphans;
    for (const StuckNamespace& ns : m_result.namespaces)
        for (const QJsonObject& c : ns.conditions)
            if (c.value(QStringLiteral("status")).toString() == QStringLiteral("True"))
                orphans << QStringLiteral("%1: %2").arg(
                    ns.name, c.value(QStringLiteral("message")).toString());
    fix.why =
        QStringLiteral("Skips the remaining cleanup; only when the root cause cannot be fixed");
    fix.risk = QStringLiteral("high: orphans whatever is left in the namespace and strands objects "
                              "of undiscoverable APIs in etcd%1")
                   .arg(orphans.isEmpty()
                            ? QString()
                            : QStringLiteral(" — ") + orphans.join(QStringLiteral("; ")).left(600));
    fix.verify = QStringLiteral("the namespace is gone");
    for (const StuckNamespace& ns : m_result.namespaces) {
        fix.preflight.append(accessReview(QStringLiteral("update"), {},
                                          QStringLiteral("namespaces"), {}, ns.name,
                                          QStringLiteral("finalize")));
        fix.steps.append(step(
            QStringLiteral("Type the name \"%1\" to confirm, then clear spec.finalizers")
                .arg(ns.name),
            QStringLiteral("PUT"), QStringLiteral("/api/v1/namespaces/%1/finalize").arg(ns.name),
            QStringLiteral("<namespace with spec.finalizers=[]>"),
            QStringLiteral("kubectl get ns %1 -o json | jq '.spec.finalizers=[]' | kubectl replace "
                           "--raw /api/v1/namespaces/%1/finalize -f -")
                .arg(ns.name)));
    }
    fix.undo.append(step(QStringLiteral("None: a finalized namespace cannot be restored; re-create "
                                        "it and its content from backups"),
                         {}, {}, {}, {}));
    return fix;
}

} // namespace unstuck
