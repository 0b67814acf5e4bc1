// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/DiagnosisSource.h"
#include "models/tickets/TicketFacts.h"

#include <QHash>
#include <optional>

namespace unstuck {

struct KubePath;

// Answers the probes' questions from what people pasted into a ticket (see TicketParser).
// It only ever repeats what the input says: anything the input does not show answers
// "missing", which the engine reports as unknown with the reason — never as red.
class PasteSource : public DiagnosisSource
{
    Q_OBJECT
public:
    PasteSource(TicketFacts facts, QString inputName, QObject* parent = nullptr);

    void fetch(const SourceQuery& query, QObject* receiver, Callback callback) override;
    QString kind() const override { return QStringLiteral("paste"); }
    QString contextName() const override { return m_inputName; }
    bool hasCloud() const override { return !m_facts.cloudAnswers.isEmpty(); }
    QString cloudUnavailableReason() const override;

    const TicketFacts& facts() const { return m_facts; }
    // Synchronous core of fetch(), for tests and the CLI's summary.
    SourceAnswer answer(const SourceQuery& query) const;

private:
    SourceAnswer kubeAnswer(const QString& path) const;
    SourceAnswer cloudAnswer(const SourceQuery& query) const;
    SourceAnswer discoveryAnswer(const KubePath& path, const QString& rawPath) const;
    // PasteSourceDiscovery.cpp: what the paste implies about discovery. A group version that a
    // pasted error names, or whose APIService is pasted unavailable, is listed in /apis and
    // answers 503 with the line that says so; /apis itself is only answered when the paste
    // shows such a failure (otherwise the group list is not known).
    SourceAnswer groupListAnswer() const;
    QStringList failingGroupVersions() const;
    std::optional<SourceAnswer> apiServiceDiscoveryAnswer(const QString& groupVersion) const;
    QList<TicketFacts::Object> apiServices() const;
    // Why a list is missing and which command's output would settle it.
    static QString settlingCommand(const KubePath& path);
    SourceAnswer logAnswer(const KubePath& path) const;
    SourceAnswer objectAnswer(const KubePath& path) const;
    QList<TicketFacts::Object> objectsOfKind(const QString& kind) const;
    QList<TicketFacts::Object> componentPods() const;
    SourceAnswer missing(const QString& what) const;

    TicketFacts m_facts;
    QString m_inputName;
    // Objects of a kind, merged once: the facts never change after construction, and a big
    // paste holds thousands of copies of the same object (one per log line).
    mutable QHash<QString, QList<TicketFacts::Object>> m_byKind;
};

} // namespace unstuck
