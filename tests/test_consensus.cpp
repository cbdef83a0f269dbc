// The consensus maths of PRODUCT.md §3, checked against numbers computed by hand.
#include "core/Consensus.hpp"
#include "core/VoteScale.hpp"

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

using namespace plenary::core;

namespace {

// Level values of the built-in scales, named for readability.
constexpr int kAgree = 1, kPass = 2, kDisagree = 3;
constexpr int kDot = 1;

VoteTally tally(int round, Id ring, Id statement, int level, int count) {
    return VoteTally{0, round, ring, statement, level, count};
}

std::vector<Statement> statements(std::initializer_list<Id> ids) {
    std::vector<Statement> out;
    for (Id id : ids)
        out.push_back(Statement{id, 1, static_cast<int>(id), "statement", 0});
    return out;
}

const VoteScale& scale(const char* key) {
    const VoteScale* s = findScale(key);
    REQUIRE(s != nullptr);
    return *s;
}

const StatementResult& resultFor(const RoundResult& r, Id statement) {
    for (const auto& s : r.ranked)
        if (s.statement == statement) return s;
    FAIL("statement " << statement << " missing from the ranking");
    return r.ranked.front(); // unreachable: FAIL throws
}

std::vector<Id> order(const RoundResult& r) {
    std::vector<Id> ids;
    for (const auto& s : r.ranked)
        ids.push_back(s.statement);
    return ids;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("agreement scale: agree supports, pass and disagree do not, nothing blocks") {
    const VoteScale& s = scale("agreement");
    CHECK_FALSE(s.dots);
    REQUIRE(s.levels.size() == 3);
    CHECK(s.level(kAgree)->label == "agree");
    CHECK(s.level(kPass)->label == "pass");
    CHECK(s.level(kDisagree)->label == "disagree");
    CHECK(s.isSupport(kAgree));
    CHECK_FALSE(s.isSupport(kPass));
    CHECK_FALSE(s.isSupport(kDisagree));
    for (int v = 1; v <= 3; ++v)
        CHECK_FALSE(s.isBlock(v));
    CHECK(s.level(0) == nullptr);
    CHECK(s.level(4) == nullptr);
    CHECK_FALSE(s.isSupport(4));
}

TEST_CASE("fist-to-five: 3, 4, 5 support, 0 blocks") {
    const VoteScale& s = scale("fist-to-five");
    REQUIRE(s.levels.size() == 6);
    for (int v = 0; v <= 5; ++v)
        REQUIRE(s.level(v) != nullptr);
    CHECK(s.level(0)->label == "0 — block");
    CHECK(s.level(5)->label == "5 — full support");
    CHECK(s.isBlock(0));
    for (int v = 1; v <= 5; ++v)
        CHECK_FALSE(s.isBlock(v));
    CHECK_FALSE(s.isSupport(0));
    CHECK_FALSE(s.isSupport(1));
    CHECK_FALSE(s.isSupport(2));
    CHECK(s.isSupport(3));
    CHECK(s.isSupport(4));
    CHECK(s.isSupport(5));
    CHECK(s.level(6) == nullptr);
}

TEST_CASE("gradients of agreement: 1, 2, 3, 6 support, 8 vetoes") {
    const VoteScale& s = scale("gradients");
    REQUIRE(s.levels.size() == 8);
    CHECK(s.level(1)->label == "endorse");
    CHECK(s.level(4)->label == "abstain");
    CHECK(s.level(6)->label == "don't like but will support");
    CHECK(s.level(8)->label == "veto");
    const bool support[] = {true, true, true, false, false, true, false, false}; // levels 1..8
    for (int v = 1; v <= 8; ++v) {
        CAPTURE(v);
        CHECK(s.isSupport(v) == support[v - 1]);
        CHECK(s.isBlock(v) == (v == 8));
    }
    CHECK(s.level(0) == nullptr);
    CHECK(s.level(9) == nullptr);
}

TEST_CASE("dot voting scale and the scale registry") {
    const VoteScale& s = scale("dots");
    CHECK(s.dots);
    REQUIRE(s.levels.size() == 1);
    CHECK(s.levels[0].value == kDot);
    CHECK(s.levels[0].label == "dot");
    CHECK(s.isSupport(kDot));
    CHECK_FALSE(s.isBlock(kDot));
    CHECK(findScale("unanimity") == nullptr);
    CHECK(findScale("") == nullptr);
    CHECK(scaleKeys() == std::vector<std::string>{"agreement", "fist-to-five", "gradients", "dots"});
    for (const auto& key : scaleKeys())
        CHECK(findScale(key)->key == key);
}

TEST_CASE("two rings, one below the threshold: GAC, smoothing and divisiveness") {
    // R1: agree 3, pass 1, disagree 1 → A = 3, N = 5, a = 3/5 = 0.6, p = 4/7 = 0.571428…
    // R2: agree 1, disagree 3      → A = 1, N = 4, a = 1/4 = 0.25, p = 2/6 = 0.333333…
    // GAC = 4/7 · 2/6 = 4/21 = 0.190476…; reached: no (R2 0.25 < 0.6)
    // divisiveness = 4/7 − 1/3 = 5/21 = 0.238095…; total support = 3 + 1 = 4
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 3), tally(1, 1, 1, kPass, 1),     tally(1, 1, 1, kDisagree, 1),
        tally(1, 2, 1, kAgree, 1), tally(1, 2, 1, kDisagree, 3),
    };
    const RoundResult r = rankRound(votes, 1, statements({1}), scale("agreement"), 0.6);
    CHECK(r.round == 1);
    REQUIRE(r.ranked.size() == 1);
    const StatementResult& s = r.ranked[0];
    CHECK(s.hasVotes);
    REQUIRE(s.rings.size() == 2);
    CHECK(s.rings[0].ring == 1);
    CHECK(s.rings[0].support == 3);
    CHECK(s.rings[0].total == 5);
    CHECK(s.rings[0].share == doctest::Approx(0.6));
    CHECK(s.rings[0].smoothed == doctest::Approx(0.5714285714));
    CHECK(s.rings[1].ring == 2);
    CHECK(s.rings[1].support == 1);
    CHECK(s.rings[1].total == 4);
    CHECK(s.rings[1].share == doctest::Approx(0.25));
    CHECK(s.rings[1].smoothed == doctest::Approx(0.3333333333));
    CHECK(s.gac == doctest::Approx(0.1904761905));
    CHECK_FALSE(s.reached);
    CHECK_FALSE(s.blocked);
    CHECK(s.divisiveness == doctest::Approx(0.2380952381));
    CHECK(s.totalSupport == 4);
    CHECK(s.rank == 1);
}

