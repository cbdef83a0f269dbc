#include "core/SessionJson.hpp"

#include "core/JsonRead.hpp"
#include "core/Wording.hpp"

#include <set>
#include <tuple>

namespace plenary::core {
namespace {

// Reads a list of objects; makeField(item, key) reads one member of one item.
template <class T, class F> void readList(JsonIn& in, std::vector<T>& items, F&& readField) {
    in.readArray([&](std::size_t) {
        T item{};
        in.readObject([&](std::string_view key) { return readField(item, key); });
        items.push_back(std::move(item));
    });
}

template <class E, class Parse> void readEnum(JsonIn& in, E& value, Parse&& parse, std::string_view allowed) {
    std::string text;
    in.read(text);
    const auto parsed = parse(text);
    if (!parsed) in.fail("\"" + text + "\" is not one of " + std::string(allowed));
    value = *parsed;
}

void readWorkshop(JsonIn& in, Workshop& w) {
    in.readObject([&](std::string_view key) {
        if (key == "title")
            in.read(w.title);
        else if (key == "format")
            readEnum(in, w.format, formatFromKey, "urban-academy, social-olympics");
        else if (key == "template")
            in.read(w.templateKey);
        else if (key == "date")
            in.read(w.date);
        else if (key == "endDate")
            in.read(w.endDate);
        else if (key == "venue")
            in.read(w.venue);
        else if (key == "language")
            in.read(w.language);
        else if (key == "description")
            in.read(w.description);
        else if (key == "scale")
            in.read(w.scale);
        else if (key == "threshold")
            in.read(w.threshold);
        else if (key == "dotBudget")
            in.read(w.dotBudget);
        else if (key == "rounds")
            in.read(w.rounds);
        else
            return false;
        return true;
    });
    if (w.title.empty()) throw JsonError(in.where() + ".title: a workshop needs a title");
}

} // namespace

SessionData parseSessionJson(std::string json, std::string source) {
    SessionData d;
    JsonIn in(std::move(json), source, JsonLimits{64u << 20, 32});
    std::string format;
    int version = 0;
    bool sawWorkshop = false;
    in.readRoot([&](std::string_view key) {
        if (key == "format")
            in.read(format);
        else if (key == "version")
            in.read(version);
        else if (key == "workshop") {
            readWorkshop(in, d.workshop);
            sawWorkshop = true;
        } else if (key == "people")
            readList(in, d.people, [&](Person& p, std::string_view f) {
                if (f == "id")
                    in.read(p.id);
                else if (f == "name")
                    in.read(p.name);
                else if (f == "organisation")
                    in.read(p.organisation);
                else if (f == "city")
                    in.read(p.city);
                else if (f == "country")
                    in.read(p.country);
                else if (f == "role")
                    readEnum(in, p.role, roleFromKey, "participant, facilitator, expert, rapporteur");
                else if (f == "ring")
                    in.read(p.ring);
                else
                    return false;
                return true;
            });
        else if (key == "phases")
            readList(in, d.phases, [&](Phase& p, std::string_view f) {
                if (f == "key")
                    in.read(p.key);
                else if (f == "name")
                    in.read(p.name);
                else if (f == "prompt")
                    in.read(p.prompt);
                else if (f == "seconds")
                    in.read(p.seconds);
                else if (f == "position")
                    in.read(p.position);
                else
                    return false;
                return true;
            });
        else if (key == "thematicSessions")
            readList(in, d.sessions, [&](ThematicSession& s, std::string_view f) {
                if (f == "id")
                    in.read(s.id);
                else if (f == "title")
                    in.read(s.title);
                else if (f == "position")
                    in.read(s.position);
                else
                    return false;
                return true;
            });
        else if (key == "dilemmas")
            readList(in, d.dilemmas, [&](Dilemma& x, std::string_view f) {
                if (f == "id")
                    in.read(x.id);
                else if (f == "session")
                    in.read(x.session);
                else if (f == "position")
                    in.read(x.position);
                else if (f == "question")
                    in.read(x.question);
                else if (f == "presenter")
                    in.read(x.presenter);
                else if (f == "information")
                    in.read(x.information);
                else if (f == "reflection")
                    in.read(x.reflection);
                else if (f == "result")
                    in.read(x.result);
                else if (f == "status")
                    readEnum(in, x.status, statusFromKey, "pending, active, done, skipped");
                else if (f == "jointGroup")
                    in.read(x.jointGroup);
                else
                    return false;
                return true;
            });
        else if (key == "questions")
            readList(in, d.questions, [&](Question& q, std::string_view f) {
                if (f == "id")
                    in.read(q.id);
                else if (f == "dilemma")
                    in.read(q.dilemma);
                else if (f == "position")
                    in.read(q.position);
                else if (f == "text")
                    in.read(q.text);
                else if (f == "asker")
                    in.read(q.asker);
                else if (f == "open")
                    in.read(q.open);
                else if (f == "overridden")
                    in.read(q.overridden);
                else
                    return false;
                return true;
            });
        else if (key == "practices")
            readList(in, d.practices, [&](Practice& p, std::string_view f) {
                if (f == "id")
                    in.read(p.id);
                else if (f == "dilemma")
                    in.read(p.dilemma);
                else if (f == "position")
                    in.read(p.position);
                else if (f == "title")
                    in.read(p.title);
                else if (f == "description")
                    in.read(p.description);
                else if (f == "city")
                    in.read(p.city);
                else if (f == "country")
                    in.read(p.country);
                else if (f == "suggestedBy")
                    in.read(p.suggestedBy);
                else if (f == "link")
                    in.read(p.link);
                else if (f == "catalog")
                    in.read(p.catalog);
                else if (f == "innovative")
                    in.read(p.innovative);
                else if (f == "makesDifference")
                    in.read(p.makesDifference);
                else if (f == "sustainable")
                    in.read(p.sustainable);
                else if (f == "replicable")
                    in.read(p.replicable);
                else
                    return false;
                return true;
            });
        else if (key == "contributions")
            readList(in, d.contributions, [&](Contribution& c, std::string_view f) {
                if (f == "id")
                    in.read(c.id);
                else if (f == "kind")
                    readEnum(in, c.kind, contributionFromKey, "introduction, wrapup");
                else if (f == "session")
                    in.read(c.session);
                else if (f == "person")
                    in.read(c.person);
                else if (f == "title")
                    in.read(c.title);
                else if (f == "text")
                    in.read(c.text);
                else if (f == "position")
                    in.read(c.position);
                else
                    return false;
                return true;
            });
        else if (key == "phaseLog")
            readList(in, d.phaseLog, [&](PhaseLogEntry& e, std::string_view f) {
                if (f == "id")
                    in.read(e.id);
                else if (f == "dilemma")
                    in.read(e.dilemma);
                else if (f == "phase")
                    in.read(e.phase);
                else if (f == "startedAt")
                    in.read(e.startedAt);
                else if (f == "endedAt")
                    in.read(e.endedAt);
                else if (f == "plannedSeconds")
                    in.read(e.plannedSeconds);
                else
                    return false;
                return true;
            });
        else if (key == "rings")
            readList(in, d.rings, [&](Ring& r, std::string_view f) {
                if (f == "id")
                    in.read(r.id);
                else if (f == "key")
                    in.read(r.key);
                else if (f == "name")
                    in.read(r.name);
                else if (f == "colour")
                    in.read(r.colour);
                else if (f == "position")
                    in.read(r.position);
                else
                    return false;
                return true;
            });
        else if (key == "statements")
            readList(in, d.statements, [&](Statement& s, std::string_view f) {
                if (f == "id")
                    in.read(s.id);
                else if (f == "ring")
                    in.read(s.ring);
                else if (f == "position")
                    in.read(s.position);
                else if (f == "text")
                    in.read(s.text);
                else if (f == "mergedInto")
                    in.read(s.mergedInto);
                else
                    return false;
                return true;
            });
        else if (key == "votes")
            readList(in, d.votes, [&](VoteTally& v, std::string_view f) {
                if (f == "round")
                    in.read(v.round);
                else if (f == "ring")
                    in.read(v.ring);
                else if (f == "statement")
                    in.read(v.statement);
                else if (f == "level")
                    in.read(v.level);
                else if (f == "count")
                    in.read(v.count);
                else
                    return false;
                return true;
            });
        else
            return false;
        return true;
    });
    if (format != kSessionJsonFormat)
        throw JsonError(source + ": format: this is not a Plenary session (expected \"plenary-session\")");
    if (version < 1 || version > kSessionJsonVersion)
        throw JsonError(source + ": version " + std::to_string(version) +
                        " is not supported (this Plenary reads version " +
                        std::to_string(kSessionJsonVersion) + ")");
    if (!sawWorkshop) throw JsonError(source + ": workshop: missing");
    const auto errors = validateSession(d);
    if (!errors.empty()) throw JsonError(source + ": " + errors.front());
    return d;
}

namespace {

template <class T>
std::set<Id> idsOf(const std::vector<T>& items, const char* list, std::vector<std::string>& errors) {
    std::set<Id> ids;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Id id = items[i].id;
        if (id <= 0)
            errors.push_back(std::string(list) + "[" + std::to_string(i) + "]: id must be a positive number");
        else if (!ids.insert(id).second)
            errors.push_back(std::string(list) + "[" + std::to_string(i) + "]: id " + std::to_string(id) +
                             " is used twice");
    }
    return ids;
}

struct RefCheck {
    std::vector<std::string>& errors;
    void operator()(const std::set<Id>& targets, Id ref, bool required, const std::string& where,
                    const char* field, const char* target) const {
        if (ref == 0 && !required) return;
        if (!targets.contains(ref))
            errors.push_back(where + ": " + field + " " + std::to_string(ref) + " does not exist in " +
                             target);
    }
};

std::string at(const char* list, std::size_t i, Id id) {
    return std::string(list) + "[" + std::to_string(i) + "] (id " + std::to_string(id) + ")";
}

} // namespace

