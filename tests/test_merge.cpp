// core::mergeSessions on workshops in memory: parallel rooms of one event become one workshop
// with new ids, every reference pointing where it pointed before, joint discussions kept apart,
// people met in several rooms merged once, and nothing lost.
#include "core/Merge.hpp"
#include "core/Text.hpp"
#include "support/Examples.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace plenary::core;

namespace {

// One room: two thematic sessions, a joint discussion (group 1), questions, practices, a module
// contribution and one of a session, and a phase log; every id offset so that no two inputs agree
// by accident.
SessionData room(const std::string& tag, Id base, std::vector<Person> people) {
    SessionData d;
    d.workshop.title = "Room " + tag;
    d.workshop.date = "2024-05-0" + std::to_string(base / 100);
    d.phases = {{"present", "Present", "", 180, 1}, {"questions", "Questions", "", 480, 2}};
    d.people = std::move(people);
    const Id someone = d.people.front().id;
    const Id other = d.people.back().id;
    d.sessions = {{base + 1, tag + " session 1", 1}, {base + 2, tag + " session 2", 2}};
    for (int k = 0; k < 3; ++k) {
        Dilemma dilemma;
        dilemma.id = base + 10 + k;
        dilemma.session = k < 2 ? base + 1 : base + 2;
        dilemma.position = k + 1;
        dilemma.question = tag + " dilemma " + std::to_string(k);
        dilemma.presenter = k == 0 ? someone : other;
        dilemma.jointGroup = k < 2 ? 1 : 0;
        d.dilemmas.push_back(dilemma);
        d.questions.push_back({base + 20 + k, dilemma.id, 1, tag + " question " + std::to_string(k), other});
        Practice practice;
        practice.id = base + 30 + k;
        practice.dilemma = dilemma.id;
        practice.position = 1;
        practice.title = tag + " practice " + std::to_string(k);
        practice.suggestedBy = someone;
        d.practices.push_back(practice);
        PhaseLogEntry entry;
        entry.id = base + 40 + k;
        entry.dilemma = dilemma.id;
        entry.phase = "present";
        entry.startedAt = "2024-05-01T09:00:00Z";
        d.phaseLog.push_back(entry);
    }
    d.contributions = {{base + 50, ContributionKind::Introduction, 0, someone, tag + " intro", "", 1},
                       {base + 51, ContributionKind::WrapUp, base + 2, other, tag + " wrap-up", "", 2}};
    return d;
}

Person person(Id id, std::string name, std::string organisation, std::string city = "",
              std::string country = "", Role role = Role::Participant) {
    return {id, std::move(name), std::move(organisation), std::move(city), std::move(country), role, 0};
}

template <class T> const T& byId(const std::vector<T>& items, Id id) {
    const auto found = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    REQUIRE_MESSAGE(found != items.end(), "no item " << id);
    return *found;
}

template <class T>
const T& byText(const std::vector<T>& items, const std::string& text, std::string T::*field) {
    const auto found =
        std::find_if(items.begin(), items.end(), [&](const T& item) { return item.*field == text; });
    REQUIRE_MESSAGE(found != items.end(), "nothing reads " << text);
    return *found;
}

std::string nameOf(const SessionData& d, Id person) {
    return person == 0 ? "" : byId(d.people, person).name;
}

// Every reference of the result names a row the result has.
void checkReferences(const SessionData& d) {
    std::set<Id> people, sessions, dilemmas;
    for (const auto& p : d.people)
        CHECK(people.insert(p.id).second);
    for (const auto& s : d.sessions)
        CHECK(sessions.insert(s.id).second);
    for (const auto& x : d.dilemmas) {
        CHECK(dilemmas.insert(x.id).second);
        CHECK(sessions.count(x.session) == 1);
        CHECK((x.presenter == 0 || people.count(x.presenter) == 1));
    }
    for (const auto& q : d.questions)
        CHECK((dilemmas.count(q.dilemma) == 1 && (q.asker == 0 || people.count(q.asker) == 1)));
    for (const auto& p : d.practices)
        CHECK((dilemmas.count(p.dilemma) == 1 && (p.suggestedBy == 0 || people.count(p.suggestedBy) == 1)));
    for (const auto& c : d.contributions)
        CHECK(((c.session == 0 || sessions.count(c.session) == 1) &&
               (c.person == 0 || people.count(c.person) == 1)));
    for (const auto& e : d.phaseLog)
        CHECK(dilemmas.count(e.dilemma) == 1);
}

} // namespace

