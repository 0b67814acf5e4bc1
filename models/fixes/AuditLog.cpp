// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/AuditLog.h"

#include "models/common/Redactor.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

const QString kGenesis = u"sha256:"_s + QString(64, u'0');

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

AuditLog::AuditLog(QString path) : m_path(std::move(path)) {}

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/audit.jsonl"_s;
}

QString AuditLog::newAuditId()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyyMMddTHHmmsszzzZ"_s) + u'-' +
           QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
}

QString AuditLog::hashOf(const QString& prevHash, const QJsonObject& record)
{
    QJsonObject body = record;
    body.remove(u"hash"_s);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash.toUtf8());
    hash.addData(compact(body));
    return u"sha256:"_s + QString::fromLatin1(hash.result().toHex());
}

QList<QJsonObject> AuditLog::records(QString* error) const
{
    QList<QJsonObject> out;
    QFile file(m_path);
    if (!file.exists())
        return out;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"%1: %2"_s.arg(m_path, file.errorString());
        return out;
    }
    while (!file.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readLine());
        if (doc.isObject())
            out.append(doc.object());
    }
    return out;
}

QString AuditLog::lastHash(int* seq, QString* error) const
{
    const QList<QJsonObject> all = records(error);
    *seq = all.isEmpty() ? 0 : all.last().value(u"seq"_s).toInt();
    return all.isEmpty() ? kGenesis : all.last().value(u"hash"_s).toString();
}

bool AuditLog::append(QJsonObject record, QString* error)
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = u"cannot create %1"_s.arg(info.absolutePath());
        return false;
    }
    QLockFile lock(m_path + u".lock"_s);
    if (!lock.tryLock(10000)) {
        *error = u"%1 is locked by another process"_s.arg(m_path);
        return false;
    }
    int seq = 0;
    QString readError;
    const QString prev = lastHash(&seq, &readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    record.insert(u"schema"_s, QString::fromLatin1(kSchema));
    record.insert(u"seq"_s, seq + 1);
    if (!record.contains(u"time"_s))
        record.insert(u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    record.insert(u"prevHash"_s, prev);
    // Redacted before hashing: the chain covers exactly what is on disk.
    record = QJsonDocument::fromJson(Redactor::redact(QString::fromUtf8(compact(record))).toUtf8())
                 .object();
    record.insert(u"hash"_s, hashOf(prev, record));
    QFile file(m_path);
    const bool created = !file.exists();
    if (!file.open(QIODevice::Append)) {
        *error = u"%1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    if (created)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(compact(record) + '\n') < 0 || !file.flush()) {
        *error = u"%1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    return true;
}

AuditLog::Verification AuditLog::verify() const
{
    Verification v;
    QFile file(m_path);
    if (!file.exists())
        return v;
    if (!file.open(QIODevice::ReadOnly)) {
        v.ok = false;
        v.reason = file.errorString();
        return v;
    }
    QString prev = kGenesis;
    int line = 0;
    auto broken = [&](const QString& why) {
        v.ok = false;
        v.brokenLine = line;
        v.reason = why;
        return v;
    };
    while (!file.atEnd()) {
        ++line;
        const QByteArray text = file.readLine().trimmed();
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        if (!doc.isObject())
            return broken(u"line %1 is not a JSON record"_s.arg(line));
        const QJsonObject record = doc.object();
        if (record.value(u"prevHash"_s).toString() != prev)
            return broken(u"line %1 does not follow line %2 (a line was removed, inserted or "
                          u"reordered)"_s.arg(line)
                              .arg(line - 1));
        if (hashOf(prev, record) != record.value(u"hash"_s).toString())
            return broken(u"line %1 was changed after it was written (its hash does not match "
                          u"its content)"_s.arg(line));
        prev = record.value(u"hash"_s).toString();
        ++v.records;
    }
    return v;
}

} // namespace unstuck
