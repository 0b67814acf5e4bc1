// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/KeychainStore.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace unstuck::ui {

// The OS keychain through QtKeychain (Secret Service or KWallet over D-Bus on Linux, Keychain on
// macOS, Credential Manager on Windows), entries under KeychainStore::serviceName(). Every call
// answers once: with the value, or with an error that says what to do instead; a keychain that
// does not answer (a locked keyring waiting for a prompt nobody sees) fails after timeoutMs.
// Built without QtKeychain, every call fails saying so; createDefault() then hands out an
// in-memory store instead.
class QtKeychainStore : public KeychainStore
{
    Q_DECLARE_TR_FUNCTIONS(unstuck::ui::QtKeychainStore)

public:
    explicit QtKeychainStore(int timeoutMs = 20000);

    void readSecret(const QString& name, ReadCallback done) override;
    void writeSecret(const QString& name, const QString& secret, WriteCallback done) override;
    void removeSecret(const QString& name, WriteCallback done) override;

    // True when this build can reach the OS keychain (QtKeychain was found at build time).
    static bool isAvailable();
    // The store the app uses: the OS keychain when available, else an in-memory store and
    // *note (for people) says that keys added in the app last until it quits.
    static std::shared_ptr<KeychainStore> createDefault(QString* note = nullptr);
    // Why the keychain is unreachable in this build ("" when it is reachable).
    static QString unavailableReason();

private:
    int m_timeoutMs;
};

} // namespace unstuck::ui
