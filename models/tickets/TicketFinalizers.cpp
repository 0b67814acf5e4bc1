// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketFinalizers.h"

#include "models/tickets/ImpliedNamespace.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace unstuck {
namespace {

QJsonObject metadataOf(const QJsonObject& object)
{
    return object.value(QStringLiteral("metadata")).toObject();
}

// Kinds that live outside namespaces: their finalizers hold no namespace back.
bool clusterScoped(const QString& kind)
{
    static const QSet<QString> kinds = {
        QStringLiteral("Namespace"),
        QStringLiteral("Node"),
        QStringLiteral("APIService"),
        QStringLiteral("CustomResourceDefinition"),
        QStringLiteral("PersistentVolume"),
        QStringLiteral("ClusterRole"),
        QStringLiteral("ClusterRoleBinding"),
        QStringLiteral("StorageClass"),
        QStringLiteral("PriorityClass"),
        QStringLiteral("ValidatingWebhookConfiguration"),
        QStringLiteral("MutatingWebhookConfiguration"),
        QStringLiteral("Event"),
    };
    return kinds.contains(kind);
}

QStringList finalizersOf(const QJsonObject& object)
{
    QStringList out;
    for (const QJsonValue& v : metadataOf(object).value(QStringLiteral("finalizers")).toArray())
        if (!v.toString().isEmpty())
            out << v.toString();
    return out;
}

} // namespace

void TicketFinalizers::implyNamespaces(TicketFacts* facts)
{
    if (namespaceSpeaks(*facts))
        return;
    const QString fallback = fallbackNamespace(*facts);
    QMap<QString, QList<Holder>> byNamespace;
    for (const TicketFacts::Object& o : std::as_const(facts->objects)) {
        const QString kind = o.object.value(QStringLiteral("kind")).toString();
        const QStringList finalizers = finalizersOf(o.object);
        if (finalizers.isEmpty() || kind.isEmpty() || clusterScoped(kind))
            continue;
        QString name = metadataOf(o.object).value(QStringLiteral("name")).toString();
        QString ns = metadataOf(o.object).value(QStringLiteral("namespace")).toString();
        if (name.isEmpty() && !onlyNamed(*facts, kind, &name, &ns))
            name = QStringLiteral("(name not pasted)");
        byNamespace[ns.isEmpty() ? fallback : ns].append({kind, name, finalizers, o.file});
    }
    for (auto it = byNamespace.cbegin(); it != byNamespace.cend(); ++it)
        facts->objects.append({impliedNamespace(it.key(), it.value()), it.value().first().file,
                               QStringLiteral("objects with finalizers")});
}

// Finalizers pasted without their object's name (a grep of its YAML) belong to the one object of
// that kind the paste lists (`kubectl get … --show-kind`), when there is exactly one.
bool TicketFinalizers::onlyNamed(const TicketFacts& facts, const QString& kind, QString* name,
                                 QString* ns)
{
    QSet<QString> found;
    for (const TicketFacts::Object& o : facts.objects) {
        const QJsonObject metadata = metadataOf(o.object);
        const QString n = metadata.value(QStringLiteral("name")).toString();
        if (o.object.value(QStringLiteral("kind")).toString() != kind || n.isEmpty())
            continue;
        found.insert(metadata.value(QStringLiteral("namespace")).toString() + QLatin1Char('/') + n);
    }
    if (found.size() != 1)
        return false;
    *ns = found.cbegin()->section(QLatin1Char('/'), 0, 0);
    *name = found.cbegin()->section(QLatin1Char('/'), 1);
    return true;
}

// A namespace pasted with its conditions says itself what it waits for.
bool TicketFinalizers::namespaceSpeaks(const TicketFacts& facts)
{
    for (const TicketFacts::Object& o : facts.objects)
        if (o.object.value(QStringLiteral("kind")).toString() == QLatin1String("Namespace") &&
            !o.object.value(QStringLiteral("status"))
                 .toObject()
                 .value(QStringLiteral("conditions"))
                 .toArray()
                 .isEmpty())
            return true;
    return false;
}

// The one namespace the paste names (a describe, a table row), else an unnamed one.
QString TicketFinalizers::fallbackNamespace(const TicketFacts& facts)
{
    QSet<QString> names;
    for (const TicketFacts::Object& o : facts.objects)
        if (o.object.value(QStringLiteral("kind")).toString() == QLatin1String("Namespace"))
            names.insert(metadataOf(o.object).value(QStringLiteral("name")).toString());
    return ImpliedNamespace::nameFrom(names);
}

// The namespace as the namespace controller would show it: Terminating, with
// NamespaceFinalizersRemaining in its own words ("Some content in the namespace has finalizers
// remaining: x in 1 resource instances").
QJsonObject TicketFinalizers::impliedNamespace(const QString& name, const QList<Holder>& holders)
{
    QMap<QString, int> count;
    QStringList objects;
    for (const Holder& h : holders) {
        for (const QString& f : h.finalizers)
            ++count[f];
        objects << QStringLiteral("%1 %2 [%3]").arg(h.kind, h.name, h.finalizers.join(u", "));
    }
    QStringList items;
    for (auto it = count.cbegin(); it != count.cend(); ++it)
        items << QStringLiteral("%1 in %2 resource instances").arg(it.key()).arg(it.value());
    QJsonObject annotations{
        {QStringLiteral("unstuck.dev/partial"), QStringLiteral("true")},
        {QStringLiteral("unstuck.dev/finalizers-of"), objects.join(QStringLiteral("; "))}};
    return ImpliedNamespace::terminating(
        name,
        ImpliedNamespace::condition(
            QStringLiteral("NamespaceFinalizersRemaining"), QStringLiteral("SomeFinalizersRemain"),
            QStringLiteral("Some content in the namespace has finalizers remaining: ") +
                items.join(QStringLiteral(", "))),
        annotations);
}

} // namespace unstuck
