// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/writers/ResultJson.h"

#include "models/common/Redactor.h"
#include "models/verdict/Vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

static QString time(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

static QJsonArray warnings(const QList<Bilingual>& list)
{
    QJsonArray out;
    for (const Bilingual& w : list)
        out.append(QJsonObject{{QStringLiteral("en"), Redactor::redact(w.en)},
                               {QStringLiteral("zh"), Redactor::redact(w.zh)}});
    return out;
}

QJsonObject ResultJson::evidenceJson(const Evidence& e)
{
    QJsonObject o{{QStringLiteral("title"), e.title},
                  {QStringLiteral("titleZh"), e.titleZh},
                  {QStringLiteral("request"), e.request},
                  {QStringLiteral("status"), e.status},
                  {QStringLiteral("field"), e.field},
                  {QStringLiteral("value"), Redactor::redact(e.value)},
                  {QStringLiteral("raw"), Redactor::redact(e.raw)},
                  {QStringLiteral("at"), time(e.at)},
                  {QStringLiteral("command"), e.command},
                  {QStringLiteral("source"), e.source}};
    if (!e.valueZh.isEmpty()) // only where the value is a sentence (e.g. a RAM decision)
        o.insert(QStringLiteral("valueZh"), Redactor::redact(e.valueZh));
    return o;
}

static QJsonArray evidenceArray(const QList<Evidence>& list)
{
    QJsonArray array;
    for (const Evidence& e : list)
        array.append(ResultJson::evidenceJson(e));
    return array;
}

static QJsonArray stepsArray(const QList<FixStep>& steps)
{
    QJsonArray array;
    for (const FixStep& s : steps)
        array.append(QJsonObject{{QStringLiteral("description"), s.description},
                                 {QStringLiteral("descriptionZh"), s.descriptionZh},
                                 {QStringLiteral("method"), s.method},
                                 {QStringLiteral("target"), s.target},
                                 {QStringLiteral("body"), Redactor::redact(s.body)},
                                 {QStringLiteral("command"), Redactor::redact(s.command)}});
    return array;
}

QJsonObject ResultJson::fixJson(const FixPlan& f)
{
    return QJsonObject{{QStringLiteral("id"), f.id},
                       {QStringLiteral("title"), f.title},
                       {QStringLiteral("titleZh"), f.titleZh},
                       {QStringLiteral("why"), f.why},
                       {QStringLiteral("whyZh"), f.whyZh},
                       {QStringLiteral("risk"), f.risk},
                       {QStringLiteral("riskZh"), f.riskZh},
                       {QStringLiteral("appliesTo"), f.appliesTo},
                       {QStringLiteral("kind"), f.kind},
                       {QStringLiteral("preflight"), stepsArray(f.preflight)},
                       {QStringLiteral("steps"), stepsArray(f.steps)},
                       {QStringLiteral("undo"), stepsArray(f.undo)},
                       {QStringLiteral("verify"), f.verify},
                       {QStringLiteral("verifyZh"), f.verifyZh}};
}

QJsonObject ResultJson::toJson(const DiagnosisResult& r)
{
    QJsonArray namespaces;
    for (const StuckNamespace& ns : r.namespaces) {
        QJsonArray conditions;
        for (const QJsonObject& c : ns.conditions)
            conditions.append(c);
        namespaces.append(
            QJsonObject{{QStringLiteral("name"), ns.name},
                        {QStringLiteral("phase"), ns.phase},
                        {QStringLiteral("deletionTimestamp"), time(ns.deletionTimestamp)},
                        {QStringLiteral("finalizers"), QJsonArray::fromStringList(ns.finalizers)},
                        {QStringLiteral("conditions"), conditions}});
    }
    QJsonArray components;
    for (const ComponentVerdict& c : r.components)
        components.append(QJsonObject{{QStringLiteral("id"), c.id},
                                      {QStringLiteral("label"), c.label},
                                      {QStringLiteral("object"), c.object},
                                      {QStringLiteral("state"), vocabulary::stateName(c.state)},
                                      {QStringLiteral("summary"), Redactor::redact(c.summary)},
                                      {QStringLiteral("summaryZh"), Redactor::redact(c.summaryZh)},
                                      {QStringLiteral("evidence"), evidenceArray(c.evidence)}});
    QJsonArray links;
    for (const LinkVerdict& l : r.links)
        links.append(QJsonObject{{QStringLiteral("id"), l.id()},
                                 {QStringLiteral("from"), l.from},
                                 {QStringLiteral("to"), l.to},
                                 {QStringLiteral("state"), vocabulary::stateName(l.state)},
                                 {QStringLiteral("summary"), Redactor::redact(l.summary)},
                                 {QStringLiteral("summaryZh"), Redactor::redact(l.summaryZh)},
                                 {QStringLiteral("evidence"), evidenceArray(l.evidence)}});
    QJsonValue root = QJsonValue::Null;
    if (r.rootCause) {
        QJsonObject cause{{QStringLiteral("summary"), Redactor::redact(r.rootCause->summary)},
                          {QStringLiteral("summaryZh"), Redactor::redact(r.rootCause->summaryZh)},
                          {QStringLiteral("latent"), r.rootCause->latent}};
        if (!r.rootCause->component.isEmpty())
            cause.insert(QStringLiteral("component"), r.rootCause->component);
        else
            cause.insert(QStringLiteral("link"),
                         QJsonObject{{QStringLiteral("from"), r.rootCause->from},
                                     {QStringLiteral("to"), r.rootCause->to}});
        root = cause;
    }
    QJsonArray fixes;
    for (const FixPlan& f : r.fixes)
        fixes.append(fixJson(f));
    return QJsonObject{{QStringLiteral("schemaVersion"), DiagnosisResult::kSchemaVersion},
                       {QStringLiteral("tool"), QStringLiteral("unstuck")},
                       {QStringLiteral("context"), r.context},
                       {QStringLiteral("source"), r.source},
                       {QStringLiteral("startedAt"), time(r.startedAt)},
                       {QStringLiteral("finishedAt"), time(r.finishedAt)},
                       {QStringLiteral("complete"), r.complete},
                       {QStringLiteral("error"), r.error.isEmpty()
                                                     ? QJsonValue(QJsonValue::Null)
                                                     : QJsonValue(Redactor::redact(r.error))},
                       {QStringLiteral("namespaces"), namespaces},
                       {QStringLiteral("components"), components},
                       {QStringLiteral("links"), links},
                       {QStringLiteral("rootCause"), root},
                       {QStringLiteral("redPath"), QJsonArray::fromStringList(r.redPath)},
                       {QStringLiteral("fixes"), fixes},
                       {QStringLiteral("narrative"),
                        QJsonObject{{QStringLiteral("en"), Redactor::redact(r.narrativeEn)},
                                    {QStringLiteral("zh"), Redactor::redact(r.narrativeZh)}}},
                       {QStringLiteral("warnings"), warnings(r.warnings)}};
}

QByteArray ResultJson::toText(const DiagnosisResult& result, bool indented)
{
    return QJsonDocument(toJson(result))
        .toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
}

} // namespace unstuck
