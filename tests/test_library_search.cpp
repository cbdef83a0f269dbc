// Search, the practice view and similar dilemmas over the generated library
// (support/GeneratedLibrary), and `plenary search` over the same folder.
#include "support/GeneratedLibrary.hpp"
#include "support/Process.hpp"

#include "core/Text.hpp"
#include "session/Library.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

using namespace plenary;
namespace fs = std::filesystem;

namespace {

std::string marked(const core::Snippet& snippet, std::size_t i) {
    const auto [begin, end] = snippet.marks.at(i);
    return snippet.text.substr(begin, end - begin);
}

// Every result's snippet marks at least one word, and every marked word is one of `words`
// (folded) or, with `prefix`, begins with it.
void checkMarks(const session::LibrarySearch& found, const std::set<std::string>& words, const std::string& prefix = {}) {
    for (const auto& group : found.groups)
        for (const auto& result : group.results) {
            INFO(group.entry->path.filename().string() << " " << result.kind << " " << result.ref << ": "
                                                       << result.snippet.text);
            CHECK(!result.snippet.marks.empty());
            for (std::size_t i = 0; i < result.snippet.marks.size(); ++i) {
                const auto folded = core::foldForSearch(marked(result.snippet, i));
                CHECK((words.count(folded) || (!prefix.empty() && folded.rfind(prefix, 0) == 0)));
            }
        }
}

std::vector<fs::path> groupPaths(const session::LibrarySearch& found) {
    std::vector<fs::path> paths;
    for (const auto& g : found.groups)
        paths.push_back(g.entry->path);
    return paths;
}

std::ptrdiff_t placeOf(const std::vector<fs::path>& paths, const fs::path& path) {
    const auto found = std::find(paths.begin(), paths.end(), path);
    return found == paths.end() ? -1 : found - paths.begin();
}

bool hasControlBytes(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) < 0xa0)
            return true; // a C1 control (U+0080–U+009F), e.g. CSI
    }
    return false;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

} // namespace

TEST_CASE("library search: folded words find what was written with diacritics, in Greek and in Cyrillic") {
    const auto& shared = test::sharedLibrary();
    session::Library library(shared.library.folder(), shared.index());
    const std::pair<const char*, const char*> cases[] = {
        {"lodz", "Łódź"}, {"gdansk", "Gdańsk"}, {"strasse", "Straße"}, {"αθηνα", "Αθήνα"},
        {"москва", "Москва"}, {"aero", "Ærø"}, {"LODZ", "Łódź"}, {"ΑΘΗΝΑ", "Αθήνα"}};
    for (const auto& [typed, written] : cases) {
        INFO(typed);
        // A space after the word: the whole word, not a beginning.
        const auto found = library.search(std::string(typed) + " ");
        CHECK(found.results > 0);
        checkMarks(found, {core::foldForSearch(typed)});
        bool original = false;
        for (const auto& g : found.groups)
            for (const auto& r : g.results)
                for (std::size_t i = 0; i < r.snippet.marks.size(); ++i)
                    original = original || marked(r.snippet, i) == written;
        CHECK(original);
    }
}

TEST_CASE("library search: the last word is a beginning while typed; every word is required") {
    const auto& shared = test::sharedLibrary();
    const auto& planted = shared.library.planted;
    session::Library library(shared.library.folder(), shared.index());
    const auto typing = library.search("zephyr");
    CHECK(typing.groups.size() == 3);
    checkMarks(typing, {}, "zephyr");
    CHECK(library.search("zephyr ").results == 0); // no word is "zephyr"
    CHECK(library.search("ZEPHYRINE").groups.size() == 3);

    const auto both = library.search("zephyrine wind ");
    REQUIRE(both.groups.size() == 1);
    CHECK(both.groups[0].entry->path == planted.rankOther);
    CHECK(both.results == 1);
    checkMarks(both, {"zephyrine", "wind"});
    // A word typed while the other is still a beginning.
    CHECK(groupPaths(library.search("zephyrine win")) == std::vector<fs::path>{planted.rankShort, planted.rankOther});
    CHECK(library.search("zephyrine nothinglikethis").results == 0);
}

