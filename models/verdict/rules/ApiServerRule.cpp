// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/ApiServerRule.h"

#include "models/probes/KubeFacts.h"

namespace unstuck {

using namespace Qt::StringLiterals;
using facts::str;

void ApiServerRule::apply(DiagnosisResult& result)
{
    ComponentVerdict c = componentVerdict(ids::ApiServer, QStringLiteral("kube-apiserver"));
    if (!m_f.apis || !m_f.apis->ok()) {
        c.state = ComponentState::Unknown;
        c.setSummary(Text(u"Unknown: /apis did not answer (%1)"_s, u"未知：/apis 没有应答（%1）"_s)
                         .arg(m_f.apis ? Text::same(m_f.apis->answer.message) : notAnswered()));
        result.components.append(c);
        return;
    }
    c.state = ComponentState::Healthy;
    // Where its traffic to aggregated APIs comes from: the host network of the control plane.
    Bilingual origin = originFromPod(c);
    if (origin.isEmpty())
        origin = originFromNodes();
    if (origin.isEmpty())
        origin = Text(u"a managed control plane (no API server pod is visible)"_s,
                      u"托管控制面（看不到 API Server Pod）"_s);
    c.setSummary(Text(u"Serves requests; its calls to aggregated APIs leave from the %1"_s,
                      u"正常处理请求；它对聚合 API 的调用从%1发出"_s)
                     .arg(origin));
    c.evidence.append(evidence(*m_f.apis, Text(u"GET /apis answers"_s, u"GET /apis 有应答"_s),
                               QStringLiteral("HTTP status"),
                               QString::number(m_f.apis->answer.status),
                               QStringLiteral("kubectl get --raw /apis")));
    result.components.append(c);
}

Bilingual ApiServerRule::originFromPod(ComponentVerdict& c) const
{
    if (!m_f.systemPods)
        return {};
    for (const QJsonValue& value : m_f.systemPods->items()) {
        const QJsonObject pod = value.toObject();
        if (!facts::name(pod).startsWith(QStringLiteral("kube-apiserver")) &&
            str(pod, QStringLiteral("metadata.labels.component")) !=
                QStringLiteral("kube-apiserver"))
            continue;
        // Known from its pasted log alone: where its calls leave from is not in the paste.
        if (standsForPastedLog(pod))
            return Text(u"address the paste does not show (`kubectl -n kube-system get pod "
                        "-l component=kube-apiserver -o wide` would)"_s,
                        u"粘贴内容未显示的地址（`kubectl -n kube-system get pod "
                        "-l component=kube-apiserver -o wide` 可以显示）"_s);
        const bool host = facts::at(pod, QStringLiteral("spec.hostNetwork")).toBool();
        c.evidence.append(
            evidence(*m_f.systemPods,
                     Text(u"API server pod %1"_s, u"API Server 的 Pod：%1"_s).arg(facts::name(pod)),
                     QStringLiteral("spec.hostNetwork"),
                     host ? QStringLiteral("true") : QStringLiteral("false"),
                     facts::kubectl(QStringLiteral("get pod %1 -o wide").arg(facts::name(pod)),
                                    QStringLiteral("kube-system"))));
        return Text(u"%1 network %2 (node %3)"_s, u"%1网络 %2（节点 %3）"_s)
            .arg(host ? Text(u"host"_s, u"主机"_s) : Text(u"pod"_s, u"Pod "_s),
                 Text::same(str(pod, host ? QStringLiteral("status.hostIP")
                                          : QStringLiteral("status.podIP"))),
                 Text::same(str(pod, QStringLiteral("spec.nodeName"))));
    }
    return {};
}

Bilingual ApiServerRule::originFromNodes() const
{
    for (const QJsonObject& n : nodes())
        if (facts::isControlPlane(n))
            return Text(u"host network of control-plane node %1 (%2)"_s,
                        u"控制面节点 %1 的主机网络（%2）"_s)
                .arg(facts::name(n), facts::internalIp(n));
    return {};
}

} // namespace unstuck
