// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixPreparer.h"

namespace unstuck {

// The Kubernetes fixes made executable: deleting an APIService or a webhook configuration (after
// saving it; undo creates it again), deleting the route controller's pod, scaling or restarting
// an aggregated API's backend, removing finalizers by value, setting a CRD's broken conversion
// webhook to None (undo puts it back), and force-finalizing a namespace.
// Every write carries a precondition (DeleteOptions.preconditions, a JSON Patch `test`, or the
// resourceVersion of a PUT) taken from the object read right now.
class KubeObjectRecipe
{
public:
    static bool handles(const QString& fixId);
    static void prepare(const FixPlan& plan, FixTransport& transport, const PrepareOptions& options,
                        QObject* receiver, FixPreparer::Done done);

    // The object a request changes: PUT …/namespaces/x/finalize and PATCH …/scale read the
    // object itself.
    static QString objectPath(const QString& path);
    // The SelfSubjectAccessReview a request needs.
    static AccessReview accessFor(const QByteArray& method, const QString& path);
    // A saved object as it can be created again: server-owned metadata and status removed.
    static QJsonObject recreatable(const QJsonObject& object);
};

} // namespace unstuck
