// SPDX-License-Identifier: GPL-3.0-or-later
// A capture bundle someone attached to a ticket: recognised, loaded, indexed and replayed to the
// probes' questions as `diagnose --from BUNDLE` does.
#include "fuzz/FuzzSupport.h"
#include "fuzz/ProbeQueries.h"
#include "models/sources/BundleSource.h"
#include "models/sources/CaptureBundle.h"

using namespace unstuck;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    CaptureBundle::looksLikeBundle(input);
    const QString path = fuzz::writeScratch(QStringLiteral("bundle.json"), input);
    QString error;
    std::optional<CaptureBundle> bundle = CaptureBundle::load(path, &error);
    if (!bundle)
        return 0;
    BundleSource source(std::move(*bundle), path);
    source.contextName();
    source.cloudUnavailableReason();
    QObject receiver;
    for (const SourceQuery& query : fuzz::probeQueries())
        source.fetch(query, &receiver, [](const SourceAnswer& answer) { answer.ok(); });
    QCoreApplication::processEvents();
    return 0;
}
