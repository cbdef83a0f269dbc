// Names and titles are shown in the order people read them: case and diacritics do not move a
// name to the end of the list (SQLite's NOCASE put "Åsa" and "Łukasz" after "Zoë"), and a fresh
// load, a snapshot patched in place and the library agree on it.
#include "store_test_util.hpp"

#include "core/Text.hpp"
#include "session/OpenWorkshop.hpp"
#include "session/Library.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace plenary;
using store_test::TempDir;

namespace {

const std::vector<std::string> kExpected{"Åsa",     "ásA",    "Bálint",    "Birgit", "lukas", "Łukasz",
                                         "Øystein", "Straße", "strasse z", "Zoe",    "Zoë",   "zoe"};

std::vector<std::string> namesOf(const std::vector<core::Person>& people) {
    std::vector<std::string> names;
    for (const auto& p : people)
        names.push_back(p.name);
    return names;
}

} // namespace

TEST_CASE("sorting: names compare without case and diacritics, ties by their bytes") {
    CHECK(core::compareForSorting("Bálint", "Birgit") < 0);
    CHECK(core::compareForSorting("Åsa", "Zoë") < 0);
    CHECK(core::compareForSorting("Łukasz", "Zoë") < 0);
    CHECK(core::compareForSorting("Łukasz", "Lukas") > 0);
    CHECK(core::compareForSorting("Øystein", "Oz") < 0);
    CHECK(core::compareForSorting("Đorđe", "Dorf") < 0);
    CHECK(core::compareForSorting("Straße", "Strasse") != 0); // alike when folded, told apart by bytes
    CHECK(core::compareForSorting("Strasse", "Straße") == -core::compareForSorting("Straße", "Strasse"));
    CHECK(core::compareForSorting("Æsa", "Aesb") < 0);
    CHECK(core::compareForSorting("zoë", "Zoë") != 0);
    CHECK(core::compareForSorting("Zoë", "Zoë") == 0);
}

TEST_CASE("sorting: the people list is in that order after a load and after every edit in place") {
    TempDir dir;
    const auto path = dir / "names.plenary";
    auto data = store_test::smallSession();
    // Inserted in an order that is neither the expected one nor its reverse.
    std::vector<std::string> shuffled = kExpected;
    std::rotate(shuffled.begin(), shuffled.begin() + 5, shuffled.end());
    std::swap(shuffled[0], shuffled[7]);
    core::Id id = 1;
    for (const auto& name : shuffled)
        data.people.push_back(core::Person{id++, name, "", "", "", core::Role::Participant, 0});
    store::SessionStore::create(path, data);
    CHECK(namesOf(store::SessionStore::open(path, store::OpenMode::ReadOnly)->people()) == kExpected);

    // Renames and additions are placed where a fresh load puts them.
    session::OpenWorkshop w(path, session::OpenWorkshop::Mode::Edit, [](session::Message) {});
    REQUIRE(namesOf(w.data().people) == kExpected);
    w.addPerson(core::Person{0, "Émile", "", "", "", core::Role::Participant, 0});
    auto renamed = w.data().people.front();
    renamed.name = "Ávila";
    w.updatePerson(renamed);
    const auto fresh = store::SessionStore::open(path, store::OpenMode::ReadOnly)->people();
    CHECK(w.data().people == fresh);
    const auto names = namesOf(fresh);
    CHECK(names.front() == "ásA");
    CHECK(std::find(names.begin(), names.end(), "Émile") < std::find(names.begin(), names.end(), "Łukasz"));
    CHECK(std::find(names.begin(), names.end(), "Ávila") < std::find(names.begin(), names.end(), "Bálint"));
}

TEST_CASE("sorting: the library lists workshops of one date by title in the same order") {
    TempDir dir;
    for (const std::string title : {"zoning", "Éducation", "Bürgerhaushalt", "Açores", "Brno"}) {
        auto data = store_test::smallSession();
        data.workshop.title = title;
        store::SessionStore::create(dir / (std::to_string(title.size()) + title + ".plenary"), data);
    }
    std::vector<std::string> titles;
    session::Library library(dir.path());
    for (const auto& entry : library.entries())
        titles.push_back(entry.workshop.title);
    CHECK(titles == std::vector<std::string>{"Açores", "Brno", "Bürgerhaushalt", "Éducation", "zoning"});
}