TEST_CASE("merge: two rooms, ids remapped and every reference where it was") {
    const auto a =
        room("A", 100,
             {person(1, "Łukasz Nowak", "Gdańsk City Hall", "Gdańsk"), person(2, "Anna Berg", "Malmö stad")});
    const auto b = room("B", 200,
                        {person(7, "lukasz nowak ", " gdansk city hall", "", "PL", Role::Expert),
                         person(8, "Anna Berg", "Göteborgs stad", "Göteborg")});
    const auto merged = mergeSessions({a, b}, {{"a.plenary", "b.plenary"}, ""});
    const auto& d = merged.data;
    checkReferences(d);

    // Nothing lost: every count is the sum, people one less for Łukasz.
    REQUIRE(merged.inputCounts.size() == 2);
    CHECK(merged.inputCounts[0] == countsOf(a));
    CHECK(merged.inputCounts[1] == countsOf(b));
    const auto counts = countsOf(d);
    CHECK(counts == merged.expected);
    CHECK(counts.people == 3);
    CHECK(counts.sessions == 4);
    CHECK(counts.dilemmas == 6);
    CHECK(counts.questions == 6);
    CHECK(counts.practices == 6);
    CHECK(counts.contributions == 4);
    CHECK(counts.phaseLog == 6);

    // Łukasz is one person, written as the first room wrote him, with the country only the second
    // room knew; his role there differs and the first room's stays, noted.
    REQUIRE(merged.duplicates.size() == 1);
    CHECK(merged.duplicates[0].input == 1);
    CHECK(merged.duplicates[0].from == 7);
    const auto& lukasz = byId(d.people, merged.duplicates[0].into);
    CHECK(lukasz.name == "Łukasz Nowak");
    CHECK(lukasz.city == "Gdańsk");
    CHECK(lukasz.country == "PL");
    CHECK(lukasz.role == Role::Participant);
    const auto& notes = merged.duplicates[0].notes;
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].find("country \"PL\" taken from b.plenary") != std::string::npos);
    CHECK(notes[1].find("role participant kept; b.plenary has expert") != std::string::npos);
    // The two Anna Bergs work for different cities: two people.
    CHECK(std::count_if(d.people.begin(), d.people.end(),
                        [](const Person& p) { return p.name == "Anna Berg"; }) == 2);

    // Each room's rows point at the same things as before, under new ids.
    for (const std::string tag : {"A", "B"}) {
        const std::string someone = "Łukasz Nowak"; // in both rooms, one person
        const std::string other = "Anna Berg";
        const auto& d0 = byText(d.dilemmas, tag + " dilemma 0", &Dilemma::question);
        const auto& d2 = byText(d.dilemmas, tag + " dilemma 2", &Dilemma::question);
        CHECK(byId(d.sessions, d0.session).title == tag + " session 1");
        CHECK(byId(d.sessions, d2.session).title == tag + " session 2");
        CHECK(nameOf(d, d0.presenter) == someone);
        CHECK(nameOf(d, d2.presenter) == other);
        const auto& q = byText(d.questions, tag + " question 2", &Question::text);
        CHECK(q.dilemma == d2.id);
        CHECK(nameOf(d, q.asker) == other);
        const auto& p = byText(d.practices, tag + " practice 0", &Practice::title);
        CHECK(p.dilemma == d0.id);
        CHECK(nameOf(d, p.suggestedBy) == someone);
        const auto& wrap = byText(d.contributions, tag + " wrap-up", &Contribution::title);
        CHECK(wrap.session == d2.session);
        CHECK(byText(d.contributions, tag + " intro", &Contribution::title).session == 0);
        CHECK(std::count_if(d.phaseLog.begin(), d.phaseLog.end(),
                            [&](const PhaseLogEntry& e) { return e.dilemma == d2.id; }) == 1);
    }
    // Anna of Göteborg presented B's dilemma 2; Anna of Malmö A's.
    CHECK(byId(d.people, byText(d.dilemmas, "B dilemma 2", &Dilemma::question).presenter).organisation ==
          "Göteborgs stad");
    CHECK(byId(d.people, byText(d.dilemmas, "A dilemma 2", &Dilemma::question).presenter).organisation ==
          "Malmö stad");

    // Thematic sessions and contributions follow in input order.
    std::vector<std::string> titles;
    for (auto s : d.sessions)
        titles.push_back(s.title);
    std::vector<int> positions;
    for (auto s : d.sessions)
        positions.push_back(s.position);
    CHECK(titles == std::vector<std::string>{"A session 1", "A session 2", "B session 1", "B session 2"});
    CHECK(positions == std::vector<int>{1, 2, 3, 4});
    CHECK(byText(d.contributions, "A intro", &Contribution::title).position <
          byText(d.contributions, "B intro", &Contribution::title).position);
}

