// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/KeychainRequestResolver.h"

#include "models/common/Log.h"
#include "models/common/Redactor.h"
#include "models/sources/LiveSource.h"

#include <QPointer>

namespace unstuck::ui {

KeychainRequestResolver::KeychainRequestResolver(std::shared_ptr<KeychainStore> store,
                                                 QObject* parent)
    : QObject(parent), m_store(std::move(store))
{}

void KeychainRequestResolver::cancel()
{
    ++m_generation;
    m_pending = false;
}

bool KeychainRequestResolver::resolve(const DiagnosisRequest& request, Done done)
{
    const QString name = LiveSource::keychainEntryNeeded(request);
    if (name.isEmpty())
        return false;
    const int generation = ++m_generation;
    m_pending = true;
    log::info("reading cloud credentials from the OS keychain entry '{}'", name.toStdString());
    QPointer<KeychainRequestResolver> self(this);
    m_store->readSecret(name, [self, generation, name, request, done](const QString& stored,
                                                                      const QString& error) {
        if (!self || generation != self->m_generation)
            return; // superseded or cancelled
        self->m_pending = false;
        if (!error.isEmpty()) {
            done(
                request,
                tr("Could not read the access key '%1' from the OS keychain: %2").arg(name, error));
            return;
        }
        CloudCredential credential;
        if (!KeychainStore::decodeAccessKey(stored, &credential.accessKeyId,
                                            &credential.accessKeySecret)) {
            done(request, tr("The OS keychain entry '%1' does not hold an AccessKey ID and "
                             "secret. Remove it and add the access key again.")
                              .arg(name));
            return;
        }
        Redactor::registerSecret(credential.accessKeySecret);
        credential.source = QStringLiteral("OS keychain entry '%1'").arg(name);
        DiagnosisRequest resolved = request;
        resolved.cloudCredential = credential;
        done(resolved, {});
    });
    return true;
}

} // namespace unstuck::ui
