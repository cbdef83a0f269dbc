#pragma once

#include "core/Report.hpp"

#include <string>
#include <string_view>

namespace plenary::exporting {

// The report as one self-contained HTML file (PRODUCT.md §6): the stylesheet inlined, charts as
// inline SVG, no script and nothing fetched from elsewhere, so it opens and prints anywhere. The
// caller passes the stylesheet (assets/report.css); a "</style" in it cannot end the element.
std::string reportToHtml(const core::Report& report, std::string_view stylesheet);

} // namespace plenary::exporting
