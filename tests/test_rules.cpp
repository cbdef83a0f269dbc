// The domain's rules for edits of several rows, decided on the snapshot (core/Rules), without a file.
#include "core/Agenda.hpp"
#include "core/Rules.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <variant>

using namespace plenary::core;

namespace {

SessionData agenda() {
    SessionData d;
    d.people = {{1, "Sanna Mäkinen", "", "Helsinki", "FI", Role::Participant, 0},
                {2, "Katrin Schüßler", "", "Essen", "DE", Role::Participant, 0}};
    d.sessions = {{1, "Housing", 1}, {2, "Schools", 2}};
    d.dilemmas = {{1, 1, 1, "A?", 1, "", "", "", DilemmaStatus::Pending, 0},
                  {2, 1, 2, "B?", 2, "", "", "", DilemmaStatus::Pending, 4},
                  {3, 2, 1, "C?", 2, "", "", "", DilemmaStatus::Pending, 4}};
    d.questions = {{1, 2, 1, "How?", 1, true, false}, {2, 3, 1, "Why?", 2, true, false}};
    d.practices = {{1, 2, 1, "Buddies", "", "", "", 1, "", "", false, false, false, false}};
    d.contributions = {{1, ContributionKind::WrapUp, 2, 1, "Closing", "", 1}};
    return d;
}

template <class T> std::vector<T> rowsOf(const EditPlan& plan) {
    std::vector<T> rows;
    for (const auto& step : plan.steps)
        if (const auto* row = std::get_if<T>(&step)) rows.push_back(*row);
    return rows;
}

} // namespace

TEST_CASE("rules: removing a person keeps what they said, unattributed, and removes them last") {
    const auto plan = planRemovePerson(agenda(), 1);
    CHECK(plan.label == "Remove person");
    REQUIRE(rowsOf<Dilemma>(plan).size() == 1);
    CHECK(rowsOf<Dilemma>(plan)[0].presenter == 0);
    CHECK(rowsOf<Question>(plan).at(0).asker == 0);
    CHECK(rowsOf<Practice>(plan).at(0).suggestedBy == 0);
    CHECK(rowsOf<Contribution>(plan).at(0).person == 0);
    const auto* last = std::get_if<EditPlan::Remove>(&plan.steps.back());
    REQUIRE(last != nullptr);
    CHECK(last->table == Table::People);
    CHECK(last->id == 1);
}

TEST_CASE("rules: a session that holds dilemmas is not removed; an empty one frees its contributions") {
    auto d = agenda();
    CHECK_THROWS_AS(planRemoveSession(d, 1), RuleError);
    d.dilemmas.pop_back();
    const auto plan = planRemoveSession(d, 2);
    CHECK(rowsOf<Contribution>(plan).at(0).session == 0);
}

TEST_CASE("rules: removing a dilemma takes its children first and ends a discussion of one") {
    const auto plan = planRemoveDilemma(agenda(), 2);
    REQUIRE_FALSE(plan.steps.empty());
    const auto* first = std::get_if<EditPlan::Remove>(&plan.steps.front());
    REQUIRE(first != nullptr);
    CHECK(first->table == Table::Questions);
    const auto partners = rowsOf<Dilemma>(plan);
    REQUIRE(partners.size() == 1);
    CHECK(partners[0].id == 3);
    CHECK(partners[0].jointGroup == 0);
}

TEST_CASE("rules: a join takes a fresh group and brings partners along; a split ends a pair") {
    const auto join = planJoin(agenda(), {1, 2});
    const auto joined = rowsOf<Dilemma>(join);
    REQUIRE(joined.size() == 3); // 3 is 2's partner
    for (const auto& d : joined)
        CHECK(d.jointGroup == 5);
    CHECK_THROWS_AS(planJoin(agenda(), {1}), RuleError);
    const auto split = rowsOf<Dilemma>(planSplit(agenda(), 3));
    REQUIRE(split.size() == 2);
    CHECK(split[0].jointGroup == 0);
    CHECK(split[1].jointGroup == 0);
    CHECK(planSplit(agenda(), 1).steps.empty());
}

