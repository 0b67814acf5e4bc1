// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/ListFilter.h"

namespace unstuck::sim {

namespace {

// Splits on commas outside parentheses ("a in (x,y),b" -> ["a in (x,y)", "b"]).
QStringList splitTerms(const QString& selector)
{
    QStringList out;
    QString current;
    int depth = 0;
    for (const QChar c : selector) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            out << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace

bool ListFilter::parse(const QString& labelSelector, const QString& fieldSelector, QString* error)
{
    m_labels.clear();
    m_fields.clear();
    for (const QString& term : splitTerms(labelSelector)) {
        if (term.isEmpty())
            continue;
        Requirement r;
        const int setPos = term.indexOf(QLatin1String(" notin "));
        const int inPos = term.indexOf(QLatin1String(" in "));
        if (setPos > 0 || inPos > 0) {
            const bool notIn = setPos > 0;
            r.key = term.left(notIn ? setPos : inPos).trimmed();
            r.op = notIn ? Op::NotIn : Op::In;
            QString values = term.mid((notIn ? setPos + 7 : inPos + 4)).trimmed();
            if (!values.startsWith(QLatin1Char('(')) || !values.endsWith(QLatin1Char(')'))) {
                *error = QStringLiteral("unable to parse requirement: found '%1', expected: '('")
                             .arg(values);
                return false;
            }
            for (const QString& v : values.mid(1, values.size() - 2).split(QLatin1Char(',')))
                r.values << v.trimmed();
        } else if (term.contains(QLatin1String("!="))) {
            r.key = term.section(QLatin1String("!="), 0, 0).trimmed();
            r.op = Op::NotEquals;
            r.values << term.section(QLatin1String("!="), 1).trimmed();
        } else if (term.contains(QLatin1Char('='))) {
            const QString sep =
                term.contains(QLatin1String("==")) ? QStringLiteral("==") : QStringLiteral("=");
            r.key = term.section(sep, 0, 0).trimmed();
            r.op = Op::Equals;
            r.values << term.section(sep, 1).trimmed();
        } else if (term.startsWith(QLatin1Char('!'))) {
            r.key = term.mid(1).trimmed();
            r.op = Op::NotExists;
        } else {
            r.key = term;
            r.op = Op::Exists;
        }
        m_labels << r;
    }
    for (const QString& term : fieldSelector.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        Requirement r;
        if (term.contains(QLatin1String("!="))) {
            r.key = term.section(QLatin1String("!="), 0, 0).trimmed();
            r.op = Op::NotEquals;
            r.values << term.section(QLatin1String("!="), 1).trimmed();
        } else if (term.contains(QLatin1Char('='))) {
            const QString sep =
                term.contains(QLatin1String("==")) ? QStringLiteral("==") : QStringLiteral("=");
            r.key = term.section(sep, 0, 0).trimmed();
            r.op = Op::Equals;
            r.values << term.section(sep, 1).trimmed();
        } else {
            *error = QStringLiteral("invalid selector: '%1'; can't understand '%2'")
                         .arg(fieldSelector, term);
            return false;
        }
        m_fields << r;
    }
    return true;
}

QString ListFilter::fieldValue(const QJsonObject& object, const QString& path)
{
    if (path == QLatin1String("source"))
        return object.value(QLatin1String("source"))
            .toObject()
            .value(QLatin1String("component"))
            .toString();
    QJsonValue v(object);
    for (const QString& part : path.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toString();
}

bool ListFilter::labelsMatch(const QJsonObject& labels, const QJsonObject& selector)
{
    for (auto it = selector.begin(); it != selector.end(); ++it)
        if (labels.value(it.key()).toString() != it.value().toString())
            return false;
    return true;
}

bool ListFilter::matches(const QJsonObject& object) const
{
    const QJsonObject labels = object.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("labels"))
                                   .toObject();
    for (const Requirement& r : m_labels) {
        const bool has = labels.contains(r.key);
        const QString value = labels.value(r.key).toString();
        switch (r.op) {
        case Op::Equals:
            if (!has || value != r.values.value(0))
                return false;
            break;
        case Op::NotEquals:
            if (has && value == r.values.value(0))
                return false;
            break;
        case Op::In:
            if (!has || !r.values.contains(value))
                return false;
            break;
        case Op::NotIn:
            if (has && r.values.contains(value))
                return false;
            break;
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::NotExists:
            if (has)
                return false;
            break;
        }
    }
    for (const Requirement& r : m_fields) {
        const QString value = fieldValue(object, r.key);
        if ((r.op == Op::Equals) != (value == r.values.value(0)))
            return false;
    }
    return true;
}

} // namespace unstuck::sim
