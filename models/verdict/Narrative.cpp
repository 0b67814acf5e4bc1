// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/Narrative.h"

#include "models/verdict/Vocabulary.h"

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

// The name the graph's card shows for `id`, so the story and the cards agree.
static QString nameOf(const DiagnosisResult& result, const QString& id, Language language)
{
    const ComponentVerdict* c = result.component(id);
    return vocabulary::componentName(id, c ? c->label : QString(), language);
}

static QString nameEn(const DiagnosisResult& result, const QString& id)
{
    return nameOf(result, id, Language::English);
}

static QString nameZh(const DiagnosisResult& result, const QString& id)
{
    return nameOf(result, id, Language::Chinese);
}

// A component's Chinese name, for the hop sentences below.
static QString zhName(const char* id)
{
    return vocabulary::componentLabel(QString::fromLatin1(id)).zh;
}

QString Narrative::english(const DiagnosisResult& result)
{
    QStringList text;
    if (!result.namespaces.isEmpty())
        text << QStringLiteral("Symptom: %1 namespace(s) stuck in Terminating (%2).")
                    .arg(result.namespaces.size())
                    .arg(namespaceList(result));
    else if (result.source == QLatin1String("paste"))
        // A paste without a namespace says nothing about which namespaces wait.
        text << QStringLiteral("No namespace is in the pasted input: which namespaces wait on "
                               "this is not known.");
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
                    .arg(nameEn(result, from), nameEn(result, to), hopSummary(result, id));
    }
    const RootCause& root = *result.rootCause;
    const QString where = root.component.isEmpty()
                              ? QStringLiteral("the link %1 → %2")
                                    .arg(nameEn(result, root.from), nameEn(result, root.to))
                              : nameEn(result, root.component);
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

static QString zhHop(const DiagnosisResult& result, const QString& from, const QString& to)
{
    const QString key = ids::link(from, to);
    if (key == ids::link(ids::NamespaceController, ids::ApiServer))
        return QStringLiteral("API 发现不完整，%1无法删除全部内容，命名空间一直处于 Terminating。")
            .arg(zhName(ids::NamespaceController));
    if (key == ids::link(ids::ApiServer, ids::MetricsServer)) {
        const ComponentVerdict* c = result.component(to);
        return QStringLiteral("APIService 不可用（Available=False），%1无法访问后端 %2。")
            .arg(zhName(ids::ApiServer), c ? c->object : QString());
    }
    if (key == ids::link(ids::MetricsServer, ids::VpcRouteTable))
        return QStringLiteral("后端 Pod 所在节点的 Pod 网段在 %1中没有正确的路由，主机网络上的 "
                              "%2无法到达 Pod IP。")
            .arg(zhName(ids::VpcRouteTable), zhName(ids::ApiServer));
    if (key == ids::link(ids::RouteController, ids::VpcRouteTable))
        return QStringLiteral("%1没有为所有节点的 Pod 网段创建路由条目。")
            .arg(zhName(ids::RouteController));
    if (key == ids::link(ids::RouteController, ids::RamPolicy))
        return QStringLiteral("%1使用的 RAM 角色没有调用 VPC 路由接口的权限。")
            .arg(zhName(ids::RouteController));
    if (to == QLatin1String(ids::Finalizers))
        return QStringLiteral("命名空间中的对象带有无人移除的 finalizer。");
    if (to == QLatin1String(ids::Webhook))
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
    else if (result.source == QLatin1String("paste"))
        text << QStringLiteral("粘贴的内容中没有命名空间：不知道哪些命名空间在等待它。");
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
                    .arg(nameZh(result, from), nameZh(result, to), zhHop(result, from, to));
    }
    const RootCause& root = *result.rootCause;
    const QString where =
        root.component.isEmpty()
            ? nameZh(result, root.from) + QStringLiteral(" → ") + nameZh(result, root.to)
            : nameZh(result, root.component);
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

void Narrative::write(DiagnosisResult& result)
{
    result.narrativeEn = english(result);
    result.narrativeZh = chinese(result);
}

} // namespace unstuck
