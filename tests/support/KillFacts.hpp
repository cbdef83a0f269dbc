#pragma once

#include "core/Counts.hpp"
#include "core/Model.hpp"

#include <map>
#include <string>

// What the kill tests compare: a workshop as facts "KEY VALUE", for the session tool
// (tests/tool_session.cpp) to report after each committed edit and for the test to read back
// from the file after the kill. One function for both, so they cannot drift apart.
//   q:ID → a question's text        p:ID → a practice's title
//   r:ID → a dilemma's reflection   v:ROUND:RING:STATEMENT:LEVEL → a tally (0 is no fact)
//   phase → the running phase(s) "DILEMMA:KEY"   round → the running round(s) in the round log
namespace plenary::test {

using Facts = std::map<std::string, std::string>;

// Newlines (paragraphs of a reflection) as "\n", so a fact is one line.
inline std::string oneLine(const std::string& text) {
    std::string out;
    for (const char c : text)
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
    return out;
}

inline Facts factsOf(const core::SessionData& data) {
    Facts facts;
    for (const auto& q : data.questions)
        facts["q:" + std::to_string(q.id)] = oneLine(q.text);
    for (const auto& p : data.practices)
        facts["p:" + std::to_string(p.id)] = oneLine(p.title);
    for (const auto& d : data.dilemmas)
        if (!d.reflection.empty()) facts["r:" + std::to_string(d.id)] = oneLine(d.reflection);
    for (const auto& v : data.votes)
        if (v.count != 0)
            facts["v:" + std::to_string(v.round) + ":" + std::to_string(v.ring) + ":" +
                  std::to_string(v.statement) + ":" + std::to_string(v.level)] = std::to_string(v.count);
    const auto add = [&facts](const std::string& key, const std::string& value) {
        auto& fact = facts[key];
        fact += (fact.empty() ? "" : " ") + value;
    };
    for (const auto& e : data.phaseLog)
        if (e.endedAt.empty()) add("phase", std::to_string(e.dilemma) + ":" + e.phase);
    for (const auto& e : data.roundLog)
        if (e.endedAt.empty()) add("round", std::to_string(e.round));
    return facts;
}

// "-" for a fact that is not there.
inline std::string factOf(const Facts& facts, const std::string& key) {
    const auto it = facts.find(key);
    return it == facts.end() ? "-" : it->second;
}

// A workshop file's counts as one value (the undo steps left out: a copy has none).
inline std::string countsLine(const core::WorkshopCounts& c) {
    return "people=" + std::to_string(c.people) + ",sessions=" + std::to_string(c.sessions) +
           ",dilemmas=" + std::to_string(c.dilemmas) + ",questions=" + std::to_string(c.questions) +
           ",practices=" + std::to_string(c.practices) + ",contributions=" + std::to_string(c.contributions) +
           ",phaseLog=" + std::to_string(c.phaseLog) + ",rings=" + std::to_string(c.rings) +
           ",statements=" + std::to_string(c.statements) + ",votes=" + std::to_string(c.votes);
}

} // namespace plenary::test
