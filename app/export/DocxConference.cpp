#include "export/DocxConference.hpp"

#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "export/SvgCharts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plenary::exporting {

using namespace plenary::core;

namespace {

// "RRGGBB" between white (0) and a green (1): the heat map's cell, readable in black at any share.
std::string heat(double share) {
    const double t = std::clamp(share, 0.0, 1.0);
    auto channel = [t](int full) { return static_cast<int>(std::lround(255 - (255 - full) * t)); };
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02X%02X%02X", channel(0x63), channel(0xBE), channel(0x7B));
    return buffer;
}

std::string hexColour(const std::string& colour) {
    return ringColour(colour).substr(1); // "#RRGGBB" → "RRGGBB", grey for anything else
}

std::string statusFill(const std::string& status) {
    if (status == "reached") return "E2F0D9";
    if (status == "blocked") return "F8D7DA";
    return "";
}

std::string statementLabel(int number, const std::string& text) {
    return std::to_string(number) + ". " + trim(text);
}

std::vector<std::string> ringNames(const ReportConference& c) {
    std::vector<std::string> names;
    for (const auto& ring : c.rings)
        names.push_back(ring.name);
    return names;
}

// A ring's cell: its share, the counts behind it and a block mark, shaded by the share.
DocxCell ringCell(const ReportConference& c, const std::vector<RingSupport>& cells, std::size_t r) {
    if (r >= cells.size() || !cells[r].voted) return DocxCell{"–", true};
    const auto& s = cells[r];
    return DocxCell{percentText(s.share) + "\n" + std::to_string(s.support) + "/" + std::to_string(s.votes) +
                        (s.blocked ? " ⊘" : ""),
                    true, false, heat(s.share)};
}

void scaleLine(DocxBody& body, const ReportConference& c) {
    std::string line = trim(c.scale).empty() ? "" : "Scale: " + trim(c.scale) + ". ";
    if (c.dots)
        line += "Dot voting: each ring's share is the share of its dots that went to a statement; statements are "
                "ranked by their dots.";
    else
        line += "Consensus: every ring that voted gives a statement at least " + percentText(c.threshold) +
                " support, and no ring blocks it. The GAC orders the statements.";
    body.paragraph("", {DocxRun{line}});
}

void rings(DocxBody& body, const ReportConference& c) {
    if (c.rings.empty()) return;
    body.heading(1, "Rings");
    for (const auto& ring : c.rings) {
        body.bullet({DocxRun{"■ ", false, false, hexColour(ring.colour)}, DocxRun{trim(ring.name), true},
                     DocxRun{" — " + membersLine(ring)}});
    }
}

void statements(DocxBody& body, const ReportConference& c) {
    if (c.statements.empty()) return;
    body.heading(1, "Statements");
    auto group = [&](const ReportRing* ring) {
        bool any = false;
        for (const auto& s : c.statements) {
            const bool known = std::any_of(c.rings.begin(), c.rings.end(), [&](const auto& r) { return r.id == s.ring; });
            if (ring ? s.ring != ring->id : known) continue;
            if (!any) body.heading(2, ring ? trim(ring->name) : std::string("Statements of no ring"));
            any = true;
            std::vector<DocxRun> runs{DocxRun{trim(s.text)}};
            if (s.mergedInto != 0)
                runs.push_back(DocxRun{" (merged into statement " + std::to_string(s.mergedNumber) + ")", false, true});
            body.numbered(std::to_string(s.number) + ".", runs);
        }
    };
    for (const auto& ring : c.rings)
        group(&ring);
    group(nullptr);
}

void supportTable(DocxBody& body, const ReportConference& c, const ReportRound& round) {
    if (round.support.empty()) return;
    body.heading(2, "Support per ring");
    std::vector<std::string> header{"Statement"};
    for (const auto& name : ringNames(c))
        header.push_back(name);
    std::vector<int> weights{8};
    weights.resize(header.size(), 3);
    std::vector<std::vector<DocxCell>> rows;
    for (const auto& row : round.support) {
        std::vector<DocxCell> cells{DocxCell{statementLabel(row.number, row.text)}};
        for (std::size_t r = 0; r < c.rings.size(); ++r)
            cells.push_back(ringCell(c, row.rings, r));
        rows.push_back(std::move(cells));
    }
    body.table(header, rows, weights);
    body.paragraph("Note", {DocxRun{c.dots ? "Each cell: the ring's share of its dots, and its dots of all it cast; the "
                                             "greener, the larger. – : no dots from the ring."
                                           : "Each cell: the ring's share of votes in support, and its votes in "
                                             "support of all its votes; the greener, the more support. – : no vote "
                                             "from the ring; ⊘ : a block vote."}});
}

void shiftTable(DocxBody& body, const ReportConference& c, const ReportRound& round) {
    std::vector<std::vector<DocxCell>> rows;
    int from = 1;
    for (const auto& s : c.shifts) {
        if (s.toRound != round.number || s.fromRound == round.number) continue;
        from = s.fromRound;
        const long points = std::lround(s.delta * 100.0);
        rows.push_back({DocxCell{statementLabel(s.number, s.text)}, DocxCell{trim(s.ringName)},
                        DocxCell{percentText(s.from), true}, DocxCell{percentText(s.to), true},
                        DocxCell{shiftText(s.delta), true, points != 0,
                                 points > 0 ? "E2F0D9" : (points < 0 ? "F8D7DA" : "")}});
    }
    if (rows.empty()) return;
    body.heading(2, "Shift since round " + std::to_string(from));
    body.table({"Statement", "Ring", "Round " + std::to_string(from), "Round " + std::to_string(round.number), "Shift"},
               rows, {8, 3, 2, 2, 2});
    body.paragraph("Note", {DocxRun{shiftLegend(from) + " A ring that did not vote in both rounds has no row."}});
}

void consensusTable(DocxBody& body, const ReportConference& c, const ReportRound& round) {
    if (round.ranking.empty()) return;
    body.heading(2, round.number == c.consensusRound ? "Consensus list" : "Ranking");
    std::vector<std::string> header{"Rank", "Statement"};
    std::vector<int> weights{6, 20};
    if (c.dots) {
        header.push_back("Dots");
        weights.push_back(6);
    } else {
        header.insert(header.end(), {"Status", "GAC", "Divisive\u00ADness"});
        weights.insert(weights.end(), {9, 6, 9});
    }
    for (const auto& name : ringNames(c)) {
        header.push_back(name);
        weights.push_back(11);
    }
    std::vector<std::vector<DocxCell>> rows;
    for (const auto& r : round.ranking) {
        std::vector<DocxCell> cells{DocxCell{std::to_string(r.rank), true}, DocxCell{statementLabel(r.number, r.text)}};
        if (c.dots) {
            cells.push_back(DocxCell{std::to_string(r.totalSupport), true});
        } else {
            cells.push_back(DocxCell{markedStatus(r.status), false, false, statusFill(r.status)});
            cells.push_back(DocxCell{decimalText(r.gac, 2), true});
            cells.push_back(DocxCell{decimalText(r.divisiveness, 2), true});
        }
        for (std::size_t ring = 0; ring < c.rings.size(); ++ring)
            cells.push_back(ringCell(c, r.rings, ring));
        rows.push_back(std::move(cells));
    }
    body.table(header, rows, weights);
    body.paragraph("Note", {DocxRun{c.dots ? "Per ring: the dots the ring put on the statement, of all the dots it cast "
                                             "in the round, and their share."
                                           : std::string("Per ring: the share of the ring's votes in support, and "
                                                         "the votes behind it; ⊘ marks a block vote. ") +
                                                 kConsensusLegend}});
}

void round(DocxBody& body, const ReportConference& c, const ReportRound& r) {
    const std::string name = trim(r.name);
    body.heading(1, "Round " + std::to_string(r.number) + (name.empty() ? "" : ": " + name));
    if (!r.hasVotes) {
        body.paragraph("Note", {DocxRun{kNoVotesInRound}});
        return;
    }
    supportTable(body, c, r);
    shiftTable(body, c, r);
    consensusTable(body, c, r);
}

} // namespace

void docxConference(DocxBody& body, const ReportConference& conference) {
    scaleLine(body, conference);
    rings(body, conference);
    statements(body, conference);
    // The rounds' tables have a column per ring: landscape pages give them room.
    if (!conference.rounds.empty()) body.startSection(true);
    for (const auto& r : conference.rounds)
        round(body, conference, r);
}

} // namespace plenary::exporting