TEST_CASE("library search: FTS5 syntax in the query is plain text") {
    const auto& shared = test::sharedLibrary();
    const auto& planted = shared.library.planted;
    session::Library library(shared.library.folder(), shared.index());
    for (const char* typed : {"\"AND (-*", "NEAR(", "col:", "\"", "*", "(", ")", "^zephyrine", "zephyrine\"",
                              "folded:zephyrine", "zephyrine AND", "NOT zephyrine", "{folded}: x", "'", "\\"}) {
        INFO(typed);
        CHECK_NOTHROW(library.search(typed));
    }
    // The words of the operators are words: the file that wrote them is found by them.
    const std::pair<const char*, const char*> operators[] = {{"NEAR(", "near"}, {"col:", "col"}, {"\"AND (-*", "and"}};
    for (const auto& [typed, word] : operators) {
        INFO(typed);
        const auto found = library.search(typed);
        CHECK(placeOf(groupPaths(found), planted.syntax) >= 0);
        checkMarks(found, {word});
    }
    // OR is a word like any other (and required), a dash does not exclude, a column name is a word.
    CHECK(library.search("zephyrine OR nothinglikethis").results == 0);
    CHECK(library.search("-zephyrine").groups.size() == 3);
    CHECK(library.search("folded:zephyrine").results == 0);
    CHECK(library.search("zephyrine NOT wind").results == 0);
}

TEST_CASE("library search: ranking, snippets that mark the words, groups by workshop, the limit") {
    const auto& shared = test::sharedLibrary();
    const auto& generated = shared.library;
    const auto& planted = generated.planted;
    session::Library library(generated.folder(), shared.index());

    // Three times in a short text before once in a long one; the groups follow their best hit.
    const auto found = library.search("zephyrine ");
    const auto order = groupPaths(found);
    REQUIRE(order.size() == 3);
    CHECK(order[0] == planted.rankShort);
    CHECK(placeOf(order, planted.rankLong) > 0);
    CHECK(placeOf(order, planted.rankOther) > 0);
    checkMarks(found, {"zephyrine"});
    for (const auto& g : found.groups) {
        REQUIRE(g.results.size() == 1);
        const auto& r = g.results[0];
        if (g.entry->path == planted.rankShort) {
            CHECK(r.kind == "dilemma");
            CHECK(r.snippet.marks.size() == 3);
            CHECK(marked(r.snippet, 0) == "Zephyrine");
        }
        if (g.entry->path == planted.rankLong) {
            // A stretch of a long text, marked where the word is in the stretch.
            CHECK(r.snippet.text.size() < 400);
            CHECK(r.snippet.text.rfind("…", 0) == 0);
            CHECK(r.snippet.marks.size() == 1);
        }
        if (g.entry->path == planted.rankOther) {
            CHECK(r.kind == "question");
            CHECK(r.context == generated.file(planted.rankOther).data.dilemmas[1].question);
        }
    }

    // Each workshop is one group; each result is a text of that workshop.
    const auto many = library.search("lodz ", 100000);
    CHECK(many.groups.size() > 50);
    std::set<fs::path> groups;
    int results = 0;
    for (const auto& g : many.groups) {
        CHECK(groups.insert(g.entry->path).second);
        const auto& data = generated.file(g.entry->path).data;
        results += static_cast<int>(g.results.size());
        for (const auto& r : g.results) {
            INFO(g.entry->path.filename().string() << " " << r.kind << " " << r.ref);
            if (r.kind == "dilemma")
                CHECK(std::any_of(data.dilemmas.begin(), data.dilemmas.end(), [&](const auto& d) { return d.id == r.ref; }));
            if (r.kind == "question") {
                const auto q = std::find_if(data.questions.begin(), data.questions.end(),
                                            [&](const auto& x) { return x.id == r.ref; });
                REQUIRE(q != data.questions.end());
                CHECK(r.dilemma == q->dilemma);
                CHECK(r.context == data.dilemmas.at(static_cast<std::size_t>(q->dilemma - 1)).question);
            }
            if (r.kind == "practice")
                CHECK(std::any_of(data.practices.begin(), data.practices.end(), [&](const auto& p) { return p.id == r.ref; }));
            if (r.kind == "statement")
                CHECK(data.workshop.format == core::Format::SocialOlympics);
        }
    }
    CHECK(results == many.results);
    CHECK(!many.more);
    checkMarks(many, {"lodz"});

    // The 50 KB text with control characters: a short snippet, the word marked near its end.
    const auto hostile = std::find_if(many.groups.begin(), many.groups.end(),
                                      [&](const auto& g) { return g.entry->path == planted.hostileText; });
    REQUIRE(hostile != many.groups.end());
    const auto big = std::find_if(hostile->results.begin(), hostile->results.end(),
                                  [](const auto& r) { return r.kind == "dilemma" && r.ref == 1; });
    REQUIRE(big != hostile->results.end());
    CHECK(big->snippet.text.size() < 400);
    CHECK(marked(big->snippet, 0) == "Łódź");

    const auto limited = library.search("lodz ", 5);
    CHECK(limited.results == 5);
    CHECK(limited.more);
    CHECK(library.search("   ").groups.empty());
    CHECK(library.search("").results == 0);
}

