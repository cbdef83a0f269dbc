#pragma once

#include "core/Report.hpp"
#include "export/HtmlWriter.hpp"

#include <string>
#include <string_view>
#include <vector>

// The HTML report's charts, as inline SVG written through HtmlWriter (so every label is escaped).
// Colour never carries meaning alone: every bar has its number, every column its ring's name,
// every chart a <title>. A chart that could grow past a page is cut into several, since a browser
// does not break one SVG across pages. All charts share one viewBox width, so their lettering
// prints at one size.
namespace plenary::exporting {

// ---- Urban Academy annex ----

// Planned against actual time of each phase, one chart per dilemma, all on one time scale.
void phaseTimingCharts(HtmlWriter& out, const std::vector<core::PhaseTiming>& timings);
// The share of open questions among those asked, one bar per dilemma.
void openShareChart(HtmlWriter& out, const std::vector<core::OpenQuestionShare>& shares);

// ---- Social Olympics ----

// Statement × ring: each ring's support share (dot share for dot voting) in one round, the cell
// the darker the higher, its number in it; ring names head the columns.
void supportHeatMap(HtmlWriter& out, const core::ReportConference& conference, const core::ReportRound& round);
// How far each ring moved on each statement between two rounds: ▲/▼ and points (delta × 100).
void shiftChart(HtmlWriter& out, const core::ReportConference& conference, int fromRound, int toRound);
// A small bar of `share` in the ring's colour, for a table cell; `title` says what it shows.
void ringBar(HtmlWriter& out, const core::ReportRing& ring, double share, std::string_view title);
// A square of the ring's colour, set before its name.
void ringSwatch(HtmlWriter& out, const core::ReportRing& ring);

// The ring's colour when it is "#RRGGBB", else grey: nothing else from the file reaches an attribute.
std::string ringColour(std::string_view colour);

} // namespace plenary::exporting
