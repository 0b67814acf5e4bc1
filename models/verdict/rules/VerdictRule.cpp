// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/VerdictRule.h"

#include "models/probes/KubeFacts.h"
#include "models/verdict/Vocabulary.h"

#include <QRegularExpression>

namespace unstuck {

using namespace Qt::StringLiterals;
ComponentVerdict VerdictRule::componentVerdict(const char* id, const QString& object)
{
    ComponentVerdict c;
    c.id = QString::fromLatin1(id);
    c.label = vocabulary::componentLabel(c.id).en;
    c.object = object;
    return c;
}

LinkVerdict VerdictRule::linkVerdict(const char* from, const QString& to)
{
    LinkVerdict link;
    link.from = QString::fromLatin1(from);
    link.to = to;
    return link;
}

Bilingual VerdictRule::unknownBecause(const Bilingual& reason)
{
    return Text(u"Unknown: "_s, u"未知："_s) + reason;
}

Bilingual VerdictRule::firstLine(const QList<Bilingual>& lines)
{
    return Text(lines.first().en.left(300), lines.first().zh.left(300));
}

Bilingual VerdictRule::notAnswered()
{
    return Text(u"not answered"_s, u"无应答"_s);
}

QStringList VerdictRule::groupVersionsInMessage(const QString& message)
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

bool VerdictRule::standsForPastedLog(const QJsonObject& pod)
{
    return facts::at(pod, QStringLiteral("metadata.annotations"))
               .toObject()
               .value(QStringLiteral("unstuck.dev/pasted-as"))
               .toString() == QLatin1String("component log");
}

bool VerdictRule::conditionTrue(const QJsonObject& object, const QString& type)
{
    const auto c = facts::condition(object, type);
    return c && c->value(QStringLiteral("status")).toString() == QStringLiteral("True");
}

} // namespace unstuck
