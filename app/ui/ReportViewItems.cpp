// The report model flattened into the preview's lines, in the order every export writes it.
#include "core/Report.hpp"
#include "core/Text.hpp"
#include "ui/ReportView.hpp"

#include <cmath>

namespace plenary::ui {

using namespace plenary::core;
using Kind = ReportItem::Kind;

namespace {

class Flattener {
public:
    explicit Flattener(std::vector<ReportItem>& out) : m_out(out) {}

    ReportItem& add(Kind kind, std::string text, std::vector<std::string> cells = {}) {
        m_out.push_back({kind, std::move(text), std::move(cells), {}, 0});
        return m_out.back();
    }
    void paragraph(const std::string& text) {
        if (!trim(text).empty()) add(Kind::Paragraph, text);
    }

    void contributions(const std::vector<ReportContribution>& list) {
        for (const auto& c : list) {
            add(Kind::Heading, c.heading + (c.by.empty() ? "" : " by " + c.by));
            if (!c.title.empty()) add(Kind::Note, c.title);
            paragraph(c.text);
        }
    }

    void dilemma(const ReportDilemma& d) {
        std::string heading = "Question " + std::to_string(d.number) + ": " + d.question;
        if (const auto line = personLine(d.presenter); !line.empty()) heading += " – " + line;
        auto& item = add(Kind::Heading, heading);
        item.anchorKind = "dilemma";
        item.anchor = d.id;
        if (!trim(d.information).empty()) {
            add(Kind::Label, "Information on the dilemma");
            paragraph(d.information);
        }
        if (!d.questions.empty()) add(Kind::Label, "Open questions asked");
        for (const auto& q : d.questions)
            add(Kind::Bullet, q.text + (q.open ? "" : " (closed question)") + (q.asker.empty() ? "" : " — " + q.asker));
        if (!d.practices.empty()) add(Kind::Label, "Practices suggested");
        for (const auto& p : d.practices) {
            std::string line = p.title;
            if (!p.origin.empty()) line += (line.empty() ? "" : ", ") + p.origin;
            if (const auto description = trim(p.description); !description.empty())
                line += (line.empty() ? "" : ": ") + description;
            if (!p.link.empty()) line += (line.empty() ? "" : " ") + p.link;
            std::string criteria;
            for (int i = 0; i < 4; ++i)
                if (p.criteria[i]) criteria += (criteria.empty() ? "" : ", ") + std::string(kCriteria[i]);
            if (!criteria.empty()) line += " (" + criteria + ")";
            if (!p.suggestedBy.empty()) line += " — " + p.suggestedBy;
            if (!trim(line).empty()) add(Kind::Bullet, line);
        }
    }

    void urbanAcademy(const Report& r) {
        contributions(r.introduction);
        for (const auto& s : r.sections) {
            add(Kind::Section, s.title);
            contributions(s.introductions);
            for (const auto& block : s.blocks) {
                if (block.joint) add(Kind::Note, "Dilemmas discussed together");
                for (const auto& d : block.dilemmas)
                    dilemma(d);
                if (!trim(block.result).empty()) {
                    add(Kind::Label, "Result of the discussion");
                    paragraph(block.result);
                }
            }
            contributions(s.wrapUps);
        }
        contributions(r.wrapUps);
        if (r.timings.empty() && r.openShares.empty()) return;
        add(Kind::Section, "Annex");
        if (!r.timings.empty()) {
            add(Kind::Heading, "Phase timings");
            add(Kind::HeaderRow, "Phase", {"Planned", "Actual"});
            int dilemma = 0;
            for (const auto& t : r.timings) {
                // Each dilemma's phases under its question, so the phase names have the room.
                if (t.dilemmaNumber != dilemma) add(Kind::Label, std::to_string(t.dilemmaNumber) + ". " + t.question);
                dilemma = t.dilemmaNumber;
                add(Kind::Row, t.phase, {durationText(t.plannedSeconds), durationText(t.actualSeconds)});
            }
        }
        if (!r.openShares.empty()) {
            add(Kind::Heading, "Share of open questions");
            add(Kind::HeaderRow, "Question", {"Open", "Asked", "Share"});
            for (const auto& s : r.openShares)
                add(Kind::Row, std::to_string(s.dilemmaNumber) + ". " + s.question,
                    {std::to_string(s.open), std::to_string(s.total), s.total == 0 ? "–" : percentText(s.share)});
        }
    }

