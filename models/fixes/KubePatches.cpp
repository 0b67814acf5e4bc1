// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/KubePatches.h"

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

QJsonObject op(const QString& name, const QString& path, const QJsonValue& value = {})
{
    QJsonObject o{{u"op"_s, name}, {u"path"_s, path}};
    if (!value.isUndefined())
        o.insert(u"value"_s, value);
    return o;
}

QJsonObject metadata(const QJsonObject& object)
{
    return object.value(u"metadata"_s).toObject();
}

} // namespace

QString KubePatches::pointerToken(const QString& key)
{
    QString token = key;
    token.replace(u'~', u"~0"_s);
    token.replace(u'/', u"~1"_s);
    return token;
}

QJsonObject KubePatches::testResourceVersion(const QJsonObject& object)
{
    return op(u"test"_s, u"/metadata/resourceVersion"_s,
              metadata(object).value(u"resourceVersion"_s).toString());
}

QJsonArray KubePatches::removeFinalizers(const QJsonObject& object)
{
    QJsonArray patch{testResourceVersion(object)};
    const QJsonArray finalizers = metadata(object).value(u"finalizers"_s).toArray();
    for (qsizetype i = finalizers.size() - 1; i >= 0; --i) {
        const QString path = u"/metadata/finalizers/%1"_s.arg(i);
        patch.append(op(u"test"_s, path, finalizers.at(i)));
        patch.append(op(u"remove"_s, path));
    }
    return patch;
}

QJsonArray KubePatches::restoreFinalizers(const QJsonObject& object, const QJsonArray& finalizers)
{
    QJsonArray patch{testResourceVersion(object)};
    if (metadata(object).contains(u"finalizers"_s))
        patch.append(op(u"replace"_s, u"/metadata/finalizers"_s, finalizers));
    else
        patch.append(op(u"add"_s, u"/metadata/finalizers"_s, finalizers));
    return patch;
}

QJsonArray KubePatches::removeConversion(const QJsonObject& crd)
{
    const QJsonValue conversion = crd.value(u"spec"_s).toObject().value(u"conversion"_s);
    return QJsonArray{
        testResourceVersion(crd), op(u"test"_s, u"/spec/conversion"_s, conversion),
        op(u"replace"_s, u"/spec/conversion"_s, QJsonObject{{u"strategy"_s, u"None"_s}})};
}

QJsonArray KubePatches::restoreConversion(const QJsonObject& crd, const QJsonValue& conversion)
{
    return QJsonArray{testResourceVersion(crd),
                      op(u"test"_s, u"/spec/conversion"_s, QJsonObject{{u"strategy"_s, u"None"_s}}),
                      op(u"replace"_s, u"/spec/conversion"_s, conversion)};
}

QJsonArray KubePatches::scaleReplicas(const QJsonObject& object, int from, int to)
{
    return QJsonArray{testResourceVersion(object), op(u"test"_s, u"/spec/replicas"_s, from),
                      op(u"replace"_s, u"/spec/replicas"_s, to)};
}

QJsonArray KubePatches::restart(const QJsonObject& deployment, const QString& at)
{
    const QJsonObject templateMeta = deployment.value(u"spec"_s)
                                         .toObject()
                                         .value(u"template"_s)
                                         .toObject()
                                         .value(u"metadata"_s)
                                         .toObject();
    const QString key = u"kubectl.kubernetes.io/restartedAt"_s;
    QJsonArray patch{testResourceVersion(deployment)};
    if (!templateMeta.contains(u"annotations"_s))
        patch.append(
            op(u"add"_s, u"/spec/template/metadata/annotations"_s, QJsonObject{{key, at}}));
    else
        patch.append(
            op(u"add"_s, u"/spec/template/metadata/annotations/"_s + pointerToken(key), at));
    return patch;
}

} // namespace unstuck
