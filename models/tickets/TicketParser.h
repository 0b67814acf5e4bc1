// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/tickets/TicketFacts.h"
#include "models/tickets/TicketLines.h"

#include <QJsonObject>
#include <QString>

namespace unstuck {

// Recognises what people paste into tickets, by content whatever the file names:
// `kubectl get … -o json|yaml` (objects, Lists, fragments such as a bare `status:` block),
// `kubectl describe`, `kubectl get` tables, component logs (klog, structured, journald
// prefixes), `kubectl -v` traces, terminal-wrapped and YAML-folded messages, and `aliyun` JSON.
class TicketParser
{
public:
    // A pasted file larger than this is not read (listed as ignored, with the reason). Big
    // enough for a whole component log (the parsers are linear: docs/benchmarks.md).
    static constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

    // Reads a file or every regular file below a folder. Returns false only when nothing could
    // be read at all (missing path, unreadable).
    static bool parsePath(const QString& path, TicketFacts* facts, QString* error);
    static void parseText(const QString& text, const QString& file, TicketFacts* facts);

    // Text helpers, public for the tests.
    static QString unwrapTerminal(const QString& text);
    static QString joinContinuationLines(const QString& text);
    static QString repairTruncatedJson(const QString& text);

private:
    static void parsePiece(const QString& body, const QString& file,
                           const TicketLines::Context& context, TicketFacts* facts);
    static bool hasEventSince(const TicketFacts& facts, qsizetype first);
};

} // namespace unstuck
