// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace unstuck::sim {

// labelSelector and fieldSelector of a list request, parsed once, matched per object.
class ListFilter
{
public:
    // Returns false and sets *error for a selector the API server would reject.
    bool parse(const QString& labelSelector, const QString& fieldSelector, QString* error);
    bool matches(const QJsonObject& object) const;

    // Value of a dotted field path ("metadata.name", "involvedObject.kind", "source").
    static QString fieldValue(const QJsonObject& object, const QString& path);
    // Whether `labels` satisfy a simple equality selector map (Service / Deployment selectors).
    static bool labelsMatch(const QJsonObject& labels, const QJsonObject& selector);

private:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, NotExists };
    struct Requirement
    {
        QString key;
        Op op;
        QStringList values;
    };
    QList<Requirement> m_labels;
    QList<Requirement> m_fields;
};

} // namespace unstuck::sim
