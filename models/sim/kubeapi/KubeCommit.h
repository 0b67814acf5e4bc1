// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeWriteOptions.h"

#include <QJsonObject>
#include <QString>

namespace unstuck::sim {

class KubeStore;
struct ApiResource;

// Where a write ends: in the world's store (a new resourceVersion; watches and controllers see
// it) or, for a dry run, shaped exactly as it would be stored and then dropped, so a dry run
// changes nothing. Records the write's field manager in metadata.managedFields on the way.
class KubeCommit
{
public:
    KubeCommit(KubeStore& store, const KubeWriteOptions& options);

    bool dryRun() const { return m_options.dryRun; }
    // A new object (server fields filled; no resourceVersion on a dry run).
    QJsonObject create(const ApiResource& resource, QJsonObject object);
    // An update of `existing` to `next`. An object being deleted whose last finalizer is gone
    // leaves storage instead. operation: "Update" or "Apply" (managedFields).
    QJsonObject update(const ApiResource& resource, const QJsonObject& existing, QJsonObject next,
                       const QString& subresource, const QString& operation = {});
    void remove(const ApiResource& resource, const QString& ns, const QString& name);

private:
    void recordManager(const QJsonObject& before, QJsonObject* after, const ApiResource& resource,
                       const QString& subresource, const QString& operation) const;

    KubeStore& m_store;
    const KubeWriteOptions& m_options;
};

} // namespace unstuck::sim