TEST_CASE("three rings all at or above the threshold reach consensus") {
    // R1: agree 4, pass 1     → a = 4/5 = 0.8,  p = 5/7
    // R2: agree 3             → a = 3/3 = 1,    p = 4/5
    // R3: agree 2, disagree 1 → a = 2/3 = 0.667, p = 3/5
    // GAC = 5/7 · 4/5 · 3/5 = 12/35 = 0.342857…; divisiveness = 4/5 − 3/5 = 0.2; support 4+3+2 = 9
    // Tallies arrive out of ring order; the result lists rings by id.
    const std::vector<VoteTally> votes{
        tally(1, 3, 1, kAgree, 2), tally(1, 3, 1, kDisagree, 1), tally(1, 2, 1, kAgree, 3),
        tally(1, 1, 1, kAgree, 4), tally(1, 1, 1, kPass, 1),
    };
    const RoundResult r = rankRound(votes, 1, statements({1}), scale("agreement"), 0.6);
    const StatementResult& s = resultFor(r, 1);
    REQUIRE(s.rings.size() == 3);
    CHECK(s.rings[0].ring == 1);
    CHECK(s.rings[1].ring == 2);
    CHECK(s.rings[2].ring == 3);
    CHECK(s.rings[2].share == doctest::Approx(0.6666666667));
    CHECK(s.gac == doctest::Approx(0.3428571429));
    CHECK(s.reached);
    CHECK(s.divisiveness == doctest::Approx(0.2));
    CHECK(s.totalSupport == 9);
}

TEST_CASE("a ring that did not vote on a statement is left out of GAC and of the consensus test") {
    // S1: R1 agree 2 → a = 1, p = 3/4; R2 agree 3, disagree 1 → a = 0.75, p = 4/6
    //     R3 cast nothing on S1 (it voted on S2 only).
    // GAC = 3/4 · 2/3 = 0.5 (counting R3 as 0 of 0 would give p = 1/2 and GAC 0.25);
    // reached: yes — R3 does not count as a ring below the threshold.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 2), tally(1, 2, 1, kAgree, 3), tally(1, 2, 1, kDisagree, 1), // S1
        tally(1, 3, 2, kDisagree, 5),                                                       // S2
    };
    const RoundResult r = rankRound(votes, 1, statements({1, 2}), scale("agreement"), 0.6);
    const StatementResult& s = resultFor(r, 1);
    REQUIRE(s.rings.size() == 2);
    CHECK(s.rings[0].ring == 1);
    CHECK(s.rings[1].ring == 2);
    CHECK(s.gac == doctest::Approx(0.5));
    CHECK(s.reached);
    CHECK(s.totalSupport == 5);
}

