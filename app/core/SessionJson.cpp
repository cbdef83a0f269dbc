#include "core/SessionJson.hpp"

#include "core/Fields.hpp"
#include "core/JsonRead.hpp"
#include "core/Limits.hpp"
#include "core/Wording.hpp"

#include <set>
#include <tuple>

namespace plenary::core {
namespace {

template <class T, class F> void readValue(JsonIn& in, T& value, const F& f) {
    if constexpr (std::is_enum_v<T>) {
        std::string text;
        in.read(text);
        const auto parsed = f.fromKey(text);
        if (!parsed) in.fail("\"" + text + "\" is not one of " + std::string(f.allowed));
        value = *parsed;
    } else {
        in.read(value);
    }
}

// One member of an entity's JSON object, by its key in the entity's field description; false
// for a key the entity does not have (reported as unknown, with its path).
template <class T> bool readField(JsonIn& in, T& item, std::string_view key) {
    if constexpr (fields::hasJsonId<T>) {
        if (key == "id") {
            in.read(item.id);
            return true;
        }
    }
    bool found = false;
    fields::forEach<T>([&](const auto& f) {
        if (found || f.json.empty() || f.json != key) return;
        found = true;
        readValue(in, item.*f.member, f);
    });
    return found;
}

template <class T> void readList(JsonIn& in, std::vector<T>& items) {
    in.readArray([&](std::size_t) {
        T item{};
        in.readObject([&](std::string_view key) { return readField(in, item, key); });
        items.push_back(std::move(item));
    });
}

void readWorkshop(JsonIn& in, Workshop& w) {
    in.readObject([&](std::string_view key) { return readField(in, w, key); });
    if (w.title.empty()) throw JsonError(in.where() + ".title: a workshop needs a title");
}

} // namespace

SessionData parseSessionJson(std::string json, std::string source) {
    SessionData d;
    JsonIn in(std::move(json), source, JsonLimits{kMaxJsonBytes, 32});
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
            readList(in, d.people);
        else if (key == "phases")
            readList(in, d.phases);
        else if (key == "thematicSessions")
            readList(in, d.sessions);
        else if (key == "dilemmas")
            readList(in, d.dilemmas);
        else if (key == "questions")
            readList(in, d.questions);
        else if (key == "practices")
            readList(in, d.practices);
        else if (key == "contributions")
            readList(in, d.contributions);
        else if (key == "phaseLog")
            readList(in, d.phaseLog);
        else if (key == "roundLog")
            readList(in, d.roundLog);
        else if (key == "rings")
            readList(in, d.rings);
        else if (key == "statements")
            readList(in, d.statements);
        else if (key == "votes")
            readList(in, d.votes);
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
        else if (id > kMaxId)
            errors.push_back(std::string(list) + "[" + std::to_string(i) + "]: id " + std::to_string(id) +
                             " is larger than " + std::to_string(kMaxId));
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
    idsOf(d.roundLog, "roundLog", errors);
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
        if (v.count > kMostVotes)
            errors.push_back(where + ": count is more than any room raises (at most " + std::to_string(kMostVotes) + ")");
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