    void socialOlympics(const Report& r) {
        const auto& c = r.conference;
        add(Kind::Meta, "Vote scale: " + c.scale +
                            (c.dots ? std::string()
                                    : "; consensus when every ring that voted gives a statement " +
                                          percentText(c.threshold) + " support or more, and no ring blocks it"));
        add(Kind::Section, "Rings");
        for (const auto& ring : c.rings)
            add(Kind::Bullet, ring.name + " — " + membersLine(ring));
        add(Kind::Section, "Statements");
        for (const auto& s : c.statements) {
            auto& item = add(Kind::Bullet, std::to_string(s.number) + ". " + s.text + " (" + s.ringName + ")" +
                                               (s.mergedInto != 0 ? " — merged into statement " +
                                                                        std::to_string(s.mergedNumber)
                                                                  : ""));
            item.anchorKind = "statement";
            item.anchor = s.id;
        }
        std::vector<std::string> rings;
        for (const auto& ring : c.rings)
            rings.push_back(ring.name);
        for (const auto& round : c.rounds) {
            if (!round.hasVotes) continue;
            add(Kind::Section, "Round " + std::to_string(round.number) + ": " + round.name);
            add(Kind::Heading, "Support per ring");
            add(Kind::HeaderRow, "Statement", rings);
            for (const auto& row : round.support) {
                std::vector<std::string> cells;
                for (const auto& cell : row.rings)
                    cells.push_back(supportText(cell));
                add(Kind::Row, std::to_string(row.number) + ". " + row.text, cells);
            }
            bool any = false;
            for (const auto& s : c.shifts) {
                if (s.toRound != round.number) continue;
                if (!any) {
                    add(Kind::Heading, "Shift since round " + std::to_string(s.fromRound));
                    add(Kind::HeaderRow, "Statement", {"Ring", "Then", "Now", "Shift"});
                }
                any = true;
                add(Kind::Row, std::to_string(s.number) + ". " + s.text,
                    {s.ringName, percentText(s.from), percentText(s.to), shiftText(s.delta)});
            }
            add(Kind::Heading, c.dots ? "Priorities by dots" : "Consensus");
            std::vector<std::string> head = c.dots ? std::vector<std::string>{"Dots"}
                                                   : std::vector<std::string>{"Status", "GAC", "Div."};
            head.insert(head.end(), rings.begin(), rings.end());
            add(Kind::HeaderRow, "Statement", head);
            for (const auto& row : round.ranking) {
                std::vector<std::string> cells;
                if (c.dots) {
                    cells.push_back(std::to_string(row.totalSupport));
                } else {
                    cells.push_back(markedStatus(row.status));
                    cells.push_back(decimalText(row.gac, 2));
                    cells.push_back(decimalText(row.divisiveness, 2));
                }
                for (const auto& cell : row.rings)
                    cells.push_back(supportText(cell));
                add(Kind::Row, std::to_string(row.rank) + ". " + row.text, cells);
            }
        }
    }

private:
    std::vector<ReportItem>& m_out;
};

} // namespace

std::vector<ReportItem> reportItems(const Report& r) {
    std::vector<ReportItem> items;
    Flattener f(items);
    f.add(Kind::Title, r.title.empty() ? "(untitled workshop)" : r.title);
    if (const std::string meta = r.dates + (r.dates.empty() || r.venue.empty() ? "" : ", ") + r.venue; !meta.empty())
        f.add(Kind::Meta, meta);
    for (const auto& line : r.header) {
        std::string names;
        for (const auto& name : line.names)
            names += (names.empty() ? "" : "; ") + name;
        f.add(Kind::Meta, line.label + ": " + names);
    }
    if (r.anonymised) f.add(Kind::Note, "Anonymised: people's names are replaced by their role and city.");
    f.paragraph(r.description);
    if (r.format == Format::UrbanAcademy)
        f.urbanAcademy(r);
    else
        f.socialOlympics(r);
    return items;
}

} // namespace plenary::ui
