#include "export/SvgCharts.hpp"

#include "core/Text.hpp"
#include "core/Wording.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace plenary::exporting {

namespace {

// Every chart is this wide in SVG units; CSS scales it to the column, so a unit is about a pixel.
constexpr double kWidth = 680;
constexpr double kFont = 11;
constexpr std::size_t kRowsPerChart = 24;
const std::string kGrey = "#8A8F98";
const std::string kInk = "#1A202C";
const std::string kMuted = "#4A5568";

std::string num(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string out = buffer;
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
    return out;
}

// A character's advance in ems as DejaVu Sans sets it — the widest font a reader is likely to
// have — rounded up, so that a label measured here fits in whichever font the browser picks.
double advance(char32_t c) {
    if (c == ' ') return 0.33;
    if (c < 0x80) {
        if (c == 'm' || c == 'w' || c == 'M' || c == 'W') return 0.98;
        if (c == 'i' || c == 'l' || c == 'j' || c == 'I' || c == '.' || c == ',' || c == ':' || c == ';' ||
            c == '\'' || c == '!' || c == '|')
            return 0.34;
        if (c >= 'A' && c <= 'Z') return 0.74;
        return 0.64;
    }
    if (c < 0x0530) return 0.72;  // Latin with diacritics, Greek, Cyrillic
    if (c >= 0x2E80) return 1.0;  // CJK and other full-width characters
    return 0.8;                   // Armenian, Hebrew, Arabic, Georgian and the rest
}

double textWidth(std::string_view text, double font, bool bold) {
    double ems = 0;
    for (const char32_t c : core::decodeUtf8(text))
        ems += advance(c);
    return ems * font * (bold ? 1.1 : 1.0);
}

// The text, cut with "…" where it would run past `width`.
std::string fit(std::string_view text, double width, double font = kFont, bool bold = false) {
    if (textWidth(text, font, bold) <= width) return std::string(text);
    const double room = width - textWidth("…", font, bold);
    std::string out;
    double used = 0;
    for (const char32_t c : core::decodeUtf8(text)) {
        used += advance(c) * font * (bold ? 1.1 : 1.0);
        if (used > room) break;
        core::appendUtf8(out, c);
    }
    return core::trim(out) + "…";
}

// Words laid into at most maxLines lines of `width`; what does not fit ends in "…".
std::vector<std::string> wrap(std::string_view text, double width, std::size_t maxLines, double font = kFont,
                              bool bold = false) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : core::trim(text)) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    std::vector<std::string> lines;
    std::size_t i = 0;
    while (i < words.size() && lines.size() < maxLines) {
        std::string line = words[i++];
        while (i < words.size() && textWidth(line + " " + words[i], font, bold) <= width)
            line += " " + words[i++];
        lines.push_back(std::move(line));
    }
    if (!lines.empty() && i < words.size()) lines.back() += " " + words[i]; // forces the "…" below
    for (auto& line : lines)
        line = fit(line, width, font, bold);
    return lines;
}

// The chart's frame: <svg> with its title, for screen readers and as a tooltip. The title is an
// element, not an aria-label: user text never goes into an attribute.
HtmlWriter::Element openChart(HtmlWriter& out, double height, std::string_view title, std::string_view cssClass) {
    auto svg = out.scoped("svg", {{"class", "chart " + std::string(cssClass)},
                                  {"viewBox", "0 0 " + num(kWidth) + " " + num(height)},
                                  {"role", "img"}});
    out.element("title", title);
    return svg;
}

void label(HtmlWriter& out, double x, double y, std::string_view text, std::string_view anchor = "start",
           double size = kFont, const std::string& fill = kInk, bool bold = false) {
    auto t = out.scoped("text", {{"x", num(x)},
                                 {"y", num(y)},
                                 {"font-size", num(size)},
                                 {"text-anchor", std::string(anchor)},
                                 {"fill", fill},
                                 {"font-weight", bold ? "bold" : "normal"}});
    out.text(text);
}