TEST_CASE("rows with count 0 do not make a ring a voter, nor block") {
    // fist-to-five. S1: R1 five 2, fist (block) 0 → A = 2, N = 2, a = 1, p = 3/4, no block.
    //                   R2 only a zero row     → did not vote.
    // GAC = 3/4 = 0.75; one ring → divisiveness 0; reached.
    // S2: only zero rows → no votes at all.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, 5, 2), tally(1, 1, 1, 0, 0), tally(1, 2, 1, 1, 0),
        tally(1, 1, 2, 5, 0), tally(1, 2, 2, 0, 0),
    };
    const RoundResult r = rankRound(votes, 1, statements({1, 2}), scale("fist-to-five"), 0.6);
    const StatementResult& s1 = resultFor(r, 1);
    REQUIRE(s1.rings.size() == 1);
    CHECK(s1.rings[0].ring == 1);
    CHECK(s1.rings[0].total == 2);
    CHECK_FALSE(s1.rings[0].blocked);
    CHECK_FALSE(s1.blocked);
    CHECK(s1.gac == doctest::Approx(0.75));
    CHECK(s1.reached);
    const StatementResult& s2 = resultFor(r, 2);
    CHECK_FALSE(s2.hasVotes);
    CHECK(s2.rings.empty());
    CHECK(s2.gac == 0.0);
    CHECK_FALSE(s2.reached);
    CHECK_FALSE(s2.blocked);
}

TEST_CASE("a statement nobody voted on is ranked after every statement with votes") {
    // S1: no votes.
    // S2: R1 disagree 3 → a = 0, p = 1/5 = 0.2 → GAC 0.2
    // S3: R1 agree 1    → a = 1, p = 2/3        → GAC 0.667, reached
    // Order: S3, S2, S1 — S1 last although its id is lowest.
    const std::vector<VoteTally> votes{tally(1, 1, 2, kDisagree, 3), tally(1, 1, 3, kAgree, 1)};
    const RoundResult r = rankRound(votes, 1, statements({1, 2, 3}), scale("agreement"), 0.6);
    CHECK(order(r) == std::vector<Id>{3, 2, 1});
    CHECK(resultFor(r, 2).gac == doctest::Approx(0.2));
    CHECK(resultFor(r, 3).gac == doctest::Approx(0.6666666667));
    const StatementResult& s1 = resultFor(r, 1);
    CHECK_FALSE(s1.hasVotes);
    CHECK(s1.gac == 0.0);
    CHECK_FALSE(s1.reached);
    CHECK(s1.totalSupport == 0);
    CHECK(s1.divisiveness == 0.0);
    CHECK(s1.rank == 3);
}

TEST_CASE("a voted statement with a vanishing GAC still ranks above one without votes") {
    // S2: five rings, each disagree 300 → p = 1/302 per ring;
    //     GAC = 1/302^5 = 1/2512087224032 = 3.9808e-13 — below the ranking's 1e-12 grid.
    // S1: no votes, lower id; it must still come last.
    std::vector<VoteTally> votes;
    for (Id ring = 1; ring <= 5; ++ring)
        votes.push_back(tally(1, ring, 2, kDisagree, 300));
    const RoundResult r = rankRound(votes, 1, statements({1, 2}), scale("agreement"), 0.6);
    CHECK(order(r) == std::vector<Id>{2, 1});
    const StatementResult& s2 = resultFor(r, 2);
    CHECK(s2.hasVotes);
    CHECK(s2.gac == doctest::Approx(3.980753496e-13).scale(0));
}

