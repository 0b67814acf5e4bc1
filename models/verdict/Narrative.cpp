// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/Narrative.h"

namespace unstuck {

static QString namespaceList(const DiagnosisResult& result)
{
    QStringList names;
    for (const StuckNamespace& ns : result.namespaces)
        names << ns.name;
    if (names.size() > 5)
        return names.mid(0, 5).join(QStringLiteral(", ")) +
               QStringLiteral(" and %1 more").arg(names.size() - 5);
    return names.join(QStringLiteral(", "));
}

static QString hopSummary(const DiagnosisResult& result, const QString& id)
{
    if (const ComponentVerdict* c = result.component(id))
        return c->summary;
    for (const LinkVerdict& l : result.links)
        if (l.id() == id)
            return l.summary;
    return {};
}

static QString labelOf(const DiagnosisResult& result, const QString& id)
{
    if (const ComponentVerdict* c = result.component(id))
        return c->label;
    return id;
}

QString Narrative::english(const DiagnosisResult& result)
{
    QStringList text;
    if (!result.namespaces.isEmpty())
        text << QStringLiteral("Symptom: %1 namespace(s) stuck in Terminating (%2).")
                    .arg(result.namespaces.size())
                    .arg(namespaceList(result));
    else
        text << QStringLiteral("No namespace is stuck in Terminating.");
    if (!result.rootCause) {
        text << (result.complete
                     ? QStringLiteral("Every checked component and link is healthy or could not be "
                                      "judged; no root cause was found.")
                     : QStringLiteral("The diagnosis did not complete: %1").arg(result.error));
        return text.join(QLatin1Char('\n'));
    }
    int step = 1;
    for (const QString& id : result.redPath) {
        if (!id.contains(QStringLiteral("→")))
            continue;
        const QString from = id.section(QStringLiteral("→"), 0, 0),
                      to = id.section(QStringLiteral("→"), 1);
        text << QStringLiteral("%1. %2 → %3: %4")
                    .arg(step++)
                    .arg(labelOf(result, from), labelOf(result, to), hopSummary(result, id));
    }
    const RootCause& root = *result.rootCause;
    const QString where = root.component.isEmpty()
                              ? QStringLiteral("the link %1 → %2")
                                    .arg(labelOf(result, root.from), labelOf(result, root.to))
                              : labelOf(result, root.component);
    text << QStringLiteral("Root cause (%1): %2").arg(where, root.summary);
    if (!result.fixes.isEmpty())
        text << QStringLiteral("Recommended fix: %1. %2")
                    .arg(result.fixes.first().title, result.fixes.first().verify.isEmpty()
                                                         ? QString()
                                                         : QStringLiteral("Afterwards: ") +
                                                               result.fixes.first().verify +
                                                               QLatin1Char('.'));
    return text.join(QLatin1Char('\n'));
}

static QString zhLabel(const QString& id)
{
    if (id == QLatin1String(ids::ApiServer))
        return QStringLiteral("API Server");
    if (id == QLatin1String(ids::MetricsServer))
        return QStringLiteral("聚合 API 后端（Metrics Server）");
    if (id == QLatin1String(ids::NamespaceController))
        return QStringLiteral("Namespace 控制器");
    if (id == QLatin1String(ids::RouteController))
        return QStringLiteral("路由控制器（CCM）");
    if (id == QLatin1String(ids::VpcRouteTable))
        return QStringLiteral("VPC 路由表");
    if (id == QLatin1String(ids::RamPolicy))
        return QStringLiteral("RAM 权限策略");
    if (id == QLatin1String("finalizers"))
        return QStringLiteral("残留的 finalizer");
    if (id == QLatin1String("webhook"))
        return QStringLiteral("Webhook");
    return id;
}

static QString zhHop(const DiagnosisResult& result, const QString& from, const QString& to)
{
    const QString key = from + QStringLiteral("→") + to;
    if (key == QStringLiteral("namespace-controller→apiserver"))
        return QStringLiteral(
            "API 发现不完整，Namespace 控制器无法删除全部内容，命名空间一直处于 Terminating。");
    if (key == QStringLiteral("apiserver→metrics-server")) {
        const ComponentVerdict* c = result.component(to);
        return QStringLiteral("APIService 不可用（Available=False），API Server 无法访问后端 %1。")
            .arg(c ? c->object : QString());
    }
    if (key == QStringLiteral("metrics-server→vpc-route-table"))
        return QStringLiteral("后端 Pod 所在节点的 Pod 网段在 VPC "
                              "路由表中没有正确的路由，主机网络上的 API Server 无法到达 Pod IP。");
    if (key == QStringLiteral("route-controller→vpc-route-table"))
        return QStringLiteral("路由控制器没有为所有节点的 Pod 网段创建路由条目。");
    if (key == QStringLiteral("route-controller→ram-policy"))
        return QStringLiteral("路由控制器使用的 RAM 角色没有调用 VPC 路由接口的权限。");
    if (to == QStringLiteral("finalizers"))
        return QStringLiteral("命名空间中的对象带有无人移除的 finalizer。");
    if (to == QStringLiteral("webhook"))
        return QStringLiteral("Webhook 拒绝或无法处理删除请求，内容删除失败。");
    return {};
}

QString Narrative::chinese(const DiagnosisResult& result)
{
    QStringList text;
    QStringList names;
    for (const StuckNamespace& ns : result.namespaces)
        names << ns.name;
    if (!names.isEmpty())
        text << QStringLiteral("现象：%1 个命名空间一直处于 Terminating 状态（%2）。")
                    .arg(names.size())
                    .arg(names.mid(0, 5).join(QStringLiteral("、")));
    else
        text << QStringLiteral("没有处于 Terminating 状态的命名空间。");
    if (!result.rootCause) {
        text << (result.complete
                     ? QStringLiteral("所有已检查的组件和链路均正常或无法判断，未发现根因。")
                     : QStringLiteral("诊断未完成：%1").arg(result.error));
        return text.join(QLatin1Char('\n'));
    }
    int step = 1;
    for (const QString& id : result.redPath) {
        if (!id.contains(QStringLiteral("→")))
            continue;
        const QString from = id.section(QStringLiteral("→"), 0, 0),
                      to = id.section(QStringLiteral("→"), 1);
        text << QStringLiteral("%1. %2 → %3：%4")
                    .arg(step++)
                    .arg(zhLabel(from), zhLabel(to), zhHop(result, from, to));
    }
    const RootCause& root = *result.rootCause;
    const QString where = root.component.isEmpty()
                              ? zhLabel(root.from) + QStringLiteral(" → ") + zhLabel(root.to)
                              : zhLabel(root.component);
    text << QStringLiteral("根因（%1）：%2").arg(where, root.summaryText().in(Language::Chinese));
    if (!result.fixes.isEmpty()) {
        const QString id = result.fixes.first().id;
        QString fix = result.fixes.first().titleText().in(Language::Chinese);
        if (id == QStringLiteral("ram-policy-allow"))
            fix = QStringLiteral("为 RAM 策略创建新版本，将 Deny 改回 Allow（可回滚到旧版本）");
        else if (id == QStringLiteral("vpc-route-create"))
            fix = QStringLiteral("在 VPC 路由表中补建缺失的路由条目（可删除回滚）");
        else if (id == QStringLiteral("apiservice-delete"))
            fix = QStringLiteral("备份后删除失效的 APIService");
        else if (id == QStringLiteral("backend-restart"))
            fix = QStringLiteral("恢复或重启聚合 API 的后端");
        else if (id == QStringLiteral("finalizers-remove"))
            fix = QStringLiteral("备份后移除残留的 finalizer");
        else if (id == QStringLiteral("webhook-delete"))
            fix = QStringLiteral("备份后删除阻塞删除的 Webhook 配置");
        const QString verify = result.fixes.first().verifyZh;
        text << QStringLiteral("建议修复：%1。%2")
                    .arg(fix,
                         verify.isEmpty() ? QString() : QStringLiteral("修复后：%1。").arg(verify));
    }
    return text.join(QLatin1Char('\n'));
}

QString Narrative::componentName(const DiagnosisResult& result, const QString& id,
                                 Language language)
{
    if (language == Language::English)
        return labelOf(result, id);
    // Another aggregated API's backend keeps its own name ("virt-api (backend of …)").
    const ComponentVerdict* c = result.component(id);
    if (id == QLatin1String(ids::MetricsServer) && c &&
        c->label != QLatin1String("Metrics Server") && !c->label.isEmpty())
        return QStringLiteral("聚合 API 后端（%1）").arg(c->label);
    const QString zh = zhLabel(id);
    return zh == id && c && !c->label.isEmpty() ? c->label : zh;
}

void Narrative::write(DiagnosisResult& result)
{
    result.narrativeEn = english(result);
    result.narrativeZh = chinese(result);
}

} // namespace unstuck
