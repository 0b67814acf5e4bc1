// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/DiagnosisRequest.h"
#include "models/sources/DiagnosisSource.h"
#include "models/verdict/DiagnosisResult.h"

#include <QObject>
#include <QString>
#include <memory>

namespace unstuck {

// Runs probes → findings → verdicts. Asynchronous, cancellable; the GUI, the CLI and the tests
// all drive this same object.
class DiagnosisEngine : public QObject
{
    Q_OBJECT
public:
    explicit DiagnosisEngine(QObject* parent = nullptr);
    ~DiagnosisEngine() override;

    void start(const DiagnosisRequest& request);
    // Runs against a source the caller built (tests, the GUI's demo mode). Takes ownership.
    void start(const DiagnosisRequest& request, std::unique_ptr<DiagnosisSource> source);
    void cancel();
    bool isRunning() const;

    // The source a request asks for: live (profile file or kubeconfig + cloud credentials),
    // a capture bundle / pasted text (fromPath), wrapped in a recorder when recordPath is set.
    // Returns null and a user-facing reason when it cannot be opened.
    static std::unique_ptr<DiagnosisSource> openSource(const DiagnosisRequest& request,
                                                       QString* error);

Q_SIGNALS:
    // A probe is one request to a source; ids are unique within a run.
    void probeStarted(int probeId, const unstuck::Bilingual& label);
    void probeFinished(int probeId, bool ok, const QString& summary);
    // Partial results while probing, so views can paint as answers arrive; one at once when
    // the red path settles (DiagnosisResult::redPathSettled) and the sweep goes on.
    void progress(const unstuck::DiagnosisResult& partial);
    void finished(const unstuck::DiagnosisResult& result);

private:
    void complete(bool timedOut);
    void dropRun();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck
