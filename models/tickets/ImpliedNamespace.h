// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace unstuck {

// A namespace a paste implies but does not show: a logged deletion error, an object holding
// finalizers, a webhook error. It stands in the facts as the namespace controller would show it —
// Terminating, with the one deletion condition the paste gives — so the verdict rules judge it
// like a pasted one.
class ImpliedNamespace
{
public:
    static constexpr const char* kUnnamed = "unnamed-namespace";

    // The one namespace the paste names, else "unnamed-namespace".
    static QString nameFrom(const QSet<QString>& names);
    // A condition as the namespace controller writes it (status True).
    static QJsonObject condition(const QString& type, const QString& reason,
                                 const QString& message);
    // The Namespace object, with `annotations` (plus unstuck.dev/name-unknown for an unnamed one)
    // and, when asked, the "kubernetes" finalizer in its spec.
    static QJsonObject terminating(const QString& name, const QJsonObject& condition,
                                   QJsonObject annotations = {}, bool kubernetesFinalizer = false);
};

} // namespace unstuck
