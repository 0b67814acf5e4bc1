// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <functional>

namespace unstuck {

// Where secrets typed into the app go: the OS keychain, never settings files or logs.
// models/ links QtCore and QtNetwork only, so the QtKeychain-backed implementation (Qt6Keychain,
// which needs QtDBus on Linux) lives with the GUI; the engine and the tests use this interface.
// Calls are asynchronous, like QtKeychain jobs; callbacks run on the caller's thread.
class KeychainStore
{
public:
    using ReadCallback = std::function<void(const QString& secret, const QString& error)>;
    using WriteCallback = std::function<void(const QString& error)>;

    virtual ~KeychainStore() = default;
    // The service name every entry is stored under.
    static QString serviceName() { return QStringLiteral("Unstuck"); }

    virtual void readSecret(const QString& name, ReadCallback done) = 0;
    virtual void writeSecret(const QString& name, const QString& secret, WriteCallback done) = 0;
    virtual void removeSecret(const QString& name, WriteCallback done) = 0;

    // A cloud credential is stored as {"accessKeyId","accessKeySecret"} JSON under its name.
    static QString encodeAccessKey(const QString& accessKeyId, const QString& accessKeySecret);
    static bool decodeAccessKey(const QString& stored, QString* accessKeyId,
                                QString* accessKeySecret);
};

// In-memory keychain (tests, and platforms where no keychain is available: nothing persists).
class MemoryKeychainStore : public KeychainStore
{
public:
    void readSecret(const QString& name, ReadCallback done) override;
    void writeSecret(const QString& name, const QString& secret, WriteCallback done) override;
    void removeSecret(const QString& name, WriteCallback done) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace unstuck
