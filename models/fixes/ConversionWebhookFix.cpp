// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/ConversionWebhookFix.h"

#include "models/fixes/FixSteps.h"
#include "models/fixes/KubePatches.h"
#include "models/probes/KubeFacts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

using namespace Qt::StringLiterals;
using Text = Bilingual;

namespace {

// What the plan shows before the CRD is read: the fix engine reads it and adds the tests of
// its resourceVersion and of the conversion it replaces (KubePatches::removeConversion).
const QString kShownPatch =
    u"[{\"op\":\"replace\",\"path\":\"/spec/conversion\",\"value\":{\"strategy\":\"None\"}}]"_s;

QString guessedPlural(const QString& kind)
{
    const QString lower = kind.toLower();
    if (lower.endsWith(u'y') && !lower.endsWith(u"ey"_s))
        return lower.chopped(1) + u"ies"_s;
    for (const char* tail : {"s", "x", "ch", "sh"})
        if (lower.endsWith(QLatin1String(tail)))
            return lower + u"es"_s;
    return lower + u's';
}

} // namespace

QString ConversionWebhookFix::crdName(const Findings& f, const QString& group, const QString& kind)
{
    for (auto it = f.groupVersions.cbegin(); it != f.groupVersions.cend(); ++it) {
        if (!it.key().startsWith(group + u'/'))
            continue;
        for (const QJsonValue& r : it->answer.json.value(u"resources"_s).toArray())
            if (r.toObject().value(u"kind"_s).toString() == kind &&
                !r.toObject().value(u"name"_s).toString().contains(u'/'))
                return r.toObject().value(u"name"_s).toString() + u'.' + group;
    }
    const QString prefix = u"/apis/"_s + group + u'/';
    for (const Observation& o : f.remainingContent)
        if (o.query.path.startsWith(prefix)) {
            const QString base = o.query.path.section(u'?', 0, 0);
            for (const QJsonValue& item : o.items())
                if (item.toObject().value(u"kind"_s).toString(kind) == kind)
                    return base.section(u'/', -1) + u'.' + group;
        }
    return guessedPlural(kind) + u'.' + group;
}

std::optional<FixPlan> ConversionWebhookFix::plan(const Findings& f, const DiagnosisResult& result)
{
    const ComponentVerdict* c = result.component(QString::fromLatin1(ids::Webhook));
    // WebhookRule names a conversion webhook's object "<group>/<version> <Kind>".
    if (!c || c->state != ComponentState::Failing || c->object.contains(u"Configuration/"_s) ||
        c->object.count(u' ') != 1)
        return std::nullopt;
    const QString group = c->object.section(u'/', 0, 0);
    const QString kind = c->object.section(u' ', 1);
    if (group.isEmpty() || kind.isEmpty() || !group.contains(u'.'))
        return std::nullopt;
    const QString crd = crdName(f, group, kind);
    const QString path = u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"_s + crd;
    FixPlan fix;
    fix.id = QString::fromLatin1(kId);
    fix.setTitle(Text(u"Remove the failing conversion webhook from CRD %1 (after saving it)"_s,
                      u"移除 CRD %1 中失败的转换 Webhook（先备份）"_s)
                     .arg(crd));
    fix.appliesTo = c->id;
    fix.setWhy(
        c->summaryText() +
        Text(u". Until the API server can convert %1 objects, the namespace controller "
             "cannot delete them; an add-on that was uninstalled or renamed leaves its CRD "
             "pointing at a Service that is gone"_s,
             u"。在 API Server 能够转换 %1 对象之前，命名空间控制器无法删除它们；组件被卸载或"
             "改名后，其 CRD 仍指向一个已不存在的 Service"_s)
            .arg(kind));
    fix.setRisk(Text(u"medium: objects of %1 stored in another version are served unconverted "
                     "until the webhook is back; undo puts the saved conversion back"_s,
                     u"中：在 Webhook 恢复之前，以其他版本存储的 %1 对象将不经转换直接返回；回滚会"
                     "恢复备份的转换配置"_s)
                    .arg(crd));
    fix.setVerify(Text(u"NamespaceDeletionContentFailure False; the namespace disappears"_s,
                       u"NamespaceDeletionContentFailure 变为 False；命名空间被删除"_s));
    fix.preflight.append(FixSteps::accessReview(u"patch"_s, u"apiextensions.k8s.io"_s,
                                                u"customresourcedefinitions"_s, {}, crd));
    fix.steps.append(FixSteps::step(Text(u"Save CRD %1"_s, u"备份 CRD %1"_s).arg(crd), u"GET"_s,
                                    path, {},
                                    facts::kubectl(u"get crd %1 -o yaml > %1.yaml"_s.arg(crd))));
    fix.steps.append(FixSteps::step(
        Text(u"Set the conversion of %1 to None (no webhook)"_s,
             u"将 %1 的转换策略设为 None（不再调用 Webhook）"_s)
            .arg(crd),
        u"PATCH"_s, path, kShownPatch,
        facts::kubectl(u"patch crd %1 --type json -p '%2'"_s.arg(crd, kShownPatch))));
    fix.undo.append(FixSteps::step(
        Text(u"Put the saved conversion back on %1 (only while no one changed it since)"_s,
             u"把备份的转换配置恢复到 %1（仅当此后无人修改过它时）"_s)
            .arg(crd),
        u"PATCH"_s, path, u"<saved spec.conversion>"_s,
        facts::kubectl(u"apply -f %1.yaml"_s.arg(crd))));
    return fix;
}

} // namespace unstuck
