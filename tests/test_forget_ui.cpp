// The People tab's "Forget…": it asks first, Cancel changes nothing, Forget forgets for good.
#include "support/ScreenFixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace plenary;

TEST_CASE("forget: the People tab asks first, then forgets the person in the open workshop") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    f.state.setScreen("setup");
    auto& h = f.harness;
    h.frame(2);
    REQUIRE(h.click("tab:People"));
    h.frame(2);
    const auto person = f.state.data().people.front();
    const auto count = f.state.data().people.size();
    REQUIRE(h.click("forget-person:" + person.name));
    h.frame(2);
    CHECK(h.hasText("Forget " + person.name + "?"));
    CHECK(h.hasText("This cannot be undone."));
    REQUIRE(h.click("forget-cancel"));
    h.frame(2);
    CHECK_FALSE(h.hasText("This cannot be undone."));
    CHECK(f.state.data().people.front() == person);

    REQUIRE(h.click("forget-person:" + person.name));
    h.frame(2);
    REQUIRE(h.click("forget-confirm"));
    h.frame(3);
    const auto& people = f.state.data().people;
    CHECK(people.size() == count);
    CHECK(std::none_of(people.begin(), people.end(),
                       [&](const core::Person& p) { return p.name == person.name; }));
    const auto forgotten =
        std::find_if(people.begin(), people.end(), [&](const core::Person& p) { return p.id == person.id; });
    REQUIRE(forgotten != people.end());
    CHECK(forgotten->name == "A participant");
    CHECK(forgotten->organisation.empty());
    CHECK(f.state.message().find("Forgotten: 1 person forgotten") != std::string::npos);
    CHECK_FALSE(f.state.workshop()->canUndo());
    CHECK_FALSE(h.hasItem("forget-person:A participant")); // nothing left to forget
}
