// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/KubeProtobuf.h"

#include <QJsonArray>
#include <QList>

namespace unstuck::sim {

namespace {

struct Field
{
    int number = 0;
    int wireType = 0;
    quint64 varint = 0;
    QByteArray bytes;
};

bool readVarint(const QByteArray& data, qsizetype* pos, quint64* out)
{
    quint64 value = 0;
    for (int shift = 0; shift < 64 && *pos < data.size(); shift += 7) {
        const auto byte = static_cast<unsigned char>(data.at((*pos)++));
        value |= static_cast<quint64>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *out = value;
            return true;
        }
    }
    return false;
}

std::optional<QList<Field>> parse(const QByteArray& data)
{
    QList<Field> fields;
    qsizetype pos = 0;
    while (pos < data.size()) {
        quint64 key = 0;
        if (!readVarint(data, &pos, &key))
            return std::nullopt;
        Field f;
        f.number = static_cast<int>(key >> 3);
        f.wireType = static_cast<int>(key & 7);
        switch (f.wireType) {
        case 0:
            if (!readVarint(data, &pos, &f.varint))
                return std::nullopt;
            break;
        case 1:
            pos += 8;
            break;
        case 5:
            pos += 4;
            break;
        case 2: {
            quint64 length = 0;
            if (!readVarint(data, &pos, &length) ||
                pos + static_cast<qsizetype>(length) > data.size())
                return std::nullopt;
            f.bytes = data.mid(pos, static_cast<qsizetype>(length));
            pos += static_cast<qsizetype>(length);
            break;
        }
        default:
            return std::nullopt;
        }
        if (pos > data.size())
            return std::nullopt;
        fields << f;
    }
    return fields;
}

QString str(const QByteArray& b)
{
    return QString::fromUtf8(b);
}

// map<string,string> entries: key = 1, value = 2.
void addMapEntry(QJsonObject* map, const QByteArray& entry, bool base64Value)
{
    const auto fields = parse(entry);
    if (!fields)
        return;
    QString key;
    QString value;
    for (const Field& f : *fields) {
        if (f.number == 1)
            key = str(f.bytes);
        else if (f.number == 2)
            value = base64Value ? QString::fromLatin1(f.bytes.toBase64()) : str(f.bytes);
    }
    map->insert(key, value);
}

QJsonObject objectMeta(const QByteArray& data)
{
    QJsonObject m;
    QJsonObject labels;
    QJsonObject annotations;
    QJsonArray finalizers;
    const auto fields = parse(data);
    if (!fields)
        return m;
    for (const Field& f : *fields) {
        switch (f.number) {
        case 1:
            m.insert(QStringLiteral("name"), str(f.bytes));
            break;
        case 2:
            m.insert(QStringLiteral("generateName"), str(f.bytes));
            break;
        case 3:
            m.insert(QStringLiteral("namespace"), str(f.bytes));
            break;
        case 6:
            m.insert(QStringLiteral("resourceVersion"), str(f.bytes));
            break;
        case 11:
            addMapEntry(&labels, f.bytes, false);
            break;
        case 12:
            addMapEntry(&annotations, f.bytes, false);
            break;
        case 14:
            finalizers.append(str(f.bytes));
            break;
        default:
            break;
        }
    }
    if (!labels.isEmpty())
        m.insert(QStringLiteral("labels"), labels);
    if (!annotations.isEmpty())
        m.insert(QStringLiteral("annotations"), annotations);
    if (!finalizers.isEmpty())
        m.insert(QStringLiteral("finalizers"), finalizers);
    return m;
}

// authorization/v1 ResourceAttributes (namespace 1, verb 2, group 3, version 4, resource 5,
// subresource 6, name 7) or NonResourceAttributes (path 1, verb 2).
QJsonObject attributes(const QByteArray& data, bool resource)
{
    static const char* const resourceNames[] = {"namespace", "verb",        "group", "version",
                                                "resource",  "subresource", "name"};
    static const char* const nonResourceNames[] = {"path", "verb"};
    QJsonObject out;
    const auto fields = parse(data);
    if (!fields)
        return out;
    for (const Field& f : *fields) {
        const int max = resource ? 7 : 2;
        if (f.wireType == 2 && f.number >= 1 && f.number <= max && !f.bytes.isEmpty())
            out.insert(QLatin1String(resource ? resourceNames[f.number - 1]
                                              : nonResourceNames[f.number - 1]),
                       str(f.bytes));
    }
    return out;
}

// The spec (field 2) of a SelfSubjectAccessReview (resourceAttributes 1, nonResourceAttributes
// 2) or a SelfSubjectRulesReview (namespace 1); their status (field 3) is the server's to fill.
bool reviewField(const QString& kind, const Field& f, QJsonObject* o)
{
    const bool access = kind == QLatin1String("SelfSubjectAccessReview");
    if (!access && kind != QLatin1String("SelfSubjectRulesReview"))
        return false;
    if (f.number == 3)
        return true;
    if (f.number != 2)
        return false;
    QJsonObject spec;
    if (const auto fields = parse(f.bytes)) {
        for (const Field& s : *fields) {
            if (!access && s.number == 1)
                spec.insert(QStringLiteral("namespace"), str(s.bytes));
            else if (access && (s.number == 1 || s.number == 2))
                spec.insert(s.number == 1 ? QStringLiteral("resourceAttributes")
                                          : QStringLiteral("nonResourceAttributes"),
                            attributes(s.bytes, s.number == 1));
        }
    }
    o->insert(QStringLiteral("spec"), spec);
    return true;
}

} // namespace

