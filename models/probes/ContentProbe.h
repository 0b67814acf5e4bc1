// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

namespace unstuck {

// What keeps a namespace's content alive once discovery works: objects whose finalizers
// never clear, and admission webhooks that refuse deletes.
class ContentProbe
{
public:
    explicit ContentProbe(ProbeRunner& runner);
    void startWebhooks();
    // Once the stuck namespaces and the API groups are known: lists the leftover objects the
    // namespace conditions name.
    void listRemaining();

    struct Remaining
    {
        QString resource, group; // "widgets", "example.com" ("" for core)
        int count = 0;
    };
    // Parses "widgets.example.com has 1 resource instances, pods. has 2 resource instances".
    static QList<Remaining> parseRemaining(const QString& message);

private:
    ProbeRunner& m_runner;
};

} // namespace unstuck
