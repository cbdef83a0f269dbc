// The conference's rules that are not maths (core/Rounds): rounds, what a ring rates, counts typed
// into a tally cell and the grid's warnings.
#include "core/Rounds.hpp"
#include "core/Templates.hpp"

#include <doctest/doctest.h>

using namespace plenary::core;

namespace {

SessionData conference() {
    SessionData d;
    d.workshop.format = Format::SocialOlympics;
    d.workshop.scale = "agreement";
    d.rings = {{10, "a", "Residents", "#C05621", 2}, {20, "b", "Politicians", "#6B46C1", 1}};
    d.people = {{1, "Ana", "", "", "", Role::Participant, 10}, {2, "Bo", "", "", "", Role::Participant, 10},
                {3, "Cy", "", "", "", Role::Participant, 20}};
    d.statements = {{1, 10, 2, "More trees in the courtyards", 0},
                    {2, 10, 1, "Keep the rents social", 0},
                    {3, 20, 1, "A youth centre by 2027", 0},
                    {4, 20, 2, "More green", 1}};
    return d;
}

std::vector<Id> ids(const std::vector<const Statement*>& list) {
    std::vector<Id> out;
    for (const auto* s : list)
        out.push_back(s->id);
    return out;
}

} // namespace

TEST_CASE("rounds: a file without round rows has the method's three; the rows win when there") {
    SessionData d = conference();
    auto rounds = roundsOf(d);
    REQUIRE(rounds.size() == 3);
    CHECK(rounds[0].name == "Own ring");
    CHECK(rounds[2].number == 3);
    d.workshop.rounds = 2;
    CHECK(roundsOf(d).size() == 2);
    d.phases = {{"round-2", "Swap", "", 600, 2}, {"round-1", "Alone", "", 300, 1}};
    rounds = roundsOf(d);
    REQUIRE(rounds.size() == 2);
    CHECK(rounds[0].name == "Alone");
    CHECK(rounds[1].seconds == 600);
    CHECK(roundNumber("round-12") == 12);
    CHECK_FALSE(roundNumber("round-x"));
    CHECK_FALSE(roundNumber("questions"));
    CHECK_FALSE(roundNumber("round-0"));
}

TEST_CASE("rounds: a new conference from the template has its rounds with their minutes") {
    FormatTemplate t;
    t.key = "so";
    t.format = Format::SocialOlympics;
    t.rings = {{"r", "Residents", "#C05621"}};
    t.rounds = {{1, "Own ring", "alone", 20}, {2, "Exchange", "together", 35}};
    t.scale = "dots";
    const SessionData d = sessionFromTemplate(t, "Renewal");
    const auto rounds = roundsOf(d);
    REQUIRE(rounds.size() == 2);
    CHECK(rounds[0].seconds == 20 * 60);
    CHECK(rounds[1].prompt == "together");
    CHECK(d.phases[1].key == "round-2");
}

TEST_CASE("rounds: in round 1 a ring rates its own statements, later every one; merged ones are not rated") {
    const SessionData d = conference();
    CHECK(ids(statementsInRound(d, 1, 10)) == std::vector<Id>{2, 1});
    CHECK(ids(statementsInRound(d, 1, 20)) == std::vector<Id>{3, 4}); // merged in round 3, rated before
    // Rings in their positions (Politicians first), then statement positions; 4 is merged into 1.
    CHECK(ids(statementsInRound(d, 2, 10)) == std::vector<Id>{3, 4, 2, 1});
    CHECK(ids(statementsInRound(d, 3, 10)) == std::vector<Id>{3, 2, 1});
    CHECK(ids(mergedInto(d, 1)) == std::vector<Id>{4});
    CHECK(mergedInto(d, 0).empty());
}

TEST_CASE("rounds: a count is a whole number from 0; anything else is refused with the reason") {
    std::string why;
    CHECK(parseCount("12", why) == 12);
    CHECK(parseCount(" 3 ", why) == 3);
    CHECK(parseCount("", why) == 0);
    CHECK_FALSE(parseCount("-3", why));
    CHECK(why.find("negative") != std::string::npos);
    CHECK_FALSE(parseCount("x", why));
    CHECK(why.find("whole number") != std::string::npos);
    CHECK_FALSE(parseCount("2.5", why));
    CHECK_FALSE(parseCount("99999999999", why));
    CHECK(why.find("at most") != std::string::npos);
}

TEST_CASE("rounds: the grid warns when a ring cast more votes than it has members, or overspent dots") {
    SessionData d = conference();
    d.votes = {{0, 1, 10, 1, 1, 2}, {0, 1, 10, 1, 3, 1}, {0, 1, 10, 2, 1, 2}};
    const VoteScale& agreement = *findScale("agreement");
    auto warnings = tallyWarnings(d, agreement, 1, 10);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "Residents: 3 votes on \"More trees in the courtyards\", but the ring has 2 members");
    CHECK(tallyWarnings(d, agreement, 2, 10).empty());
    d.votes.push_back({0, 1, 10, 2, 3, 5});
    warnings = tallyWarnings(d, agreement, 1, 10);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "Residents: more votes than its 2 members on 2 statements (up to 7)");

    d.workshop.scale = "dots";
    d.workshop.dotBudget = 2;
    const VoteScale& dots = *findScale("dots");
    d.votes = {{0, 2, 20, 1, 1, 2}, {0, 2, 20, 3, 1, 1}};
    warnings = tallyWarnings(d, dots, 2, 20);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "Politicians spent 3 dots, more than its 1 member × 2 = 2");
    d.votes.pop_back();
    CHECK(tallyWarnings(d, dots, 2, 20).empty());
}
