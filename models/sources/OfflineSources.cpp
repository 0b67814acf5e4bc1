// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/OfflineSources.h"

#include "models/sources/BundleSource.h"
#include "models/sources/PasteSource.h"
#include "models/tickets/TicketParser.h"

#include <QFile>
#include <QFileInfo>

namespace unstuck {

std::unique_ptr<DiagnosisSource> OfflineSources::open(const QString& path, QString* error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("%1 does not exist").arg(path);
        return nullptr;
    }
    if (info.isFile() && info.size() > CaptureBundle::kMaxFileBytes) {
        *error = QStringLiteral("%1 is %2 MiB; Unstuck reads capture bundles of at most %3 MiB "
                                "and pasted files of at most %4 MiB")
                     .arg(path)
                     .arg(info.size() / (1024 * 1024))
                     .arg(CaptureBundle::kMaxFileBytes / (1024 * 1024))
                     .arg(TicketParser::kMaxFileBytes / (1024 * 1024));
        return nullptr;
    }
    if (info.isFile()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return nullptr;
        }
        if (CaptureBundle::looksLikeBundle(file.readAll())) {
            auto bundle = CaptureBundle::load(path, error);
            if (!bundle)
                return nullptr;
            return std::make_unique<BundleSource>(std::move(*bundle), path);
        }
    }
    TicketFacts facts;
    if (!TicketParser::parsePath(path, &facts, error))
        return nullptr;
    if (facts.isEmpty()) {
        *error = QStringLiteral("nothing in %1 looks like kubectl, log or aliyun output (read: %2)")
                     .arg(path, facts.ignoredFiles.join(QStringLiteral("; ")));
        return nullptr;
    }
    return std::make_unique<PasteSource>(std::move(facts), info.fileName());
}

} // namespace unstuck
