// SPDX-License-Identifier: GPL-3.0-or-later
// What an exec credential plugin prints on stdout (an ExecCredential JSON object, in the form
// a kubeconfig's exec block asks for): read with client-go's rules, for both API versions.
#include "fuzz/FuzzSupport.h"
#include "models/common/Redactor.h"
#include "models/kube/ExecCredentialProvider.h"

using namespace unstuck;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray out = fuzz::bytes(data, size);
    for (const char* version :
         {"client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"}) {
        ExecCredential credential;
        QString why;
        ExecCredentialProvider::parseOutput(out, QLatin1String(version), &credential, &why);
    }
    // Every token read is remembered for redaction; do not keep millions of them.
    Redactor::forgetSecrets();
    return 0;
}
