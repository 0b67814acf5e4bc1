// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/ImpliedNamespace.h"

#include <QJsonArray>

namespace unstuck {

QString ImpliedNamespace::nameFrom(const QSet<QString>& names)
{
    return names.size() == 1 ? *names.cbegin() : QString::fromLatin1(kUnnamed);
}

QJsonObject ImpliedNamespace::condition(const QString& type, const QString& reason,
                                        const QString& message)
{
    return QJsonObject{{QStringLiteral("type"), type},
                       {QStringLiteral("status"), QStringLiteral("True")},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("message"), message}};
}

QJsonObject ImpliedNamespace::terminating(const QString& name, const QJsonObject& condition,
                                          QJsonObject annotations, bool kubernetesFinalizer)
{
    if (name == QLatin1String(kUnnamed))
        annotations.insert(QStringLiteral("unstuck.dev/name-unknown"), QStringLiteral("true"));
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!annotations.isEmpty())
        metadata.insert(QStringLiteral("annotations"), annotations);
    QJsonObject ns{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                   {QStringLiteral("kind"), QStringLiteral("Namespace")},
                   {QStringLiteral("metadata"), metadata},
                   {QStringLiteral("status"),
                    QJsonObject{{QStringLiteral("phase"), QStringLiteral("Terminating")},
                                {QStringLiteral("conditions"), QJsonArray{condition}}}}};
    if (kubernetesFinalizer)
        ns.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("finalizers"),
                                                       QJsonArray{QStringLiteral("kubernetes")}}});
    return ns;
}

} // namespace unstuck
