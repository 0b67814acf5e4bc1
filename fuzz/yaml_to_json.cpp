// SPDX-License-Identifier: GPL-3.0-or-later
// YAML → JSON as pasted tickets use it (`kubectl get -o yaml`, several `---` documents).
#include "fuzz/FuzzSupport.h"
#include "models/tickets/YamlToJson.h"

#include <QJsonValue>

using namespace unstuck;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QList<QJsonValue> documents;
    QString error;
    YamlToJson::convert(QString::fromUtf8(fuzz::bytes(data, size)), &documents, &error);
    return 0;
}
