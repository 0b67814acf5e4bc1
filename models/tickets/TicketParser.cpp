// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketParser.h"

#include "models/tickets/TicketAggregatedDiscovery.h"
#include "models/tickets/TicketCleaner.h"
#include "models/tickets/TicketDocuments.h"
#include "models/tickets/TicketEvents.h"
#include "models/tickets/TicketFinalizers.h"
#include "models/tickets/TicketLines.h"
#include "models/tickets/TicketLogFacts.h"
#include "models/tickets/TicketWebhookErrors.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace unstuck {
namespace {

QString normalise(QString text)
{
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;]*[A-Za-z]"));
    text.remove(QLatin1Char('\r'));
    text.remove(ansi);
    return text;
}

} // namespace

bool TicketParser::parsePath(const QString& path, TicketFacts* facts, QString* error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("%1 does not exist").arg(path);
        return false;
    }
    QStringList files;
    if (info.isDir()) {
        QDirIterator it(path, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
    } else {
        files.append(path);
    }
    for (const QString& file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            facts->ignoredFiles.append(
                QStringLiteral("%1 (cannot read: %2)").arg(file, f.errorString()));
            continue;
        }
        if (f.size() > TicketParser::kMaxFileBytes) {
            facts->ignoredFiles.append(QStringLiteral("%1 (larger than %2 MiB, not read)")
                                           .arg(file)
                                           .arg(TicketParser::kMaxFileBytes / (1024 * 1024)));
            continue;
        }
        const QByteArray data = f.readAll();
        if (data.contains('\0')) {
            facts->ignoredFiles.append(QStringLiteral("%1 (binary)").arg(file));
            continue;
        }
        const int before = facts->objects.size() + facts->logs.size() +
                           facts->discoveryFailures.size() + facts->cloudAnswers.size() +
                           facts->exchanges.size();
        const QString name = info.isDir() ? QDir(path).relativeFilePath(file) : info.fileName();
        parseText(QString::fromUtf8(data), name, facts);
        facts->files.append(name);
        const int after = facts->objects.size() + facts->logs.size() +
                          facts->discoveryFailures.size() + facts->cloudAnswers.size() +
                          facts->exchanges.size();
        if (after == before)
            facts->ignoredFiles.append(QStringLiteral("%1 (nothing recognised)").arg(name));
    }
    if (files.isEmpty()) {
        *error = QStringLiteral("%1 holds no readable files").arg(path);
        return false;
    }
    // After every file: an object with finalizers in one file, its namespace in another.
    TicketFinalizers::implyNamespaces(facts);
    TicketWebhookErrors::implyNamespace(facts);
    TicketAggregatedDiscovery::implyApiService(facts);
    return true;
}

void TicketParser::parseText(const QString& rawText, const QString& file, TicketFacts* facts)
{
    const QString text = unwrapTerminal(normalise(rawText));
    // A prompt or a sentence naming the object stands for every piece of the paste that does not
    // name its own (a status block under "kubectl get apiservice X -o yaml" in the prose above).
    const TicketLines::Context fileContext = TicketLines::commandContext(text);
    for (const QString& piece : TicketCleaner::pieces(text)) {
        TicketLines::Context context = TicketLines::commandContext(piece);
        if (context.kind.isEmpty())
            context = fileContext;
        parsePiece(TicketLines::withoutPrompts(piece), file, context, facts);
        TicketLines::scanClientErrors(piece, file, facts);
    }
    TicketLogFacts::scanMessages(joinContinuationLines(TicketCleaner::clean(text)), file, facts);
}

void TicketParser::parsePiece(const QString& body, const QString& file,
                              const TicketLines::Context& context, TicketFacts* facts)
{
    const qsizetype objectsBefore = facts->objects.size();
    if (body.contains(QLatin1String("Response Body:")) ||
        body.contains(QLatin1String("Response Status:")) ||
        body.contains(QLatin1String("round_trippers.go")))
        TicketLines::scanTraces(body, file, facts);
    else if (!TicketDocuments::parseStructured(body, file, context, facts) &&
             !TicketDocuments::parseConditionRows(body, file, context, facts))
        TicketDocuments::parseJsonLines(body, file, context, facts);
    // A table row pasted next to a describe block (`kubectl get apiservice X` then its status)
    // belongs to the same object: tables are read whatever else the piece holds.
    TicketLines::scanTables(body, file, context, facts);
    // Events the structured readers found are not read a second time as loose rows.
    if (!hasEventSince(*facts, objectsBefore))
        TicketEvents::scan(body, file, context, facts);
    TicketLines::scanLogs(body, file, facts);
    TicketLines::scanDiscoveryFailures(joinContinuationLines(body), file, facts);
}

bool TicketParser::hasEventSince(const TicketFacts& facts, qsizetype first)
{
    for (qsizetype i = first; i < facts.objects.size(); ++i)
        if (facts.objects.at(i).object.value(QStringLiteral("kind")).toString() ==
            QLatin1String("Event"))
            return true;
    return false;
}

QString TicketParser::unwrapTerminal(const QString& text)
{
    // A terminal wraps long lines at its width W: every wrapped piece is exactly W characters
    // long. When several lines share the longest length (>= 70), treat them as wrapped and join
    // each with the next — unless the line is aligned output (a table row pads its columns with
    // runs of spaces, and its rows often share one length too).
    const QStringList lines = text.split(QLatin1Char('\n'));
    QHash<int, int> lengthCount;
    int longest = 0;
    for (const QString& line : lines) {
        if (line.size() >= 70)
            ++lengthCount[line.size()];
        longest = std::max(longest, int(line.size()));
    }
    if (longest < 70 || lengthCount.value(longest) < 2)
        return text;
    QString out;
    for (int i = 0; i < lines.size(); ++i) {
        out += lines[i];
        const bool aligned = lines[i].trimmed().contains(QLatin1String("   "));
        // A wrapped piece continues at column 0; an indented next line is structure (YAML).
        const bool continuesAtColumnZero =
            i + 1 < lines.size() && !lines[i + 1].isEmpty() && !lines[i + 1].front().isSpace();
        const bool wrapped = lines[i].size() == longest && !aligned && continuesAtColumnZero;
        if (!wrapped && i + 1 < lines.size())
            out += QLatin1Char('\n');
    }
    return out;
}

QString TicketParser::joinContinuationLines(const QString& text)
{
    // YAML folding and `kubectl describe` continue a long value on indented lines.
    static const QRegularExpression continuation(QStringLiteral("\n[ \t]+(?=[^ \t\n-])"));
    QString out = text;
    out.replace(continuation, QStringLiteral(" "));
    return out;
}

QString TicketParser::repairTruncatedJson(const QString& text)
{
    // Cut after the last complete value and close what is still open: issue threads often
    // hold JSON cut off by the poster or the page.
    QString stack;
    bool inString = false;
    bool escaped = false;
    int cut = -1;
    QString stackAtCut;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            stack.append(c);
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            if (!stack.isEmpty())
                stack.chop(1);
            cut = i + 1;
            stackAtCut = stack;
        } else if (c == QLatin1Char(',')) {
            cut = i;
            stackAtCut = stack;
        }
    }
    if (stack.isEmpty() && !inString)
        return text;
    if (cut < 0)
        return text;
    QString out = text.left(cut);
    for (int i = stackAtCut.size() - 1; i >= 0; --i)
        out += stackAtCut[i] == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']');
    return out;
}

} // namespace unstuck
