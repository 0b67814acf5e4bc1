// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/Vocabulary.h"

#include "models/verdict/DiagnosisResult.h"

#include <QList>

namespace unstuck {

using namespace Qt::StringLiterals;

QString ids::link(const QString& from, const QString& to)
{
    return from + u"→"_s + to;
}

namespace vocabulary {

namespace {

// A component: its stable id and its name.
struct ComponentTerm
{
    QString id;
    Bilingual label;
};

// The names on the graph's cards; the story, the reports and the view all read them here.
const QList<ComponentTerm>& components()
{
    static const QList<ComponentTerm> table = {
        {QString::fromLatin1(ids::ApiServer), {u"API Server"_s, u"API 服务器"_s}},
        {QString::fromLatin1(ids::MetricsServer), {u"Metrics Server"_s, u"指标服务器"_s}},
        {QString::fromLatin1(ids::NamespaceController),
         {u"Namespace Controller"_s, u"命名空间控制器"_s}},
        {QString::fromLatin1(ids::RouteController), {u"Route Controller"_s, u"路由控制器"_s}},
        {QString::fromLatin1(ids::VpcRouteTable), {u"VPC route table"_s, u"VPC 路由表"_s}},
        {QString::fromLatin1(ids::RamPolicy), {u"RAM policy"_s, u"RAM 权限策略"_s}},
        {QString::fromLatin1(ids::Finalizers), {u"Finalizers"_s, u"Finalizer"_s}},
        {QString::fromLatin1(ids::Webhook), {u"Webhook"_s, u"Webhook"_s}},
    };
    return table;
}

// A state: its stable JSON name, and its word for people.
template <typename State> struct StateTerm
{
    State state;
    QString name;
    Bilingual word;
};

const QList<StateTerm<ComponentState>>& componentStates()
{
    static const QList<StateTerm<ComponentState>> table = {
        {ComponentState::Healthy, u"healthy"_s, {u"healthy"_s, u"健康"_s}},
        {ComponentState::Failing, u"failing"_s, {u"failing"_s, u"故障"_s}},
        {ComponentState::Unknown, u"unknown"_s, {u"unknown"_s, u"未知"_s}},
        {ComponentState::NotApplicable, u"not-applicable"_s, {u"not applicable"_s, u"不适用"_s}},
    };
    return table;
}

const QList<StateTerm<LinkState>>& linkStates()
{
    static const QList<StateTerm<LinkState>> table = {
        {LinkState::Ok, u"ok"_s, {u"ok"_s, u"正常"_s}},
        {LinkState::Broken, u"broken"_s, {u"broken"_s, u"中断"_s}},
        {LinkState::Unknown, u"unknown"_s, {u"unknown"_s, u"未知"_s}},
    };
    return table;
}

template <typename State>
const StateTerm<State>& termOf(const QList<StateTerm<State>>& table, State state)
{
    for (const auto& term : table)
        if (term.state == state)
            return term;
    // Every enumerator has a row; a value cast from elsewhere reads as unknown.
    return termOf(table, State::Unknown);
}

// What a link arrow means. An empty end matches any component; the first matching row wins.
struct Relation
{
    const char* from;
    const char* to;
    Bilingual label;
};

const QList<Relation>& relations()
{
    static const QList<Relation> table = {
        {ids::NamespaceController, ids::ApiServer, {u"discovery"_s, u"API 发现"_s}},
        {ids::ApiServer, ids::MetricsServer, {u"APIService proxy"_s, u"APIService 代理"_s}},
        {ids::MetricsServer, ids::VpcRouteTable, {u"pod route"_s, u"Pod 路由"_s}},
        {ids::RouteController, ids::VpcRouteTable, {u"maintains routes"_s, u"维护路由"_s}},
        {ids::RouteController, ids::RamPolicy, {u"permission"_s, u"权限"_s}},
        // The namespace controller's other links lead to what blocks its deletes.
        {ids::NamespaceController, "", {u"deletes content"_s, u"删除内容"_s}},
        {"", "", {u"depends on"_s, u"依赖"_s}},
    };
    return table;
}

bool matches(const char* end, const QString& id)
{
    return *end == '\0' || id == QLatin1String(end);
}

} // namespace

QStringList componentIds()
{
    QStringList list;
    for (const auto& term : components())
        list << term.id;
    return list;
}

Bilingual componentLabel(const QString& id)
{
    for (const auto& term : components())
        if (term.id == id)
            return term.label;
    return {};
}

// The backend of another aggregated API than metrics has the engine label "virt-api (backend of
// subresources.kubevirt.io/v1)" (BackendRule, docs/diagnosis-json.md): its card, the inspector,
// the root cause, the story and the reports call it after that backend, "virt-api", in every
// language; metrics-server keeps the vocabulary's name.
namespace {
const QString kBackendOf = u" (backend of "_s;
}

QString backendLabel(const QString& serviceName, const QString& groupVersion)
{
    return serviceName + kBackendOf + groupVersion + u')';
}

QString componentName(const QString& id, const QString& engineLabel, Language language)
{
    const QString& backendOf = kBackendOf;
    if (id == QLatin1String(ids::MetricsServer) && engineLabel.endsWith(QLatin1Char(')')) &&
        engineLabel.contains(backendOf))
        return engineLabel.left(engineLabel.indexOf(backendOf));
    const Bilingual label = componentLabel(id);
    if (!label.isEmpty())
        return label.in(language);
    return engineLabel.isEmpty() ? id : engineLabel;
}

QString stateName(ComponentState state)
{
    return termOf(componentStates(), state).name;
}

QString stateName(LinkState state)
{
    return termOf(linkStates(), state).name;
}

Bilingual stateWord(ComponentState state)
{
    return termOf(componentStates(), state).word;
}

Bilingual stateWord(LinkState state)
{
    return termOf(linkStates(), state).word;
}

Bilingual relationLabel(const QString& from, const QString& to)
{
    for (const Relation& r : relations())
        if (matches(r.from, from) && matches(r.to, to))
            return r.label;
    return relations().last().label;
}

} // namespace vocabulary

} // namespace unstuck
