// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

#include <QDateTime>
#include <QHash>

namespace unstuck {

// The Route Controller (in the cloud controller manager) and its link to the VPC route table:
// it exists to keep one route per node, and says when it cannot in events, its log and the
// nodes' NetworkUnavailable condition. Hands those errors to the RAM rule as hints.
class RouteControllerRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

private:
    // The controller's failures, each also kept as evidence in the handoff.
    QList<Bilingual> collectErrors();
    void addEventErrors(QList<Bilingual>& errorLines);
    void addLogErrors(QList<Bilingual>& errorLines);
    void addNodeErrors(QList<Bilingual>& errorLines);
    static QString lastRouteError(const QString& log);
    static QString klogMessage(const QString& line);
    // When the controller last made a route for each node (key: node name; "" for any node).
    QHash<QString, QDateTime> lastSuccess() const;
    static bool isStale(const QJsonObject& failure, const QHash<QString, QDateTime>& success);
    QJsonObject controllerPod() const;
    QString logSubject() const;
    static void judgePastedLog(ComponentVerdict& c, const QList<Bilingual>& errorLines);
    void judgeComponent(ComponentVerdict& c, const QJsonObject& pod,
                        const QList<Bilingual>& errorLines) const;
    void judgeLink(LinkVerdict& link, ComponentState controller,
                   const QList<Bilingual>& errorLines) const;
};

} // namespace unstuck
