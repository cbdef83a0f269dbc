// reportTables: the report's figures as tables, for spreadsheets and CSV files (the annex
// rapporteurs build by hand today). Column names are lower case with underscores, so a script can
// read them; numbers stay numbers.
#include "core/Report.hpp"

#include <algorithm>
#include <string>

namespace plenary::core {

namespace {

using Row = std::vector<ReportCell>;

ReportCell text(const std::string& value) {
    return ReportCell::ofText(value);
}
ReportCell integer(std::int64_t value) {
    return ReportCell::ofInteger(value);
}
ReportCell decimal(double value, int digits = 6) {
    return ReportCell::ofDecimal(value, digits);
}
ReportCell flag(bool value) {
    return ReportCell::ofInteger(value ? 1 : 0);
}
ReportCell idOrEmpty(Id id) {
    return id == 0 ? ReportCell::empty() : integer(id);
}

std::string jointPartners(const ReportBlock& block, const ReportDilemma& self) {
    std::string out;
    if (!block.joint) return out;
    for (const auto& d : block.dilemmas)
        if (d.id != self.id) out += (out.empty() ? "" : ", ") + std::to_string(d.number);
    return out;
}

ReportTable dilemmas(const Report& r) {
    ReportTable t{"dilemmas", "Dilemmas",
                  {"number", "dilemma_id", "session", "question", "presenter", "organisation", "city", "country",
                   "status", "discussed_with", "information", "result", "questions", "open_questions", "open_share",
                   "practices"},
                  {}};
    for (const auto& section : r.sections)
        for (const auto& block : section.blocks)
            for (const auto& d : block.dilemmas) {
                int open = 0;
                for (const auto& q : d.questions)
                    if (q.open) ++open;
                const auto total = static_cast<int>(d.questions.size());
                t.rows.push_back({integer(d.number), integer(d.id), text(d.session), text(d.question),
                                  text(d.presenter.name), text(d.presenter.organisation), text(d.presenter.city),
                                  text(d.presenter.country), text(d.status), text(jointPartners(block, d)),
                                  text(d.information), text(d.result), integer(total), integer(open),
                                  total == 0 ? ReportCell::empty() : decimal(static_cast<double>(open) / total),
                                  integer(static_cast<std::int64_t>(d.practices.size()))});
            }
    return t;
}

ReportTable questions(const Report& r) {
    ReportTable t{"questions", "Questions asked",
                  {"dilemma_number", "dilemma_id", "position", "question", "type", "asked_by"},
                  {}};
    for (const auto& section : r.sections)
        for (const auto& block : section.blocks)
            for (const auto& d : block.dilemmas)
                for (std::size_t i = 0; i < d.questions.size(); ++i) {
                    const auto& q = d.questions[i];
                    t.rows.push_back({integer(d.number), integer(d.id), integer(static_cast<std::int64_t>(i) + 1),
                                      text(q.text), text(q.open ? "open" : "closed"), text(q.asker)});
                }
    return t;
}

ReportTable practices(const Report& r) {
    ReportTable t{"practices", "Practices suggested",
                  {"dilemma_number", "dilemma_id", "title", "city", "country", "description", "link", "suggested_by",
                   "innovative", "makes_a_difference", "sustainable", "replicable"},
                  {}};
    for (const auto& section : r.sections)
        for (const auto& block : section.blocks)
            for (const auto& d : block.dilemmas)
                for (const auto& p : d.practices)
                    t.rows.push_back({integer(d.number), integer(d.id), text(p.title), text(p.city), text(p.country),
                                      text(p.description), text(p.link), text(p.suggestedBy), flag(p.criteria[0]),
                                      flag(p.criteria[1]), flag(p.criteria[2]), flag(p.criteria[3])});
    return t;
}

ReportTable timings(const Report& r) {
    ReportTable t{"phase-timings", "Phase timings",
                  {"dilemma_number", "dilemma_id", "question", "phase", "planned_minutes", "actual_minutes",
                   "difference_minutes"},
                  {}};
    for (const auto& x : r.timings)
        t.rows.push_back({integer(x.dilemmaNumber), integer(x.dilemma), text(x.question), text(x.phase),
                          decimal(x.plannedSeconds / 60.0, 2), decimal(x.actualSeconds / 60.0, 2),
                          decimal((x.actualSeconds - x.plannedSeconds) / 60.0, 2)});
    return t;
}

ReportTable people(const Report& r) {
    ReportTable t{"people", "People", {"name", "role", "organisation", "city", "country"}, {}};
    const bool rings = r.format == Format::SocialOlympics;
    if (rings) t.columns.push_back("ring");
    for (const auto& p : r.people) {
        Row row{text(p.name), text(p.role), text(p.organisation), text(p.city), text(p.country)};
        if (rings) row.push_back(text(p.ring));
        t.rows.push_back(std::move(row));
    }
    return t;
}

ReportTable statements(const Report& r) {
    ReportTable t{"statements", "Statements", {"statement_id", "number", "ring", "statement", "merged_into"}, {}};
    for (const auto& s : r.conference.statements)
        t.rows.push_back({integer(s.id), integer(s.number), text(s.ringName), text(s.text), idOrEmpty(s.mergedInto)});
    return t;
}

ReportTable votes(const Report& r) {
    ReportTable t{"votes", "Votes",
                  {"round", "ring", "statement_id", "statement", "level", "level_name", "count"},
                  {}};
    for (const auto& v : r.conference.tallies)
        t.rows.push_back({integer(v.round), text(v.ringName), integer(v.statement), text(v.statementText),
                          integer(v.level), text(v.levelName), integer(v.count)});
    return t;
}

const std::string& ringNameOf(const Report& r, Id ring) {
    static const std::string none;
    for (const auto& x : r.conference.rings)
        if (x.id == ring) return x.name;
    return none;
}

ReportTable ringSupport(const Report& r) {
    ReportTable t{"ring-support", "Support per ring",
                  {"round", "statement_id", "statement", "ring", "support", "votes", "share", "smoothed", "blocked"},
                  {}};
    for (const auto& round : r.conference.rounds)
        for (const auto& row : round.support)
            for (const auto& cell : row.rings) {
                if (!cell.voted) continue;
                t.rows.push_back({integer(round.number), integer(row.statement), text(row.text),
                                  text(ringNameOf(r, cell.ring)), integer(cell.support), integer(cell.votes),
                                  decimal(cell.share), decimal(cell.smoothed), flag(cell.blocked)});
            }
    return t;
}

ReportTable ranking(const Report& r) {
    ReportTable t{"ranking", "Ranking",
                  {"round", "rank", "statement_id", "statement", "status", "gac", "divisiveness", "total_support"},
                  {}};
    for (const auto& round : r.conference.rounds)
        for (const auto& row : round.ranking)
            t.rows.push_back({integer(round.number), integer(row.rank), integer(row.statement), text(row.text),
                              text(row.status), decimal(row.gac), decimal(row.divisiveness),
                              integer(row.totalSupport)});
    return t;
}

ReportTable shift(const Report& r) {
    ReportTable t{"shift", "Shift between rounds",
                  {"statement_id", "statement", "ring", "share_from", "share_to", "delta", "round_from", "round_to"},
                  {}};
    for (const auto& s : r.conference.shifts)
        t.rows.push_back({integer(s.statement), text(s.text), text(s.ringName), decimal(s.from), decimal(s.to),
                          decimal(s.delta), integer(s.fromRound), integer(s.toRound)});
    return t;
}

} // namespace

std::vector<ReportTable> reportTables(const Report& report) {
    std::vector<ReportTable> tables;
    if (report.format == Format::UrbanAcademy) {
        tables.push_back(dilemmas(report));
        tables.push_back(questions(report));
        tables.push_back(practices(report));
        tables.push_back(timings(report));
    } else {
        tables.push_back(statements(report));
        tables.push_back(votes(report));
        tables.push_back(ringSupport(report));
        tables.push_back(ranking(report));
        tables.push_back(shift(report));
    }
    // An anonymised report has no people list, and so no table of them.
    if (!report.anonymised) tables.push_back(people(report));
    return tables;
}

std::vector<std::string> reportTableKeys() {
    // Read off the tables themselves, so a table added later is known here without a second list.
    std::vector<std::string> keys;
    for (const Format format : {Format::UrbanAcademy, Format::SocialOlympics}) {
        Report empty;
        empty.format = format;
        for (const auto& table : reportTables(empty))
            if (std::find(keys.begin(), keys.end(), table.key) == keys.end()) keys.push_back(table.key);
    }
    return keys;
}

} // namespace plenary::core
