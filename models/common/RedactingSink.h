// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <mutex>
#include <spdlog/sinks/base_sink.h>

namespace unstuck {

// Wraps another sink and masks secrets (see Redactor) in every message before it is written.
class RedactingSink : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit RedactingSink(spdlog::sink_ptr inner);

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override;
    void flush_() override;
    void set_pattern_(const std::string& pattern) override;
    void set_formatter_(std::unique_ptr<spdlog::formatter> formatter) override;

private:
    spdlog::sink_ptr m_inner;
};

} // namespace unstuck
