#include "export/HtmlConference.hpp"

#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "export/SvgCharts.hpp"

#include <cstdio>

namespace plenary::exporting {

using namespace plenary::core;

namespace {

std::string statusClass(const std::string& status) {
    if (status == "reached") return "status reached";
    if (status == "blocked") return "status blocked";
    if (status == "no votes") return "status none";
    return "status open";
}

void scaleLine(HtmlWriter& out, const ReportConference& c) {
    auto line = out.scoped("p", {{"class", "scale"}});
    if (!trim(c.scale).empty()) out.text("Scale: " + trim(c.scale) + ". ");
    if (c.dots)
        out.text("Dot voting: each ring's share is the share of its dots that went to a statement; "
                 "statements are ranked by their dots.");
    else
        out.text("Consensus: every ring that voted gives a statement at least " + percentText(c.threshold) +
                 " support, and no ring blocks it. The GAC orders the statements.");
}

void rings(HtmlWriter& out, const ReportConference& c) {
    if (c.rings.empty()) return;
    auto part = out.scoped("section", {{"class", "rings"}});
    out.element("h2", "Rings");
    auto list = out.scoped("ul", {{"class", "ring-list"}});
    for (const auto& ring : c.rings) {
        auto item = out.scoped("li");
        ringSwatch(out, ring);
        out.element("strong", ring.name);
        out.element("span", " — " + membersLine(ring), {{"class", "members"}});
    }
}

void statements(HtmlWriter& out, const ReportConference& c) {
    if (c.statements.empty()) return;
    auto part = out.scoped("section", {{"class", "statements"}});
    out.element("h2", "Statements");
    auto group = [&](const ReportRing* ring) {
        bool any = false;
        for (const auto& s : c.statements) {
            const bool ours = ring ? s.ring == ring->id : [&] {
                for (const auto& r : c.rings)
                    if (r.id == s.ring) return false;
                return true;
            }();
            if (!ours) continue;
            if (!any) {
                {
                    auto heading = out.scoped("h3");
                    if (ring) ringSwatch(out, *ring);
                    out.text(ring ? ring->name : std::string("Statements of no ring"));
                }
                out.open("ul", {{"class", "statement-list"}});
            }
            any = true;
            auto item = out.scoped("li");
            out.element("span", std::to_string(s.number), {{"class", "statement-number"}});
            out.text(" " + trim(s.text)); // a real space: copied text reads "3 Text", not "3Text"
            if (s.mergedInto != 0)
                out.element("span", " (merged into statement " + std::to_string(s.mergedNumber) + ")",
                            {{"class", "merged"}});
        }
        if (any) out.close();
    };
    for (const auto& ring : c.rings)
        group(&ring);
    group(nullptr);
}

// The per-ring cells of the consensus list: a bar of the share in the ring's colour and its count.
void ringCells(HtmlWriter& out, const ReportConference& c, const std::vector<RingSupport>& cells) {
    for (std::size_t r = 0; r < c.rings.size(); ++r) {
        auto cell = out.scoped("td", {{"class", "ring-cell"}});
        if (r >= cells.size() || !cells[r].voted) {
            out.text("–");
            continue;
        }
        const auto& s = cells[r];
        const std::string what = c.dots ? " of the ring's " + std::to_string(s.votes) + " dots"
                                        : " of " + std::to_string(s.votes) + " votes in support";
        ringBar(out, c.rings[r], s.share,
                c.rings[r].name + ": " + std::to_string(s.support) + what + " (" + percentText(s.share) + ")");
        out.element("span", std::to_string(s.support) + "/" + std::to_string(s.votes) + (s.blocked ? " ⊘" : ""),
                    {{"class", "count"}});
    }
}

void consensusList(HtmlWriter& out, const ReportConference& c, const ReportRound& round) {
    if (round.ranking.empty()) return;
    out.element("h3", round.number == c.consensusRound ? "Consensus list" : "Ranking");
    {
        auto table = out.scoped("table", {{"class", c.dots ? "ranking dots" : "ranking"}});
        {
            auto head = out.scoped("thead");
            auto row = out.scoped("tr");
            out.element("th", "Rank", {{"class", "number rank"}});
            out.element("th", "Statement", {{"class", "statement"}});
            if (c.dots) {
                out.element("th", "Dots", {{"class", "number dots"}});
            } else {
                out.element("th", "Status", {{"class", "status-head"}});
                out.element("th", "GAC", {{"class", "number gac"}});
                out.element("th", "Divisive\u00ADness", {{"class", "number divisiveness"}}); // may break: a narrow column
            }
            for (const auto& ring : c.rings) {
                // Set upright the names would squeeze the statements: they run up the column.
                auto cell = out.scoped("th", {{"class", "ring-head"}});
                out.element("span", ring.name);
            }
        }
        auto body = out.scoped("tbody");
        for (const auto& r : round.ranking) {
            auto row = out.scoped("tr");
            out.element("td", std::to_string(r.rank), {{"class", "number"}});
            {
                auto statement = out.scoped("td", {{"class", "statement"}});
                out.element("span", std::to_string(r.number), {{"class", "statement-number"}});
                out.text(" " + trim(r.text));
            }
            if (c.dots) {
                out.element("td", std::to_string(r.totalSupport), {{"class", "number"}});
            } else {
                out.element("td", markedStatus(r.status), {{"class", statusClass(r.status)}});
                out.element("td", decimalText(r.gac, 2), {{"class", "number"}});
                out.element("td", decimalText(r.divisiveness, 2), {{"class", "number"}});
            }
            ringCells(out, c, r.rings);
        }
    }
    out.element("p",
                c.dots ? "Per ring: the dots the ring put on the statement, of all the dots it cast in the round; "
                         "the bar shows that share."
                       : std::string("Per ring: votes in support, of all the ring's votes on the statement; the "
                                     "bar shows that share; ⊘ marks a block vote. ") +
                             kConsensusLegend,
                {{"class", "note"}});
}

void round(HtmlWriter& out, const ReportConference& c, const ReportRound& r) {
    auto part = out.scoped("section", {{"class", "round"}});
    const std::string name = trim(r.name);
    out.element("h2", "Round " + std::to_string(r.number) + (name.empty() ? "" : ": " + name));
    if (!r.hasVotes) {
        out.element("p", kNoVotesInRound, {{"class", "note"}});
        return;
    }
    if (!r.support.empty()) {
        auto figure = out.scoped("div", {{"class", "figure"}});
        out.element("h3", "Support per ring");
        supportHeatMap(out, c, r);
        out.element("p",
                    c.dots ? "Each cell: the ring's share of its dots; the darker, the larger. – : no dots from the ring."
                           : "Each cell: the ring's share of votes in support; the darker, the more support. "
                             "– : no vote from the ring; ⊘ : a block vote.",
                    {{"class", "note"}});
    }
    bool shifted = false;
    for (const auto& s : c.shifts)
        shifted = shifted || (s.toRound == r.number && s.fromRound != r.number);
    if (shifted) {
        int from = 1;
        for (const auto& s : c.shifts)
            if (s.toRound == r.number) from = s.fromRound;
        auto figure = out.scoped("div", {{"class", "figure"}});
        out.element("h3", "Shift since round " + std::to_string(from));
        shiftChart(out, c, from, r.number);
        out.element("p", shiftLegend(from) + " Empty: the ring did not vote in both rounds.",
                    {{"class", "note"}});
    }
    consensusList(out, c, r);
}

} // namespace

void conferenceSections(HtmlWriter& out, const ReportConference& conference) {
    scaleLine(out, conference);
    rings(out, conference);
    statements(out, conference);
    for (const auto& r : conference.rounds)
        round(out, conference, r);
}

} // namespace plenary::exporting
