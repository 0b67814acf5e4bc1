// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <spdlog/spdlog.h>

namespace unstuck::log {

// Sets up the process-wide logger: stderr (and optionally a file), every sink behind the
// redacting formatter. Safe to call more than once; the last call wins.
void init(spdlog::level::level_enum level = spdlog::level::info, const QString& filePath = {});

// init() with what the environment asks for: UNSTUCK_LOG_LEVEL (trace, debug, info, warn, error,
// critical, off; otherwise `fallback`) and UNSTUCK_LOG_FILE (also write the log there). Every
// process calls this first, so a user can turn on a debug log without a rebuild.
void initFromEnvironment(spdlog::level::level_enum fallback = spdlog::level::warn);

// Routes qDebug/qWarning/... into spdlog (through the same redaction).
void installQtMessageHandler();

std::shared_ptr<spdlog::logger> logger();

template <typename... Args> void info(spdlog::format_string_t<Args...> fmt, Args&&... args)
{
    logger()->info(fmt, std::forward<Args>(args)...);
}
template <typename... Args> void warn(spdlog::format_string_t<Args...> fmt, Args&&... args)
{
    logger()->warn(fmt, std::forward<Args>(args)...);
}
template <typename... Args> void error(spdlog::format_string_t<Args...> fmt, Args&&... args)
{
    logger()->error(fmt, std::forward<Args>(args)...);
}
template <typename... Args> void debug(spdlog::format_string_t<Args...> fmt, Args&&... args)
{
    logger()->debug(fmt, std::forward<Args>(args)...);
}

} // namespace unstuck::log
