// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every fuzz target needs around the product's parser: a Qt application object (some
// parsers use QCoreApplication's services), quiet logs, and a scratch folder for parsers that
// only read files. Shared by the targets, never a copy of a parser.

#include "models/common/Log.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>

namespace unstuck::fuzz {

// Creates the application once; libFuzzer passes its own argc/argv through.
inline void initialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    qputenv("QT_LOGGING_RULES", "*=false");
    log::init(spdlog::level::off);
}

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// A folder under $TMPDIR that lives as long as the process.
inline const QTemporaryDir& scratch()
{
    static const QTemporaryDir dir;
    return dir;
}

// Writes the input where a file-reading parser expects it; returns the path.
inline QString writeScratch(const QString& name, const QByteArray& data)
{
    const QString path = scratch().filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(data);
    return path;
}

} // namespace unstuck::fuzz
