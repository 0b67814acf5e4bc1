// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace unstuck {

// Removes secrets from any text before it reaches a log, an error message, a capture bundle
// or a report. Two layers: exact values registered when a credential is loaded (tokens,
// passwords, access key secrets, private keys) and patterns for secrets we never saw
// (Authorization headers, "token:" fields, PEM private keys, request signatures).
class Redactor
{
public:
    static constexpr const char* kMask = "[REDACTED]";

    // Remembers a secret value so every later redact() masks it. Thread-safe. Values
    // shorter than 6 characters are ignored (they would mask ordinary words).
    static void registerSecret(const QString& secret);
    // Forgets every registered value: for a process that reads many unrelated credentials in
    // turn (the fuzz targets), so the list does not grow without end.
    static void forgetSecrets();
    static QString redact(const QString& text);
    static std::string redact(const std::string& text);
};

} // namespace unstuck
