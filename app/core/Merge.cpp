#include "core/Merge.hpp"

#include "core/Text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace plenary::core {

namespace {

std::string folded(std::string_view text) {
    return foldForSearch(trim(text));
}

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

// One input's ids and the result's. An input read from a file has unique ids above 0; one that
// does not is refused rather than merged wrongly.
class IdMap {
public:
    IdMap(const char* what, const char* plural) : m_what(what), m_plural(plural) {}
    void add(Id from, Id to) {
        if (from <= 0) throw MergeError(std::string("a ") + m_what + " without an id");
        if (!m_ids.emplace(from, to).second)
            throw MergeError(std::string("two of its ") + m_plural + " share the id " + std::to_string(from));
    }
    // Where a reference that must name something goes.
    Id required(Id from, const std::string& who) const {
        const auto found = m_ids.find(from);
        if (found == m_ids.end())
            throw MergeError(who + " refers to " + m_what + " " + std::to_string(from) +
                             ", which the file does not have");
        return found->second;
    }
    // 0 stays "none".
    Id optional(Id from, const std::string& who) const { return from == 0 ? 0 : required(from, who); }
    std::string what() const { return m_what; }

private:
    const char* m_what;
    const char* m_plural;
    std::unordered_map<Id, Id> m_ids;
};

// Each row copied after the merged ones of its kind with the next id; `relink` points its references
// at the merged rows ("question 12" names it in a message about a broken reference).
template <class T, class F>
void appendRenumbered(const std::vector<T>& rows, std::vector<T>& out, IdMap& ids, F relink) {
    for (const auto& row : rows) {
        T fresh = row;
        fresh.id = static_cast<Id>(out.size()) + 1;
        relink(fresh, ids.what() + " " + std::to_string(row.id));
        ids.add(row.id, fresh.id);
        out.push_back(fresh);
    }
}

bool isIsoDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    return true;
}

// The event runs from the earliest date to the latest date or end date of its rooms. Only ISO
// dates are compared (a date typed some other way cannot be ordered); with none, the first
// room's dates stay.
void mergeDates(const std::vector<SessionData>& inputs, Workshop& out) {
    std::string first, last;
    for (const auto& in : inputs) {
        for (const auto* date : {&in.workshop.date, &in.workshop.endDate}) {
            if (!isIsoDate(*date)) continue;
            if (date == &in.workshop.date && (first.empty() || *date < first)) first = *date;
            if (last.empty() || *date > last) last = *date;
        }
    }
    if (first.empty() && last.empty()) return;
    if (first.empty()) first = last; // only end dates were readable
    out.date = first;
    out.endDate = last > first ? last : "";
}

// A person met again in a later room: what the first record lacks is taken from the later one; a
// disagreement keeps the first value. Each difference is one line for the report.
std::vector<std::string> reconcile(Person& kept, const Person& later, const std::string& laterName) {
    std::vector<std::string> notes;
    const std::string who = kept.name + (kept.organisation.empty() ? "" : " (" + kept.organisation + ")");
    auto field = [&](const char* label, std::string& mine, const std::string& theirs, bool differ) {
        if (!differ || trim(theirs).empty()) return;
        if (trim(mine).empty()) {
            mine = theirs;
            notes.push_back(who + ": " + label + " " + quoted(theirs) + " taken from " + laterName);
        } else {
            notes.push_back(who + ": " + label + " " + quoted(mine) + " kept; " + laterName + " has " +
                            quoted(theirs));
        }
    };
    field("city", kept.city, later.city, folded(kept.city) != folded(later.city));
    field("country", kept.country, later.country, countryCode(kept.country) != countryCode(later.country));
    // A role is never empty: the first room's stands.
    if (kept.role != later.role)
        notes.push_back(who + ": role " + std::string(roleKey(kept.role)) + " kept; " + laterName + " has " +
                        std::string(roleKey(later.role)));
    return notes;
}