TEST_CASE("merge: joint discussions stay within their room") {
    const auto a = room("A", 100, {person(1, "Ann", "X")});
    const auto b = room("B", 200, {person(1, "Bob", "Y")});
    const auto d = mergeSessions({a, b}).data;
    const auto group = [&](const std::string& question) {
        return byText(d.dilemmas, question, &Dilemma::question).jointGroup;
    };
    CHECK(group("A dilemma 0") != 0);
    CHECK(group("A dilemma 0") == group("A dilemma 1"));
    CHECK(group("B dilemma 0") != 0);
    CHECK(group("B dilemma 0") == group("B dilemma 1"));
    CHECK(group("A dilemma 0") != group("B dilemma 0"));
    CHECK(group("A dilemma 2") == 0);
    CHECK(group("B dilemma 2") == 0);
}

TEST_CASE("merge: who is the same person") {
    CHECK(samePerson(person(1, "Łukasz Nowak", "Gdańsk"), person(2, "  lukasz NOWAK ", "gdansk ")));
    CHECK(samePerson(person(1, "Zoë Ødegård", ""), person(2, "zoe odegard", " ")));
    CHECK_FALSE(samePerson(person(1, "Łukasz Nowak", "Gdańsk"), person(2, "Łukasz Nowak", "Gdynia")));
    CHECK_FALSE(samePerson(person(1, "Łukasz Nowak", ""), person(2, "Łukasz Nowakowski", "")));
    CHECK_FALSE(samePerson(person(1, "", "Gdańsk"), person(2, " ", "Gdańsk")));

    // Two records in one room stay two people; a third room's record joins the first of them.
    auto a = room("A", 100, {person(1, "Ann", "X", ""), person(2, "ann", "x", "Oslo")});
    auto b = room("B", 200, {person(3, "ANN", "X", "Bergen", "NO")});
    auto c = room("C", 300, {person(4, "Ann", "X", "Tromsø")});
    const auto merged = mergeSessions({a, b, c}, {{"a", "b", "c"}, ""});
    CHECK(merged.data.people.size() == 2);
    REQUIRE(merged.duplicates.size() == 2);
    CHECK(merged.duplicates[0].into == 1);
    CHECK(merged.duplicates[1].into == 1);
    const auto& ann = byId(merged.data.people, 1);
    CHECK(ann.city == "Bergen"); // the first non-empty city
    CHECK(ann.country == "NO");
    REQUIRE(merged.duplicates[1].notes.size() == 1);
    CHECK(merged.duplicates[1].notes[0] == "Ann (X): city \"Bergen\" kept; c has \"Tromsø\"");
    CHECK(countsOf(merged.data) == merged.expected);

    // People without a name are nobody's duplicate.
    const auto nameless =
        mergeSessions({room("A", 100, {person(1, "", "X")}), room("B", 200, {person(1, "", "X")})});
    CHECK(nameless.data.people.size() == 2);
    CHECK(nameless.duplicates.empty());
}

TEST_CASE("merge: the header takes the event's span and the first non-empty words") {
    auto a = room("A", 300, {person(1, "Ann", "X")});
    auto b = room("B", 100, {person(1, "Bob", "Y")});
    auto c = room("C", 200, {person(1, "Cem", "Z")});
    a.workshop.venue = "";
    b.workshop.venue = "Mechelen";
    c.workshop.venue = "Gent";
    c.workshop.description = "Third room";
    c.workshop.endDate = "2024-05-09";
    auto d = mergeSessions({a, b, c}).data;
    CHECK(d.workshop.title == "Room A");
    CHECK(d.workshop.date == "2024-05-01");
    CHECK(d.workshop.endDate == "2024-05-09");
    CHECK(d.workshop.venue == "Mechelen");
    CHECK(d.workshop.description == "Third room");
    CHECK(d.phases == a.phases);

    c.workshop.endDate = "";
    b.phases.clear();
    d = mergeSessions({b, c}, {{}, "Urban Academy, all rooms"}).data;
    CHECK(d.workshop.title == "Urban Academy, all rooms");
    CHECK(d.workshop.date == "2024-05-01");
    CHECK(d.workshop.endDate == "2024-05-02");
    CHECK(d.phases.empty()); // the first input's phases, even none

    // One day in every room: no end date.
    c.workshop.date = b.workshop.date;
    d = mergeSessions({b, c}).data;
    CHECK(d.workshop.date == "2024-05-01");
    CHECK(d.workshop.endDate.empty());
}

