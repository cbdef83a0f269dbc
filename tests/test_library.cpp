// The library over a generated folder of a few hundred workshop files (support/GeneratedLibrary):
// listing, the index's refresh and rebuilds, reading never writes, filters, sorts and facets.
// Search, practices, similar dilemmas and `plenary search` are in test_library_search.cpp.
#include "support/GeneratedLibrary.hpp"
#include "support/Process.hpp"

#include "core/Text.hpp"
#include "session/Library.hpp"
#include "store/LibraryIndex.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

using namespace plenary;
namespace fs = std::filesystem;

namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

const session::LibraryEntry* entryAt(const std::vector<session::LibraryEntry>& entries, const fs::path& path) {
    for (const auto& e : entries)
        if (e.path == path) return &e;
    return nullptr;
}

// What a person sees of the list: path, title, problem, date, counts, in the library's order.
std::vector<std::string> listing(session::Library& library) {
    std::vector<std::string> lines;
    for (const auto& e : library.entries())
        lines.push_back(e.path.string() + "|" + e.workshop.title + "|" + e.problem + "|" + e.workshop.date + "|" +
                        std::to_string(e.counts.dilemmas) + "|" + std::to_string(e.counts.questions));
    return lines;
}

std::set<fs::path> pathsOf(const std::vector<const session::LibraryEntry*>& entries) {
    std::set<fs::path> paths;
    for (const auto* e : entries)
        paths.insert(e->path);
    return paths;
}

void removeIndex(const fs::path& index) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(index.string() + suffix);
}

} // namespace

TEST_CASE("library: every generated file is listed once, with what was written; a broken one with its reason only") {
    const auto& shared = test::sharedLibrary();
    const auto& generated = shared.library;
    session::Library library(generated.folder(), shared.index());
    const auto& entries = library.entries();
    CHECK(entries.size() == generated.files.size() + generated.broken.size());
    std::map<fs::path, int> seen;
    for (const auto& e : entries)
        ++seen[e.path];
    for (const auto& [path, times] : seen)
        CHECK_MESSAGE(times == 1, path.string());

    for (const auto& f : generated.files) {
        INFO(f.path.string());
        const auto* e = entryAt(entries, f.path);
        REQUIRE(e);
        CHECK(e->problem.empty());
        CHECK(e->workshop.title == f.data.workshop.title);
        CHECK(e->workshop.format == f.data.workshop.format);
        CHECK(e->workshop.date == f.data.workshop.date);
        CHECK(e->workshop.venue == f.data.workshop.venue);
        const auto expected = core::countsOf(f.data);
        CHECK(e->counts.people == expected.people);
        CHECK(e->counts.sessions == expected.sessions);
        CHECK(e->counts.dilemmas == expected.dilemmas);
        CHECK(e->counts.questions == expected.questions);
        CHECK(e->counts.practices == expected.practices);
        CHECK(e->counts.contributions == expected.contributions);
        CHECK(e->counts.rings == expected.rings);
        CHECK(e->counts.statements == expected.statements);
        CHECK(e->counts.votes == expected.votes);
        std::set<std::string> themes;
        for (const int t : f.themes)
            themes.insert(trimmed(test::GeneratedLibrary::kThemes[static_cast<std::size_t>(t)]));
        CHECK(std::set<std::string>(e->themes.begin(), e->themes.end()) == themes);
        CHECK(std::set<std::string>(e->countries.begin(), e->countries.end()) == f.countries);
    }
    for (const auto& b : generated.broken) {
        INFO(b.path.filename().string() << " (" << b.what << ")");
        const auto* e = entryAt(entries, b.path);
        REQUIRE(e);
        CHECK(!e->problem.empty());
        CHECK(e->problem.find('\n') == std::string::npos);
        CHECK(e->workshop.title == b.path.stem().string());
        CHECK(e->workshop.date.empty());
        CHECK(e->counts == core::WorkshopCounts{});
        CHECK(e->themes.empty());
        CHECK(e->countries.empty());
    }
    // The altered copies hold a word no readable file has: none of their text is in the index.
    CHECK(library.search("hostileword").results == 0);
}