TEST_CASE("library practices: one practice across workshops, however typed; filters") {
    const auto& shared = test::sharedLibrary();
    const auto& generated = shared.library;
    const auto& planted = generated.planted;
    session::Library library(generated.folder(), shared.index());
    const auto& catalogEntry = shared.catalog.at(0);
    const auto& all = library.practices(shared.catalog);

    int matched = 0;
    for (const auto& p : all) {
        if (!p.catalog || p.catalog->id != catalogEntry.id) continue;
        ++matched;
        CHECK(p.title == catalogEntry.title);
        CHECK(p.theme == catalogEntry.theme);
        CHECK(p.uses.size() == 3);
        CHECK(p.workshops == 3);
        std::set<fs::path> where;
        for (const auto& use : p.uses) {
            where.insert(use.entry->path);
            const auto& data = generated.file(use.entry->path).data;
            CHECK(use.dilemma == 2);
            CHECK(use.dilemmaQuestion == data.dilemmas[1].question);
        }
        CHECK(where == std::set<fs::path>(planted.catalogUses.begin(), planted.catalogUses.end()));
    }
    CHECK(matched == 1);

    // "Łódź Youth Council", "lodz youth council", "ŁÓDŹ YOUTH COUNCIL " and "Lodz Youth Council" (twice
    // in one workshop): one practice, four uses in three workshops.
    const session::PracticeSummary* council = nullptr;
    int councils = 0;
    for (const auto& p : all)
        if (core::foldForSearch(p.title) == "lodz youth council") {
            council = &p;
            ++councils;
        }
    CHECK(councils == 1);
    REQUIRE(council);
    CHECK(council->uses.size() == 4);
    CHECK(council->workshops == 3);
    CHECK(all.front().uses.size() == 4); // the most suggested first

    auto holds = [](const std::vector<const session::PracticeSummary*>& list, const session::PracticeSummary* p) {
        return std::find(list.begin(), list.end(), p) != list.end();
    };
    session::PracticeFilter filter;
    filter.theme = core::foldForSearch(catalogEntry.theme) + " ";
    const auto byTheme = library.filteredPractices(shared.catalog, filter);
    CHECK(byTheme.size() == 1); // only the catalog's practices have a theme
    CHECK(byTheme.front()->catalog->id == catalogEntry.id);

    filter = {};
    filter.country = "pl";
    const auto polish = library.filteredPractices(shared.catalog, filter);
    CHECK(!polish.empty());
    for (const auto* p : polish)
        CHECK(core::countryCode(p->country) == "PL");

    filter = {};
    filter.text = "ŁÓDŹ youth";
    const auto byText = library.filteredPractices(shared.catalog, filter);
    CHECK(holds(byText, council));
    CHECK(byText.size() == 1);
    filter.text = "lodz";
    CHECK(library.filteredPractices(shared.catalog, filter).size() > byText.size()); // also cities
}

TEST_CASE("library similar: the closest past dilemma first, never the current workshop's, with its practices") {
    const auto& shared = test::sharedLibrary();
    const auto& planted = shared.library.planted;
    session::Library library(shared.library.folder(), shared.index());
    const auto similar = library.similar(test::GeneratedLibrary::kSimilarText, planted.similarCurrent);
    REQUIRE(!similar.empty());
    CHECK(similar.size() <= 5);
    CHECK(similar[0].entry->path == planted.similarPast);
    CHECK(similar[0].dilemma == 3);
    CHECK(similar[0].question == test::GeneratedLibrary::kSimilarText);
    CHECK(similar[0].session == shared.library.file(planted.similarPast).data.sessions[1].title);
    CHECK(!similar[0].place.empty());
    CHECK(similar[0].practices == std::vector<std::string>{test::GeneratedLibrary::kSimilarPractice});
    bool weak = false;
    for (std::size_t i = 0; i < similar.size(); ++i) {
        CHECK(similar[i].entry->path != planted.similarCurrent);
        weak = weak || similar[i].entry->path == planted.similarWeak;
    }
    CHECK(weak); // shares "lighthouse" only: found, after the closest

    // The same path written another way is still the current workshop.
    const auto roundabout = planted.similarCurrent.parent_path() / "sub" / ".." / planted.similarCurrent.filename();
    for (const auto& s : library.similar(test::GeneratedLibrary::kSimilarText, roundabout))
        CHECK(s.entry->path != planted.similarCurrent);
    // From the other side, the other one.
    const auto back = library.similar(test::GeneratedLibrary::kSimilarText, planted.similarPast);
    REQUIRE(!back.empty());
    CHECK(back[0].entry->path == planted.similarCurrent);

    CHECK(library.similar("", planted.similarCurrent).empty());
    CHECK(library.similar("   ", planted.similarCurrent).empty());
    CHECK(library.similar("what would they have done with this", planted.similarCurrent).empty());
    CHECK(library.similar(test::GeneratedLibrary::kSimilarText, planted.similarCurrent, 1).size() == 1);
}

