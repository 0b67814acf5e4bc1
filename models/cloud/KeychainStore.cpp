// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloud/KeychainStore.h"

#include "models/common/Redactor.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace unstuck {

QString KeychainStore::encodeAccessKey(const QString& accessKeyId, const QString& accessKeySecret)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("accessKeyId"), accessKeyId},
                                  {QStringLiteral("accessKeySecret"), accessKeySecret}})
            .toJson(QJsonDocument::Compact));
}

bool KeychainStore::decodeAccessKey(const QString& stored, QString* accessKeyId,
                                    QString* accessKeySecret)
{
    const QJsonObject o = QJsonDocument::fromJson(stored.toUtf8()).object();
    *accessKeyId = o.value(QStringLiteral("accessKeyId")).toString();
    *accessKeySecret = o.value(QStringLiteral("accessKeySecret")).toString();
    Redactor::registerSecret(*accessKeySecret);
    return !accessKeyId->isEmpty() && !accessKeySecret->isEmpty();
}

void MemoryKeychainStore::readSecret(const QString& name, ReadCallback done)
{
    const auto it = m_secrets.constFind(name);
    if (it == m_secrets.constEnd())
        done({}, QStringLiteral("no keychain entry named '%1'").arg(name));
    else
        done(*it, {});
}

void MemoryKeychainStore::writeSecret(const QString& name, const QString& secret,
                                      WriteCallback done)
{
    m_secrets.insert(name, secret);
    done({});
}

void MemoryKeychainStore::removeSecret(const QString& name, WriteCallback done)
{
    m_secrets.remove(name);
    done({});
}

} // namespace unstuck
