// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/KubeObjectRecipe.h"

#include "models/fixes/ConversionWebhookFix.h"
#include "models/fixes/JsonDiff.h"
#include "models/fixes/KubePatches.h"
#include "models/tickets/KubePath.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Text = Bilingual;

QByteArray compact(const QJsonValue& v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject meta(const QJsonObject& o)
{
    return o.value(u"metadata"_s).toObject();
}

QString fromResponse(const QString& writeId, const QString& path)
{
    return QLatin1String(FixWrite::kFromResponse) + writeId + u':' + path;
}

// One object a fix changes: the plan's step, where the object lives, and what was read.
struct Target
{
    FixStep step;
    QString path; // the object's own path
};

QString describe(const QString& path)
{
    const KubePath p = KubePath::parse(path);
    return p.resource + u' ' + (p.ns.isEmpty() ? p.name : p.ns + u'/' + p.name);
}

StateFact versionFact(const Target& t)
{
    StateFact f;
    f.key = describe(t.path) + u" resourceVersion"_s;
    f.read = FixRequest::kube("GET", t.path);
    f.field = u"metadata.resourceVersion"_s;
    if (!t.step.observed.isEmpty())
        f.seen = f.extract(t.step.observed);
    return f;
}

FixWrite makeWrite(const PreparedFix& fix, const FixStep& step, FixRequest request,
                   const QJsonObject& before, const QJsonValue& after)
{
    FixWrite w;
    w.id = QString::number(fix.writes.size() + 1);
    w.description = step.descriptionText();
    request.command = step.command;
    w.access = KubeObjectRecipe::accessFor(request.method, request.path);
    w.request = std::move(request);
    w.before = before;
    w.after = after;
    return w;
}

void addDelete(PreparedFix& fix, const Target& t, const QJsonObject& object)
{
    const QJsonObject options{
        {u"kind"_s, u"DeleteOptions"_s},
        {u"apiVersion"_s, u"v1"_s},
        {u"preconditions"_s,
         QJsonObject{{u"uid"_s, meta(object).value(u"uid"_s)},
                     {u"resourceVersion"_s, meta(object).value(u"resourceVersion"_s)}}}};
    fix.writes.append(makeWrite(fix, t.step, FixRequest::kube("DELETE", t.path, compact(options)),
                                object, QJsonValue::Null));
    if (fix.fixId == u"route-controller-restart"_s) {
        fix.noUndo = Text(u"nothing to undo: the pod is re-created from its manifest"_s,
                          u"无需回滚：Pod 会按其清单重新创建"_s);
        return;
    }
    const FixWrite& write = fix.writes.last();
    const QString collection = t.path.section(u'/', 0, -2);
    FixRequest create =
        FixRequest::kube("POST", collection, compact(KubeObjectRecipe::recreatable(object)));
    create.command = u"kubectl create -f <saved %1>"_s.arg(describe(t.path));
    FixPreparer::addUndo(fix, write,
                         Text(u"Create %1 again from the saved copy"_s, u"用备份重新创建 %1"_s)
                             .arg(describe(t.path)),
                         create, KubeObjectRecipe::recreatable(object));
    StateFact absent;
    absent.key = describe(t.path) + u" (undo creates it again)"_s;
    absent.read = FixRequest::kube("GET", t.path);
    absent.value = QString::fromLatin1(StateFact::kAbsent);
    fix.undoState.append(absent);
}

// A JSON Patch of `object` as one write, previewed as the object before and after it.
const FixWrite& addJsonPatch(PreparedFix& fix, const Target& t, const QJsonObject& object,
                             const QJsonArray& patch)
{
    QString error;
    const auto after = JsonDiff::patch(object, patch, &error);
    fix.writes.append(makeWrite(
        fix, t.step, FixRequest::kube("PATCH", t.path, compact(patch), KubePatches::kJsonPatch),
        object, after.value_or(QJsonValue())));
    return fix.writes.last();
}

// `object` with the resourceVersion the write's answer will carry: what the undo's test ops
// compare against.
QJsonObject withAnsweredVersion(QJsonObject object, const FixWrite& write)
{
    QJsonObject m = meta(object);
    m.insert(u"resourceVersion"_s, fromResponse(write.id, u"metadata.resourceVersion"_s));
    object.insert(u"metadata"_s, m);
    return object;
}

// The undo runs only while the object still has the resourceVersion the write left it with.
void addStillAsLeft(PreparedFix& fix, const Target& t, const FixWrite& write, const QString& why)
{
    StateFact still;
    still.key = describe(t.path) + u" resourceVersion ("_s + why + u')';
    still.read = FixRequest::kube("GET", t.path);
    still.field = u"metadata.resourceVersion"_s;
    still.value = fromResponse(write.id, u"metadata.resourceVersion"_s);
    fix.undoState.append(still);
}

void addFinalizerRemoval(PreparedFix& fix, const Target& t, const QJsonObject& object)
{
    const FixWrite& write = addJsonPatch(fix, t, object, KubePatches::removeFinalizers(object));
    QJsonObject changed = withAnsweredVersion(object, write);
    QJsonObject m = meta(changed);
    m.remove(u"finalizers"_s);
    changed.insert(u"metadata"_s, m);
    FixPreparer::addUndo(
        fix, write,
        Text(u"Put the finalizers back on %1 (only while it still exists)"_s,
             u"把 finalizer 加回 %1（仅当对象仍然存在时）"_s)
            .arg(describe(t.path)),
        FixRequest::kube("PATCH", t.path,
                         compact(KubePatches::restoreFinalizers(
                             changed, meta(object).value(u"finalizers"_s).toArray())),
                         KubePatches::kJsonPatch),
        object);
    addStillAsLeft(fix, t, write, u"the object must still exist"_s);
}

// A CRD's conversion webhook replaced by strategy None; undo puts the saved conversion back while
// the CRD still carries the fix's change (resourceVersion from the answer).
void addConversionRemoval(PreparedFix& fix, const Target& t, const QJsonObject& crd)
{
    const QJsonValue conversion = crd.value(u"spec"_s).toObject().value(u"conversion"_s);
    if (conversion.toObject().value(u"strategy"_s).toString() != u"Webhook"_s) {
        fix.error = u"%1 no longer converts through a webhook (strategy %2): diagnose again"_s.arg(
            describe(t.path), conversion.toObject().value(u"strategy"_s).toString(u"None"_s));
        return;
    }
    const FixWrite& write = addJsonPatch(fix, t, crd, KubePatches::removeConversion(crd));
    const QJsonObject changed = withAnsweredVersion(crd, write);
    FixRequest restore = FixRequest::kube(
        "PATCH", t.path, compact(KubePatches::restoreConversion(changed, conversion)),
        KubePatches::kJsonPatch);
    restore.command = u"kubectl apply -f <saved %1>"_s.arg(describe(t.path));
    FixPreparer::addUndo(
        fix, write,
        Text(u"Put the saved conversion webhook back on %1"_s, u"把备份的转换 Webhook 恢复到 %1"_s)
            .arg(describe(t.path)),
        restore, crd);
    addStillAsLeft(fix, t, write, u"the fix's change must still be there"_s);
}

void addFinalize(PreparedFix& fix, const Target& t, const QJsonObject& object)
{
    QJsonObject after = object;
    QJsonObject spec = after.value(u"spec"_s).toObject();
    spec.insert(u"finalizers"_s, QJsonArray{});
    after.insert(u"spec"_s, spec);
    fix.writes.append(makeWrite(fix, t.step, FixRequest::kube("PUT", t.step.target, compact(after)),
                                object, after));
    fix.noUndo = Text(u"none: a force-finalized namespace cannot be restored; re-create it and "
                      "its content from backups"_s,
                      u"无法回滚：强制终结的命名空间无法恢复，只能从备份重新创建它及其内容"_s);
}

void addBackendChange(PreparedFix& fix, const Target& t, const QJsonObject& object,
                      const PrepareOptions& options)
{
    const int replicas = object.value(u"spec"_s).toObject().value(u"replicas"_s).toInt(1);
    const QString name = describe(t.path);
    FixStep step = t.step;
    const bool scale = replicas == 0;
    const QJsonArray patch = scale
                                 ? KubePatches::scaleReplicas(object, 0, 1)
                                 : KubePatches::restart(object, options.now.toString(Qt::ISODate));
    if (scale) {
        step.description = u"Scale %1 from 0 to 1 replica"_s.arg(name);
        step.descriptionZh = u"将 %1 从 0 个副本扩容到 1 个"_s.arg(name);
    }
    step.command = scale ? u"kubectl -n %1 scale deployment %2 --replicas=1"_s.arg(
                               meta(object).value(u"namespace"_s).toString(),
                               meta(object).value(u"name"_s).toString())
                         : u"kubectl -n %1 rollout restart deployment %2"_s.arg(
                               meta(object).value(u"namespace"_s).toString(),
                               meta(object).value(u"name"_s).toString());
    QString error;
    const auto after = JsonDiff::patch(object, patch, &error);
    fix.writes.append(makeWrite(
        fix, step, FixRequest::kube("PATCH", t.path, compact(patch), KubePatches::kJsonPatch),
        object, after.value_or(QJsonValue())));
    if (!scale) {
        fix.noUndo = Text(u"nothing to undo: a restart only replaces the pods"_s,
                          u"无需回滚：重启只会替换 Pod"_s);
        return;
    }
    const FixWrite& write = fix.writes.last();
    // Guarded by the replica count the fix set: a scale by someone else since is kept.
    const QJsonArray back{
        QJsonObject{{u"op"_s, u"test"_s}, {u"path"_s, u"/spec/replicas"_s}, {u"value"_s, 1}},
        QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/spec/replicas"_s}, {u"value"_s, 0}}};
    FixPreparer::addUndo(
        fix, write, Text(u"Scale %1 back to 0 replicas"_s, u"将 %1 缩回 0 个副本"_s).arg(name),
        FixRequest::kube("PATCH", t.path, compact(back), KubePatches::kJsonPatch), object);
}

QList<Target> targets(const FixPlan& plan)
{
    QList<Target> out;
    QStringList seen;
    for (const FixStep& s : plan.steps) {
        if (s.method != u"DELETE"_s && s.method != u"PATCH"_s && s.method != u"PUT"_s)
            continue;
        const QString path = KubeObjectRecipe::objectPath(s.target);
        if (seen.contains(path))
            continue;
        seen << path;
        out.append(Target{s, path});
    }
    return out;
}

void build(PreparedFix& fix, const Target& t, const QJsonObject& object,
           const PrepareOptions& options)
{
    if (fix.fixId == u"finalizers-remove"_s)
        addFinalizerRemoval(fix, t, object);
    else if (fix.fixId == u"namespace-finalize"_s)
        addFinalize(fix, t, object);
    else if (fix.fixId == u"backend-restart"_s)
        addBackendChange(fix, t, object, options);
    else if (fix.fixId == QLatin1String(ConversionWebhookFix::kId))
        addConversionRemoval(fix, t, object);
    else
        addDelete(fix, t, object);
}

} // namespace

bool KubeObjectRecipe::handles(const QString& fixId)
{
    static const QStringList ids{u"apiservice-delete"_s,
                                 u"webhook-delete"_s,
                                 u"route-controller-restart"_s,
                                 u"backend-restart"_s,
                                 u"finalizers-remove"_s,
                                 u"namespace-finalize"_s,
                                 QString::fromLatin1(ConversionWebhookFix::kId)};
    return ids.contains(fixId);
}

QString KubeObjectRecipe::objectPath(const QString& path)
{
    const QString bare = path.section(u'?', 0, 0);
    for (const char* sub : {"/finalize", "/scale", "/status"})
        if (bare.endsWith(QLatin1String(sub)))
            return bare.chopped(int(qstrlen(sub)));
    return bare;
}

AccessReview KubeObjectRecipe::accessFor(const QByteArray& method, const QString& path)
{
    const KubePath p = KubePath::parse(path);
    static const QMap<QByteArray, QString> verbs{{"DELETE", u"delete"_s},
                                                 {"PATCH", u"patch"_s},
                                                 {"PUT", u"update"_s},
                                                 {"POST", u"create"_s}};
    return AccessReview{
        verbs.value(method, u"get"_s), p.group, p.resource, p.subresource, p.ns, p.name};
}

QJsonObject KubeObjectRecipe::recreatable(const QJsonObject& object)
{
    QJsonObject out = object;
    QJsonObject m = meta(object);
    for (const char* key :
         {"resourceVersion", "uid", "creationTimestamp", "managedFields", "generation",
          "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"})
        m.remove(QLatin1String(key));
    out.insert(u"metadata"_s, m);
    out.remove(u"status"_s);
    return out;
}

void KubeObjectRecipe::prepare(const FixPlan& plan, FixTransport& transport,
                               const PrepareOptions& options, QObject* receiver,
                               FixPreparer::Done done)
{
    PreparedFix fix = FixPreparer::base(plan);
    const QList<Target> list = targets(plan);
    QList<FixRequest> reads;
    for (const Target& t : list)
        reads << FixRequest::kube("GET", t.path);
    transport.sendAll(reads, fix.fixId, receiver,
                      [fix, list, options, done](const QList<FixResponse>& answers) mutable {
                          for (qsizetype i = 0; i < list.size(); ++i) {
                              const StateFact fact = versionFact(list.at(i));
                              FixPreparer::recordFact(fix, fact, answers.at(i));
                              if (answers.at(i).ok())
                                  build(fix, list.at(i), answers.at(i).json, options);
                              else if (fact.seen.isEmpty() && fix.error.isEmpty())
                                  fix.error =
                                      u"%1 no longer exists"_s.arg(describe(list.at(i).path));
                          }
                          if (list.isEmpty())
                              fix.manual = true;
                          done(fix.error.isEmpty() ? fix : FixPreparer::failed(fix, fix.error));
                      });
}

} // namespace unstuck
