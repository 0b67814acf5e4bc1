// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/ConnectionRecord.h"

#include <QFileInfo>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

QString absolute(const QString& path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

} // namespace

QJsonObject ConnectionRecord::toJson(const DiagnosisRequest& r)
{
    return {{u"profile"_s, absolute(r.profileFile)},
            {u"kubeconfig"_s, absolute(r.kubeconfig)},
            {u"context"_s, r.context},
            {u"cloudProfile"_s, r.cloudProfile},
            {u"namespace"_s, r.namespaceName},
            {u"noCloud"_s, r.noCloud},
            {u"timeoutMs"_s, r.requestTimeoutMs}};
}

DiagnosisRequest ConnectionRecord::fromJson(const QJsonObject& o)
{
    DiagnosisRequest r;
    r.profileFile = o.value(u"profile"_s).toString();
    r.kubeconfig = o.value(u"kubeconfig"_s).toString();
    r.context = o.value(u"context"_s).toString();
    r.cloudProfile = o.value(u"cloudProfile"_s).toString();
    r.namespaceName = o.value(u"namespace"_s).toString();
    r.noCloud = o.value(u"noCloud"_s).toBool();
    r.requestTimeoutMs = o.value(u"timeoutMs"_s).toInt(r.requestTimeoutMs);
    return r;
}

} // namespace unstuck
