// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/ApiCatalog.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace unstuck::sim {

// GET /openapi/v2, which every API server still serves and older clients need: kubectl up to
// 1.26 (Debian 12 ships 1.20) reads it before `--dry-run=server` (is dry run supported for this
// kind?) and `create -f` (validation). As protobuf (gnostic's openapi_v2.Document, the form
// kubectl asks for) or JSON; each writable kind gets its paths with the
// x-kubernetes-group-version-kind extension and the dryRun/fieldManager query parameters, no
// schemas (validation then has nothing to check, as for a kind the server does not describe).
class OpenApiV2
{
public:
    // What the API server answers for kubectl's "Accept: …spec.v2@v1.0+protobuf": Go's MIME
    // parser rejects the '@', so the served type spells it with a dot.
    static constexpr const char* kProtobufType =
        "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
    static QByteArray protobuf(const QList<ApiGroupVersion>& groupVersions, const QString& version);
    static QJsonObject json(const QList<ApiGroupVersion>& groupVersions, const QString& version);

    // One writable path: the collection (POST) or the object (PATCH, PUT). The OpenAPI v3
    // documents (/openapi/v3/…) describe the same paths.
    struct Path
    {
        QString path;
        QString group, version, kind;
        bool object = false;
    };
    static QList<Path> paths(const QList<ApiGroupVersion>& groupVersions);
};

} // namespace unstuck::sim
