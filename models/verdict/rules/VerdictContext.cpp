// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/VerdictContext.h"

#include "models/common/Redactor.h"
#include "models/probes/KubeFacts.h"

#include <algorithm>

namespace unstuck {

using namespace Qt::StringLiterals;
using facts::str;
// Every sentence is written in English and Simplified Chinese side by side (Bilingual.h).
using Text = Bilingual;

// The sources explain in English why the cloud side is out of reach; the known sentences
// read in Chinese too, anything else (a credential loader's own error) stays as it is.
static Bilingual cloudReasonText(const QString& reason)
{
    struct Sentence
    {
        const char16_t* en;
        const char16_t* zh;
    };
    static const Sentence known[] = {
        {u"cloud checks turned off (--no-cloud)", u"已关闭云端检查（--no-cloud）"},
        {u"the pasted input holds no aliyun CLI output", u"粘贴的内容中没有 aliyun CLI 的输出"},
        {u"the capture bundle holds no cloud answers", u"采集包中没有云端应答"},
        {u"no cloud credentials in profile ", u"没有云凭据，连接配置文件："},
        {u"no cloud credentials: ", u"没有云凭据："},
        {u"no cloud credentials (", u"没有云凭据（"},
        {u"no cloud credentials", u"没有云凭据"},
    };
    // What a connection profile says is wrong with its cloud section.
    static const Sentence details[] = {
        {u"the profile has no cloud section", u"连接配置文件中没有 cloud 部分"},
        {u"the profile names no cloud credentials", u"连接配置文件没有指定云凭据"},
    };
    for (const auto& k : known) {
        const QString en = QString::fromUtf16(k.en);
        if (!reason.startsWith(en))
            continue;
        QString rest = reason.mid(en.size());
        for (const auto& d : details)
            if (rest == QString::fromUtf16(d.en))
                rest = QString::fromUtf16(d.zh);
        if (en.endsWith(QLatin1Char('(')) && rest.endsWith(QLatin1Char(')')))
            rest = rest.chopped(1) + u"）"_s;
        return Text(reason, QString::fromUtf16(k.zh) + rest);
    }
    return Text::same(reason);
}

VerdictContext::VerdictContext(const Findings& findings, QString sourceKind)
    : m_f(findings), m_source(std::move(sourceKind))
{
    // Parsed once: large clusters have thousands of nodes and several verdicts read them.
    // Before the list is in, the red path's nodes asked by name stand in for it.
    if (m_f.nodes) {
        for (const QJsonValue& value : m_f.nodes->items())
            addNode(value.toObject());
    } else {
        for (const Observation& named : m_f.namedNodes)
            addNode(named.answer.json);
    }
}

void VerdictContext::addNode(const QJsonObject& n)
{
    m_nodeIndex.insert(facts::name(n), int(m_nodes.size()));
    m_nodes.append(n);
    m_onAlibaba = m_onAlibaba ||
                  facts::alibabaProviderId(str(n, QStringLiteral("spec.providerID"))).has_value();
}

const Observation* VerdictContext::nodeObservation(const QString& name) const
{
    if (m_f.nodes)
        return &*m_f.nodes;
    const auto it = m_f.namedNodes.constFind(name);
    return it == m_f.namedNodes.cend() ? nullptr : &*it;
}

constexpr qsizetype kEvidenceRawChars = 4000;

Evidence VerdictContext::evidence(const Observation& observation, const Bilingual& title,
                                  const QString& field, const QString& value,
                                  const QString& command) const
{
    Evidence e;
    e.setTitle(title);
    e.request = observation.query.key();
    e.status = observation.answer.status;
    e.field = field;
    e.value = Redactor::redact(value);
    // Only what can be kept is converted: 4,000 characters are at most 16,000 UTF-8 bytes (a
    // character cut at the end falls in the truncated part), not a 9.5 MB UTF-16 copy of a
    // 2,000-node list for every partial result.
    const QByteArray& body = observation.answer.body;
    QString raw = body.isEmpty() ? observation.answer.message
                                 : QString::fromUtf8(body.first(std::min<qsizetype>(
                                       body.size(), 4 * kEvidenceRawChars + 4)));
    if (raw.size() > kEvidenceRawChars)
        raw = raw.left(kEvidenceRawChars) + QStringLiteral("\n… (truncated)");
    e.raw = Redactor::redact(raw);
    e.at = observation.answer.at;
    e.command = command;
    e.source = m_source;
    return e;
}

QJsonObject VerdictContext::node(const QString& name) const
{
    const int index = m_nodeIndex.value(name, -1);
    return index < 0 ? QJsonObject{} : m_nodes.at(index);
}

Bilingual VerdictContext::cloudUnknownReason(const std::optional<Observation>& observation,
                                             const QString& action) const
{
    if (!m_f.cloudAvailable)
        return cloudReasonText(m_f.cloudUnavailableReason.isEmpty()
                                   ? QStringLiteral("no cloud credentials")
                                   : m_f.cloudUnavailableReason);
    // Cloud questions start from the nodes' instance ids: without nodes none was asked.
    if (!observation && m_f.nodes && !m_f.nodes->ok())
        return Text(u"nodes could not be listed (%1), so %2 was not asked"_s,
                    u"无法列出节点（%1），因此没有调用 %2"_s)
            .arg(m_f.nodes->answer.message.isEmpty() ? m_f.nodes->answer.error
                                                     : m_f.nodes->answer.message,
                 action);
    if (!observation)
        return m_f.timedOut
                   ? Text(u"%1 was not answered in time"_s, u"%1 没有及时返回"_s).arg(action)
                   : Text(u"%1 was not asked (an earlier cloud answer was missing)"_s,
                          u"没有调用 %1（之前的某个云端应答缺失）"_s)
                         .arg(action);
    const SourceAnswer& a = observation->answer;
    if (a.ok())
        return {};
    const QString product = action.section(QLatin1Char(':'), 0, 0).toUpper();
    if (a.error == QStringLiteral("forbidden") || a.status == 403 ||
        a.errorCode.startsWith(QStringLiteral("Forbidden")) ||
        a.errorCode.contains(QStringLiteral("NoPermission")))
        return Text(u"403 from %1: %2 not allowed"_s, u"%1 返回 403：无权调用 %2"_s)
            .arg(product, action);
    if (a.error == QStringLiteral("timeout"))
        return Text(u"%1 timed out after %2 ms"_s, u"%1 在 %2 毫秒后超时"_s)
            .arg(action)
            .arg(a.elapsedMs);
    if (a.error == QStringLiteral("missing"))
        return Text(u"%1 is not in the recorded input"_s, u"记录的输入中没有 %1 的应答"_s)
            .arg(action);
    return Text(u"%1 failed: %2"_s, u"%1 调用失败：%2"_s)
        .arg(action,
             a.errorCode.isEmpty() ? a.message : a.errorCode + QStringLiteral(" ") + a.message);
}

} // namespace unstuck
