// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/DiagnosisSource.h"

#include <QList>
#include <QString>

namespace unstuck {

// One question and its answer, as recorded during a live diagnosis.
struct CaptureExchange
{
    SourceQuery query;
    SourceAnswer answer;
};

// The capture bundle file (docs/capture-bundle.md): every request the probes made and every
// answer, secrets removed, so a diagnosis can be replayed offline — in a review, on another
// machine, or attached to a ticket.
struct CaptureBundle
{
    static constexpr const char* kFormat = "unstuck-capture";
    static constexpr int kVersion = 1;
    // A bundle larger than this is refused with an error before it is read (a recording of a
    // 2,000-node cluster is a few MiB).
    static constexpr qint64 kMaxFileBytes = 256 * 1024 * 1024;

    QString context; // kube context name at recording time
    // The namespace the recorded run was asked about (`--namespace`); empty = every Terminating
    // one. A replay asks the same questions, so it must know.
    QString namespaceName;
    QDateTime recordedAt;
    QString tool; // "unstuck 0.1.0"
    bool cloudAvailable = false;
    QString cloudUnavailableReason;
    QList<CaptureExchange> exchanges;

    // Writes atomically (QSaveFile); bodies and messages pass through the Redactor.
    bool save(const QString& path, QString* error) const;
    static std::optional<CaptureBundle> load(const QString& path, QString* error);
    // Tells a bundle (even a truncated one, or one whose keys a tool re-sorted) from pasted
    // ticket text: looks for "format": "unstuck-capture" anywhere in the file's text.
    static bool looksLikeBundle(const QByteArray& text);
};

} // namespace unstuck