std::vector<std::string> validateSession(const SessionData& d) {
    std::vector<std::string> errors;
    const auto people = idsOf(d.people, "people", errors);
    const auto sessions = idsOf(d.sessions, "thematicSessions", errors);
    const auto dilemmas = idsOf(d.dilemmas, "dilemmas", errors);
    const auto rings = idsOf(d.rings, "rings", errors);
    const auto statements = idsOf(d.statements, "statements", errors);
    idsOf(d.questions, "questions", errors);
    idsOf(d.practices, "practices", errors);
    idsOf(d.contributions, "contributions", errors);
    idsOf(d.phaseLog, "phaseLog", errors);
    const RefCheck ref{errors};
    for (std::size_t i = 0; i < d.people.size(); ++i)
        ref(rings, d.people[i].ring, false, at("people", i, d.people[i].id), "ring", "rings");
    for (std::size_t i = 0; i < d.dilemmas.size(); ++i) {
        const auto& x = d.dilemmas[i];
        ref(sessions, x.session, true, at("dilemmas", i, x.id), "session", "thematicSessions");
        ref(people, x.presenter, false, at("dilemmas", i, x.id), "presenter", "people");
    }
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
        const auto& q = d.questions[i];
        ref(dilemmas, q.dilemma, true, at("questions", i, q.id), "dilemma", "dilemmas");
        ref(people, q.asker, false, at("questions", i, q.id), "asker", "people");
    }
    for (std::size_t i = 0; i < d.practices.size(); ++i) {
        const auto& p = d.practices[i];
        ref(dilemmas, p.dilemma, true, at("practices", i, p.id), "dilemma", "dilemmas");
        ref(people, p.suggestedBy, false, at("practices", i, p.id), "suggestedBy", "people");
    }
    for (std::size_t i = 0; i < d.contributions.size(); ++i) {
        const auto& c = d.contributions[i];
        ref(sessions, c.session, false, at("contributions", i, c.id), "session", "thematicSessions");
        ref(people, c.person, false, at("contributions", i, c.id), "person", "people");
    }
    for (std::size_t i = 0; i < d.phaseLog.size(); ++i)
        ref(dilemmas, d.phaseLog[i].dilemma, true, at("phaseLog", i, d.phaseLog[i].id), "dilemma",
            "dilemmas");
    for (std::size_t i = 0; i < d.statements.size(); ++i) {
        const auto& s = d.statements[i];
        ref(rings, s.ring, false, at("statements", i, s.id), "ring", "rings");
        ref(statements, s.mergedInto, false, at("statements", i, s.id), "mergedInto", "statements");
        if (s.mergedInto == s.id) errors.push_back(at("statements", i, s.id) + ": merged into itself");
    }
    std::set<std::tuple<int, Id, Id, int>> seen;
    for (std::size_t i = 0; i < d.votes.size(); ++i) {
        const auto& v = d.votes[i];
        const std::string where = "votes[" + std::to_string(i) + "]";
        ref(rings, v.ring, true, where, "ring", "rings");
        ref(statements, v.statement, true, where, "statement", "statements");
        if (v.round < 1) errors.push_back(where + ": round must be 1 or more");
        if (v.count < 0) errors.push_back(where + ": count must not be negative");
        if (!seen.insert({v.round, v.ring, v.statement, v.level}).second)
            errors.push_back(where + ": the same round, ring, statement and level appear twice");
    }
    for (std::size_t i = 0; i < d.rings.size(); ++i) {
        const auto& colour = d.rings[i].colour;
        if (!colour.empty() && !parseHexColour(colour))
            errors.push_back(at("rings", i, d.rings[i].id) + ": colour \"" + colour +
                             "\" should look like #2B6CB0");
    }
    std::set<std::string> phaseKeys;
    for (std::size_t i = 0; i < d.phases.size(); ++i)
        if (!phaseKeys.insert(d.phases[i].key).second)
            errors.push_back("phases[" + std::to_string(i) + "]: key \"" + d.phases[i].key +
                             "\" appears twice");
    return errors;
}

} // namespace plenary::core
