// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace unstuck::selfcheck {

// One thing an installed copy needs. Missing items make `unstuck --self-check` exit 1; notes
// describe the machine rather than the installation (no keychain service running, say).
struct Item
{
    enum class Status { Ok, Note, Missing };
    Status status = Status::Ok;
    QString name;   // "TLS backend", "SVG image plugin"…
    QString detail; // what was found, or what is missing and how to get it
};

struct Options
{
    bool gui = true;       // the build has a window: check the platform and SVG plugins
    QString simulator;     // unstuck-sim to check (default: next to the running binary)
    int timeoutMs = 10000; // per network or process step
};

// Runs every check; needs a QCoreApplication (it spins event loops for the TLS handshake, the
// keychain and the simulator).
QList<Item> run(const Options& options);

// "ok", "note" or "MISSING", padded for a table.
QString statusWord(Item::Status status);

// The simulator's file name next to the given directory (unstuck-sim or unstuck-sim.exe).
QString simulatorNextTo(const QString& directory);

} // namespace unstuck::selfcheck
