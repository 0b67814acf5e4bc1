// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/tickets/TicketFacts.h"

#include <QString>

namespace unstuck {

// Line-oriented recognisers for pasted text: shell prompts, `kubectl -v` traces, `kubectl get`
// tables, component logs and discovery error messages.
class TicketLines
{
public:
    // What the pasted `kubectl …` prompt line (if any) asked for.
    struct Context
    {
        QString kind; // "Namespace", "APIService", … ("" = unknown)
        QString name;
        QString ns;
    };
    static Context commandContext(const QString& text);
    // The object a sentence around a fragment names ("when i ran kubectl get apiservice X").
    static Context proseContext(const QString& text);
    static Context aliasContext(const QStringList& words);
    static QString withoutPrompts(const QString& text);

    static void scanTraces(const QString& text, const QString& file, TicketFacts* facts);
    static void scanTables(const QString& text, const QString& file, const Context& context,
                           TicketFacts* facts);
    static void scanLogs(const QString& text, const QString& file, TicketFacts* facts);
    // `kubectl get --raw /apis/<g>/<v>/…` followed by "Error from server (ServiceUnavailable)":
    // that group/version cannot be served.
    static void scanClientErrors(const QString& textWithPrompts, const QString& file,
                                 TicketFacts* facts);
    static void scanDiscoveryFailures(const QString& joinedText, const QString& file,
                                      TicketFacts* facts);

    // "kube-controller-manager" / "cloud-controller-manager" / "kube-apiserver" / "" for a
    // klog source file and message.
    static QString componentOf(const QString& goFile, const QString& message);
    static QString kindForCommandWord(const QString& word);

private:
    static QString errorChain(const QStringList& lines, qsizetype at);
};

} // namespace unstuck