void box(HtmlWriter& out, double x, double y, double width, double height, const std::string& fill,
         const std::string& stroke = "none") {
    out.empty("rect", {{"x", num(x)},
                       {"y", num(y)},
                       {"width", num(std::max(0.0, width))},
                       {"height", num(height)},
                       {"fill", fill},
                       {"stroke", stroke},
                       {"stroke-width", stroke == "none" ? "0" : "1"}});
}

// White at 0, deep blue at 1: the heat map's darkness is the share.
std::string heatColour(double share) {
    const double t = std::clamp(share, 0.0, 1.0);
    auto channel = [t](int from, int to) {
        return static_cast<std::uint32_t>(std::lround(from + (to - from) * t));
    };
    return core::hexColour(channel(0xF4, 0x1C) << 16 | channel(0xF6, 0x3D) << 8 | channel(0xF8, 0x6B));
}

const core::ReportRound* roundNumbered(const core::ReportConference& conference, int number) {
    for (const auto& round : conference.rounds)
        if (round.number == number) return &round;
    return nullptr;
}

// One statement's row in a statement × ring grid; a cell is written by `cell`.
struct GridRow {
    int number = 0;
    std::string text;
};

// The grid both conference charts share: numbered statements down, rings across, cut into
// charts of kRowsPerChart rows that each repeat the ring names.
template <typename Cell>
void ringGrid(HtmlWriter& out, const core::ReportConference& conference, const std::vector<GridRow>& rows,
              const std::string& title, std::string_view cssClass, Cell cell) {
    const auto rings = std::max<std::size_t>(1, conference.rings.size());
    const double column = std::min(86.0, (kWidth - 240) / static_cast<double>(rings));
    const double labelWidth = kWidth - column * static_cast<double>(rings);
    const double head = 36, rowHeight = 22;
    for (std::size_t first = 0; first < rows.size(); first += kRowsPerChart) {
        const std::size_t last = std::min(rows.size(), first + kRowsPerChart);
        const double height = head + rowHeight * static_cast<double>(last - first) + 2;
        auto svg = openChart(out, height, title, cssClass);
        label(out, 0, head - 6, "Statement", "start", kFont, kMuted, true);
        for (std::size_t r = 0; r < conference.rings.size(); ++r) {
            const double centre = labelWidth + column * (static_cast<double>(r) + 0.5);
            // Regular weight: bold would cut "Policymakers" short in a column of five.
            const auto lines = wrap(conference.rings[r].name, column - 4, 2, 9.5);
            for (std::size_t l = 0; l < lines.size(); ++l)
                label(out, centre, head - 6 - 12 * static_cast<double>(lines.size() - 1 - l), lines[l], "middle", 9.5,
                      kInk);
            // A strip of the ring's colour under its name ties the grid to the rings list.
            box(out, labelWidth + column * static_cast<double>(r) + 2, head - 3, column - 4, 3,
                ringColour(conference.rings[r].colour));
        }
        for (std::size_t i = first; i < last; ++i) {
            const double y = head + rowHeight * static_cast<double>(i - first);
            if ((i - first) % 2 == 1) box(out, 0, y, labelWidth - 2, rowHeight, "#F7F8FA");
            label(out, 22, y + 15, std::to_string(rows[i].number), "end", kFont, kInk, true);
            label(out, 28, y + 15, fit(rows[i].text, labelWidth - 34), "start", kFont);
            for (std::size_t r = 0; r < conference.rings.size(); ++r)
                cell(labelWidth + column * static_cast<double>(r), y, column, rowHeight, i, r);
        }
    }
}

} // namespace

std::string ringColour(std::string_view colour) {
    if (const auto rgb = core::parseHexColour(colour)) return core::hexColour(*rgb);
    return kGrey;
}

