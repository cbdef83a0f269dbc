// anonymise and forEachText: one transform over every text of the report.
#include "core/Report.hpp"

#include "core/NameReplace.hpp"
#include "core/Text.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace plenary::core {

namespace {

void visitPerson(ReportPerson& p, const std::function<void(std::string&)>& visit) {
    for (auto* s : {&p.name, &p.role, &p.organisation, &p.city, &p.country, &p.ring})
        visit(*s);
}

void visitContributions(std::vector<ReportContribution>& list, const std::function<void(std::string&)>& visit) {
    for (auto& c : list)
        for (auto* s : {&c.heading, &c.by, &c.title, &c.text})
            visit(*s);
}

} // namespace

void forEachText(Report& r, const std::function<void(std::string&)>& visit) {
    for (auto* s : {&r.title, &r.dates, &r.venue, &r.description})
        visit(*s);
    for (auto& line : r.header) {
        visit(line.label);
        for (auto& name : line.names)
            visit(name);
    }
    for (auto& p : r.people)
        visitPerson(p, visit);
    visitContributions(r.introduction, visit);
    for (auto& section : r.sections) {
        visit(section.title);
        visitContributions(section.introductions, visit);
        for (auto& block : section.blocks) {
            visit(block.result);
            for (auto& d : block.dilemmas) {
                for (auto* s : {&d.question, &d.session, &d.status, &d.information, &d.result})
                    visit(*s);
                visitPerson(d.presenter, visit);
                for (auto& q : d.questions) {
                    visit(q.text);
                    visit(q.asker);
                }
                for (auto& p : d.practices)
                    for (auto* s : {&p.title, &p.origin, &p.city, &p.country, &p.description, &p.link, &p.suggestedBy})
                        visit(*s);
            }
        }
        visitContributions(section.wrapUps, visit);
    }
    visitContributions(r.wrapUps, visit);
    for (auto& t : r.timings) {
        visit(t.question);
        visit(t.phase);
    }
    for (auto& s : r.openShares)
        visit(s.question);
    auto& c = r.conference;
    visit(c.scale);
    for (auto& ring : c.rings) {
        visit(ring.name);
        visit(ring.colour);
        for (auto& m : ring.members)
            visit(m);
    }
    for (auto& s : c.statements) {
        visit(s.text);
        visit(s.ringName);
    }
    for (auto& round : c.rounds) {
        visit(round.name);
        for (auto& row : round.support)
            visit(row.text);
        for (auto& row : round.ranking) {
            visit(row.text);
            visit(row.status);
        }
    }
    for (auto& s : c.shifts) {
        visit(s.text);
        visit(s.ringName);
    }
    for (auto& t : c.tallies) {
        visit(t.ringName);
        visit(t.statementText);
        visit(t.levelName);
    }
}

Report anonymise(Report report) {
    NameReplacer replacer;
    // Whole names first; then a first or last name alone, when one stand-in fits everybody who has it.
    std::map<std::string, std::set<std::string>> partOwners;
    for (const auto& p : report.people) {
        const std::string name = trim(p.name);
        if (name.empty()) continue;
        replacer.add(name, anonymousName(p));
        for (const auto& part : nameParts(name))
            partOwners[part].insert(anonymousName(p));
    }
    for (const auto& [part, standIns] : partOwners)
        replacer.add(part, standIns.size() == 1 ? *standIns.begin() : std::string("a participant"));
    replacer.finish();
    report.people.clear();
    forEachText(report, [&](std::string& text) { replacer.apply(text); });
    // Twelve "Participant from The Hague" in a row say less than one with its count.
    for (auto& ring : report.conference.rings) {
        std::vector<std::pair<std::string, int>> grouped;
        for (const auto& member : ring.members) {
            auto it = std::find_if(grouped.begin(), grouped.end(), [&](const auto& g) { return g.first == member; });
            if (it == grouped.end())
                grouped.push_back({member, 1});
            else
                ++it->second;
        }
        ring.members.clear();
        ring.memberCount = 0;
        for (const auto& [standIn, count] : grouped) {
            ring.members.push_back(count == 1 ? standIn : standIn + " (" + std::to_string(count) + ")");
            ring.memberCount += count;
        }
    }
    report.anonymised = true;
    return report;
}

} // namespace plenary::core
