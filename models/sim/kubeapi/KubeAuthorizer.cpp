// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeAuthorizer.h"

#include "models/sim/kubeapi/KubeHandler.h"

#include <QJsonArray>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

struct Rule
{
    QStringList verbs;
    QStringList apiGroups;
    QStringList resources;
    QStringList nonResourceURLs;
};

// One ClusterRoleBinding and the rules of the ClusterRole it binds.
struct Binding
{
    QString name;
    QString role;
    QString subjectKind; // "User" | "Group"
    QString subject;
    QList<Rule> rules;
};

const QList<Binding>& bindings()
{
    static const QList<Binding> list{
        {u"system:basic-user"_s,
         u"system:basic-user"_s,
         u"Group"_s,
         u"system:authenticated"_s,
         {Rule{{u"create"_s},
               {u"authorization.k8s.io"_s},
               {u"selfsubjectaccessreviews"_s, u"selfsubjectrulesreviews"_s},
               {}}}},
        {u"system:discovery"_s,
         u"system:discovery"_s,
         u"Group"_s,
         u"system:authenticated"_s,
         {Rule{{u"get"_s},
               {},
               {},
               {u"/api"_s, u"/api/*"_s, u"/apis"_s, u"/apis/*"_s, u"/healthz"_s, u"/livez"_s,
                u"/openapi"_s, u"/openapi/*"_s, u"/readyz"_s, u"/version"_s, u"/version/"_s}}}},
        {KubeAuthorizer::readOnlyUser(),
         KubeAuthorizer::readOnlyUser(),
         u"User"_s,
         KubeAuthorizer::readOnlyUser(),
         {Rule{{u"get"_s, u"list"_s, u"watch"_s}, {u"*"_s}, {u"*"_s}, {}},
          Rule{{u"get"_s}, {}, {}, {u"*"_s}}}},
    };
    return list;
}

bool matches(const QStringList& allowed, const QString& value)
{
    return allowed.contains(u"*"_s) || allowed.contains(value);
}

bool urlMatches(const QStringList& urls, const QString& path)
{
    for (const QString& url : urls) {
        if (url == u"*"_s || url == path)
            return true;
        if (url.endsWith(u'*') && path.startsWith(url.chopped(1)))
            return true;
    }
    return false;
}

bool ruleAllows(const Rule& rule, const KubeAccess& a)
{
    if (!matches(rule.verbs, a.verb))
        return false;
    if (!a.resourceRequest)
        return urlMatches(rule.nonResourceURLs, a.path);
    const QString combined =
        a.subresource.isEmpty() ? a.resource : a.resource + u'/' + a.subresource;
    return matches(rule.apiGroups, a.group) && matches(rule.resources, combined);
}

bool appliesTo(const Binding& b, const KubeUser& user)
{
    return b.subjectKind == u"User"_s ? b.subject == user.name : user.groups.contains(b.subject);
}

QJsonArray strings(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QString KubeAuthorizer::readOnlyUser()
{
    return u"unstuck-read-only"_s;
}

KubeDecision KubeAuthorizer::authorize(const KubeUser& user, const KubeAccess& access)
{
    if (user.isMaster())
        return {true, {}}; // the privileged-group authorizer: allowed, no reason
    for (const Binding& b : bindings()) {
        if (!appliesTo(b, user))
            continue;
        for (const Rule& rule : b.rules)
            if (ruleAllows(rule, access))
                return {true, u"RBAC: allowed by ClusterRoleBinding \"%1\" of ClusterRole \"%2\" "
                              u"to %3 \"%4\""_s.arg(b.name, b.role, b.subjectKind, b.subject)};
    }
    return {false, {}}; // RBAC has no opinion and gives no reason
}

QJsonObject KubeAuthorizer::rules(const KubeUser& user)
{
    QJsonArray resourceRules, nonResourceRules;
    if (user.isMaster()) {
        resourceRules.append(QJsonObject{{u"verbs"_s, strings({u"*"_s})},
                                         {u"apiGroups"_s, strings({u"*"_s})},
                                         {u"resources"_s, strings({u"*"_s})}});
        nonResourceRules.append(QJsonObject{{u"verbs"_s, strings({u"*"_s})},
                                            {u"nonResourceURLs"_s, strings({u"*"_s})}});
    }
    for (const Binding& b : bindings()) {
        if (!appliesTo(b, user) || user.isMaster())
            continue;
        for (const Rule& r : b.rules) {
            if (r.nonResourceURLs.isEmpty())
                resourceRules.append(QJsonObject{{u"verbs"_s, strings(r.verbs)},
                                                 {u"apiGroups"_s, strings(r.apiGroups)},
                                                 {u"resources"_s, strings(r.resources)}});
            else
                nonResourceRules.append(
                    QJsonObject{{u"verbs"_s, strings(r.verbs)},
                                {u"nonResourceURLs"_s, strings(r.nonResourceURLs)}});
        }
    }
    return QJsonObject{{u"resourceRules"_s, resourceRules},
                       {u"nonResourceRules"_s, nonResourceRules},
                       {u"incomplete"_s, false}};
}

HttpResponse KubeAuthorizer::forbidden(const KubeUser& user, const KubeAccess& a)
{
    QString what;
    if (!a.resourceRequest) {
        what = u"User \"%1\" cannot %2 path \"%3\""_s.arg(user.name, a.verb, a.path);
        return KubeHandler::status(403, u"Forbidden"_s, u"forbidden: "_s + what, QJsonObject());
    }
    const QString resource =
        a.subresource.isEmpty() ? a.resource : a.resource + u'/' + a.subresource;
    what = u"User \"%1\" cannot %2 resource \"%3\" in API group \"%4\""_s.arg(user.name, a.verb,
                                                                              resource, a.group);
    what += a.ns.isEmpty() ? u" at the cluster scope"_s : u" in the namespace \"%1\""_s.arg(a.ns);
    const QString qualified = KubeHandler::qualified(a.group, a.resource);
    QJsonObject details{{u"kind"_s, a.resource}};
    if (!a.group.isEmpty())
        details.insert(u"group"_s, a.group);
    if (!a.name.isEmpty())
        details.insert(u"name"_s, a.name);
    const QString message = a.name.isEmpty()
                                ? u"%1 is forbidden: %2"_s.arg(qualified, what)
                                : u"%1 \"%2\" is forbidden: %3"_s.arg(qualified, a.name, what);
    HttpResponse response = KubeHandler::status(403, u"Forbidden"_s, message, details);
    response.headers.append(std::pair<QByteArray, QByteArray>("X-Content-Type-Options", "nosniff"));
    return response;
}

} // namespace unstuck::sim
