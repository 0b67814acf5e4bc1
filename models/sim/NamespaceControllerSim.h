// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace unstuck::sim {

class SimWorld;

// Plays the namespace controller of kube-controller-manager (1.32): for every namespace with
// a deletionTimestamp, runs discovery (any unavailable aggregated API is an error), deletes
// the content it can, writes the five status conditions exactly as the real one, logs its
// failures into the kube-controller-manager pod log, and finalizes the namespace only when
// discovery is complete and nothing remains.
class NamespaceControllerSim
{
public:
    explicit NamespaceControllerSim(SimWorld& world);
    void reconcile();

private:
    void process(QJsonObject ns);
    void logFailure(const QString& ns, const QString& error);

    struct Backoff
    {
        int failures = 0;
        qint64 nextLogMs = 0;
    };
    SimWorld& m_world;
    QHash<QString, Backoff> m_backoff;
};

} // namespace unstuck::sim
