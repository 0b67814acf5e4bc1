// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/RedactingSink.h"

#include "models/common/Redactor.h"

namespace unstuck {

RedactingSink::RedactingSink(spdlog::sink_ptr inner) : m_inner(std::move(inner)) {}

void RedactingSink::sink_it_(const spdlog::details::log_msg& msg)
{
    const std::string clean = Redactor::redact(std::string(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, clean);
    m_inner->log(copy);
}

void RedactingSink::flush_()
{
    m_inner->flush();
}

// The logger's pattern belongs to the sink that writes; this wrapper only filters.
void RedactingSink::set_pattern_(const std::string& pattern)
{
    m_inner->set_pattern(pattern);
}

void RedactingSink::set_formatter_(std::unique_ptr<spdlog::formatter> formatter)
{
    m_inner->set_formatter(std::move(formatter));
}

} // namespace unstuck
