#include "core/Agenda.hpp"
#include "core/Matching.hpp"
#include "core/PhaseTimer.hpp"
#include "core/ResultDraft.hpp"
#include "core/Text.hpp"

#include <doctest/doctest.h>

using namespace plenary::core;

TEST_CASE("live core: the timer is green, orange at 20 % left, red at 5 %, then counts the overrun") {
    PhaseTimer timer(100);
    CHECK(timer.colour(0) == TimerColour::Green);
    timer.start(10.0);
    CHECK(timer.remaining(40.0) == doctest::Approx(70.0));
    CHECK(timer.colour(89.0) == TimerColour::Green);   // 21 s left
    CHECK(timer.colour(90.0) == TimerColour::Orange);  // 20 s left = 20 %
    CHECK(timer.colour(104.0) == TimerColour::Orange); // 6 s left
    CHECK(timer.colour(105.0) == TimerColour::Red);    // 5 s left = 5 %
    CHECK(timer.colour(111.0) == TimerColour::Overrun);
    CHECK(formatClock(timer.remaining(175.0)) == "+1:05");
    timer.pause(50.0); // 40 s elapsed
    CHECK_FALSE(timer.running());
    CHECK(timer.elapsed(500.0) == doctest::Approx(40.0)); // paused time does not count
    timer.start(600.0);
    CHECK(timer.elapsed(610.0) == doctest::Approx(50.0));
    timer.addSeconds(60);
    CHECK(timer.duration() == 160);
    CHECK(timer.remaining(610.0) == doctest::Approx(110.0));
    timer.reset();
    CHECK(timer.elapsed(700.0) == doctest::Approx(0.0));
    CHECK_FALSE(timer.running());
}

TEST_CASE("live core: clock text") {
    CHECK(formatClock(480.0) == "8:00");
    CHECK(formatClock(0.4) == "0:01");
    CHECK(formatClock(0.0) == "0:00");
    CHECK(formatClock(-0.5) == "+0:00");
    CHECK(formatClock(3723.0) == "1:02:03");
}

namespace {

SessionData agenda() {
    SessionData d;
    d.sessions = {{1, "First", 2}, {2, "Second", 1}};
    // Session 2 comes first by position; dilemma 4 and 5 are joined; 3 is skipped.
    d.dilemmas = {
        {1, 1, 1, "A?", 0, "", "", "", DilemmaStatus::Pending, 0},
        {2, 1, 2, "B?", 0, "", "", "", DilemmaStatus::Pending, 0},
        {3, 2, 1, "C?", 0, "", "", "", DilemmaStatus::Skipped, 0},
        {4, 2, 2, "D?", 0, "", "", "", DilemmaStatus::Pending, 7},
        {5, 2, 3, "E?", 0, "", "", "", DilemmaStatus::Pending, 7},
    };
    return d;
}

} // namespace

TEST_CASE(
    "live core: running order follows positions, shows a joint discussion once and skips skipped ones") {
    const auto d = agenda();
    const auto order = runningOrder(d);
    REQUIRE(order.size() == 4);
    CHECK(order[0]->id == 3);
    CHECK(order[1]->id == 4);
    CHECK(order[2]->id == 1);
    CHECK(order[3]->id == 2);
    CHECK(nextDilemma(d, 0) == 4); // first runnable one
    CHECK(nextDilemma(d, 4) == 1);
    CHECK(nextDilemma(d, 5) == 1); // a member of the joint discussion moves on like its lead
    CHECK(nextDilemma(d, 2) == 0);
    CHECK(previousDilemma(d, 1) == 4);
    CHECK(previousDilemma(d, 4) == 0); // 3 is skipped
    CHECK(leadOf(d, 5) == 4);
    CHECK(jointMembers(d, 5).size() == 2);
    CHECK(newJointGroup(d) == 8);
    CHECK(captureFor("questions") == CaptureKind::Question);
    CHECK(captureFor("ideas") == CaptureKind::Practice);
    CHECK(captureFor("reflection") == CaptureKind::Reflection);
    CHECK(captureFor("result") == CaptureKind::Result);
    CHECK(captureFor("present") == CaptureKind::Context);
}

