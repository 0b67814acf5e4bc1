// SPDX-License-Identifier: GPL-3.0-or-later
// An Alibaba Cloud API answer (VPC, ECS, RAM, STS), success or error body, read as CloudClient
// reads every answer, then the parts the probes and the error messages look into.
#include "fuzz/FuzzSupport.h"
#include "models/cloud/CloudClient.h"
#include "models/cloud/RamPolicy.h"

using namespace unstuck;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    for (const int status : {200, 400, 403, 503}) {
        const CloudResponse response = CloudClient::readAnswer(status, input);
        response.error.summary();
        response.error.accessDeniedDetailObject();
        response.error.isThrottling();
        if (status == 200) {
            QString error;
            RamAttachedPolicy::fromApi(QStringLiteral("answered"), QStringLiteral("Custom"),
                                       response.json, &error);
        }
    }
    return 0;
}