TEST_CASE("library: a refresh re-reads only what changed, and a second index on the same cache is warm") {
    test::TempDir dir(test::memoryFolder());
    test::TempDir cache;
    const auto catalog = session::Resources::load(std::string(PLENARY_SOURCE_DIR) + "/templates").catalog;
    const test::GeneratedLibrary generated(dir.path(), 30, catalog.at(0).id);
    const int total = static_cast<int>(generated.files.size() + generated.broken.size());
    const auto location = cache / "library-index.sqlite";
    const auto changed = generated.files[4].path;
    const auto touched = generated.files[5].path;
    const auto deleted = generated.files[6].path;
    {
        store::LibraryIndex index(location);
        const auto first = index.refresh({dir.path()});
        CHECK(first.files == total);
        CHECK(first.read == total);
        CHECK(first.removed == 0);
        const auto again = index.refresh({dir.path()});
        CHECK(again.files == total);
        CHECK(again.read == 0);

        {
            auto store = store::SessionStore::open(changed);
            auto w = store->workshop();
            w.title = "Retitled in Łódź";
            store->updateWorkshop(w);
        }
        const auto afterEdit = index.refresh({dir.path()});
        CHECK(afterEdit.read == 1);
        CHECK(afterEdit.removed == 0);
        const auto files = index.files();
        const auto found = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.path == changed; });
        REQUIRE(found != files.end());
        CHECK(found->workshop.title == "Retitled in Łódź");

        fs::last_write_time(touched, fs::last_write_time(touched) + std::chrono::seconds(5));
        CHECK(index.refresh({dir.path()}).read == 1);

        fs::remove(deleted);
        const auto afterDelete = index.refresh({dir.path()});
        CHECK(afterDelete.removed == 1);
        CHECK(afterDelete.read == 0);
        CHECK(afterDelete.files == total - 1);
    }
    store::LibraryIndex warm(location);
    CHECK(warm.problem().empty());
    const auto count = warm.refresh({dir.path()});
    CHECK(count.read == 0);
    CHECK(count.files == total - 1);

    session::Library first(dir.path(), location);
    session::Library second(dir.path(), location);
    const auto listed = listing(first);
    CHECK(listed.size() == static_cast<std::size_t>(total - 1));
    CHECK(listing(second) == listed);
    CHECK(!entryAt(first.entries(), deleted));
    CHECK(entryAt(first.entries(), changed)->workshop.title == "Retitled in Łódź");
}

TEST_CASE("library: an index deleted, damaged or of another version is rebuilt and loses nothing") {
    test::TempDir dir(test::memoryFolder());
    test::TempDir cache;
    const auto catalog = session::Resources::load(std::string(PLENARY_SOURCE_DIR) + "/templates").catalog;
    const test::GeneratedLibrary generated(dir.path(), 20, catalog.at(0).id);
    const int total = static_cast<int>(generated.files.size() + generated.broken.size());
    const auto location = cache / "library-index.sqlite";
    std::vector<std::string> before;
    {
        session::Library library(dir.path(), location);
        before = listing(library);
        CHECK(library.indexProblem().empty());
    }
    REQUIRE(before.size() == static_cast<std::size_t>(total));
    REQUIRE(fs::exists(location));

    SUBCASE("deleted") {
        removeIndex(location);
        session::Library library(dir.path(), location);
        CHECK(listing(library) == before);
        CHECK(fs::exists(location));
    }
    SUBCASE("overwritten with garbage") {
        removeIndex(location);
        test::writeFile(location, std::string(8192, '\x5a') + "not an index");
        std::vector<std::string> after;
        CHECK_NOTHROW([&] {
            session::Library library(dir.path(), location);
            after = listing(library);
            CHECK(library.indexProblem().empty());
        }());
        CHECK(after == before);
    }
    SUBCASE("cut in half") {
        fs::resize_file(location, fs::file_size(location) / 2);
        std::vector<std::string> after;
        CHECK_NOTHROW([&] {
            session::Library library(dir.path(), location);
            after = listing(library);
        }());
        CHECK(after == before);
    }
    SUBCASE("of another version") {
        {
            SQLite::Database db(location.string(), SQLite::OPEN_READWRITE);
            db.exec("PRAGMA user_version = 99");
        }
        store::LibraryIndex index(location);
        // Nothing of the other version's is trusted: every file is read again.
        CHECK(index.refresh({dir.path()}).read == total);
        session::Library library(dir.path(), location);
        CHECK(listing(library) == before);
    }
    // Whichever way it was rebuilt, it is a lasting index again: the next one is warm.
    store::LibraryIndex again(location);
    CHECK(again.refresh({dir.path()}).read == 0);
}

