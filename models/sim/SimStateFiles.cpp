// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/SimStateFiles.h"

#include <QFile>
#include <QSaveFile>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

QString SimStateFiles::adminContext()
{
    return u"unstuck-sim"_s;
}

QString SimStateFiles::readOnlyContext()
{
    return u"read-only"_s;
}

QByteArray SimStateFiles::kubeconfig(const Kube& kube)
{
    return "apiVersion: v1\n"
           "kind: Config\n"
           "clusters:\n"
           "- name: unstuck-sim\n"
           "  cluster:\n"
           "    server: " +
           kube.server.toUtf8() +
           "\n"
           "    certificate-authority-data: " +
           kube.caPem.toBase64() +
           "\n"
           "contexts:\n"
           "- name: unstuck-sim\n"
           "  context:\n"
           "    cluster: unstuck-sim\n"
           "    user: unstuck-sim-admin\n"
           "- name: read-only\n"
           "  context:\n"
           "    cluster: unstuck-sim\n"
           "    user: unstuck-sim-read-only\n"
           "current-context: unstuck-sim\n"
           "preferences: {}\n"
           "users:\n"
           "- name: unstuck-sim-admin\n"
           "  user:\n"
           "    client-certificate-data: " +
           kube.adminCertificate.toBase64() +
           "\n"
           "    client-key-data: " +
           kube.adminKey.toBase64() +
           "\n"
           "- name: unstuck-sim-read-only\n"
           "  user:\n"
           "    token: " +
           kube.readOnlyToken.toUtf8() + "\n";
}

QJsonObject SimStateFiles::profile(const QString& name, const QString& kubeconfigPath,
                                   const QString& context, const Cloud& cloud)
{
    QJsonObject cloudJson{{u"regionId"_s, cloud.regionId},
                          {u"endpoint"_s, cloud.endpoint},
                          {u"caFile"_s, cloud.caFile}};
    if (!cloud.accessKeyId.isEmpty())
        cloudJson.insert(u"credentials"_s,
                         QJsonObject{{u"source"_s, u"inline"_s},
                                     {u"accessKeyId"_s, cloud.accessKeyId},
                                     {u"accessKeySecret"_s, cloud.accessKeySecret}});
    return QJsonObject{
        {u"version"_s, 1},
        {u"name"_s, name},
        {u"kubernetes"_s, QJsonObject{{u"kubeconfig"_s, kubeconfigPath}, {u"context"_s, context}}},
        {u"cloud"_s, cloudJson}};
}

bool SimStateFiles::writePrivate(const QString& path, const QByteArray& content, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(content);
    if (!file.commit()) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

} // namespace unstuck::sim