void phaseTimingCharts(HtmlWriter& out, const std::vector<core::PhaseTiming>& timings) {
    int longest = 60;
    for (const auto& t : timings)
        longest = std::max({longest, t.plannedSeconds, t.actualSeconds});
    const double labelWidth = 168, tagWidth = 52, barStart = labelWidth + tagWidth;
    const double barRoom = kWidth - barStart - 110; // the number and the overrun follow the bar
    const double rowHeight = 40, top = 22;
    for (std::size_t first = 0; first < timings.size();) {
        std::size_t last = first;
        while (last < timings.size() && timings[last].dilemmaNumber == timings[first].dilemmaNumber)
            ++last;
        const std::string title = "Question " + std::to_string(timings[first].dilemmaNumber) +
                                  ": planned and actual time of each phase (minutes:seconds)";
        auto svg = openChart(out, top + rowHeight * static_cast<double>(last - first), title, "timings");
        label(out, 0, 14, "Question " + std::to_string(timings[first].dilemmaNumber), "start", 12, kInk, true);
        for (std::size_t i = first; i < last; ++i) {
            const auto& t = timings[i];
            const double y = top + rowHeight * static_cast<double>(i - first);
            const auto lines = wrap(t.phase, labelWidth - 6, 2);
            for (std::size_t l = 0; l < lines.size(); ++l)
                label(out, 0, y + 13 + 16 * static_cast<double>(l), lines[l]);
            const double planned = barRoom * t.plannedSeconds / longest;
            const double actual = barRoom * t.actualSeconds / longest;
            const bool over = t.actualSeconds > t.plannedSeconds;
            label(out, labelWidth, y + 13, "planned", "start", 10, kMuted);
            box(out, barStart, y + 3, planned, 13, "#CBD5E0");
            label(out, barStart + planned + 4, y + 13, core::durationText(t.plannedSeconds), "start", 10, kMuted);
            label(out, labelWidth, y + 29, "actual", "start", 10, kMuted);
            box(out, barStart, y + 19, actual, 13, over ? "#B7791F" : "#2C5282");
            std::string actualText = core::durationText(t.actualSeconds);
            if (over) actualText += " (+" + core::durationText(t.actualSeconds - t.plannedSeconds) + ")";
            label(out, barStart + actual + 4, y + 29, actualText, "start", 10, kInk, over);
        }
        first = last;
    }
}

void openShareChart(HtmlWriter& out, const std::vector<core::OpenQuestionShare>& shares) {
    const double labelWidth = 96, barRoom = kWidth - labelWidth - 170, rowHeight = 22, top = 4;
    for (std::size_t first = 0; first < shares.size(); first += kRowsPerChart) {
        const std::size_t last = std::min(shares.size(), first + kRowsPerChart);
        auto svg = openChart(out, top + rowHeight * static_cast<double>(last - first) + 2,
                             "Share of open questions among the questions asked, per dilemma", "open-shares");
        for (std::size_t i = first; i < last; ++i) {
            const auto& s = shares[i];
            const double y = top + rowHeight * static_cast<double>(i - first);
            label(out, 0, y + 15, "Question " + std::to_string(s.dilemmaNumber));
            box(out, labelWidth, y + 4, barRoom, 14, "#EDF2F7");
            if (s.total == 0) {
                label(out, labelWidth + 6, y + 15, "no questions asked", "start", 10, kMuted);
                continue;
            }
            const double width = barRoom * std::clamp(s.share, 0.0, 1.0);
            box(out, labelWidth, y + 4, width, 14, "#2C5282");
            label(out, labelWidth + barRoom + 6, y + 15,
                  core::percentText(s.share) + " (" + std::to_string(s.open) + " of " + std::to_string(s.total) +
                      " open)");
        }
    }
}