TEST_CASE("rules: moves renumber positions 1..n, across sessions too") {
    const auto plan = planMoveDilemma(agenda(), 3, 1, 0);
    const auto rows = rowsOf<Dilemma>(plan);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].id == 3);
    CHECK(rows[0].session == 1);
    CHECK(rows[0].position == 1);
    CHECK(rows[1].position == 2);
    CHECK(rows[2].position == 3);
    const auto sessions = rowsOf<ThematicSession>(planMoveSession(agenda(), 2, 0));
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].id == 2);
    CHECK(sessions[0].position == 1);
    CHECK_THROWS_AS(planMoveDilemma(agenda(), 99, 1, 0), RuleError);
}

namespace {

// Three rings: one with a statement, one with only a vote count, one with nothing but members.
SessionData conference() {
    SessionData d;
    d.workshop.format = Format::SocialOlympics;
    d.rings = {{1, "residents", "Residents", "#C05621", 1},
               {2, "experts", "Experts", "#4A5568", 2},
               {3, "youth", "Youth", "#2F855A", 3}};
    d.people = {{1, "Fatma Yılmaz", "", "", "", Role::Participant, 1},
                {2, "Jens Thorsen", "", "", "", Role::Participant, 3},
                {3, "Ayşe Demir", "", "", "", Role::Participant, 3}};
    d.statements = {{1, 1, 1, "More trees", 0}, {2, 1, 2, "Fewer cars", 0}, {3, 1, 3, "More green", 1}};
    d.votes = {{1, 1, 2, 1, 5, 3}, {2, 2, 2, 1, 4, 1}, {3, 1, 2, 2, 3, 2}}; // all cast by the experts
    return d;
}

std::string ruleError(const std::function<EditPlan()>& plan) {
    try {
        (void)plan();
    } catch (const RuleError& e) {
        return e.what();
    }
    FAIL("expected a RuleError");
    return {};
}

} // namespace

TEST_CASE("rules: a ring with statements or votes is not removed; an empty one lets its members go") {
    const auto data = conference();
    CHECK(ruleError([&] { return planRemoveRing(data, 1); }) ==
          "“Residents” cannot be removed: it already has 3 statements");
    CHECK(ruleError([&] { return planRemoveRing(data, 2); }) ==
          "“Experts” cannot be removed: it already has 3 vote counts");
    auto both = data;
    both.votes.push_back({4, 1, 1, 1, 5, 1});
    CHECK(ruleError([&] {
              return planRemoveRing(both, 1);
          }).starts_with("“Residents” cannot be removed: it already has 3 statements and 1 vote count"));
    CHECK_THROWS_AS(planRemoveRing(data, 99), RuleError);

    const auto plan = planRemoveRing(data, 3);
    CHECK(plan.label == "Remove ring");
    const auto members = rowsOf<Person>(plan);
    REQUIRE(members.size() == 2);
    CHECK(members[0].ring == 0);
    CHECK(members[1].ring == 0);
    const auto* last = std::get_if<EditPlan::Remove>(&plan.steps.back());
    REQUIRE(last != nullptr);
    CHECK(last->table == Table::Rings);
    CHECK(last->id == 3);
}

TEST_CASE("rules: moving a ring renumbers the rings 1..n") {
    const auto rows = rowsOf<Ring>(planMoveRing(conference(), 3, 0));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].id == 3);
    CHECK(rows[0].position == 1);
    CHECK(rows[1].id == 1);
    CHECK(rows[1].position == 2);
    CHECK(rows[2].position == 3);
    CHECK(rowsOf<Ring>(planMoveRing(conference(), 1, 0)).empty()); // already first: nothing to write
    CHECK_THROWS_AS(planMoveRing(conference(), 99, 0), RuleError);
}

TEST_CASE("rules: a statement goes with its vote tallies, never while others are merged into it") {
    const auto data = conference();
    CHECK(ruleError([&] { return planRemoveStatement(data, 1); }) ==
          "this statement cannot be removed: 1 other statement is merged into it");
    const auto plan = planRemoveStatement(data, 2);
    CHECK(plan.label == "Remove statement");
    REQUIRE(plan.steps.size() == 2);
    CHECK(std::get<EditPlan::Remove>(plan.steps[0]).table == Table::Votes);
    CHECK(std::get<EditPlan::Remove>(plan.steps[0]).id == 3);
    CHECK(std::get<EditPlan::Remove>(plan.steps[1]).table == Table::Statements);
    CHECK(std::get<EditPlan::Remove>(plan.steps[1]).id == 2);
    CHECK(planRemoveStatement(data, 3).steps.size() == 1); // merged into another: it just goes
    CHECK_THROWS_AS(planRemoveStatement(data, 99), RuleError);
}