TEST_CASE("one block stops consensus however high the support; reached ranks before higher GAC") {
    // fist-to-five, threshold 0.6.
    // S1: R1 five 6, four 3, fist 1 → A = 9, N = 10, a = 0.9, p = 10/12 = 5/6, blocked
    //     R2 five 4                 → A = 4, N = 4,  a = 1,   p = (4+1)/(4+2) = 5/6
    //     GAC = 5/6 · 5/6 = 25/36 = 0.694444…; reached: no (block); divisiveness 0
    // S2: R1 three 3, two 2         → A = 3, N = 5, a = 0.6, p = 4/7
    //     R2 four 3                 → A = 3, N = 3, a = 1,   p = 4/5
    //     GAC = 4/7 · 4/5 = 16/35 = 0.457142…; reached: yes
    // Order: S2 (reached) before S1 despite S1's higher GAC.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, 5, 6), tally(1, 1, 1, 4, 3), tally(1, 1, 1, 0, 1), tally(1, 2, 1, 5, 4),
        tally(1, 1, 2, 3, 3), tally(1, 1, 2, 2, 2), tally(1, 2, 2, 4, 3),
    };
    const RoundResult r = rankRound(votes, 1, statements({1, 2}), scale("fist-to-five"), 0.6);
    const StatementResult& s1 = resultFor(r, 1);
    CHECK(s1.rings[0].share == doctest::Approx(0.9));
    CHECK(s1.rings[0].smoothed == doctest::Approx(0.8333333333));
    CHECK(s1.rings[0].blocked);
    CHECK_FALSE(s1.rings[1].blocked);
    CHECK(s1.blocked);
    CHECK(s1.gac == doctest::Approx(0.6944444444));
    CHECK_FALSE(s1.reached);
    CHECK(s1.divisiveness == doctest::Approx(0.0));
    const StatementResult& s2 = resultFor(r, 2);
    CHECK(s2.gac == doctest::Approx(0.4571428571));
    CHECK(s2.reached);
    CHECK(order(r) == std::vector<Id>{2, 1});
}

TEST_CASE("gradients: 6 counts as support, abstain and more-discussion count as cast, 8 vetoes") {
    // S1: R1 1×2, 2×1, 3×1, 4×1, 6×2, 7×1 → A = 2+1+1+2 = 6, N = 8, a = 0.75, p = 7/10
    //     R2 5×2, 8×0                     → A = 0, N = 2, a = 0, p = 1/4, no veto (count 0)
    //     GAC = 7/10 · 1/4 = 0.175; divisiveness = 0.7 − 0.25 = 0.45; not reached (R2)
    // S2: R1 6×3, 4×1 → A = 3, N = 4,  a = 0.75, p = 4/6
    //     R2 1×9, 8×1 → A = 9, N = 10, a = 0.9,  p = 10/12, vetoed
    //     GAC = 2/3 · 5/6 = 10/18 = 0.555…; not reached (veto)
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, 1, 2), tally(1, 1, 1, 2, 1), tally(1, 1, 1, 3, 1), tally(1, 1, 1, 4, 1),
        tally(1, 1, 1, 6, 2), tally(1, 1, 1, 7, 1), tally(1, 2, 1, 5, 2), tally(1, 2, 1, 8, 0),
        tally(1, 1, 2, 6, 3), tally(1, 1, 2, 4, 1), tally(1, 2, 2, 1, 9), tally(1, 2, 2, 8, 1),
    };
    const RoundResult r = rankRound(votes, 1, statements({1, 2}), scale("gradients"), 0.6);
    const StatementResult& s1 = resultFor(r, 1);
    REQUIRE(s1.rings.size() == 2);
    CHECK(s1.rings[0].support == 6);
    CHECK(s1.rings[0].total == 8);
    CHECK(s1.rings[1].support == 0);
    CHECK(s1.rings[1].total == 2);
    CHECK(s1.gac == doctest::Approx(0.175));
    CHECK(s1.divisiveness == doctest::Approx(0.45));
    CHECK_FALSE(s1.blocked);
    CHECK_FALSE(s1.reached);
    const StatementResult& s2 = resultFor(r, 2);
    CHECK(s2.rings[0].share == doctest::Approx(0.75));
    CHECK(s2.rings[1].share == doctest::Approx(0.9));
    CHECK(s2.gac == doctest::Approx(0.5555555556));
    CHECK(s2.blocked);
    CHECK_FALSE(s2.reached);
    CHECK(s2.totalSupport == 12);
    // Neither reached: S2 (GAC 0.556) before S1 (0.175).
    CHECK(order(r) == std::vector<Id>{2, 1});
}

TEST_CASE("a share exactly at the threshold reaches consensus; just below does not") {
    // S1: R1 agree 3, disagree 2 → a = 3/5 = 0.6 exactly.
    // S2: R1 agree 5, disagree 4 → a = 5/9 = 0.5556.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 3), tally(1, 1, 1, kDisagree, 2), // S1
        tally(1, 1, 2, kAgree, 5), tally(1, 1, 2, kDisagree, 4), // S2
    };
    const auto& agreement = scale("agreement");
    CHECK(resultFor(rankRound(votes, 1, statements({1, 2}), agreement, 0.6), 1).reached);
    // 0.1 · 6 = 0.6000000000000001 in doubles: the epsilon keeps 3/5 reaching it.
    CHECK(resultFor(rankRound(votes, 1, statements({1, 2}), agreement, 0.1 * 6), 1).reached);
    CHECK_FALSE(resultFor(rankRound(votes, 1, statements({1, 2}), agreement, 0.61), 1).reached);
    CHECK_FALSE(resultFor(rankRound(votes, 1, statements({1, 2}), agreement, 0.6), 2).reached);
    CHECK(resultFor(rankRound(votes, 1, statements({1, 2}), agreement, 0.55), 2).reached);
}

