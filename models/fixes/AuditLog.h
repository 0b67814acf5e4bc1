// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace unstuck {

// The local record of every write a fix makes: append-only JSON Lines, one record before and one
// after each write, each line carrying the previous line's hash so an edited, removed or
// reordered line is detectable (docs/fix-json.md). Records are redacted before they are hashed
// and written; the file is created 0600.
class AuditLog
{
public:
    static constexpr const char* kSchema = "unstuck.io/audit/v1";

    explicit AuditLog(QString path = defaultPath());
    // QStandardPaths::AppDataLocation/audit.jsonl (the GUI and the CLI share it).
    static QString defaultPath();
    const QString& path() const { return m_path; }

    // Adds schema, seq, time, prevHash and hash and appends the line. Safe against other
    // processes appending at the same time (a lock file). False and *error when it cannot.
    bool append(QJsonObject record, QString* error);

    struct Verification
    {
        bool ok = true;
        int records = 0;
        int brokenLine = 0; // 1-based; 0 = none
        QString reason;     // why the chain breaks there
    };
    // Re-computes every hash and link; says where the chain first breaks.
    Verification verify() const;
    // Every record, oldest first (lines that do not parse are skipped; verify() names them).
    QList<QJsonObject> records(QString* error = nullptr) const;
    // A new id for one fix run, sortable by time: "20250101T120000Z-1a2b3c4d".
    static QString newAuditId();
    // sha256 over the previous hash and the record without its own "hash" (compact JSON, keys
    // sorted).
    static QString hashOf(const QString& prevHash, const QJsonObject& record);

private:
    QString lastHash(int* seq, QString* error) const;
    QString m_path;
};

} // namespace unstuck