TEST_CASE("live core: catalog matches ignore case and diacritics and rank title words first") {
    std::vector<CatalogPractice> catalog{
        {"a", "Mentoring for young refugees", "Łódź", "PL", "youth", "refugees", "",
         "Pairs newcomers with mentors.", "x"},
        {"b", "Language café", "Göteborg", "SE", "language", "adults", "", "Informal mentoring in Swedish.",
         "x"},
        {"c", "Housing first", "Wien", "AT", "housing", "homeless", "", "Homes before anything else.", "x"},
    };
    auto hits = matchCatalog(catalog, "mentoring lodz");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0]->id == "a"); // title and place match
    CHECK(hits[1]->id == "b"); // only the summary matches
    CHECK(matchCatalog(catalog, "goteb").front()->id == "b");
    CHECK(matchCatalog(catalog, "a b").empty()); // words too short to mean anything
    CHECK(matchCatalog(catalog, "zzz").empty());
}

TEST_CASE("live core: people type-ahead matches the start of any name word") {
    std::vector<Person> people(3);
    people[0].id = 1, people[0].name = "Agnė Petrauskienė";
    people[1].id = 2, people[1].name = "Łukasz Wiśniewski";
    people[2].id = 3, people[2].name = "Ana-Maria Stan";
    CHECK(matchPeople(people, "").size() == 3);
    REQUIRE(matchPeople(people, "luk").size() == 1);
    CHECK(matchPeople(people, "luk").front()->id == 2);
    CHECK(matchPeople(people, "petr").front()->id == 1);
    CHECK(matchPeople(people, "stan ana").front()->id == 3);
    CHECK(matchPeople(people, "x").empty());
}

TEST_CASE("live core: the result draft lists the practices of the whole joint discussion") {
    auto d = agenda();
    d.people.resize(1);
    d.people[0].id = 9;
    d.people[0].name = "Sanna Mäkinen";
    d.dilemmas[3].reflection = "Focus on the schools first.";
    Practice p1;
    p1.id = 1, p1.dilemma = 4, p1.title = "Welcome classes", p1.description = "Small classes for newcomers.";
    p1.city = "Vantaa", p1.country = "FI", p1.suggestedBy = 9;
    Practice p2;
    p2.id = 2, p2.dilemma = 5, p2.title = "Parent cafés", p2.country = "DE";
    d.practices = {p1, p2};
    d.questions = {{1, 4, 1, "How?", 0, true, false}};
    const auto draft = draftResult(d, 5);
    CHECK(draft.find("Reflection: Focus on the schools first.") != std::string::npos);
    CHECK(draft.find("2 ideas and practices") != std::string::npos);
    CHECK(draft.find(
              "- Welcome classes, Vantaa (FI), suggested by Sanna Mäkinen: Small classes for newcomers.") !=
          std::string::npos);
    CHECK(draft.find("- Parent cafés, DE\n") != std::string::npos);
    CHECK(draft.find("1 question was asked") != std::string::npos);
    CHECK(draftResult(d, 1).find("No practices were suggested.") != std::string::npos);
}

TEST_CASE("live core: text folding and fitting") {
    CHECK(foldForSearch("Łódź ŒUVRE Straße ÅØÆ") == "lodz oeuvre strasse aoae");
    CHECK(foldForSearch("Αθήνα") == "αθηνα"); // Greek is lower-cased and its accents go too
    CHECK(ellipsize("Gdańsk–Łódź", 5) == "Gdańs…");
    CHECK(firstInvalidUtf8("ok \xC3") == 3);
    CHECK(firstInvalidUtf8("Zoë €") == std::string_view::npos);
}

TEST_CASE("live core: a draft never replaces a result the rapporteur wrote") {
    CHECK(withDraft("", "Participants suggested 2 ideas.") == "Participants suggested 2 ideas.");
    CHECK(withDraft("  \n", "Draft") == "Draft");
    CHECK(withDraft("We agreed to start with parents.", "Draft") ==
          "We agreed to start with parents.\n\nDraft");
    CHECK(withDraft("Ours.\n\nDraft", "Draft") == "Ours.\n\nDraft"); // asked twice: added once
}

TEST_CASE("live core: the draft writes no stray comma for an untitled practice or a country alone") {
    auto d = agenda();
    Practice p1;
    p1.id = 1, p1.dilemma = 4, p1.title = "", p1.country = "NL", p1.description = "Pairs of newcomers.";
    Practice p2;
    p2.id = 2, p2.dilemma = 4, p2.title = "Buddies ", p2.city = " ", p2.country = "BE";
    d.practices = {p1, p2};
    const auto draft = draftResult(d, 4);
    CHECK(draft.find("\n- NL: Pairs of newcomers.") != std::string::npos);
    CHECK(draft.find("\n- Buddies, BE") != std::string::npos);
    CHECK(draft.find("- ,") == std::string::npos);
}
