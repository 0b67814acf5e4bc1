// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace unstuck::sim {

// kubectl's typed clients send some bodies as Kubernetes protobuf ("k8s\0" + runtime.Unknown).
// This decodes the envelope and the kinds kubectl creates that way (ObjectMeta of any kind,
// plus Namespace spec, ConfigMap/Secret data and the specs of the SelfSubjectAccessReview and
// SelfSubjectRulesReview that kubectl auth can-i sends) into JSON.
class KubeProtobuf
{
public:
    static bool isProtobuf(const QByteArray& contentType);
    static std::optional<QJsonObject> decode(const QByteArray& body, QString* error);
};

} // namespace unstuck::sim