TEST_CASE("library: listing, search, practices and similar dilemmas never change a workshop file") {
    const auto& shared = test::sharedLibrary();
    const auto& generated = shared.library;
    struct Seen {
        std::string bytes;
        fs::file_time_type time;
    };
    auto snapshot = [&] {
        std::map<fs::path, Seen> files;
        for (const auto& entry : fs::directory_iterator(generated.folder())) {
            if (!entry.is_symlink() && entry.is_regular_file())
                files[entry.path()] = {test::readFile(entry.path()), entry.last_write_time()};
            else
                files[entry.path()] = {};
        }
        return files;
    };
    const auto before = snapshot();
    {
        // An index in memory, so that every file is opened, not answered from the cache.
        session::Library library(generated.folder());
        CHECK(library.entries().size() == before.size());
        library.filtered({core::Format::SocialOlympics, "2019", "pl", "gdansk harbour", session::LibrarySort::Place});
        library.facets();
        CHECK(library.search("lodz").results > 0);
        CHECK(!library.practices(shared.catalog).empty());
        CHECK(!library.similar(test::GeneratedLibrary::kSimilarText, generated.planted.similarCurrent).empty());
        library.refresh();
        library.entries();
    }
    const auto after = snapshot();
    REQUIRE(after.size() == before.size()); // no journal, -wal or -shm left beside a file
    for (const auto& [path, seen] : before) {
        INFO(path.string());
        REQUIRE(after.count(path));
        CHECK(after.at(path).bytes == seen.bytes);
        CHECK(after.at(path).time == seen.time);
    }
}

