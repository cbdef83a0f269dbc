// Found by a hostile-file sweep: a pipe named like a workshop hung every command; an export printed
// a file's escape sequences and wrote JSON that does not import; a broken search index answered in
// SQLite's words; a write went through a link. Each now ends at once with one line, or writes
// clean output, and the file is unchanged.
#include "support/Process.hpp"

#include "core/SessionJson.hpp"
#include "export/JsonExport.hpp"
#include "export/MarkdownExport.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <limits>

using plenary::test::run;
using plenary::test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path example(const TempDir& dir, const std::string& name,
                 const std::string& source = "urban-academy-education") {
    const auto path = dir / (name + ".plenary");
    const auto made = run(PLENARY_BINARY, {"import", std::string(PLENARY_EXAMPLES) + "/" + source + ".json",
                                           "-o", path.string()});
    REQUIRE(made.exitCode == 0);
    return path;
}

// What the commands that only read say about a file: info, and an export to the terminal.
std::vector<plenary::test::RunResult> readEveryWay(const fs::path& file) {
    return {run(PLENARY_BINARY, {"info", file.string()}),
            run(PLENARY_BINARY, {"export", file.string(), "--format", "md"})};
}

int lines(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("hostile: a pipe or a dangling link named .plenary is refused at once, by every command") {
    TempDir dir;
    const auto pipe = dir / "pipe.plenary";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    const auto dangling = dir / "gone.plenary";
    fs::create_symlink(dir / "nowhere.plenary", dangling);
    for (const auto& file : {pipe, dangling}) {
        INFO(file.filename().string());
        // Opening a pipe to read waits for a writer: before the fix these never returned.
        for (const auto& result : readEveryWay(file)) {
            CHECK(result.exitCode != 0);
            CHECK(lines(result.err) == 1);
        }
    }
    const auto searched = run(PLENARY_BINARY, {"search", "teachers", "--in", dir.path().string()});
    CHECK(searched.err.find("pipe or a device") != std::string::npos);
}

TEST_CASE("hostile: reports carry no control characters or invalid UTF-8; JSON always imports again") {
    plenary::core::SessionData data;
    data.workshop.title = "\x1b]0;pwned\x07\x1b[2JTitle \xff\xfe with \x9b bytes";
    data.workshop.description = std::string("a NUL \0 inside", 14) + ", a CR\r and a tab\t";
    const std::string md = plenary::exporting::sessionToMarkdown(data);
    for (const unsigned char c : md)
        CHECK((c >= 0x20 || c == '\n' || c == '\t'));
    CHECK(md.find("pwned") != std::string::npos); // the words stay, the sequences go
    const std::string json = plenary::exporting::sessionToJson(data);
    const auto again = plenary::core::parseSessionJson(json, "again.json");
    CHECK(again.workshop.title.find("\xef\xbf\xbd") != std::string::npos); // U+FFFD for the bad bytes
    CHECK(again.workshop.description.find('\0') == std::string::npos);
    CHECK(again.workshop.description.find("\r and a tab\t") != std::string::npos); // kept in JSON

    data.workshop.threshold = std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH_AS(plenary::exporting::sessionToJson(data),
                         doctest::Contains("workshop.threshold is not a finite number"), std::runtime_error);
}

TEST_CASE(
    "hostile: a damaged search index is named in Plenary's words, and writing never goes through a link") {
    TempDir dir;
    const auto file = example(dir, "indexed");
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE search_index_config SET v = 99 WHERE k = 'version'");
    }
    // The library searches its own index of every file's text, so a file whose own search index
    // is damaged is still found; the damage is named when the file's index itself is asked.
    const auto searched = run(PLENARY_BINARY, {"search", "teachers", "--in", dir.path().string()});
    CHECK(searched.exitCode == 0);
    CHECK(searched.out.find("indexed.plenary") != std::string::npos);
    CHECK_THROWS_WITH(plenary::store::SessionStore::open(file, plenary::store::OpenMode::ReadOnly)->search("teachers"),
                      doctest::Contains("indexed.plenary: its search index is damaged"));

    TempDir other;
    const auto target = example(other, "target");
    const auto link = dir / "link.plenary";
    fs::create_symlink(target, link);
    const auto before = plenary::test::readFile(target);
    const auto csv = dir / "people.csv";
    plenary::test::writeFile(csv, "name,organisation\nZoë Link,Somewhere\n");
    const auto imported = run(PLENARY_BINARY, {"import", csv.string(), "-o", link.string()});
    CHECK(imported.exitCode != 0);
    CHECK(imported.err.find("is a link to another file") != std::string::npos);
    CHECK(plenary::test::readFile(target) == before);
}

TEST_CASE("hostile: a file holding more than any workshop could is refused before it is read") {
    TempDir dir;
    const auto file = example(dir, "big", "social-olympics-renewal");
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
        db.exec("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1001) "
                "INSERT INTO rings (name, position) SELECT 'Ring ' || x, 100 + x FROM c");
    }
    const auto before = plenary::test::readFile(file);
    for (const auto& result : readEveryWay(file)) {
        CHECK(result.exitCode != 0);
        CHECK(lines(result.err) == 1);
        CHECK(result.err.find("holds more rings") != std::string::npos);
    }
    CHECK(plenary::test::readFile(file) == before);
}

TEST_CASE("hostile files: a vote count no room could raise is refused before anything adds it up") {
    plenary::test::TempDir dir;
    const auto path = dir / "counts.plenary";
    {
        plenary::core::SessionData d;
        d.workshop.title = "Counts";
        d.workshop.format = plenary::core::Format::SocialOlympics;
        d.rings = {{1, "r", "Ring", "#2B6CB0", 1}};
        d.statements = {{1, 1, 1, "A statement", 0}};
        d.votes = {{0, 1, 1, 1, 1, 1}};
        d.votes[0].count = 1;
        plenary::store::SessionStore::create(path, d);
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE votes SET count = 2147483647"); // as a forged file would have it
    }
    try {
        plenary::store::SessionStore::open(path, plenary::store::OpenMode::ReadOnly);
        FAIL("opened");
    } catch (const std::exception& e) {
        CHECK(std::string(e.what()).find("vote count larger than any room") != std::string::npos);
    }
}