TEST_CASE("merge: refusals are one line naming the input") {
    const auto a = room("A", 100, {person(1, "Ann", "X")});
    auto b = room("B", 200, {person(1, "Bob", "Y")});
    CHECK_THROWS_WITH_AS(mergeSessions({a}), "a merge needs at least two workshops", MergeError);

    auto conference = plenary::test::exampleSession("social-olympics-renewal");
    CHECK_THROWS_WITH_AS(
        mergeSessions({a, conference}, {{"a.plenary", "so.plenary"}, ""}),
        doctest::Contains("mixed formats: a.plenary is urban-academy, so.plenary is social-olympics"),
        MergeError);
    CHECK_THROWS_WITH_AS(
        mergeSessions({conference, conference}, {{"so.plenary", "so2.plenary"}, ""}),
        "Social Olympics conferences cannot be merged: their votes belong to one room's rounds "
        "(so.plenary)",
        MergeError);

    // A file whose parts do not fit together is refused rather than merged wrongly.
    b.questions[1].dilemma = 999;
    CHECK_THROWS_WITH_AS(
        mergeSessions({a, b}, {{"a.plenary", "b.plenary"}, ""}),
        "b.plenary: question 221 refers to dilemma 999, which the file does not have; nothing "
        "was merged",
        MergeError);
    b = room("B", 200, {person(1, "Bob", "Y")});
    b.dilemmas[0].presenter = 42;
    CHECK_THROWS_WITH_AS(mergeSessions({a, b}),
                         doctest::Contains("input 2: dilemma 210's presenter refers to person 42"),
                         MergeError);
    b = room("B", 200, {person(1, "Bob", "Y"), person(1, "Bo", "Y")});
    CHECK_THROWS_WITH_AS(mergeSessions({a, b}), doctest::Contains("two of its people share the id 1"),
                         MergeError);
    b = room("B", 200, {person(1, "Bob", "Y")});
    b.rings.push_back({1, "r", "Ring", "#000000", 1});
    CHECK_THROWS_WITH_AS(mergeSessions({a, b}), doctest::Contains("holds Social Olympics rings"), MergeError);
}

TEST_CASE("merge: the demo workshop with a changed copy of itself") {
    const auto demo = plenary::test::exampleSession("urban-academy-education");
    auto copy = demo;
    copy.workshop.date = "2019-03-15";
    copy.people[5].name = " " + foldForSearch(copy.people[5].name) + " "; // as someone typed it in a hurry
    copy.people.push_back(person(1000, "Nieuwe Deelnemer", "Gemeente Gent", "Gent", "BE"));
    copy.questions[0].asker = 1000;
    const auto merged = mergeSessions({demo, copy}, {{"demo", "copy"}, ""});
    const auto& d = merged.data;
    checkReferences(d);
    CHECK(merged.duplicates.size() == demo.people.size());
    CHECK(d.people.size() == demo.people.size() + 1);
    CHECK(d.sessions.size() == 2 * demo.sessions.size());
    CHECK(d.dilemmas.size() == 2 * demo.dilemmas.size());
    CHECK(d.questions.size() == 2 * demo.questions.size());
    CHECK(d.practices.size() == 2 * demo.practices.size());
    CHECK(d.contributions.size() == 2 * demo.contributions.size());
    CHECK(d.phaseLog.size() == 2 * demo.phaseLog.size());
    CHECK(countsOf(d) == merged.expected);
    CHECK(d.workshop.date == "2019-03-14");
    CHECK(d.workshop.endDate == "2019-03-15");
    // The copy's first question was asked by the newcomer; the demo's by whoever asked it there.
    const auto second = demo.questions.size();
    CHECK(nameOf(d, d.questions[second].asker) == "Nieuwe Deelnemer");
    CHECK(nameOf(d, d.questions[0].asker) == nameOf(demo, demo.questions[0].asker));
    // The demo's joint discussion appears twice, as two groups.
    std::set<Id> groups;
    for (const auto& x : d.dilemmas)
        if (x.jointGroup != 0) groups.insert(x.jointGroup);
    CHECK(groups.size() == 2);
}

TEST_CASE("merge: counts that differ are said in words") {
    WorkshopCounts expected{12, 4, 6};
    CHECK(countsDifference(expected, expected).empty());
    WorkshopCounts actual = expected;
    actual.undoSteps = 3;
    CHECK(countsDifference(expected, actual).empty());
    actual.people = 11;
    actual.dilemmas = 7;
    CHECK(countsDifference(expected, actual) == "people 11, expected 12, dilemmas 7, expected 6");
}
