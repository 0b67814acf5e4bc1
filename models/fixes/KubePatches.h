// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace unstuck {

// The JSON Patches (RFC 6902) fixes send, each guarded by `test` operations so a concurrent
// change makes the API server refuse it (422) instead of the patch undoing someone's edit.
// Shared by the planner (what the diagnosis shows) and the fix engine (what it sends).
class KubePatches
{
public:
    static constexpr const char* kJsonPatch = "application/json-patch+json";

    // Removes every finalizer by value: a `test` of the resourceVersion, then for each finalizer
    // from the last to the first a `test` of its value and its `remove` (removing from the end
    // keeps the earlier indexes valid).
    static QJsonArray removeFinalizers(const QJsonObject& object);
    // Puts `finalizers` back on an object that has none left (undo of removeFinalizers).
    static QJsonArray restoreFinalizers(const QJsonObject& object, const QJsonArray& finalizers);
    // Sets spec.replicas from `from` (tested) to `to`.
    static QJsonArray scaleReplicas(const QJsonObject& object, int from, int to);
    // What `kubectl rollout restart` changes: the pod template's restartedAt annotation.
    static QJsonArray restart(const QJsonObject& deployment, const QString& at);
    // Sets a CRD's spec.conversion to strategy None after a `test` of the conversion as read (a
    // reinstalled add-on that fixed its webhook meanwhile makes the patch fail, not undone).
    static QJsonArray removeConversion(const QJsonObject& crd);
    // Puts `conversion` back on a CRD whose conversion is still what removeConversion left.
    static QJsonArray restoreConversion(const QJsonObject& crd, const QJsonValue& conversion);
    // The test of metadata.resourceVersion every patch starts with.
    static QJsonObject testResourceVersion(const QJsonObject& object);
    // "~" and "/" escaped for a JSON Pointer token.
    static QString pointerToken(const QString& key);
};

} // namespace unstuck
