// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/NamespaceRule.h"

#include "models/probes/KubeFacts.h"

namespace unstuck {

using facts::str;

void NamespaceRule::apply(DiagnosisResult& result)
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

} // namespace unstuck
