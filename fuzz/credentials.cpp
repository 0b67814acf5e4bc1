// SPDX-License-Identifier: GPL-3.0-or-later
// The cloud credential files someone else may have written: the aliyun CLI's config.json and
// the SDKs' credentials ini, read through the same resolution chain as `diagnose`.
#include "fuzz/FuzzSupport.h"
#include "models/cloud/CloudCredentials.h"
#include "models/common/Redactor.h"

using namespace unstuck;

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
    for (const QString& profile : CloudCredentials::profileChoices(env))
        CloudCredentials::resolve(profile, env, &error);
    // Each resolved key is remembered for redaction; a process that reads millions of files
    // must not keep them all.
    Redactor::forgetSecrets();
    return 0;
}
