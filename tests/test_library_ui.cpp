// The library's screens driven as a user would: filters, search, a click that opens the workshop
// at the match, the practices, merging rooms, and the similar past dilemmas beside the live screen.
#include "support/ScreenFixture.hpp"

#include "store/SessionStore.hpp"
#include "ui/UiTrace.hpp"

#include <SQLiteCpp/Database.h>

namespace fs = std::filesystem;
using namespace plenary;

namespace {

// The demo workshop again under another name, title, date and place.
fs::path copyAs(test::ScreenFixture& f, const fs::path& from, const std::string& stem, const std::string& title,
                const std::string& date, const std::string& venue) {
    const fs::path to = f.dir / (stem + ".plenary");
    fs::copy_file(from, to);
    SQLite::Database db(to.string(), SQLite::OPEN_READWRITE);
    SQLite::Statement st(db, "UPDATE workshop SET title = ?, date = ?, venue = ?");
    st.bind(1, title);
    st.bind(2, date);
    st.bind(3, venue);
    st.exec();
    return to;
}

struct Library {
    test::ScreenFixture f;
    fs::path demo;
    Library() {
        demo = f.openExample("urban-academy-education");
        f.state.closeSession();
        copyAs(f, demo, "lodz", "Łódź spring school", "2021-05-04", "Łódź, Poland");
        copyAs(f, demo, "athens", "Αθήνα autumn school", "2020-10-01", "Αθήνα, Greece");
        f.state.worker().library().refresh();
        f.harness.frame(3);
    }
};

} // namespace

TEST_CASE("library screen: every workshop listed; the year filter keeps one, and a click opens it") {
    Library l;
    REQUIRE(l.f.state.screen() == "library");
    CHECK(l.f.harness.hasText("3 workshops"));
    REQUIRE(l.f.harness.click("filter-year"));
    l.f.harness.frame(2);
    REQUIRE(l.f.harness.click("2021 (1)"));
    l.f.harness.frame(3);
    CHECK(l.f.harness.hasText("1 of 3 workshops"));
    CHECK(l.f.harness.hasText("Łódź spring school"));
    CHECK_FALSE(l.f.harness.hasText("Αθήνα autumn school"));
    REQUIRE(l.f.harness.click("open:lodz.plenary"));
    l.f.harness.frame(3);
    REQUIRE(l.f.state.workshop());
    CHECK(l.f.state.workshop()->data().workshop.title == "Łódź spring school");
}

TEST_CASE("search screen: folded words find the workshop; a click opens its report at the match") {
    Library l;
    REQUIRE(l.f.harness.click("library-search"));
    l.f.harness.type("lodz");
    l.f.harness.pressKey(ui::keys::Enter);
    l.f.harness.frame(4);
    REQUIRE(l.f.state.screen() == "search");
    CHECK(l.f.harness.hasText("Łódź spring school"));
    CHECK(l.f.harness.hasText("1 match in 1 workshop"));

    // A practice of the demo: its result opens the workshop's report, marked at that practice.
    REQUIRE(l.f.harness.click("search-query"));
    l.f.harness.pressKey(ui::keys::A, true);
    l.f.harness.type("workplace");
    l.f.harness.frame(4);
    std::string target;
    for (const auto& item : ui::trace::items())
        if (item.name.rfind("result:athens.plenary:practice:", 0) == 0) target = item.name;
    REQUIRE_FALSE(target.empty());
    REQUIRE(l.f.harness.click(target));
    l.f.harness.frame(12);
    REQUIRE(l.f.state.workshop());
    CHECK(l.f.state.workshop()->data().workshop.title == "Αθήνα autumn school");
    CHECK(l.f.state.screen() == "report");
    CHECK(l.f.harness.hasText("Language classes at the workplace"));
    // Ctrl+R goes back to the results.
    l.f.harness.pressKey(ui::keys::R, true);
    l.f.harness.frame(3);
    CHECK(l.f.state.screen() == "search");
}

TEST_CASE("practices screen: a practice suggested in three workshops says so, with its dilemmas") {
    Library l;
    REQUIRE(l.f.harness.click("library-practices"));
    l.f.harness.frame(4);
    REQUIRE(l.f.state.screen() == "practices");
    CHECK(l.f.harness.hasText("in 3 workshops"));
    REQUIRE(l.f.harness.click("practice-words"));
    l.f.harness.type("nurses");
    l.f.harness.frame(4);
    CHECK(l.f.harness.hasText("1 practice"));
    CHECK(l.f.harness.hasText("Language courses for future nurses"));
    CHECK(l.f.harness.hasText("Suggested 3 times, for these dilemmas"));
    REQUIRE(l.f.harness.click("use:0"));
    l.f.harness.frame(10);
    REQUIRE(l.f.state.workshop());
    CHECK(l.f.state.screen() == "report");
}

TEST_CASE("library screen: merging two rooms makes one workshop with both rooms' dilemmas; the rooms are unchanged") {
    Library l;
    const auto before = test::readFile(l.f.dir / "lodz.plenary");
    REQUIRE(l.f.harness.click("library-merge"));
    l.f.harness.frame(2);
    REQUIRE(l.f.harness.click("room:lodz.plenary"));
    REQUIRE(l.f.harness.click("room:athens.plenary"));
    REQUIRE(l.f.harness.click("merge-title"));
    l.f.harness.type("One event, two rooms");
    l.f.harness.frame(2);
    REQUIRE(l.f.harness.click("merge-go"));
    l.f.harness.frame(4);
    const fs::path merged = l.f.dir / "One-event-two-rooms.plenary";
    INFO(l.f.state.message());
    REQUIRE(fs::exists(merged));
    auto store = store::SessionStore::open(merged, store::OpenMode::ReadOnly);
    auto demo = store::SessionStore::open(l.demo, store::OpenMode::ReadOnly);
    CHECK(store->counts().dilemmas == 2 * demo->counts().dilemmas);
    CHECK(store->counts().people == demo->counts().people);
    CHECK(test::readFile(l.f.dir / "lodz.plenary") == before);
    CHECK(l.f.harness.hasText("4 workshops"));
    CHECK(l.f.state.message().find("nothing lost") != std::string::npos);
}

