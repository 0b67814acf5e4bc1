// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/KeychainEntries.h"

#include <QSettings>

namespace unstuck::ui {

namespace {
const QString kKey = QStringLiteral("keychain/entries");
}

QStringList KeychainEntries::names()
{
    return QSettings().value(kKey).toStringList();
}

void KeychainEntries::add(const QString& name)
{
    QStringList all = names();
    if (all.contains(name))
        return;
    all.append(name);
    all.sort(Qt::CaseInsensitive);
    QSettings().setValue(kKey, all);
}

void KeychainEntries::remove(const QString& name)
{
    QStringList all = names();
    all.removeAll(name);
    QSettings().setValue(kKey, all);
}

} // namespace unstuck::ui
