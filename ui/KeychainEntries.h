// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace unstuck::ui {

// The names (never the secrets) of the access keys saved to the OS keychain from the app, kept
// in QSettings so the connect view can list them: keychains cannot be enumerated portably.
class KeychainEntries
{
public:
    static QStringList names();
    static void add(const QString& name);
    static void remove(const QString& name);
};

} // namespace unstuck::ui
