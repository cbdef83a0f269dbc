#pragma once

#include "core/Model.hpp"
#include "core/Report.hpp"

#include <string>
#include <string_view>

namespace plenary::exporting {

// Escapes text so Markdown shows it literally (no accidental emphasis, links, headings or HTML).
std::string escapeMarkdown(std::string_view text);

// A plain rapporteur's summary in the shape of the seed report (module header, introduction,
// thematic sessions with their dilemmas, questions and practices, wrap-up; or rings and statements).
std::string reportToMarkdown(const core::Report& report);
// reportToMarkdown(buildReport(data)).
std::string sessionToMarkdown(const core::SessionData& data);

} // namespace plenary::exporting
