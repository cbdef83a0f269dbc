#pragma once

#include "core/Model.hpp"
#include "core/VoteScale.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// The rules of a Social Olympics conference that are not maths (PRODUCT.md §3): its rounds, which
// statements a ring rates in a round, and what a tally grid warns about. Pure, like core/Consensus.
namespace plenary::core {

// A round as the file describes it. Its name, prompt and planned time are kept in the phases
// table under the key "round-N" (roundKey), so the file is self-contained and the setup can change
// them; a file without them (older files, imports) gets the method's three rounds.
struct RoundInfo {
    int number = 0;
    std::string name;
    std::string prompt;
    int seconds = 0;
};

std::string roundKey(int number);                     // "round-2"
std::optional<int> roundNumber(std::string_view key); // 2 for "round-2"
std::vector<RoundInfo> roundsOf(const SessionData& data);
// The method's rounds, as the built-in template has them.
std::vector<RoundInfo> defaultRounds();
// The phases rows that describe these rounds (for a new file or the setup).
std::vector<Phase> roundPhases(const std::vector<RoundInfo>& rounds);

// A move of the conference to another round, written as one edit: the running round's log entry
// ends and the next one's starts.
struct RoundSwitch {
    Id endEntry = 0;
    std::string endedAt;
    std::optional<RoundLogEntry> start;
    std::string label = "Next round";
};

// The scale the workshop votes on; fist-to-five when the file names none we know.
const VoteScale& scaleOf(const Workshop& workshop);

// What a ring rates in a round: in round 1 its own statements, afterwards every statement; from
// round 3 on (where duplicates are merged) one merged into another is rated as that other. In the
// order of the rings, then their positions.
std::vector<const Statement*> statementsInRound(const SessionData& data, int round, Id ring);
// Each statement's number wherever it is shown (the rings screen's grid, heat map and board, the
// report): its place, from 1, among every statement in the rings' order, as the exchange shows them.
std::unordered_map<Id, int> statementNumbers(const SessionData& data);
// Statements merged into this one (its provenance), in id order.
std::vector<const Statement*> mergedInto(const SessionData& data, Id statement);

int ringMembers(const SessionData& data, Id ring);

// Whether any vote has been counted. The scale is then fixed: tallies are kept by level number,
// and another scale would read the same numbers as other votes (fist-to-five's 1 "serious
// concerns" as agreement's "agree").
bool hasCounts(const SessionData& data);

// A count typed into a tally cell: a whole number from 0 up. nullopt, with `why` in the room's
// words, for anything else ("-3", "x", "2.5", a number too large).
std::optional<int> parseCount(std::string_view typed, std::string& why);

// What a tally grid warns about (never blocks): a ring that cast more votes on a statement than it
// has members, or spent more dots than its members hold. One line each, naming ring and statement.
std::vector<std::string> tallyWarnings(const SessionData& data, const VoteScale& scale, int round, Id ring);

} // namespace plenary::core
