// SPDX-License-Identifier: GPL-3.0-or-later
// A connection profile (profile.json) someone shared: read and validated as `diagnose
// --profile` and the GUI's profile list read it, with a CA file beside it and the environment
// credentials its "env" and "aliyun-cli" sources ask for.
#include "fuzz/FuzzSupport.h"
#include "models/cloud/ConnectionProfile.h"
#include "models/common/Redactor.h"

#include <QProcessEnvironment>

using namespace unstuck;

namespace {

// Files a profile may name relative to its folder ("caFile": "ca.crt").
void writeNeighbours()
{
    fuzz::writeScratch(QStringLiteral("ca.crt"),
                       "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    fuzz::writeScratch(QStringLiteral("not-a-ca.crt"), "just text\n");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    writeNeighbours();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path =
        fuzz::writeScratch(QStringLiteral("profile.json"), fuzz::bytes(data, size));
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), fuzz::scratch().path());
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIfuzzkeyid"));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
               QStringLiteral("fuzz-secret-0123456789"));
    QString error;
    const std::optional<ConnectionProfile> profile = ConnectionProfile::load(path, env, &error);
    if (profile)
        (void)profile->hasCredentials();
    // Inline secrets are remembered for redaction; do not keep millions of them.
    Redactor::forgetSecrets();
    return 0;
}
