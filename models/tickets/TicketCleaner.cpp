// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketCleaner.h"

#include <QRegularExpression>

namespace unstuck {
namespace {

const QChar kFrame(0x2502); // "│", the frame k9s draws around a describe

bool isFence(const QString& line)
{
    const QString t = line.trimmed();
    return t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"));
}

// A line wholly in backticks (`…`), or starting or ending a multi-line backtick span, is output
// quoted inline in a markdown comment: the backticks are not part of it.
QString stripBackticks(QString line)
{
    const QString t = line.trimmed();
    if (t == QLatin1String("`"))
        return {};
    if (t.startsWith(QLatin1Char('`')) && !t.startsWith(QLatin1String("``")))
        line = line.mid(line.indexOf(QLatin1Char('`')) + 1);
    if (line.endsWith(QLatin1Char('`')) && !line.endsWith(QLatin1String("``")))
        line.chop(1);
    return line;
}

} // namespace

QStringList TicketCleaner::pieces(const QString& text)
{
    QStringList out;
    QString current;
    bool inFence = false;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        // "```0s  Warning …```": output fenced on one line.
        const QString t = line.trimmed();
        if (t.size() > 6 && t.startsWith(QLatin1String("```")) &&
            t.endsWith(QLatin1String("```"))) {
            out << clean(t.mid(3, t.size() - 6));
            continue;
        }
        if (isFence(line)) {
            if (!current.trimmed().isEmpty())
                out << clean(current);
            current.clear();
            inFence = !inFence;
            continue;
        }
        current += line;
        current += QLatin1Char('\n');
    }
    if (!current.trimmed().isEmpty())
        out << clean(current);
    return out;
}

QString TicketCleaner::clean(const QString& text)
{
    QStringList lines;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        // "..." stands for lines the poster left out; it is not output.
        const QString t = line.trimmed();
        if (t == QLatin1String("...") || t == QStringLiteral("\u2026"))
            continue;
        lines << stripBackticks(line);
    }
    QString out = lines.join(QLatin1Char('\n'));
    if (out.contains(kFrame))
        out = unframe(out);
    if (out.contains(QLatin1String("msg=\"")))
        out = unwrapLogfmt(out);
    out = stripLinePrefixes(out);
    if (out.contains(QLatin1String("=<")))
        out = joinStructuredValues(out);
    return out;
}

QString TicketCleaner::unframe(const QString& text)
{
    // Inside the frame a table row starts with spaces; a piece the frame wrapped starts at the
    // frame's first column and continues the row above, mid-word.
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        QString inner = line.trimmed();
        const bool framed = inner.startsWith(kFrame);
        if (!framed) {
            out << line;
            continue;
        }
        inner = inner.mid(1);
        if (inner.endsWith(kFrame))
            inner.chop(1);
        while (inner.endsWith(QLatin1Char(' ')))
            inner.chop(1);
        const bool continuation = inner.size() > 1 && inner.at(0) == QLatin1Char(' ') &&
                                  !inner.at(1).isSpace() && !out.isEmpty();
        if (continuation)
            out.last() += inner.mid(1);
        else
            out << inner;
    }
    return out.join(QLatin1Char('\n'));
}

QString TicketCleaner::unwrapLogfmt(const QString& text)
{
    // k0s and other supervisors log a component's line as logfmt: `… msg="<line>" component=…`.
    static const QRegularExpression msg(QStringLiteral(R"re(\bmsg="((?:[^"\\]|\\.)*)")re"));
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const auto m = msg.match(line);
        if (!m.hasMatch() || line.trimmed().startsWith(QLatin1Char('{'))) {
            out << line;
            continue;
        }
        QString value = m.captured(1);
        value.replace(QLatin1String("\\\""), QLatin1String("\""));
        value.replace(QLatin1String("\\t"), QLatin1String("\t"));
        value.replace(QLatin1String("\\\\"), QLatin1String("\\"));
        out << value;
    }
    return out.join(QLatin1Char('\n'));
}

QString TicketCleaner::stripLinePrefixes(const QString& text)
{
    // "ERROR: logging before flag.Parse: E1118 …" (old glog) and the CRI log format
    // "2020-12-16T16:30:36.98Z stderr F E1216 …" put a prefix before the klog header.
    static const QRegularExpression prefix(
        QStringLiteral(
            R"(^(?:ERROR: logging before flag\.Parse: |\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d) (?:stdout|stderr) [FP] ))"),
        QRegularExpression::MultilineOption);
    if (!text.contains(QLatin1String("flag.Parse")) && !text.contains(QLatin1String(" stderr ")) &&
        !text.contains(QLatin1String(" stdout ")))
        return text;
    QString out = text;
    out.remove(prefix);
    return out;
}

QString TicketCleaner::joinStructuredValues(const QString& text)
{
    // klog's structured multi-line value: `"Unhandled Error" err=<` then tab-indented lines,
    // then ` >`. Joined into one line so the line recognisers see the whole error.
    QStringList out;
    bool open = false;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (open) {
            if (t == QLatin1String(">") || t.startsWith(QLatin1String("> "))) {
                open = false;
                continue;
            }
            out.last() += QLatin1Char(' ') + t;
            continue;
        }
        if (t.endsWith(QLatin1String("=<"))) {
            out << line.trimmed().chopped(1);
            open = true;
            continue;
        }
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace unstuck
