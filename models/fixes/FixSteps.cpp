// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixSteps.h"

#include "models/probes/KubeFacts.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace unstuck {

using namespace Qt::StringLiterals;

FixStep FixSteps::step(const Bilingual& description, const QString& method, const QString& target,
                       const QString& body, const QString& command)
{
    return FixStep{description.en, method, target, body, command, description.zh};
}

Bilingual FixSteps::recreateFromCopy()
{
    return Bilingual(u"Re-create it from the saved copy"_s, u"用备份重新创建它"_s);
}

FixStep FixSteps::accessReview(const QString& verb, const QString& group, const QString& resource,
                               const QString& ns, const QString& name, const QString& subresource)
{
    QJsonObject attributes{{u"verb"_s, verb}, {u"group"_s, group}, {u"resource"_s, resource}};
    if (!ns.isEmpty())
        attributes.insert(u"namespace"_s, ns);
    if (!name.isEmpty())
        attributes.insert(u"name"_s, name);
    if (!subresource.isEmpty())
        attributes.insert(u"subresource"_s, subresource);
    const QJsonObject review{{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                             {u"kind"_s, u"SelfSubjectAccessReview"_s},
                             {u"spec"_s, QJsonObject{{u"resourceAttributes"_s, attributes}}}};
    const QString what = resource + (subresource.isEmpty() ? QString() : u'/' + subresource) +
                         (group.isEmpty() ? QString() : u'.' + group);
    return step(
        Bilingual(u"Check that you may %1 %2"_s, u"检查你是否有权限对 %2 执行 %1"_s)
            .arg(verb, what),
        u"POST"_s, u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s,
        QString::fromUtf8(QJsonDocument(review).toJson(QJsonDocument::Compact)),
        facts::kubectl(
            u"auth can-i %1 %2%3"_s.arg(verb, what, name.isEmpty() ? QString() : u'/' + name), ns));
}

} // namespace unstuck
