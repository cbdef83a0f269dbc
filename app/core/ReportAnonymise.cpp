// anonymise and forEachText: one transform over every text of the report.
#include "core/Report.hpp"

#include "core/Text.hpp"

#include <utf8proc.h>

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

bool isWordChar(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_ME) || // letters, marks
           (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO) || c == '_';
}

// The code point that ends just before `at` (at > 0), read backwards over continuation bytes.
char32_t codeBefore(const std::string& text, std::size_t at) {
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    const auto codes = decodeUtf8(std::string_view(text).substr(start, at - start));
    return codes.empty() ? U' ' : codes.front();
}

char32_t codeAt(const std::string& text, std::size_t at) {
    std::size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        ++end;
    const auto codes = decodeUtf8(std::string_view(text).substr(at, end - at));
    return codes.empty() ? U' ' : codes.front();
}

// Every mention of a name, replaced in one pass, longest name first, and only as a whole word:
// "Ana" is not replaced inside "Analysis", and a replacement is never searched again.
class NameReplacer {
public:
    void add(const std::string& name, const std::string& replacement) {
        if (name.empty() || m_seen.count(name)) return;
        m_seen.insert(name);
        m_byFirstByte[static_cast<unsigned char>(name[0])].push_back({name, replacement});
    }

    void finish() {
        for (auto& [byte, list] : m_byFirstByte)
            std::stable_sort(list.begin(), list.end(),
                             [](const Entry& a, const Entry& b) { return a.name.size() > b.name.size(); });
    }

    void apply(std::string& text) const {
        if (text.empty() || m_byFirstByte.empty()) return;
        std::string out;
        bool changed = false;
        std::size_t copied = 0;
        for (std::size_t i = 0; i < text.size();) {
            const auto it = m_byFirstByte.find(static_cast<unsigned char>(text[i]));
            if (it != m_byFirstByte.end() && (i == 0 || !isWordChar(codeBefore(text, i)))) {
                const Entry* hit = nullptr;
                for (const auto& e : it->second) {
                    if (text.compare(i, e.name.size(), e.name) != 0) continue;
                    const std::size_t end = i + e.name.size();
                    if (end < text.size() && isWordChar(codeAt(text, end))) continue;
                    hit = &e;
                    break;
                }
                if (hit) {
                    out.append(text, copied, i - copied);
                    out += hit->replacement;
                    i += hit->name.size();
                    copied = i;
                    changed = true;
                    continue;
                }
            }
            ++i;
        }
        if (!changed) return;
        out.append(text, copied, std::string::npos);
        text = std::move(out);
    }

private:
    struct Entry {
        std::string name;
        std::string replacement;
    };
    std::map<unsigned char, std::vector<Entry>> m_byFirstByte;
    std::set<std::string> m_seen;
};

// The parts of a name that can stand for the person in free text: "Sanne van Dijk" → "Sanne",
// "van Dijk", "Dijk". A single word counts when it looks like a name (three letters or more, a
// capital first): particles ("van", "de") and initials are not names on their own.
std::vector<std::string> nameParts(const std::string& name) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : name + " ") {
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    const auto looksLikeName = [](const std::string& w) {
        const auto codes = decodeUtf8(w);
        return codes.size() >= 3 && codes.back() != U'.' &&
               utf8proc_category(static_cast<utf8proc_int32_t>(codes[0])) == UTF8PROC_CATEGORY_LU;
    };
    // "Dr." or "Prof." is a title, not the person: the name starts after it.
    while (!words.empty() && words.front().back() == '.')
        words.erase(words.begin());
    std::vector<std::string> parts;
    if (words.size() < 2) return parts; // a one-word name is replaced as the whole name
    if (looksLikeName(words[0])) parts.push_back(words[0]);
    for (std::size_t from = 1; from < words.size(); ++from) {
        std::string tail;
        for (std::size_t i = from; i < words.size(); ++i)
            tail += (i == from ? "" : " ") + words[i];
        if (from + 1 < words.size() || looksLikeName(tail)) parts.push_back(tail);
    }
    return parts;
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