TEST_CASE("ranking: reached, then GAC, then total support, then id") {
    // agreement, threshold 0.6.
    // S1: R1 agree 1, pass 1     → a 0.5, p = 2/4 = 0.5, support 1
    // S2: R1 agree 2, disagree 2 → a 0.5, p = 3/6 = 0.5, support 2
    // S3: R1 agree 1, pass 1     → same as S1, support 1
    // S4: R1 agree 4             → a 1,   p = 5/6, reached
    // S5: R1 disagree 1          → a 0,   p = 1/3
    // S6: R2 agree 3, disagree 3 → a 0.5, p = 4/8 = 0.5, support 3
    // Order: S4 (reached); GAC 0.5: S6 (3), S2 (2), S1 (1, id 1), S3 (1, id 3); then S5 (1/3).
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 1),    tally(1, 1, 1, kPass, 1),     // S1
        tally(1, 1, 2, kAgree, 2),    tally(1, 1, 2, kDisagree, 2), // S2
        tally(1, 1, 3, kAgree, 1),    tally(1, 1, 3, kPass, 1),     // S3
        tally(1, 1, 4, kAgree, 4),                                  // S4
        tally(1, 1, 5, kDisagree, 1),                               // S5
        tally(1, 2, 6, kAgree, 3),    tally(1, 2, 6, kDisagree, 3), // S6
    };
    const RoundResult r = rankRound(votes, 1, statements({3, 5, 1, 6, 4, 2}), scale("agreement"), 0.6);
    CHECK(order(r) == std::vector<Id>{4, 6, 2, 1, 3, 5});
    for (std::size_t i = 0; i < r.ranked.size(); ++i)
        CHECK(r.ranked[i].rank == static_cast<int>(i) + 1);
    CHECK(resultFor(r, 6).gac == doctest::Approx(0.5));
    CHECK(resultFor(r, 5).gac == doctest::Approx(0.3333333333));
}

TEST_CASE("GACs equal in exact arithmetic tie even when the doubles differ") {
    // Threshold 0.9 so neither statement is reached.
    // S1: R1 agree 1             → p = 2/3; R2 agree 2, disagree 1 → p = 3/5
    //     GAC = 2/3 · 3/5 = 2/5, but in doubles 0.39999999999999997; support 1 + 2 = 3
    // S2: R1 agree 1, disagree 2 → p = 2/5 = 0.4 in doubles too; support 1
    // A plain double comparison would put S2 first; the tie goes to total support: S1 first.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 1), tally(1, 2, 1, kAgree, 2),    tally(1, 2, 1, kDisagree, 1),
        tally(1, 1, 2, kAgree, 1), tally(1, 1, 2, kDisagree, 2),
    };
    const RoundResult r = rankRound(votes, 1, statements({2, 1}), scale("agreement"), 0.9);
    CHECK(resultFor(r, 1).gac == doctest::Approx(0.4));
    CHECK(resultFor(r, 2).gac == doctest::Approx(0.4));
    CHECK(order(r) == std::vector<Id>{1, 2});
}

TEST_CASE("divisiveness is 0 with a single ring and with rings that agree") {
    // S1: R1 agree 1, disagree 3 → p = 2/6; one ring → divisiveness 0, GAC 1/3.
    // S2: R1 agree 1, pass 1 → p = 2/4; R2 agree 2, disagree 2 → p = 3/6; 0.5 − 0.5 = 0.
    //     GAC = 0.25.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 1), tally(1, 1, 1, kDisagree, 3), // S1
        tally(1, 1, 2, kAgree, 1), tally(1, 1, 2, kPass, 1),     // S2, R1
        tally(1, 2, 2, kAgree, 2), tally(1, 2, 2, kDisagree, 2), // S2, R2
    };
    const RoundResult r = rankRound(votes, 1, statements({1, 2}), scale("agreement"), 0.6);
    const StatementResult& s1 = resultFor(r, 1);
    CHECK(s1.rings.size() == 1);
    CHECK(s1.divisiveness == 0.0);
    CHECK(s1.gac == doctest::Approx(0.3333333333));
    const StatementResult& s2 = resultFor(r, 2);
    CHECK(s2.divisiveness == doctest::Approx(0.0));
    CHECK(s2.gac == doctest::Approx(0.25));
}

