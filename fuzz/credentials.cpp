// SPDX-License-Identifier: GPL-3.0-or-later
// The cloud credential files someone else may have written: the aliyun CLI's config.json and
// the SDKs' credentials ini, read through the same resolution chain as `diagnose`.
#include "fuzz/FuzzSupport.h"
#include "models/cloud/CloudCredentials.h"
#include "models/common/Redactor.h"

#include <QHash>

using namespace unstuck;

namespace {

constexpr int kChoicesPerKind = 4; // "aliyun-cli:…", "ini:…", "env"

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), fuzz::scratch().path());
    env.insert(QStringLiteral("ALIBABA_CLOUD_CONFIG_FILE"),
               fuzz::writeScratch(QStringLiteral("config.json"), input));
    env.insert(QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE"),
               fuzz::writeScratch(QStringLiteral("credentials"), input));
    QString error;
    CloudCredentials::resolve(QString(), env, &error);
    CloudCredentials::availableSources(env);
    // Each resolve reads and parses its whole file again, as it must; a 16 KiB input can name
    // hundreds of sections, and resolving every one made such an input hundreds of file reads
    // and parses (0.66 s in a release build). Which line of resolve a choice reaches depends on
    // its section, not on how many came before it: the first few of each kind are enough.
    QHash<QString, int> resolvedOfKind;
    for (const QString& profile : CloudCredentials::profileChoices(env))
        if (resolvedOfKind[profile.section(QLatin1Char(':'), 0, 0)]++ < kChoicesPerKind)
            CloudCredentials::resolve(profile, env, &error);
    // Each resolved key is remembered for redaction; a process that reads millions of files
    // must not keep them all.
    Redactor::forgetSecrets();
    return 0;
}
