// One library index shared by several windows and commands (the user's cache): each sees the
// others' changes, and a folder's matches are never crowded out by another folder's.
#include "support/Examples.hpp"
#include "store_test_util.hpp"

#include "core/Snippet.hpp"
#include "session/Library.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace fs = std::filesystem;
using namespace plenary;

namespace {

void writeWorkshop(const fs::path& path, const std::string& title, const std::string& word) {
    auto data = test::exampleSession("urban-academy-education");
    data.workshop.title = title;
    data.dilemmas.front().information += " " + word;
    store::SessionStore::create(path, data);
}

} // namespace

TEST_CASE("library: a window sees what another program changed in the shared index, and never a stale file") {
    store_test::TempDir dir;
    store_test::TempDir cache;
    const fs::path index = cache / "library-index.sqlite";
    writeWorkshop(dir / "a.plenary", "Workshop A", "aardvark");
    writeWorkshop(dir / "b.plenary", "Workshop B", "bandicoot");
    session::Library window(dir.path(), index);
    REQUIRE(window.entries().size() == 2);
    fs::remove(dir / "b.plenary");
    writeWorkshop(dir / "c.plenary", "Workshop C", "capybara");
    {
        session::Library command(dir.path(), index); // plenary search, say
        CHECK(command.entries().size() == 2);
    }
    window.continueReading(); // the window's next frame
    std::vector<std::string> titles;
    for (const auto& e : window.entries())
        titles.push_back(e.workshop.title);
    std::sort(titles.begin(), titles.end());
    CHECK(titles == std::vector<std::string>{"Workshop A", "Workshop C"});
    const auto found = window.search("capybara");
    REQUIRE(found.groups.size() == 1);
    CHECK(found.groups.front().entry->workshop.title == "Workshop C");
    CHECK(window.search("bandicoot").results == 0);
}

TEST_CASE("library: another folder in the same index never crowds a folder's matches out") {
    store_test::TempDir mine;
    store_test::TempDir other;
    store_test::TempDir cache;
    const fs::path index = cache / "library-index.sqlite";
    writeWorkshop(mine / "mine.plenary", "Mine", "wombat");
    for (int i = 0; i < 12; ++i)
        writeWorkshop(other / ("other-" + std::to_string(i) + ".plenary"), "Other " + std::to_string(i), "wombat");
    const int alone = session::Library(mine.path(), index).search("teachers", 30).results;
    REQUIRE(alone > 0);
    session::Library(other.path(), index).entries(); // another command indexes its folder
    session::Library library(mine.path(), index);
    const auto found = library.search("teachers", 30);
    CHECK(found.results == alone);
    for (const auto& g : found.groups)
        CHECK(g.entry->path.parent_path() == library.folder());
}

TEST_CASE("library: a folder reached through a link is the folder itself; a pasted page is a few words") {
    store_test::TempDir dir;
    store_test::TempDir elsewhere;
    writeWorkshop(dir / "a.plenary", "Workshop A", "aardvark");
    fs::create_directory_symlink(dir.path(), elsewhere / "link");
    session::Library library(dir.path());
    CHECK_FALSE(library.addFolder(elsewhere / "link"));
    CHECK(library.entries().size() == 1);
    session::Library throughLink(elsewhere / "link");
    REQUIRE(throughLink.entries().size() == 1);
    CHECK(throughLink.entries().front().path == library.entries().front().path);

    std::string paste;
    for (int i = 0; i < 5000; ++i)
        paste += "language courses ";
    const auto terms = core::searchTerms(paste + "teach");
    CHECK(terms.words.size() <= 32);
    CHECK(terms.words == std::vector<std::string>{"language", "courses", "teach"});
    CHECK(terms.lastIsPrefix);
    CHECK(library.search(paste).results >= 0); // answers, quickly, rather than hanging
}
