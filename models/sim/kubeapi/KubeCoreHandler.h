// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeHandler.h"

namespace unstuck::sim {

class ListFilter;

// Reads of the world's objects, for every group: list (selectors, paging, Table output for
// kubectl), watch, get and pod logs. Writes live in KubeCoreWriteHandler.
class KubeCoreHandler : public KubeHandler
{
public:
    explicit KubeCoreHandler(SimWorld& world);

    HttpResponse list(const HttpRequest& request, const ApiResource& resource, const QString& ns);
    HttpResponse getOne(const HttpRequest& request, const ApiResource& resource, const QString& ns,
                        const QString& name);
    HttpResponse podLog(const HttpRequest& request, const QString& ns, const QString& name);

private:
    HttpResponse watch(const HttpRequest& request, const ApiResource& resource, const QString& ns,
                       const ListFilter& filter);
};

} // namespace unstuck::sim