TEST_CASE("library: filters by format, year, country and theme as a reader compares them; every sort") {
    const auto& shared = test::sharedLibrary();
    const auto& generated = shared.library;
    session::Library library(generated.folder(), shared.index());
    auto expected = [&](auto&& keep) {
        std::set<fs::path> paths;
        for (const auto& f : generated.files)
            if (keep(f)) paths.insert(f.path);
        return paths;
    };
    session::LibraryFilter filter;
    CHECK(library.filtered(filter).size() == generated.files.size() + generated.broken.size());

    filter.format = core::Format::SocialOlympics;
    const auto conferences = expected([](const auto& f) { return f.data.workshop.format == core::Format::SocialOlympics; });
    CHECK(conferences.size() > 20);
    CHECK(pathsOf(library.filtered(filter)) == conferences);
    filter.format = core::Format::UrbanAcademy; // a broken file is of no format
    CHECK(library.filtered(filter).size() == generated.files.size() - conferences.size());

    filter = {};
    filter.year = "2019";
    const auto of2019 = expected([](const auto& f) { return f.data.workshop.date.rfind("2019", 0) == 0; });
    CHECK(!of2019.empty());
    CHECK(pathsOf(library.filtered(filter)) == of2019);

    filter = {};
    filter.country = "pl"; // typed in lower case; "pl" was also typed for Gdańsk and kept as "PL"
    const auto polish = expected([](const auto& f) { return f.countries.count("PL") > 0; });
    CHECK(!polish.empty());
    CHECK(pathsOf(library.filtered(filter)) == polish);

    filter = {};
    const auto gdansk = expected([](const auto& f) {
        return f.themes.count(test::GeneratedLibrary::kGdanskA) || f.themes.count(test::GeneratedLibrary::kGdanskB);
    });
    CHECK(!gdansk.empty());
    for (const char* typed : {"gdansk harbour", "GDAŃSK Harbour", "Gdańsk harbour  "}) {
        INFO(typed);
        filter.theme = typed;
        CHECK(pathsOf(library.filtered(filter)) == gdansk);
    }
    filter.theme = "lodz schools";
    CHECK(pathsOf(library.filtered(filter)) == expected([](const auto& f) { return f.themes.count(7) > 0; }));

    // Criteria together narrow down.
    filter = {core::Format::UrbanAcademy, "2021", "GR", "", session::LibrarySort::Newest};
    CHECK(pathsOf(library.filtered(filter)) == expected([](const auto& f) {
              return f.data.workshop.format == core::Format::UrbanAcademy &&
                     f.data.workshop.date.rfind("2021", 0) == 0 && f.countries.count("GR");
          }));

    filter = {};
    auto inOrder = [&](session::LibrarySort sort, auto&& before) {
        filter.sort = sort;
        const auto list = library.filtered(filter);
        REQUIRE(list.size() == generated.files.size() + generated.broken.size());
        for (std::size_t i = 1; i < list.size(); ++i) {
            INFO(list[i - 1]->path.filename().string() << " then " << list[i]->path.filename().string());
            CHECK(!before(*list[i], *list[i - 1]));
        }
    };
    inOrder(session::LibrarySort::Newest, [](const auto& a, const auto& b) { return a.workshop.date > b.workshop.date; });
    inOrder(session::LibrarySort::Oldest, [](const auto& a, const auto& b) { return a.workshop.date < b.workshop.date; });
    inOrder(session::LibrarySort::Title, [](const auto& a, const auto& b) {
        return core::compareForSorting(a.workshop.title, b.workshop.title) < 0;
    });
    inOrder(session::LibrarySort::Place, [](const auto& a, const auto& b) {
        if (a.workshop.venue.empty() != b.workshop.venue.empty()) return b.workshop.venue.empty();
        return core::compareForSorting(a.workshop.venue, b.workshop.venue) < 0;
    });
    filter.sort = session::LibrarySort::Place;
    const auto byPlace = library.filtered(filter);
    CHECK(byPlace.front()->workshop.venue == "Ærø Rådhus"); // Æ sorts as "ae"
    CHECK(byPlace.back()->workshop.venue.empty());
}

TEST_CASE("library: facets count the workshops of each year, country and theme") {
    const auto& shared = test::sharedLibrary();
    const auto& generated = shared.library;
    session::Library library(generated.folder(), shared.index());
    const auto facets = library.facets();
    std::map<std::string, int> years, countries;
    for (const auto& f : generated.files) {
        ++years[f.data.workshop.date.substr(0, 4)];
        for (const auto& c : f.countries)
            ++countries[c];
    }
    REQUIRE(facets.years.size() == years.size());
    for (std::size_t i = 0; i < facets.years.size(); ++i) {
        CHECK(facets.years[i].workshops == years[facets.years[i].value]);
        if (i) CHECK(facets.years[i - 1].value > facets.years[i].value);
    }
    REQUIRE(facets.countries.size() == countries.size());
    for (const auto& c : facets.countries)
        CHECK_MESSAGE(c.workshops == countries[c.value], c.value);

    // "Gdańsk harbour" and "gdansk HARBOUR " are one theme.
    int gdanskFacets = 0;
    for (const auto& t : facets.themes) {
        if (core::foldForSearch(t.value) != "gdansk harbour") continue;
        ++gdanskFacets;
        int expected = 0;
        for (const auto& f : generated.files)
            expected += f.themes.count(test::GeneratedLibrary::kGdanskA) || f.themes.count(test::GeneratedLibrary::kGdanskB);
        CHECK(t.workshops == expected);
    }
    CHECK(gdanskFacets == 1);
    CHECK(facets.themes.size() == test::GeneratedLibrary::kThemes.size() - 1);
    for (std::size_t i = 1; i < facets.themes.size(); ++i)
        CHECK(facets.themes[i - 1].workshops >= facets.themes[i].workshops);
}