TEST_CASE("only the asked round counts and duplicate rows add up") {
    // Round 2, S1, R1: agree 1 + agree 1 (two rows), disagree 1 → A = 2, N = 3, a = 2/3, p = 3/5.
    // Round 1 (disagree 10) and round 3 (agree 10) must not leak in.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kDisagree, 10), tally(2, 1, 1, kAgree, 1),  tally(2, 1, 1, kAgree, 1),
        tally(2, 1, 1, kDisagree, 1),  tally(3, 1, 1, kAgree, 10),
    };
    const RoundResult r = rankRound(votes, 2, statements({1}), scale("agreement"), 0.6);
    CHECK(r.round == 2);
    const StatementResult& s = resultFor(r, 1);
    REQUIRE(s.rings.size() == 1);
    CHECK(s.rings[0].support == 2);
    CHECK(s.rings[0].total == 3);
    CHECK(s.gac == doctest::Approx(0.6));
    CHECK(s.reached);
}

TEST_CASE("shift: change of a per ring, only where the ring voted in both rounds") {
    // S1, R1: round 1 agree 2, disagree 2 → a = 0.5; round 2 agree 3, disagree 1 → a = 0.75; +0.25
    // S1, R2: round 1 agree 1 → a = 1; round 2 only a zero row → no shift
    // S1, R3: round 2 only (agree 2) → no shift
    // S2, R1: round 1 disagree 4 → a = 0; round 2 agree 1, pass 1 → a = 0.5; +0.5
    // Round 3 data must not matter.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 2),    tally(1, 1, 1, kDisagree, 2), tally(1, 2, 1, kAgree, 1), // round 1, S1
        tally(1, 1, 2, kAgree, 0),    tally(1, 1, 2, kDisagree, 4),                            // round 1, S2
        tally(2, 1, 1, kAgree, 3),    tally(2, 1, 1, kDisagree, 1), tally(2, 2, 1, kAgree, 0), // round 2, S1
        tally(2, 3, 1, kAgree, 2),                                                             // round 2, S1
        tally(2, 1, 2, kAgree, 1),    tally(2, 1, 2, kPass, 1),                                // round 2, S2
        tally(3, 2, 1, kDisagree, 5),                                                          // round 3
    };
    const std::vector<Shift> shifts = shiftBetween(votes, 1, 2, scale("agreement"));
    REQUIRE(shifts.size() == 2);
    CHECK(shifts[0].statement == 1);
    CHECK(shifts[0].ring == 1);
    CHECK(shifts[0].from == doctest::Approx(0.5));
    CHECK(shifts[0].to == doctest::Approx(0.75));
    CHECK(shifts[0].delta == doctest::Approx(0.25));
    CHECK(shifts[1].statement == 2);
    CHECK(shifts[1].ring == 1);
    CHECK(shifts[1].from == doctest::Approx(0.0));
    CHECK(shifts[1].to == doctest::Approx(0.5));
    CHECK(shifts[1].delta == doctest::Approx(0.5));
    // The reverse direction mirrors the deltas.
    const std::vector<Shift> back = shiftBetween(votes, 2, 1, scale("agreement"));
    REQUIRE(back.size() == 2);
    CHECK(back[0].delta == doctest::Approx(-0.25));
    CHECK(back[1].delta == doctest::Approx(-0.5));
}

TEST_CASE("dot voting: dots per ring, each ring's share of its own dots, ranked by total") {
    // Round 1. R1: S1 3, S2 1 (4 dots). R2: S2 5, S3 1 (6 dots). R3: S5 3 (3 dots).
    // S1: R1 3 → share 3/4 = 0.75; total 3
    // S2: R1 1 → 1/4 = 0.25; R2 5 → 5/6 = 0.8333; total 6
    // S3: R2 1 → 1/6 = 0.1667; total 1
    // S4: nothing; S5: R3 3 → 3/3 = 1; total 3 (ties S1, lower id first)
    // Order: S2 (6), S1 (3), S5 (3), S3 (1), S4 (none). Round 2 dots must not count.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kDot, 3), tally(1, 1, 2, kDot, 1), tally(1, 2, 2, kDot, 5), tally(1, 2, 3, kDot, 1),
        tally(1, 3, 5, kDot, 3), tally(1, 1, 4, kDot, 0), tally(2, 1, 4, kDot, 9),
    };
    const RoundResult r = rankRound(votes, 1, statements({5, 4, 3, 2, 1}), scale("dots"), 0.6);
    CHECK(order(r) == std::vector<Id>{2, 1, 5, 3, 4});
    const StatementResult& s2 = resultFor(r, 2);
    CHECK(s2.totalDots == 6);
    REQUIRE(s2.rings.size() == 2);
    CHECK(s2.rings[0].ring == 1);
    CHECK(s2.rings[0].dots == 1);
    CHECK(s2.rings[0].dotShare == doctest::Approx(0.25));
    CHECK(s2.rings[1].ring == 2);
    CHECK(s2.rings[1].dots == 5);
    CHECK(s2.rings[1].dotShare == doctest::Approx(0.8333333333));
    CHECK(s2.gac == 0.0);
    CHECK_FALSE(s2.reached);
    CHECK(resultFor(r, 1).rings[0].dotShare == doctest::Approx(0.75));
    CHECK(resultFor(r, 3).rings[0].dotShare == doctest::Approx(0.1666666667));
    CHECK(resultFor(r, 5).rings[0].dotShare == doctest::Approx(1.0));
    const StatementResult& s4 = resultFor(r, 4);
    CHECK_FALSE(s4.hasVotes);
    CHECK(s4.totalDots == 0);
    CHECK(s4.rank == 5);
}

