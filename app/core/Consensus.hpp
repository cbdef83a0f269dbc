#pragma once

#include "core/Model.hpp"
#include "core/VoteScale.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// The consensus maths of the Social Olympics format (PRODUCT.md §3). Pure functions over vote
// tallies: no I/O, no store. Tallies with a level not on the scale or a negative count are
// reported by validateTallies and ignored by the maths; rows with count 0 are no votes.
namespace plenary::core {

// One ring's votes on one statement in one round. Only rings that cast at least one vote appear.
struct RingResult {
    Id ring = 0;
    int support = 0;      // A: votes on support levels (every dot, for dot voting)
    int total = 0;        // N: all votes cast, pass/abstain/block included
    bool blocked = false; // at least one vote on a block level
    double share = 0;     // a = A / N (0 for dot voting, where it would always be 1)
    double smoothed = 0;  // p = (A + 1) / (N + 2) (0 for dot voting)
    int dots = 0;         // dot voting only: dots this ring put on the statement
    double dotShare = 0;  // dot voting only: dots / all dots this ring cast in the round
    bool operator==(const RingResult&) const = default;
};

struct StatementResult {
    Id statement = 0;
    std::vector<RingResult> rings; // ascending ring id
    bool hasVotes = false;
    double gac = 0; // Π p over the rings that voted; 0 without votes or for dots
    bool reached = false;
    bool blocked = false;
    double divisiveness = 0; // max p − min p; 0 with fewer than two rings
    int totalSupport = 0;    // Σ A over the rings
    int totalDots = 0;       // dot voting only
    int rank = 0;            // 1-based position in RoundResult::ranked
    bool operator==(const StatementResult&) const = default;
};

struct RoundResult {
    int round = 0;
    std::vector<StatementResult> ranked;
    bool operator==(const RoundResult&) const = default;
};

// Ranks the statements by the votes of one round; from round 3 on (where duplicates are merged)
// those merged into another are skipped.
// Consensus scales: reached first, then GAC, then total support, then id; statements without
// votes last. Dot voting: total dots, then id.
RoundResult rankRound(const std::vector<VoteTally>& votes, int round,
                      const std::vector<Statement>& statements, const VoteScale& scale, double threshold);

// After a statement's tallies in result.round changed: its figures computed again from `votes`
// (its tallies in that round; others are ignored) and the ranking put in order, the same as
// rankRound from scratch would give — in time that follows the statements, not the tallies. False
// (nothing changed) for dot voting, where one dot moves every share of its ring, and for a
// statement that is not on the board: rank the round again then.
// Returns the places [first, last] whose entries changed (the statement moved within them).
std::optional<std::pair<std::size_t, std::size_t>> rerankStatement(RoundResult& result, Id statement,
                                                                   const std::vector<VoteTally>& votes,
                                                                   const VoteScale& scale, double threshold);

// How far a ring moved on a statement between two rounds. For consensus scales: the support
// share a, for every (statement, ring) that voted in both rounds. For dot voting: the ring's dot
// share, for rings that cast dots in both rounds and put dots on the statement in either.
struct Shift {
    Id statement = 0;
    Id ring = 0;
    double from = 0;
    double to = 0;
    double delta = 0; // to − from
};

// Ordered by statement id, then ring id.
std::vector<Shift> shiftBetween(const std::vector<VoteTally>& votes, int fromRound, int toRound,
                                const VoteScale& scale);

// One message per problem, naming round, ring, statement and level; empty when all is well.
std::vector<std::string> validateTallies(const std::vector<VoteTally>& votes, const VoteScale& scale);

} // namespace plenary::core
