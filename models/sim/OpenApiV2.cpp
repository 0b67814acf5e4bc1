// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/OpenApiV2.h"

#include <QJsonArray>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

// The protobuf wire format, as much of it as the document needs: varints and length-delimited
// fields (strings and embedded messages).
void varint(QByteArray& out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

QByteArray field(int number, const QByteArray& bytes)
{
    QByteArray out;
    varint(out, quint64(number) << 3 | 2);
    varint(out, quint64(bytes.size()));
    return out + bytes;
}

QByteArray field(int number, const QString& text)
{
    return field(number, text.toUtf8());
}

const QStringList kQueryParameters{u"dryRun"_s, u"fieldManager"_s, u"fieldValidation"_s};

// ParametersItem{parameter: Parameter{non_body_parameter: NonBodyParameter{
//   query_parameter_sub_schema: QueryParameterSubSchema{in, name, type}}}}
QByteArray queryParameter(const QString& name)
{
    const QByteArray subSchema = field(2, u"query"_s) + field(4, name) + field(6, u"string"_s);
    return field(1, field(2, field(3, subSchema)));
}

// NamedAny{name: "x-kubernetes-group-version-kind", value: Any{yaml: "..."}}
QByteArray gvkExtension(const OpenApiV2::Path& p)
{
    const QString yaml =
        u"group: \"%1\"\nkind: %2\nversion: %3\n"_s.arg(p.group, p.kind, p.version);
    return field(1, u"x-kubernetes-group-version-kind"_s) + field(2, field(2, yaml));
}

// Operation{parameters (8), vendor_extension (13)}
QByteArray operation(const OpenApiV2::Path& p)
{
    QByteArray op;
    for (const QString& name : kQueryParameters)
        op += field(8, queryParameter(name));
    return op + field(13, gvkExtension(p));
}

QJsonObject jsonOperation(const OpenApiV2::Path& p)
{
    QJsonArray parameters;
    for (const QString& name : kQueryParameters)
        parameters.append(
            QJsonObject{{u"name"_s, name}, {u"in"_s, u"query"_s}, {u"type"_s, u"string"_s}});
    return {{u"parameters"_s, parameters},
            {u"responses"_s, QJsonObject{{u"200"_s, QJsonObject{{u"description"_s, u"OK"_s}}}}},
            {u"x-kubernetes-group-version-kind"_s,
             QJsonObject{{u"group"_s, p.group}, {u"version"_s, p.version}, {u"kind"_s, p.kind}}}};
}

} // namespace

QList<OpenApiV2::Path> OpenApiV2::paths(const QList<ApiGroupVersion>& groupVersions)
{
    QList<Path> out;
    for (const ApiGroupVersion& gv : groupVersions) {
        if (gv.aggregated)
            continue; // an aggregated API's backend describes itself
        for (const ApiResource& r : gv.resources) {
            const QString base = (r.group.isEmpty() ? u"/api/"_s + r.version
                                                    : u"/apis/%1/%2"_s.arg(r.group, r.version)) +
                                 (r.namespaced ? u"/namespaces/{namespace}/"_s : u"/"_s) + r.plural;
            if (r.verbs.contains(u"create"_s))
                out.append({base, r.group, r.version, r.kind, false});
            if (r.verbs.contains(u"patch"_s))
                out.append({base + u"/{name}"_s, r.group, r.version, r.kind, true});
        }
    }
    return out;
}

// Document{swagger (1), info (2): Info{title (1), version (2)}, paths (8): Paths{path (2):
// NamedPathItem{name (1), value (2): PathItem{post (4) | put (3), patch (8)}}}}
QByteArray OpenApiV2::protobuf(const QList<ApiGroupVersion>& groupVersions, const QString& version)
{
    QByteArray paths;
    for (const Path& p : OpenApiV2::paths(groupVersions)) {
        const QByteArray op = operation(p);
        const QByteArray item = p.object ? field(3, op) + field(8, op) : field(4, op);
        paths += field(2, field(1, p.path) + field(2, item));
    }
    return field(1, u"2.0"_s) + field(2, field(1, u"Kubernetes"_s) + field(2, version)) +
           field(8, paths);
}

QJsonObject OpenApiV2::json(const QList<ApiGroupVersion>& groupVersions, const QString& version)
{
    QJsonObject paths;
    for (const Path& p : OpenApiV2::paths(groupVersions)) {
        const QJsonObject op = jsonOperation(p);
        paths.insert(p.path, p.object ? QJsonObject{{u"patch"_s, op}, {u"put"_s, op}}
                                      : QJsonObject{{u"post"_s, op}});
    }
    return {{u"swagger"_s, u"2.0"_s},
            {u"info"_s, QJsonObject{{u"title"_s, u"Kubernetes"_s}, {u"version"_s, version}}},
            {u"paths"_s, paths},
            {u"definitions"_s, QJsonObject()}};
}

} // namespace unstuck::sim
