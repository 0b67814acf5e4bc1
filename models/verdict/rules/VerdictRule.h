// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictContext.h"

namespace unstuck {

// The base of every verdict rule: the shared context and the few sentences several rules say,
// so that a rule's own file holds only its own judgement.
class VerdictRule
{
public:
    explicit VerdictRule(VerdictContext& context) : m_c(context), m_f(context.findings()) {}

protected:
    // Every sentence is written in English and Simplified Chinese side by side (Bilingual.h).
    using Text = Bilingual;

    // A verdict for the component `id`, named as the vocabulary names it, standing for `object`.
    static ComponentVerdict componentVerdict(const char* id, const QString& object = {});
    // A verdict for the link `from` → `to` (A → B reads "A depends on B").
    static LinkVerdict linkVerdict(const char* from, const QString& to);
    static LinkVerdict linkVerdict(const char* from, const char* to)
    {
        return linkVerdict(from, QString::fromLatin1(to));
    }

    Evidence evidence(const Observation& observation, const Bilingual& title,
                      const QString& field = {}, const QString& value = {},
                      const QString& command = {}) const
    {
        return m_c.evidence(observation, title, field, value, command);
    }
    Bilingual cloudUnknownReason(const std::optional<Observation>& observation,
                                 const QString& action) const
    {
        return m_c.cloudUnknownReason(observation, action);
    }
    const QList<QJsonObject>& nodes() const { return m_c.nodes(); }
    QJsonObject node(const QString& name) const { return m_c.node(name); }
    bool onAlibaba() const { return m_c.onAlibaba(); }
    VerdictContext::Handoff& handoff() { return m_c.handoff; }
    const VerdictContext::Handoff& handoff() const { return m_c.handoff; }

    // "Unknown: <reason>".
    static Bilingual unknownBecause(const Bilingual& reason);
    // The first error line, cut to a length a one-line verdict can carry.
    static Bilingual firstLine(const QList<Bilingual>& lines);
    static Bilingual notAnswered();
    // Splits "…complete list of server APIs: a/v1: cause, b/v2: cause" into group/versions.
    static QStringList groupVersionsInMessage(const QString& message);
    // A pod that only stands for a pasted component log (PasteSource): its name is not one the
    // paste shows, so verdicts name the component instead and quote no pod state.
    static bool standsForPastedLog(const QJsonObject& pod);
    // Whether `object` has the condition `type` with status "True".
    static bool conditionTrue(const QJsonObject& object, const QString& type);

    VerdictContext& m_c;
    const Findings& m_f;
};

} // namespace unstuck