TEST_CASE("library: plenary search over the generated folder groups by workshop, skips broken files in one line each") {
    const auto& shared = test::sharedLibrary();
    const auto& generated = shared.library;
    test::TempDir cache;
    const std::vector<std::string> env{"XDG_CACHE_HOME=" + cache.path().string()};
    const auto result = test::run(PLENARY_BINARY, {"search", "lodz", "--in", generated.folder().string()}, env);
    CHECK(result.exitCode == 0);
    CHECK(fs::exists(cache / "plenary" / "library-index.sqlite"));
    CHECK(!hasControlBytes(result.out));
    CHECK(!hasControlBytes(result.err));

    const auto out = linesOf(result.out);
    REQUIRE(!out.empty());
    CHECK(out.front().rfind("  ", 0) != 0); // a workshop first, then its results indented
    int headers = 0;
    for (const auto& line : out) {
        if (line.rfind("  ", 0) != 0 && line.rfind("(the first", 0) != 0) ++headers;
        if (line.rfind("  ", 0) == 0) CHECK(line.find("[") != std::string::npos);
    }
    CHECK(headers >= 2);
    CHECK(result.out.find("[Łódź]") != std::string::npos);

    const auto err = linesOf(result.err);
    CHECK(err.size() == generated.broken.size());
    for (const auto& line : err) {
        CHECK(line.rfind("skipped: ", 0) == 0);
        CHECK(line.size() > std::string("skipped: ").size());
    }
    // Each skipped line says which file.
    for (const auto& b : generated.broken) {
        const auto name = b.path.filename().string();
        CHECK_MESSAGE(std::count_if(err.begin(), err.end(), [&](const auto& l) { return l.find(name) != std::string::npos; }) == 1,
                      name);
    }

    // The second time from the warm cache: the same answer.
    const auto again = test::run(PLENARY_BINARY, {"search", "lodz", "--in", generated.folder().string()}, env);
    CHECK(again.exitCode == 0);
    CHECK(again.out == result.out);

    const auto ranked = test::run(PLENARY_BINARY, {"search", "zephyrine", "--in", generated.folder().string()}, env);
    CHECK(ranked.exitCode == 0);
    const auto rankedLines = linesOf(ranked.out);
    REQUIRE(rankedLines.size() == 6);
    CHECK(rankedLines[0].find(generated.planted.rankShort.filename().string()) != std::string::npos);
    CHECK(rankedLines[1].find("[Zephyrine]") != std::string::npos);
}

TEST_CASE("library similar: a past dilemma is found even when the current workshop has many like it") {
    // A big live workshop's own dilemmas share the words of the one on screen; they are left out,
    // and must not crowd out the past workshop's.
    test::TempDir dir(test::memoryFolder());
    core::SessionData current;
    current.workshop.title = "Live workshop";
    current.workshop.date = "2025-03-01";
    current.sessions.push_back({1, "Islands", 1});
    for (int k = 1; k <= 80; ++k)
        current.dilemmas.push_back({k, 1, k, test::GeneratedLibrary::kSimilarText, 0, "", "", "",
                                    core::DilemmaStatus::Pending, 0});
    core::SessionData past = current;
    past.workshop.title = "Past workshop";
    past.workshop.date = "2019-03-01";
    past.dilemmas.resize(1);
    past.dilemmas[0].question = "How could a quokka sanctuary pay for a lighthouse?";
    past.practices.push_back({1, 1, 1, test::GeneratedLibrary::kSimilarPractice, "", "Ærø", "DK", 0, "", "",
                              false, false, false, false});
    store::SessionStore::create(dir / "current.plenary", current);
    store::SessionStore::create(dir / "past.plenary", past);
    session::Library library(dir.path());
    const auto similar = library.similar(test::GeneratedLibrary::kSimilarText, dir / "current.plenary");
    REQUIRE(similar.size() == 1);
    CHECK(similar[0].entry->path == dir / "past.plenary");
    CHECK(similar[0].practices == std::vector<std::string>{test::GeneratedLibrary::kSimilarPractice});
}
