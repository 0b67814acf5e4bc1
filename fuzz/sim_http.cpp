// SPDX-License-Identifier: GPL-3.0-or-later
// Bytes from a client of the simulator: the HTTP/1.1 request parser (request line, headers,
// Content-Length and chunked bodies), then the cloud API's signature check (V1 and V3) and its
// RAM check on whatever request came out.
#include "fuzz/FuzzSupport.h"
#include "models/sim/CloudApi.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/HttpRequestParser.h"
#include "models/sim/KubeStore.h"

using namespace unstuck;
using namespace unstuck::sim;

namespace {

CloudWorld& world()
{
    static CloudWorld* cloud = [] {
        static KubeStore kube;
        auto* w = new CloudWorld;
        w->populate(QStringLiteral("seed"), kube);
        return w;
    }();
    return *cloud;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QByteArray buffer = fuzz::bytes(data, size);
    // A connection may carry several requests (keep-alive): answer each complete one.
    for (int i = 0; i < 4; ++i) {
        HttpRequest request;
        const HttpRequestParser::Result result = HttpRequestParser::parse(buffer, &request);
        if (result.state != HttpRequestParser::Result::State::Complete)
            break;
        CloudApi api(world());
        api.handle(request);
        buffer.remove(0, result.consumed);
    }
    return 0;
}
