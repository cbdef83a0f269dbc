// The setup screen's smaller promises (issue 8): choosing a CSV file inside the program, "~" in
// typed paths, adding a dilemma, Alt+↑/↓ keeping the keyboard, ticking without moving the rows,
// and warnings where two things share a name.
#include "support/ScreenFixture.hpp"

#include "core/Matching.hpp"
#include "session/FolderListing.hpp"
#include "session/Operations.hpp"
#include "session/Paths.hpp"

#include <imgui_internal.h>

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

using namespace plenary;
namespace fs = std::filesystem;
namespace keys = ui::keys;

namespace {

void openSetupTab(test::ScreenFixture& f, const std::string& tab) {
    f.openExample("urban-academy-education");
    f.state.setScreen("setup");
    f.harness.frame(2);
    REQUIRE(f.harness.click("tab:" + tab));
    f.harness.frame(2);
}

std::vector<std::string> names(const session::FolderListing& listing) {
    std::vector<std::string> out;
    for (const auto& entry : listing.entries)
        out.push_back(entry.folder ? entry.name + "/" : entry.name);
    return out;
}

// $HOME for the length of a test, put back afterwards (tests run one after another).
struct HomeFor {
    explicit HomeFor(const fs::path& home) {
        if (const char* old = std::getenv("HOME")) m_old = old;
        ::setenv("HOME", home.c_str(), 1);
    }
    ~HomeFor() {
        if (m_old)
            ::setenv("HOME", m_old->c_str(), 1);
        else
            ::unsetenv("HOME");
    }
    HomeFor(const HomeFor&) = delete;
    HomeFor& operator=(const HomeFor&) = delete;

private:
    std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("setup: a folder lists its folders first, then its .csv files, names in any case") {
    test::TempDir dir;
    for (const char* folder : {"zeta", "Alpha", ".hidden"})
        fs::create_directory(dir / folder);
    for (const char* file : {"b.csv", "A.CSV", "notes.txt", ".secret.csv", "Ćwiczenia.csv"})
        test::writeFile(dir / file, "name\n");
    const auto listing = session::listFolder(dir.path(), ".csv");
    CHECK(listing.problem.empty());
    CHECK(names(listing) == std::vector<std::string>{"Alpha/", "zeta/", "A.CSV", "b.csv", "Ćwiczenia.csv"});
}

TEST_CASE("setup: a folder that cannot be read is said so, never thrown") {
    test::TempDir dir;
    const auto missing = session::listFolder(dir / "gone", ".csv");
    CHECK(missing.entries.empty());
    CHECK(missing.problem.find("gone") != std::string::npos);
    test::writeFile(dir / "file.csv", "name\n");
    const auto notAFolder = session::listFolder(dir / "file.csv", ".csv");
    CHECK(notAFolder.entries.empty());
    CHECK_FALSE(notAFolder.problem.empty());
}

TEST_CASE("setup: ~ in a typed path is the home folder") {
    const fs::path home = "/home/sanna";
    CHECK(session::expandHome("~", home) == home);
    CHECK(session::expandHome("~/", home) == home / "");
    CHECK(session::expandHome("~/workshops/people.csv", home) == home / "workshops/people.csv");
    CHECK(session::expandHome("~sanna/people.csv", home) == fs::path("~sanna/people.csv"));
    CHECK(session::expandHome("/tmp/~/people.csv", home) == fs::path("/tmp/~/people.csv"));
    CHECK(session::expandHome("people.csv", home) == fs::path("people.csv"));
}

TEST_CASE("setup: the command line imports a CSV from ~ into a file in ~") {
    test::TempDir home;
    fs::copy_file(std::string(PLENARY_TEST_FIXTURES) + "/participants.csv", home / "participants.csv");
    const auto result = test::run(PLENARY_BINARY, {"import", "~/participants.csv", "-o", "~/module.plenary"},
                                  {"HOME=" + home.path().string()});
    CHECK_MESSAGE(result.exitCode == 0, result.err);
    CHECK(fs::exists(home / "module.plenary"));
}

TEST_CASE("setup: the CSV chooser walks folders and picks a file, which then imports") {
    test::ScreenFixture f;
    openSetupTab(f, "People");
    test::TempDir files;
    fs::create_directory(files / "spring");
    fs::copy_file(std::string(PLENARY_TEST_FIXTURES) + "/participants.csv", files / "spring" / "people.csv");
    test::writeFile(files / "readme.txt", "not a spreadsheet");
    f.state.settings().lastFolder = files.path().string();
    auto& h = f.harness;
    const auto before = f.state.data().people.size();
    REQUIRE(h.click("csv-choose"));
    h.frame(2);
    CHECK(h.hasText(files.path().string()));
    CHECK(h.hasItem("browse:spring"));
    CHECK_FALSE(h.hasItem("browse:readme.txt"));
    REQUIRE(h.click("browse:spring"));
    h.frame(2);
    REQUIRE(h.click("browse:.."));
    h.frame(2);
    REQUIRE(h.click("browse:spring"));
    h.frame(2);
    REQUIRE(h.click("browse:people.csv"));
    h.frame(2);
    CHECK_FALSE(h.hasItem("browse:people.csv")); // the chooser has closed
    REQUIRE(h.click("Import CSV"));
    h.frame(2);
    CHECK(f.state.data().people.size() > before);
    CHECK(f.state.settings().lastFolder == (files / "spring").string());
}

TEST_CASE("setup: a folder the chooser cannot read is a message, and .. still leads out") {
    test::ScreenFixture f;
    openSetupTab(f, "People");
    test::TempDir files;
    fs::create_directory(files / "soon-gone");
    f.state.settings().lastFolder = files.path().string();
    auto& h = f.harness;
    REQUIRE(h.click("csv-choose"));
    h.frame(2);
    fs::remove(files / "soon-gone"); // gone between listing and clicking (a USB stick pulled out)
    REQUIRE(h.click("browse:soon-gone"));
    h.frame(2);
    CHECK(h.hasText("Cannot read the folder"));
    REQUIRE(h.click("browse:.."));
    h.frame(2);
    CHECK_FALSE(h.hasText("Cannot read the folder"));
    CHECK(h.hasText("No folders or .csv files here."));
    REQUIRE(h.click("csv-chooser-cancel"));
    h.frame(2);
    CHECK_FALSE(h.hasItem("csv-chooser-cancel"));
}

TEST_CASE("setup: a path typed with ~ imports from the home folder") {
    test::TempDir home;
    const HomeFor homeFor(home.path());
    fs::copy_file(std::string(PLENARY_TEST_FIXTURES) + "/participants.csv", home / "people.csv");
    test::ScreenFixture f;
    openSetupTab(f, "People");
    auto& h = f.harness;
    const auto before = f.state.data().people.size();
    REQUIRE(h.click("csv-path"));
    h.pressKey(keys::A, true);
    h.type("~/people.csv");
    REQUIRE(h.click("Import CSV"));
    h.frame(2);
    CHECK_MESSAGE(f.state.data().people.size() > before, f.state.message());
    // The chooser opens in the folder of what is typed, home here.
    REQUIRE(h.click("csv-choose"));
    h.frame(2);
    CHECK(h.hasItem("browse:people.csv"));
}

namespace {

std::vector<core::Id> dilemmaOrder(test::ScreenFixture& f, core::Id session) {
    std::vector<core::Id> ids;
    for (const std::size_t i : f.state.workshop()->agenda().dilemmasIn(session))
        ids.push_back(f.state.data().dilemmas[i].id);
    return ids;
}

const core::Dilemma* dilemmaById(test::ScreenFixture& f, core::Id id) {
    for (const auto& d : f.state.data().dilemmas)
        if (d.id == id) return &d;
    return nullptr;
}

} // namespace

TEST_CASE("setup: Alt+Down and Alt+Up keep the keyboard in the moved dilemma's question") {
    test::ScreenFixture f;
    openSetupTab(f, "Sessions and dilemmas");
    auto& h = f.harness;
    const core::Id session = f.state.data().sessions.front().id;
    const auto before = dilemmaOrder(f, session);
    REQUIRE(before.size() >= 3);
    const core::Id moved = before[0];
    const std::string question = dilemmaById(f, moved)->question;
    REQUIRE(h.click("question:" + std::to_string(moved)));
    h.pressKey(keys::Down, ui::Headless::Modifiers{false, false, true});
    h.frame(2);
    h.pressKey(keys::Down, ui::Headless::Modifiers{false, false, true});
    h.frame(2);
    CHECK(dilemmaOrder(f, session)[2] == moved);
    h.pressKey(keys::Up, ui::Headless::Modifiers{false, false, true});
    h.frame(2);
    CHECK(dilemmaOrder(f, session)[1] == moved);
    h.pressKey(keys::End);
    h.type(" (moved)");
    h.pressKey(keys::Escape);
    h.frame(2);
    CHECK(dilemmaById(f, moved)->question == question + " (moved)");
    for (const auto other : before)
        if (other != moved) CHECK(dilemmaById(f, other)->question.find("(moved)") == std::string::npos);
}

TEST_CASE("setup: Add dilemma stores an empty question and puts the keyboard in it") {
    test::ScreenFixture f;
    openSetupTab(f, "Sessions and dilemmas");
    auto& h = f.harness;
    const core::Id session = f.state.data().sessions.front().id;
    const auto before = dilemmaOrder(f, session);
    REQUIRE(h.click("Add dilemma##" + std::to_string(session)));
    h.frame(2);
    const auto after = dilemmaOrder(f, session);
    REQUIRE(after.size() == before.size() + 1);
    const core::Id added = after.back();
    CHECK(dilemmaById(f, added)->question.empty());
    CHECK(h.hasText("the dilemma's question")); // the hint, in the empty field
    h.type("Who decides which school a newcomer goes to?");
    h.pressKey(keys::Escape);
    h.frame(2);
    CHECK(dilemmaById(f, added)->question == "Who decides which school a newcomer goes to?");
}

TEST_CASE("setup: ticking dilemmas to discuss together never moves the rows under the mouse") {
    test::ScreenFixture f;
    openSetupTab(f, "Sessions and dilemmas");
    auto& h = f.harness;
    const auto order = dilemmaOrder(f, f.state.data().sessions.front().id);
    REQUIRE(order.size() >= 2);
    const std::string first = "select:" + std::to_string(order[0]);
    const std::string second = "select:" + std::to_string(order[1]);
    const auto firstBefore = h.itemRect(first);
    const auto secondBefore = h.itemRect(second);
    REQUIRE(firstBefore);
    REQUIRE(secondBefore);
    REQUIRE(h.click(first));
    CHECK(h.itemRect(first)->min.y == firstBefore->min.y);
    CHECK(h.itemRect(second)->min.y == secondBefore->min.y);
    REQUIRE(h.click(second));
    CHECK(h.itemRect(first)->min.y == firstBefore->min.y);
    REQUIRE(h.click("Discuss together"));
    CHECK(dilemmaById(f, order[0])->jointGroup != 0);
    CHECK(dilemmaById(f, order[0])->jointGroup == dilemmaById(f, order[1])->jointGroup);
}

TEST_CASE("setup: the library shows the file names of workshops with the same title") {
    test::ScreenFixture f;
    const auto& resources = f.state.resources();
    session::createInFolder(resources, "urban-academy", f.dir.path(), "Spring school");
    session::createInFolder(resources, "urban-academy", f.dir.path(), "spring school ");
    session::createInFolder(resources, "urban-academy", f.dir.path(), "Autumn school");
    f.state.worker().library().refresh();
    f.harness.frame(2);
    CHECK(f.harness.hasText("Spring-school.plenary"));
    CHECK(f.harness.hasText("spring-school.plenary"));
    CHECK_FALSE(f.harness.hasText("Autumn-school.plenary")); // its title is enough
}

TEST_CASE("setup: two people of one name are warned about as soon as the second is added") {
    test::ScreenFixture f;
    openSetupTab(f, "People");
    auto& h = f.harness;
    CHECK_FALSE(h.hasText("More than one person is called"));
    const std::string existing = f.state.data().people.front().name;
    REQUIRE(h.click("new-person"));
    h.type(existing);
    h.pressKey(keys::Enter);
    h.frame(2);
    CHECK(h.hasText("More than one person is called “" + existing + "”"));
    h.pressKey(keys::Z, true); // undone: one of them again, and the warning goes
    h.frame(2);
    CHECK_FALSE(h.hasText("More than one person is called"));
}

TEST_CASE("setup: names are the same for \"who?\" whatever their case, accents and spacing") {
    std::vector<core::Person> people(4);
    people[0].name = "Jörg Brückner";
    people[1].name = "Sanna Mäkinen";
    people[2].name = "jorg  BRUCKNER";
    people[3].name = "Sanna Makinen-Virta";
    CHECK(core::sharedNames(people) == std::vector<std::string>{"Jörg Brückner"});
}