bool holdsConferenceParts(const SessionData& d) {
    return !d.rings.empty() || !d.statements.empty() || !d.votes.empty() || !d.roundLog.empty() ||
           std::any_of(d.people.begin(), d.people.end(), [](const Person& p) { return p.ring != 0; });
}

// Positions that order items across inputs (thematic sessions, contributions) are numbered anew:
// the first input's first, each input's own order kept.
template <class T> void renumber(std::vector<std::pair<std::size_t, T*>>& items) {
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second->position) < std::tie(b.first, b.second->position);
    });
    int position = 0;
    for (auto& item : items)
        item.second->position = ++position;
}

} // namespace

bool samePerson(const Person& a, const Person& b) {
    const std::string name = folded(a.name);
    return !name.empty() && name == folded(b.name) && folded(a.organisation) == folded(b.organisation);
}

std::string countsDifference(const WorkshopCounts& expected, const WorkshopCounts& actual) {
    std::string differences;
    auto compare = [&](const char* what, int want, int got) {
        if (want == got) return;
        differences += (differences.empty() ? "" : ", ") + std::string(what) + " " + std::to_string(got) +
                       ", expected " + std::to_string(want);
    };
    compare("people", expected.people, actual.people);
    compare("thematic sessions", expected.sessions, actual.sessions);
    compare("dilemmas", expected.dilemmas, actual.dilemmas);
    compare("questions", expected.questions, actual.questions);
    compare("practices", expected.practices, actual.practices);
    compare("contributions", expected.contributions, actual.contributions);
    compare("phase log entries", expected.phaseLog, actual.phaseLog);
    compare("rings", expected.rings, actual.rings);
    compare("statements", expected.statements, actual.statements);
    compare("vote tallies", expected.votes, actual.votes);
    return differences;
}

