// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/KeychainStore.h"
#include "models/engine/DiagnosisEngine.h"

#include <QObject>
#include <functional>
#include <memory>

namespace unstuck::ui {

// Before a run: reads the OS keychain entry a request needs (a "keychain:<name>" cloud source,
// or a profile whose credentials are {"source":"keychain"}) and hands back the request with
// DiagnosisRequest::cloudCredential filled, so the engine never touches the keychain. No
// widgets: the GUI and the `unstuck diagnose` command both use it. A newer resolve() or
// cancel() drops the answer of an older one.
class KeychainRequestResolver : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const DiagnosisRequest& request, const QString& error)>;

    explicit KeychainRequestResolver(std::shared_ptr<KeychainStore> store,
                                     QObject* parent = nullptr);
    void setStore(std::shared_ptr<KeychainStore> store) { m_store = std::move(store); }

    // Returns false, and never calls done, when the request needs no keychain entry. Otherwise
    // done runs later with the request to start, or with a user-facing error.
    bool resolve(const DiagnosisRequest& request, Done done);
    void cancel();
    bool isPending() const { return m_pending; }

private:
    std::shared_ptr<KeychainStore> m_store;
    int m_generation = 0;
    bool m_pending = false;
};

} // namespace unstuck::ui