TEST_CASE("recall: Ctrl+K shows past dilemmas like the live one, from other workshops, with their practices") {
    Library l;
    REQUIRE(l.f.state.openSession(l.demo));
    l.f.harness.frame(3);
    REQUIRE(l.f.state.screen() == "live");
    CHECK_FALSE(l.f.harness.hasText("Similar past dilemmas"));
    l.f.harness.pressKey(ui::keys::K, true);
    l.f.harness.frame(3);
    CHECK(l.f.harness.hasText("Similar past dilemmas"));
    const auto& similar = l.f.state.worker().recall();
    REQUIRE_FALSE(similar.empty());
    const auto* current = l.f.state.live().currentDilemma();
    REQUIRE(current);
    // The copies hold the same dilemma: it is the closest, and never from the open workshop.
    CHECK(similar.front().question == current->question);
    for (const auto& d : similar)
        CHECK(d.entry->path != l.demo);
    CHECK(l.f.harness.hasText(similar.front().entry->workshop.title.substr(0, 10)));
    // The room does not see it unless asked.
    l.f.state.ui().presentation = true;
    l.f.harness.frame(3);
    CHECK_FALSE(l.f.harness.hasText("Similar past dilemmas"));
    l.f.harness.pressKey(ui::keys::K, true);
    l.f.harness.frame(3);
    CHECK(l.f.harness.hasText("Similar past dilemmas"));
}

TEST_CASE("library screen: forgetting a person everywhere leaves their name in no workshop and not in the index") {
    Library l;
    const fs::path index = l.f.dir / "cache" / "library-index.sqlite";
    // A text that names her, in two workshops, so that the index holds the name too.
    for (const char* stem : {"lodz", "athens"}) {
        SQLite::Database db((l.f.dir / (std::string(stem) + ".plenary")).string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE questions SET text = 'What did Sanne van Dijk try first?' WHERE id = 1");
    }
    l.f.state.worker().library().useIndex(index);
    l.f.harness.frame(3);
    REQUIRE(test::bytesWithJournal(index).find("Dijk") != std::string::npos);

    REQUIRE(l.f.harness.click("library-forget"));
    l.f.harness.frame(2);
    REQUIRE(l.f.harness.click("forget-name"));
    l.f.harness.type("sanne van dijk");
    l.f.harness.frame(2);
    REQUIRE(l.f.harness.click("forget-everywhere"));
    l.f.harness.frame(4);
    INFO(l.f.state.message());
    CHECK(l.f.state.message().find("Forgotten in 3 workshops") != std::string::npos);
    for (const char* stem : {"lodz", "athens", "urban-academy-education"}) {
        const auto bytes = test::bytesWithJournal(l.f.dir / (std::string(stem) + ".plenary"));
        CHECK(bytes.find("Sanne") == std::string::npos);
        CHECK(bytes.find("Dijk") == std::string::npos);
    }
    const auto cached = test::bytesWithJournal(index);
    CHECK(cached.find("Dijk") == std::string::npos);
    CHECK(cached.find("dijk") == std::string::npos);
    CHECK(cached.find("Sanne") == std::string::npos);
    CHECK(cached.find("sanne") == std::string::npos);
    // The library still lists and searches every workshop.
    CHECK(l.f.harness.hasText("3 workshops"));
    CHECK(l.f.state.worker().library().search("participant try first").results == 2);
}

TEST_CASE("plenary forget: the name leaves the library index that plenary search keeps") {
    test::TempDir dir;
    const fs::path file = dir / "ua.plenary";
    REQUIRE(test::run(PLENARY_BINARY, {"import", std::string(PLENARY_EXAMPLES) + "/urban-academy-education.json",
                                       "-o", file.string()})
                .exitCode == 0);
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE questions SET text = 'What did Sanne van Dijk try first?' WHERE id = 1");
    }
    // A cache of this test's own (the test program's XDG_CACHE_HOME is its own too).
    const fs::path cache = dir / "cache";
    const std::vector<std::string> env{"XDG_CACHE_HOME=" + cache.string()};
    const fs::path index = cache / "plenary" / "library-index.sqlite";
    const auto before = test::run(PLENARY_BINARY, {"search", "try first", "--in", dir.path().string()}, env);
    REQUIRE(before.out.find("Sanne van Dijk") != std::string::npos);
    REQUIRE(test::bytesWithJournal(index).find("Dijk") != std::string::npos);
    const auto forgot = test::run(PLENARY_BINARY, {"forget", "Sanne van Dijk", "--in", dir.path().string()}, env);
    CHECK(forgot.exitCode == 0);
    CHECK(test::bytesWithJournal(index).find("Dijk") == std::string::npos);
    CHECK(test::bytesWithJournal(index).find("dijk") == std::string::npos);
    // A folder typed with a "/" at its end is the same folder.
    const auto after = test::run(PLENARY_BINARY, {"search", "try first", "--in", dir.path().string() + "/"}, env);
    CHECK(after.out.find("a participant") != std::string::npos);
    CHECK(after.out.find("Dijk") == std::string::npos);
}
