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
    std::string fileError;
    if (!filePath.isEmpty()) {
        try {
            sinks.push_back(std::make_shared<RedactingSink>(
                std::make_shared<spdlog::sinks::basic_file_sink_mt>(filePath.toStdString())));
        } catch (const spdlog::spdlog_ex& e) {
            fileError = e.what(); // a log file that cannot be opened must not stop the program
        }
    }
    auto logger = std::make_shared<spdlog::logger>("unstuck", sinks.begin(), sinks.end());
    logger->set_level(level);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    current() = logger;
    if (!fileError.empty())
        logger->warn("cannot write the log file: {}", fileError);
}

void initFromEnvironment(spdlog::level::level_enum fallback)
{
    const QByteArray asked = qgetenv("UNSTUCK_LOG_LEVEL").trimmed().toLower();
    spdlog::level::level_enum level = fallback;
    if (!asked.isEmpty()) {
        // from_str answers "off" for any word it does not know; only a real "off" turns it off.
        const spdlog::level::level_enum parsed = spdlog::level::from_str(asked.toStdString());
        if (parsed != spdlog::level::off || asked == "off")
            level = parsed;
    }
    init(level, qEnvironmentVariable("UNSTUCK_LOG_FILE"));
}

void installQtMessageHandler()
{
    qInstallMessageHandler(qtHandler);
}

std::shared_ptr<spdlog::logger> logger()
{
    if (!current())
        initFromEnvironment();
    return current();
}

} // namespace unstuck::log
