// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/CaptureBundle.h"
#include "models/sources/DiagnosisSource.h"

#include <memory>

namespace unstuck {

// Passes every question to the inner (live) source and keeps each answer, so the run can be
// saved as a capture bundle and replayed offline by BundleSource.
class RecordingSource : public DiagnosisSource
{
    Q_OBJECT
public:
    RecordingSource(std::unique_ptr<DiagnosisSource> inner, QString bundlePath,
                    QObject* parent = nullptr);
    ~RecordingSource() override;

    void fetch(const SourceQuery& query, QObject* receiver, Callback callback) override;
    QString kind() const override;
    QString contextName() const override;
    bool hasCloud() const override;
    QString cloudUnavailableReason() const override;
    QList<Bilingual> warnings() const override;
    void cancelAll() override;

    // The namespace this run is limited to, saved with the bundle for its replay.
    void setNamespace(const QString& name) { m_bundle.namespaceName = name; }
    // Writes what was recorded so far to the bundle path.
    bool save(QString* error) const;
    const CaptureBundle& bundle() const { return m_bundle; }

private:
    std::unique_ptr<DiagnosisSource> m_inner;
    QString m_path;
    CaptureBundle m_bundle;
};

} // namespace unstuck
