#pragma once

#include "core/Report.hpp"
#include "export/HtmlWriter.hpp"

// The Social Olympics part of the HTML report (export/HtmlExport): scale, rings, statements, and
// for each round with votes its heat map, its shift since round 1 and its consensus list.
namespace plenary::exporting {

void conferenceSections(HtmlWriter& out, const core::ReportConference& conference);

} // namespace plenary::exporting