bool KubeProtobuf::isProtobuf(const QByteArray& contentType)
{
    return contentType.startsWith("application/vnd.kubernetes.protobuf");
}

std::optional<QJsonObject> KubeProtobuf::decode(const QByteArray& body, QString* error)
{
    if (!body.startsWith(QByteArray("k8s\0", 4))) {
        *error =
            QStringLiteral("provided protobuf is not a Kubernetes object (missing magic number)");
        return std::nullopt;
    }
    const auto envelope = parse(body.mid(4));
    if (!envelope) {
        *error = QStringLiteral("malformed protobuf body");
        return std::nullopt;
    }
    QString apiVersion;
    QString kind;
    QByteArray raw;
    for (const Field& f : *envelope) {
        if (f.number == 1) {
            if (const auto type = parse(f.bytes)) {
                for (const Field& t : *type) {
                    if (t.number == 1)
                        apiVersion = str(t.bytes);
                    else if (t.number == 2)
                        kind = str(t.bytes);
                }
            }
        } else if (f.number == 2) {
            raw = f.bytes;
        }
    }
    const auto fields = parse(raw);
    if (!fields) {
        *error = QStringLiteral("malformed protobuf object");
        return std::nullopt;
    }
    QJsonObject o{{QStringLiteral("apiVersion"), apiVersion}, {QStringLiteral("kind"), kind}};
    QJsonObject data;
    QJsonObject stringData;
    for (const Field& f : *fields) {
        if (f.number == 1) {
            o.insert(QStringLiteral("metadata"), objectMeta(f.bytes));
        } else if (reviewField(kind, f, &o)) {
            continue;
        } else if (kind == QLatin1String("Namespace") && f.number == 2) {
            QJsonArray finalizers;
            if (const auto spec = parse(f.bytes))
                for (const Field& s : *spec)
                    if (s.number == 1)
                        finalizers.append(str(s.bytes));
            o.insert(QStringLiteral("spec"),
                     QJsonObject{{QStringLiteral("finalizers"), finalizers}});
        } else if ((kind == QLatin1String("ConfigMap") || kind == QLatin1String("Secret")) &&
                   f.number == 2) {
            addMapEntry(&data, f.bytes, kind == QLatin1String("Secret"));
        } else if (kind == QLatin1String("Secret") && f.number == 3) {
            o.insert(QStringLiteral("type"), str(f.bytes));
        } else if (kind == QLatin1String("Secret") && f.number == 4) {
            addMapEntry(&stringData, f.bytes, false);
        } else if (kind != QLatin1String("Namespace") && kind != QLatin1String("ConfigMap") &&
                   kind != QLatin1String("Secret") && f.number > 1) {
            *error =
                QStringLiteral("the simulator cannot decode protobuf bodies of kind %1; send JSON")
                    .arg(kind);
            return std::nullopt;
        }
    }
    if (!data.isEmpty())
        o.insert(QStringLiteral("data"), data);
    if (!stringData.isEmpty())
        o.insert(QStringLiteral("stringData"), stringData);
    return o;
}

} // namespace unstuck::sim
