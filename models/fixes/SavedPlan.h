// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/PreparedFix.h"
#include "models/sources/DiagnosisRequest.h"

#include <QList>
#include <QString>

namespace unstuck {

// `unstuck fix plan --out FILE`: the reviewed previews with their exact requests and the state
// they were made against, so `fix apply --plan FILE` applies exactly that (and refuses, naming
// what moved, when the state is no longer the one reviewed). Written 0600: it holds the requests
// unredacted, as they will be sent.
struct SavedPlan
{
    static constexpr const char* kKind = "unstuck-fix-plan";
    QString context; // the kubeconfig context it was made for
    // How it connected (profile, kubeconfig, context, cloud profile, namespace; absolute paths):
    // `fix apply --plan FILE` without connection options connects the same way.
    DiagnosisRequest connection;
    bool healAll = false;
    QList<PreparedFix> fixes;

    bool save(const QString& path, QString* error) const;
    // nullopt and *error when the file is unreadable, not a plan, or edited after it was saved.
    static std::optional<SavedPlan> load(const QString& path, QString* error);
};

} // namespace unstuck
