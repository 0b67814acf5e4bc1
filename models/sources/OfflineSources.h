// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/DiagnosisSource.h"

#include <memory>

namespace unstuck {

// Opens what `--from` names: a capture bundle file replays as recorded; any other file or a
// folder is read as pasted ticket text.
class OfflineSources
{
public:
    static std::unique_ptr<DiagnosisSource> open(const QString& path, QString* error);
};

} // namespace unstuck
