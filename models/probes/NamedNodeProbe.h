// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

#include <QMap>
#include <QSet>
#include <functional>

namespace unstuck {

// Asks the red path's nodes by name (GET /api/v1/nodes/NAME, a few hundred bytes each) beside
// the whole node list, which on a large cluster is megabytes and the slowest answer of a
// diagnosis. The answers that come back land in Findings::namedNodes; a node that cannot be read
// by name (403 for get, 404) is simply missing there, and the caller waits for the list instead.
class NamedNodeProbe
{
public:
    explicit NamedNodeProbe(ProbeRunner& runner);
    // Asks every name not asked yet; `answered` runs after each answer.
    void ask(const QSet<QString>& names, const std::function<void()>& answered);
    // Every one of `names` was asked and came back.
    bool have(const QSet<QString>& names) const;
    // The list is in: the verdict no longer waits for the questions still in flight.
    void leaveRedPath();

private:
    ProbeRunner& m_runner;
    QMap<QString, int> m_asked; // node name -> probe id
};

} // namespace unstuck
