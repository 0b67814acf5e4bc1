// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/FinalizersRule.h"

#include "models/probes/KubeFacts.h"

namespace unstuck {

using namespace Qt::StringLiterals;

void FinalizersRule::apply(DiagnosisResult& result)
{
    QStringList finalizerItems;
    QStringList nsNames;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto c = facts::condition(ns, QStringLiteral("NamespaceFinalizersRemaining"));
        if (!c || c->value(QStringLiteral("status")).toString() != QStringLiteral("True"))
            continue;
        nsNames << facts::name(ns);
        finalizerItems << remainingItems(ns);
    }
    if (nsNames.isEmpty())
        return;
    ComponentVerdict c = componentVerdict(ids::Finalizers);
    // Sharper than the vocabulary's word: what is wrong is that nobody removes them.
    c.label = QStringLiteral("Stuck finalizers");
    c.state = ComponentState::Failing;
    QStringList objects = remainingObjects(c);
    if (objects.isEmpty())
        objects = pastedHolders();
    c.object = objects.isEmpty() ? finalizerItems.join(QStringLiteral("; "))
                                 : objects.join(QStringLiteral("; "));
    c.setSummary(
        Text(
            u"Content in %1 waits on finalizers nobody removes: %2 (its controller is "
            "gone or failing)"_s,
            u"%1 中的内容在等待无人移除的 finalizer：%2（负责移除它们的控制器已不存在或出现故障）"_s)
            .arg(nsNames.join(QStringLiteral(", ")), finalizerItems.join(QStringLiteral("; "))));
    addConditionEvidence(c);
    LinkVerdict link = linkVerdict(ids::NamespaceController, c.id);
    link.state = LinkState::Broken;
    link.setSummary(Text(u"Deletion waits for finalizers: "_s, u"删除在等待 finalizer："_s) +
                    finalizerItems.join(QStringLiteral("; ")));
    link.evidence = c.evidence.mid(0, 1);
    result.components.append(c);
    result.links.append(link);
}

QStringList FinalizersRule::remainingObjects(ComponentVerdict& c) const
{
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
    return objects;
}

// What a namespace waits for, from its NamespaceFinalizersRemaining message; when that message is
// cut off (a describe wider than the terminal), from NamespaceContentRemaining, which names the
// resources left ("staticroutes.gateway.kusk.io has 1 resource instances").
QString FinalizersRule::remainingItems(const QJsonObject& ns)
{
    const QString remaining = QStringLiteral("remaining: ");
    for (const QString& type : {QStringLiteral("NamespaceFinalizersRemaining"),
                                QStringLiteral("NamespaceContentRemaining")}) {
        const auto c = facts::condition(ns, type);
        const QString message = c ? c->value(QStringLiteral("message")).toString() : QString();
        if (c && c->value(QStringLiteral("status")).toString() == QStringLiteral("True") &&
            message.contains(remaining))
            return message.section(remaining, 1);
    }
    return {};
}

// The namespaces' own word comes first: NamespaceFinalizersRemaining as the API returned it.
void FinalizersRule::addConditionEvidence(ComponentVerdict& c) const
{
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        // Quoted only when it is what names the leftovers (the finalizers message is cut off).
        const auto content = facts::condition(ns, QStringLiteral("NamespaceContentRemaining"));
        const auto fin = facts::condition(ns, QStringLiteral("NamespaceFinalizersRemaining"));
        if (content && content->value(QStringLiteral("status")).toString() == u"True"_s && fin &&
            !fin->value(QStringLiteral("message")).toString().contains(u"remaining: "_s) &&
            m_f.namespaces)
            c.evidence.prepend(
                evidence(*m_f.namespaces,
                         Text(u"Namespace %1 reports NamespaceContentRemaining"_s,
                              u"命名空间 %1 报告 NamespaceContentRemaining"_s)
                             .arg(facts::name(ns)),
                         QStringLiteral("status.conditions[NamespaceContentRemaining].message"),
                         content->value(QStringLiteral("message")).toString(),
                         facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(facts::name(ns)))));
        const auto cond = facts::condition(ns, QStringLiteral("NamespaceFinalizersRemaining"));
        const QString holders = facts::at(ns, QStringLiteral("metadata.annotations"))
                                    .toObject()
                                    .value(QStringLiteral("unstuck.dev/finalizers-of"))
                                    .toString();
        if (cond && cond->value(QStringLiteral("status")).toString() == QStringLiteral("True") &&
            m_f.namespaces && !holders.isEmpty())
            c.evidence.prepend(impliedEvidence(ns, holders));
        else if (cond &&
                 cond->value(QStringLiteral("status")).toString() == QStringLiteral("True") &&
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
}

// The objects a namespace known only from a paste rests on ("ConfigMap stuck [stuck.io/stuck]").
QStringList FinalizersRule::pastedHolders() const
{
    QStringList out;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const QString holders = facts::at(ns, QStringLiteral("metadata.annotations"))
                                    .toObject()
                                    .value(QStringLiteral("unstuck.dev/finalizers-of"))
                                    .toString();
        if (!holders.isEmpty())
            out << holders;
    }
    return out;
}

// A namespace known only from pasted objects that carry finalizers: the objects are the
// evidence, not a condition nobody pasted.
Evidence FinalizersRule::impliedEvidence(const QJsonObject& ns, const QString& holders) const
{
    const QString first = holders.section(QStringLiteral("; "), 0, 0);
    return evidence(
        *m_f.namespaces,
        Text(u"Pasted %1 still has finalizers (namespace %2 waits on them)"_s,
             u"粘贴的 %1 仍带有 finalizer（命名空间 %2 在等待它们）"_s)
            .arg(first.section(QLatin1Char(' '), 0, 1), facts::name(ns)),
        QStringLiteral("metadata.finalizers"), holders,
        facts::kubectl(QStringLiteral("get %1 %2 -o yaml")
                           .arg(first.section(QLatin1Char(' '), 0, 0).toLower(),
                                first.section(QLatin1Char(' '), 1, 1)),
                       facts::name(ns) == u"unnamed-namespace"_s ? QString() : facts::name(ns)));
}

} // namespace unstuck
