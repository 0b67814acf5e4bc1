// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/BoundedRead.h"

#include <QFile>

namespace unstuck {

std::optional<QByteArray> readAtMost(QFile& file, qint64 maxBytes, QString* size)
{
    if (!file.isSequential()) {
        if (file.size() > maxBytes) {
            *size = QStringLiteral("%1 bytes").arg(file.size());
            return std::nullopt;
        }
        return file.readAll();
    }
    QByteArray data;
    while (data.size() <= maxBytes) {
        const QByteArray chunk = file.read(qMin<qint64>(64 * 1024, maxBytes + 1 - data.size()));
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    if (data.size() > maxBytes) {
        *size = QStringLiteral("more than %1 bytes").arg(maxBytes);
        return std::nullopt;
    }
    return data;
}

} // namespace unstuck