void supportHeatMap(HtmlWriter& out, const core::ReportConference& conference, const core::ReportRound& round) {
    std::vector<GridRow> rows;
    for (const auto& row : round.support)
        rows.push_back({row.number, row.text});
    const std::string title = "Round " + std::to_string(round.number) + ": " +
                              (conference.dots ? "each ring's share of its dots, per statement"
                                               : "each ring's share of support, per statement");
    ringGrid(out, conference, rows, title, "heat-map",
             [&](double x, double y, double width, double height, std::size_t row, std::size_t ring) {
                 const auto& supportRow = round.support[row];
                 if (ring >= supportRow.rings.size() || !supportRow.rings[ring].voted) {
                     box(out, x + 1, y + 1, width - 2, height - 2, "#FFFFFF", "#E2E8F0");
                     label(out, x + width / 2, y + 15, "–", "middle", kFont, kMuted);
                     return;
                 }
                 const auto& cell = supportRow.rings[ring];
                 box(out, x + 1, y + 1, width - 2, height - 2, heatColour(cell.share),
                     cell.blocked ? "#C53030" : "none");
                 std::string text = core::percentText(cell.share);
                 if (cell.blocked) text += " ⊘";
                 label(out, x + width / 2, y + 15, text, "middle", kFont, cell.share >= 0.5 ? "#FFFFFF" : kInk,
                       cell.blocked);
             });
}

void shiftChart(HtmlWriter& out, const core::ReportConference& conference, int fromRound, int toRound) {
    // The statements that moved (or held) in some ring, in the order of the later round.
    std::vector<GridRow> rows;
    std::vector<core::Id> ids;
    auto shiftOf = [&](core::Id statement, core::Id ring) -> const core::ReportShift* {
        for (const auto& s : conference.shifts)
            if (s.fromRound == fromRound && s.toRound == toRound && s.statement == statement && s.ring == ring)
                return &s;
        return nullptr;
    };
    auto add = [&](core::Id statement, int number, const std::string& text) {
        if (std::find(ids.begin(), ids.end(), statement) != ids.end()) return;
        for (const auto& ring : conference.rings)
            if (shiftOf(statement, ring.id)) {
                ids.push_back(statement);
                rows.push_back({number, text});
                return;
            }
    };
    if (const auto* later = roundNumbered(conference, toRound))
        for (const auto& row : later->support)
            add(row.statement, row.number, row.text);
    for (const auto& s : conference.shifts)
        if (s.fromRound == fromRound && s.toRound == toRound) add(s.statement, s.number, s.text);
    if (rows.empty()) return;
    const std::string title = "Shift from round " + std::to_string(fromRound) + " to round " +
                              std::to_string(toRound) + " in each ring, in points (share × 100)";
    ringGrid(out, conference, rows, title, "shift",
             [&](double x, double y, double width, double height, std::size_t row, std::size_t ring) {
                 const auto* shift = shiftOf(ids[row], conference.rings[ring].id);
                 if (!shift) {
                     box(out, x + 1, y + 1, width - 2, height - 2, "#FFFFFF", "#E2E8F0");
                     return;
                 }
                 const long points = std::lround(shift->delta * 100.0);
                 const std::string fill = points > 0 ? "#276749" : (points < 0 ? "#9B2C2C" : kMuted);
                 box(out, x + 1, y + 1, width - 2, height - 2, points > 0 ? "#F0FFF4" : (points < 0 ? "#FFF5F5" : "#F7FAFC"));
                 label(out, x + width / 2, y + 15, core::shiftText(shift->delta), "middle", kFont, fill, points != 0);
             });
}

void ringBar(HtmlWriter& out, const core::ReportRing& ring, double share, std::string_view title) {
    auto svg = out.scoped("svg", {{"class", "ring-bar"}, {"viewBox", "0 0 60 10"}, {"role", "img"}});
    out.element("title", title);
    box(out, 0, 1, 60, 8, "#EDF2F7");
    box(out, 0, 1, 60 * std::clamp(share, 0.0, 1.0), 8, ringColour(ring.colour));
}

void ringSwatch(HtmlWriter& out, const core::ReportRing& ring) {
    // Decoration beside the ring's name, which says it all: hidden from screen readers.
    auto svg = out.scoped("svg", {{"class", "swatch"}, {"viewBox", "0 0 10 10"}, {"aria-hidden", "true"}});
    box(out, 0, 0, 10, 10, ringColour(ring.colour));
}

} // namespace plenary::exporting
