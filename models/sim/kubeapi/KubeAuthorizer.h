// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace unstuck::sim {

// Who sent a request, as the API server's authenticators name it.
struct KubeUser
{
    QString name;
    QStringList groups; // always with "system:authenticated"

    bool isMaster() const { return groups.contains(QLatin1String("system:masters")); }
};

// What a request asks to do: the API server's authorizer attributes.
struct KubeAccess
{
    QString verb; // get, list, watch, create, update, patch, delete, deletecollection
    QString group;
    QString resource; // the plural
    QString subresource;
    QString ns; // a namespace object is its own namespace, as in the API server's RequestInfo
    QString name;
    QString path; // a non-resource request ("/version")
    bool resourceRequest = true;
};

struct KubeDecision
{
    bool allowed = false;
    QString reason; // "RBAC: allowed by ClusterRoleBinding …" or empty
};

// The simulated cluster's authorizer, so the sim can be asked "may I?" and say no: members of
// system:masters may do everything (the sim's admin identities); everyone else gets what a small
// fixed RBAC grants: the basic-user and discovery roles of every authenticated user, and the
// read-only user's ClusterRole (get, list and watch on everything).
class KubeAuthorizer
{
public:
    static QString readOnlyUser(); // "unstuck-read-only"

    static KubeDecision authorize(const KubeUser& user, const KubeAccess& access);
    // A SelfSubjectRulesReview status: the rules the user has.
    static QJsonObject rules(const KubeUser& user);
    // The 403 Status the API server writes for a denied request.
    static HttpResponse forbidden(const KubeUser& user, const KubeAccess& access);
};

} // namespace unstuck::sim
