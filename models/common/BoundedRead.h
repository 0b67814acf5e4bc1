// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

class QFile;

namespace unstuck {

// At most maxBytes of an open file, or nullopt with how large it is in *size ("20971520 bytes",
// "more than 16777216 bytes"). A regular file is checked by its size and read whole. A device
// (/dev/zero) or a pipe (`--kubeconfig <(…)`, which kubectl reads) says 0 and may never end: it
// is read in 64 KiB pieces until its end or one byte past the limit, never into one buffer of
// the limit's size (a 16 MiB allocation for every few-KiB file made the fuzz targets crawl).
std::optional<QByteArray> readAtMost(QFile& file, qint64 maxBytes, QString* size);

} // namespace unstuck
