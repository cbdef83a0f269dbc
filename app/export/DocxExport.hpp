#pragma once

#include "core/Report.hpp"

#include <string>

// The rapporteur's report as a Word document (.docx), in the seed report's shape: title, dates and
// venue, the module header, each thematic session with its dilemmas, questions, practices and
// results, wrap-ups and an annex; or a conference's rings, statements and rounds (its charts as
// tables). Built in memory (libzip); the caller writes the bytes to a file.
namespace plenary::exporting {

std::string reportToDocx(const core::Report& report);

} // namespace plenary::exporting
