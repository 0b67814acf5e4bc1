// SPDX-License-Identifier: GPL-3.0-or-later
// Pasted ticket text as `diagnose --from FILE` reads it: every format the ticket parser knows
// (JSON/YAML objects and fragments, describe, tables, logs, -v traces, aliyun JSON), then the
// paste source answering the probes' questions from what was recognised.
#include "fuzz/FuzzSupport.h"
#include "fuzz/ProbeQueries.h"
#include "models/sources/PasteSource.h"
#include "models/tickets/TicketParser.h"

using namespace unstuck;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::writeScratch(QStringLiteral("ticket.txt"), fuzz::bytes(data, size));
    TicketFacts facts;
    QString error;
    if (!TicketParser::parsePath(path, &facts, &error))
        return 0;
    const PasteSource source(facts, QStringLiteral("ticket.txt"));
    for (const SourceQuery& query : fuzz::probeQueries())
        source.answer(query);
    return 0;
}
