// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"

#include <QString>

namespace unstuck {

// How an APIService's Available=False reads (kubernetes.md §0.4, §2.2): the reason and the Go
// error at the end of the message name the broken hop, which decides the verdict and the fix.
enum class ApiServiceFailure {
    None,
    Timeout,
    NoRoute,
    Refused,
    Tls,
    Auth,
    NoEndpoints,
    NoService,
    Other
};
ApiServiceFailure classifyApiServiceFailure(const QString& reason, const QString& message);
QString describeApiServiceFailure(ApiServiceFailure failure);
Bilingual describeApiServiceFailureText(ApiServiceFailure failure);

} // namespace unstuck
