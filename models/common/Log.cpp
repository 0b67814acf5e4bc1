// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/Log.h"

#include "models/common/RedactingSink.h"
#include "models/common/Redactor.h"

#include <QtGlobal>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace unstuck::log {
namespace {

std::shared_ptr<spdlog::logger>& current()
{
    static std::shared_ptr<spdlog::logger> instance;
    return instance;
}

void qtHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    const std::string text = message.toStdString();
    switch (type) {
    case QtDebugMsg:
        logger()->debug("{}", text);
        break;
    case QtInfoMsg:
        logger()->info("{}", text);
        break;
    case QtWarningMsg:
        logger()->warn("{}", text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        logger()->error("{}", text);
        break;
    }
}

} // namespace

void init(spdlog::level::level_enum level, const QString& filePath)
{
    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(
        std::make_shared<RedactingSink>(std::make_shared<spdlog::sinks::stderr_color_sink_mt>()));
    if (!filePath.isEmpty()) {
        sinks.push_back(std::make_shared<RedactingSink>(
            std::make_shared<spdlog::sinks::basic_file_sink_mt>(filePath.toStdString())));
    }
    auto logger = std::make_shared<spdlog::logger>("unstuck", sinks.begin(), sinks.end());
    logger->set_level(level);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    current() = logger;
}

void installQtMessageHandler()
{
    qInstallMessageHandler(qtHandler);
}

std::shared_ptr<spdlog::logger> logger()
{
    if (!current())
        init(spdlog::level::warn);
    return current();
}

} // namespace unstuck::log
