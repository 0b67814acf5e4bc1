// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"

namespace unstuck {

// A report's own words, once per language (picked as every Bilingual text is):
// `w(u"Fix applied"_s, u"已应用的修复"_s)`.
struct ReportWords
{
    Language language;
    QString operator()(const QString& en, const QString& zh) const
    {
        return Bilingual(en, zh).in(language);
    }
};

} // namespace unstuck