TEST_CASE("dot voting shift: change of a ring's dot share") {
    // R1 round 1: S1 3, S2 1 → 0.75, 0.25. Round 2: S2 4 → S1 0, S2 1.
    // S1: 0.75 → 0 (−0.75); S2: 0.25 → 1 (+0.75).
    // R2 cast dots in round 2 only → no shift for it.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kDot, 3),
        tally(1, 1, 2, kDot, 1),
        tally(2, 1, 2, kDot, 4),
        tally(2, 2, 1, kDot, 2),
    };
    const std::vector<Shift> shifts = shiftBetween(votes, 1, 2, scale("dots"));
    REQUIRE(shifts.size() == 2);
    CHECK(shifts[0].statement == 1);
    CHECK(shifts[0].ring == 1);
    CHECK(shifts[0].from == doctest::Approx(0.75));
    CHECK(shifts[0].to == doctest::Approx(0.0));
    CHECK(shifts[0].delta == doctest::Approx(-0.75));
    CHECK(shifts[1].statement == 2);
    CHECK(shifts[1].delta == doctest::Approx(0.75));
}

TEST_CASE("statements merged into another are left out of the ranking from round 3, where merging is") {
    // S1 (merged into S2) has the best votes but must not appear.
    // S2: R1 agree 1, disagree 1 → p = 2/4 = 0.5. S3: R1 disagree 1 → p = 1/3.
    std::vector<Statement> list = statements({1, 2, 3});
    list[0].mergedInto = 2;
    const std::vector<VoteTally> votes{
        tally(3, 1, 1, kAgree, 9),
        tally(3, 1, 2, kAgree, 1),
        tally(3, 1, 2, kDisagree, 1),
        tally(3, 1, 3, kDisagree, 1),
    };
    const RoundResult r = rankRound(votes, 3, list, scale("agreement"), 0.6);
    CHECK(order(r) == std::vector<Id>{2, 3});
    CHECK(r.ranked[0].rank == 1);
    CHECK(r.ranked[0].gac == doctest::Approx(0.5));
    CHECK(r.ranked[1].rank == 2);

    // Dot voting: the merged statement is skipped, but its dots were still cast, so the ring's
    // share of S2 is 1 / (9 + 1) = 0.1.
    const std::vector<VoteTally> dots{tally(3, 1, 1, kDot, 9), tally(3, 1, 2, kDot, 1)};
    const RoundResult d = rankRound(dots, 3, list, scale("dots"), 0.6);
    CHECK(order(d) == std::vector<Id>{2, 3});
    CHECK(resultFor(d, 2).rings[0].dotShare == doctest::Approx(0.1));

    // The rounds before the merge rated it: there it is ranked like any other.
    std::vector<VoteTally> earlier = votes;
    for (auto& v : earlier)
        v.round = 1;
    CHECK(order(rankRound(earlier, 1, list, scale("agreement"), 0.6)) == std::vector<Id>{1, 2, 3});
}