MergeResult mergeSessions(const std::vector<SessionData>& inputs, const MergeOptions& options) {
    auto nameOf = [&](std::size_t i) {
        return i < options.names.size() && !options.names[i].empty() ? options.names[i]
                                                                     : "input " + std::to_string(i + 1);
    };
    if (inputs.size() < 2) throw MergeError("a merge needs at least two workshops");
    for (std::size_t i = 1; i < inputs.size(); ++i)
        if (inputs[i].workshop.format != inputs[0].workshop.format)
            throw MergeError("mixed formats: " + nameOf(0) + " is " +
                             std::string(formatKey(inputs[0].workshop.format)) + ", " + nameOf(i) + " is " +
                             std::string(formatKey(inputs[i].workshop.format)) +
                             "; only Urban Academy workshops can be merged");
    if (inputs[0].workshop.format == Format::SocialOlympics)
        throw MergeError("Social Olympics conferences cannot be merged: their votes belong to one room's "
                         "rounds (" +
                         nameOf(0) + ")");

    MergeResult result;
    SessionData& out = result.data;
    out.workshop = inputs[0].workshop;
    if (!trim(options.title).empty()) out.workshop.title = options.title;
    mergeDates(inputs, out.workshop);
    for (const auto& in : inputs) {
        if (trim(out.workshop.venue).empty()) out.workshop.venue = in.workshop.venue;
        if (trim(out.workshop.description).empty()) out.workshop.description = in.workshop.description;
    }
    out.phases = inputs[0].phases;

    // (folded name, folded organisation) → the input it was first met in, and its index in out.people.
    std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>> known;
    // Which input each thematic session and contribution of the result came from.
    std::vector<std::size_t> sessionInput, contributionInput;
    Id nextGroup = 1;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const SessionData& in = inputs[i];
        const std::string name = nameOf(i);
        result.inputCounts.push_back(countsOf(in));
        try {
            if (holdsConferenceParts(in))
                throw MergeError("an Urban Academy workshop that holds Social Olympics rings, statements or "
                                 "votes cannot be merged");
            IdMap people("person", "people"), sessions("thematic session", "thematic sessions"),
                dilemmas("dilemma", "dilemmas");
            for (const auto& p : in.people) {
                std::pair key{folded(p.name), folded(p.organisation)};
                if (!key.first.empty()) {
                    // Only records of different rooms are merged: a room that lists one name twice keeps
                    // two people (later rooms' records join the first of them).
                    if (const auto found = known.find(key);
                        found != known.end() && found->second.first != i) {
                        Person& kept = out.people[found->second.second];
                        people.add(p.id, kept.id);
                        result.duplicates.push_back({i, p.id, kept.id, reconcile(kept, p, name)});
                        continue;
                    }
                }
                Person fresh = p;
                fresh.id = static_cast<Id>(out.people.size()) + 1;
                people.add(p.id, fresh.id);
                out.people.push_back(fresh);
                if (!key.first.empty()) known.emplace(std::move(key), std::pair{i, out.people.size() - 1});
            }
            for (const auto& s : in.sessions) {
                ThematicSession fresh = s;
                fresh.id = static_cast<Id>(out.sessions.size()) + 1;
                sessions.add(s.id, fresh.id);
                out.sessions.push_back(fresh);
                sessionInput.push_back(i);
            }
            // A joint discussion is one room's: its group number is given anew, so groups that
            // happened to share a number in two rooms stay apart.
            std::unordered_map<Id, Id> groups;
            for (const auto& d : in.dilemmas) {
                const std::string who = "dilemma " + std::to_string(d.id);
                Dilemma fresh = d;
                fresh.id = static_cast<Id>(out.dilemmas.size()) + 1;
                fresh.session = sessions.required(d.session, who);
                fresh.presenter = people.optional(d.presenter, who + "'s presenter");
                if (d.jointGroup != 0) {
                    const auto [group, added] = groups.try_emplace(d.jointGroup, nextGroup);
                    if (added) ++nextGroup;
                    fresh.jointGroup = group->second;
                }
                dilemmas.add(d.id, fresh.id);
                out.dilemmas.push_back(fresh);
            }
            IdMap questions("question", "questions"), practices("practice", "practices"),
                contributions("contribution", "contributions"), log("phase log entry", "phase log entries");
            appendRenumbered(in.questions, out.questions, questions, [&](Question& q, const std::string& who) {
                q.dilemma = dilemmas.required(q.dilemma, who);
                q.asker = people.optional(q.asker, who + "'s asker");
            });
            appendRenumbered(in.practices, out.practices, practices, [&](Practice& p, const std::string& who) {
                p.dilemma = dilemmas.required(p.dilemma, who);
                p.suggestedBy = people.optional(p.suggestedBy, who + "'s suggester");
            });
            appendRenumbered(in.contributions, out.contributions, contributions,
                             [&](Contribution& c, const std::string& who) {
                                 c.session = sessions.optional(c.session, who);
                                 c.person = people.optional(c.person, who + "'s speaker");
                             });
            contributionInput.resize(out.contributions.size(), i);
            appendRenumbered(in.phaseLog, out.phaseLog, log, [&](PhaseLogEntry& e, const std::string& who) {
                e.dilemma = dilemmas.required(e.dilemma, who);
            });
        } catch (const MergeError& e) {
            throw MergeError(name + ": " + e.what() + "; nothing was merged");
        }
    }
    std::vector<std::pair<std::size_t, ThematicSession*>> sessionOrder;
    for (std::size_t k = 0; k < out.sessions.size(); ++k)
        sessionOrder.emplace_back(sessionInput[k], &out.sessions[k]);
    std::vector<std::pair<std::size_t, Contribution*>> contributionOrder;
    for (std::size_t k = 0; k < out.contributions.size(); ++k)
        contributionOrder.emplace_back(contributionInput[k], &out.contributions[k]);
    renumber(sessionOrder);
    renumber(contributionOrder);

    for (const auto& c : result.inputCounts)
        result.expected += c;
    result.expected.people -= static_cast<int>(result.duplicates.size());
    result.expected.undoSteps = 0;
    if (const auto lost = countsDifference(result.expected, countsOf(out)); !lost.empty())
        throw MergeError("the merge did not add up (" + lost + "); nothing was merged");
    return result;
}

} // namespace plenary::core
