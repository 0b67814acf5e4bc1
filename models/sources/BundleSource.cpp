// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/BundleSource.h"

#include "models/common/Redactor.h"

#include <QFileInfo>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace unstuck {

BundleSource::BundleSource(CaptureBundle bundle, QString fileName, QObject* parent)
    : DiagnosisSource(parent), m_bundle(std::move(bundle)), m_fileName(std::move(fileName))
{
    for (int i = 0; i < m_bundle.exchanges.size(); ++i) {
        m_index.insert(Redactor::redact(m_bundle.exchanges[i].query.key()), i);
        const QString loose = Redactor::redact(pagingFreeKey(m_bundle.exchanges[i].query));
        if (!m_pagingFree.contains(loose))
            m_pagingFree.insert(loose, i);
    }
}

QString BundleSource::pagingFreeKey(const SourceQuery& query)
{
    SourceQuery loose = query;
    if (query.kind == SourceQuery::Kind::Kube) {
        QUrl url(query.path);
        QUrlQuery items(url);
        for (const char* name : {"limit", "continue", "resourceVersion"})
            items.removeAllQueryItems(QString::fromLatin1(name));
        url.setQuery(items);
        loose.path = url.toString();
    } else {
        for (const char* name : {"MaxResult", "MaxResults", "NextToken", "PageSize", "PageNumber"})
            loose.params.remove(QString::fromLatin1(name));
    }
    return loose.key();
}

void BundleSource::fetch(const SourceQuery& query, QObject* receiver, Callback callback)
{
    SourceAnswer answer;
    int index = m_index.value(Redactor::redact(query.key()), -1);
    if (index < 0)
        index = m_pagingFree.value(Redactor::redact(pagingFreeKey(query)), -1);
    if (index >= 0) {
        answer = m_bundle.exchanges[index].answer;
    } else {
        answer.error = QStringLiteral("missing");
        answer.message = QStringLiteral("not recorded in the capture bundle %1")
                             .arg(QFileInfo(m_fileName).fileName());
        answer.at = m_bundle.recordedAt;
    }
    // Answer asynchronously, like every other source, so callers see one behaviour.
    QPointer<QObject> guard(receiver);
    QTimer::singleShot(0, this, [guard, callback, answer] {
        if (guard)
            callback(answer);
    });
}

QString BundleSource::contextName() const
{
    const QString file = QFileInfo(m_fileName).fileName();
    return m_bundle.context.isEmpty() ? file
                                      : QStringLiteral("%1 (%2)").arg(m_bundle.context, file);
}

QString BundleSource::cloudUnavailableReason() const
{
    if (m_bundle.cloudAvailable)
        return {};
    if (!m_bundle.cloudUnavailableReason.isEmpty())
        return m_bundle.cloudUnavailableReason;
    return QStringLiteral("the capture bundle holds no cloud answers");
}

} // namespace unstuck