TEST_CASE("validateTallies names unknown levels and negative counts") {
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 3),     // fine
        tally(2, 3, 7, 4, 1),          // level 4 is not on the agreement scale
        tally(1, 2, 5, kDisagree, -2), // negative count
        tally(3, 4, 9, 0, -1),         // both problems
    };
    const std::vector<std::string> errors = validateTallies(votes, scale("agreement"));
    REQUIRE(errors.size() == 4);
    CHECK(contains(errors[0], "round 2"));
    CHECK(contains(errors[0], "ring 3"));
    CHECK(contains(errors[0], "statement 7"));
    CHECK(contains(errors[0], "level 4"));
    CHECK(contains(errors[1], "round 1"));
    CHECK(contains(errors[1], "ring 2"));
    CHECK(contains(errors[1], "statement 5"));
    CHECK(contains(errors[1], "-2"));
    CHECK(contains(errors[2], "level 0"));
    CHECK(contains(errors[3], "-1"));

    CHECK(validateTallies({tally(1, 1, 1, kAgree, 0), tally(1, 1, 1, kPass, 5)}, scale("agreement")).empty());
    CHECK(validateTallies({tally(1, 1, 1, 0, 1)}, scale("fist-to-five")).empty());
    CHECK(validateTallies({tally(1, 1, 1, 9, 1)}, scale("gradients")).size() == 1);
    CHECK(validateTallies({tally(1, 1, 1, 2, 1)}, scale("dots")).size() == 1);
}

TEST_CASE("the maths ignores unknown levels and negative counts") {
    // S1: R1 agree 2 (+ level 9 ×5 and disagree −3, both ignored) → A = 2, N = 2, p = 3/4
    //     R2 only invalid rows → did not vote.
    // GAC = 0.75, reached.
    const std::vector<VoteTally> votes{
        tally(1, 1, 1, kAgree, 2), tally(1, 1, 1, 9, 5),          tally(1, 1, 1, kDisagree, -3),
        tally(1, 2, 1, 0, 4),      tally(1, 2, 1, kDisagree, -1),
    };
    const RoundResult r = rankRound(votes, 1, statements({1}), scale("agreement"), 0.6);
    const StatementResult& s = resultFor(r, 1);
    REQUIRE(s.rings.size() == 1);
    CHECK(s.rings[0].total == 2);
    CHECK(s.gac == doctest::Approx(0.75));
    CHECK(s.reached);
    const std::vector<Shift> shifts = shiftBetween(votes, 1, 1, scale("agreement"));
    REQUIRE(shifts.size() == 1);
    CHECK(shifts[0].delta == 0.0);
}

TEST_CASE("one statement ranked again after its tallies changed gives the board ranked from scratch") {
    // Random tallies on 40 statements × 5 rings, then 300 random changes; after each, the board
    // updated for the one statement equals rankRound over every tally.
    for (const char* key : {"agreement", "fist-to-five", "gradients"}) {
        const VoteScale& sc = scale(key);
        std::vector<Id> ids;
        for (Id id = 1; id <= 40; ++id)
            ids.push_back(id);
        std::vector<Statement> list;
        for (Id id : ids)
            list.push_back(Statement{id, 1 + id % 5, static_cast<int>(id), "statement", 0});
        std::mt19937 random(20261123u);
        auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
        std::map<std::tuple<Id, Id, int>, int> cells; // (statement, ring, level) → count, round 2
        for (int i = 0; i < 400; ++i)
            cells[{ids[pick(40)], 1 + pick(5), sc.levels[pick(static_cast<int>(sc.levels.size()))].value}] = pick(6);
        auto votesOf = [&](std::optional<Id> only) {
            std::vector<VoteTally> out;
            for (const auto& [k, count] : cells)
                if (!only || std::get<0>(k) == *only) out.push_back(tally(2, std::get<1>(k), std::get<0>(k), std::get<2>(k), count));
            return out;
        };
        RoundResult board = rankRound(votesOf(std::nullopt), 2, list, sc, 0.6);
        for (int change = 0; change < 300; ++change) {
            const Id statement = ids[pick(40)];
            cells[{statement, 1 + pick(5), sc.levels[pick(static_cast<int>(sc.levels.size()))].value}] = pick(8);
            REQUIRE(rerankStatement(board, statement, votesOf(statement), sc, 0.6).has_value());
            REQUIRE(board == rankRound(votesOf(std::nullopt), 2, list, sc, 0.6));
        }
    }
}

TEST_CASE("ranking one statement again is refused for dot voting and for a statement not on the board") {
    RoundResult board = rankRound({tally(1, 1, 1, kDot, 3)}, 1, statements({1, 2}), scale("dots"), 0.6);
    CHECK_FALSE(rerankStatement(board, 1, {tally(1, 1, 1, kDot, 4)}, scale("dots"), 0.6).has_value());
    RoundResult agreement = rankRound({}, 1, statements({1, 2}), scale("agreement"), 0.6);
    CHECK_FALSE(rerankStatement(agreement, 9, {tally(1, 1, 9, kAgree, 1)}, scale("agreement"), 0.6).has_value());
    CHECK(agreement == rankRound({}, 1, statements({1, 2}), scale("agreement"), 0.6));
}
