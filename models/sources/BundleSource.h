// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/CaptureBundle.h"
#include "models/sources/DiagnosisSource.h"

#include <QHash>

namespace unstuck {

// Replays a capture bundle: each question gets the answer recorded for it. A question the
// recording never asked answers "missing", which the engine turns into an unknown, never red.
class BundleSource : public DiagnosisSource
{
    Q_OBJECT
public:
    BundleSource(CaptureBundle bundle, QString fileName, QObject* parent = nullptr);

    void fetch(const SourceQuery& query, QObject* receiver, Callback callback) override;
    QString kind() const override { return QStringLiteral("bundle"); }
    QString contextName() const override;
    bool hasCloud() const override { return m_bundle.cloudAvailable; }
    QString cloudUnavailableReason() const override;
    QString recordedNamespace() const override { return m_bundle.namespaceName; }

    // The question without how it was paged or where it was read from (limit, continue,
    // resourceVersion; MaxResult, NextToken, PageSize, PageNumber): a bundle recorded by a
    // version that paged differently still answers the same question.
    static QString pagingFreeKey(const SourceQuery& query);

private:
    CaptureBundle m_bundle;
    QString m_fileName;
    QHash<QString, int> m_index;      // query key -> exchange
    QHash<QString, int> m_pagingFree; // pagingFreeKey -> exchange
};

} // namespace unstuck
