// Reading never writes: commands and screens that only read leave a workshop file and any journal
// beside it byte for byte as they were.
#include "store_test_util.hpp"

#include "store/FileInspect.hpp"
#include "store/Schema.hpp"
#include "store/SessionStore.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>

using namespace store_test;
using plenary::store::OpenMode;
using plenary::store::SessionStore;

namespace {

// A journal that SQLite takes for a hot one: written by a transaction in another file (B) whose
// pages spilled to disk, copied while it was open, then placed beside `target`. Rolling it back
// would write B's pages into target.
void strayJournal(const fs::path& other, const fs::path& target) {
    SQLite::Database b(other.string(), SQLite::OPEN_READWRITE);
    b.exec("PRAGMA journal_mode = DELETE");
    b.exec("PRAGMA cache_size = 10"); // small, so changed pages spill into the file mid-transaction
    b.exec("BEGIN IMMEDIATE");
    b.exec("UPDATE questions SET text = text || ' (changed)'");
    REQUIRE(fs::exists(other.string() + "-journal"));
    fs::copy_file(other.string() + "-journal", target.string() + "-journal");
    b.exec("ROLLBACK");
}

} // namespace

TEST_CASE("store: a journal beside a file is never rolled into it by a reader") {
    TempDir dir;
    const fs::path healthy = dir / "healthy.plenary";
    const fs::path other = dir / "other.plenary";
    SessionStore::create(healthy, exampleSession("social-olympics-renewal"));
    SessionStore::create(other, exampleSession("urban-academy-education"));
    strayJournal(other, healthy);
    const auto fileBefore = fileHash(healthy);
    const auto journalBefore = fileHash(healthy.string() + "-journal");

    for (int round = 0; round < 2; ++round) {
        try {
            auto store = SessionStore::open(healthy, OpenMode::ReadOnly);
            store->load();
            store->integrityCheck();
            store->search("plan");
        } catch (const std::exception&) {
            // Saying the file is damaged is fine; changing it is not.
        }
        CHECK(fileHash(healthy) == fileBefore);
        REQUIRE(fs::exists(healthy.string() + "-journal"));
        CHECK(fileHash(healthy.string() + "-journal") == journalBefore);
    }
    // The commands that read, as a person runs them.
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"info", healthy.string()},
                                               {"export", healthy.string(), "--format", "json"},
                                               {"search", "plan", "--in", dir.path().string()}}) {
        std::vector<std::string> command{PLENARY_BINARY};
        command.insert(command.end(), args.begin(), args.end());
        runProcess(command, dir.path());
        CHECK(fileHash(healthy) == fileBefore);
        CHECK(fileHash(healthy.string() + "-journal") == journalBefore);
    }
}

TEST_CASE("store: another program's database with a journal is refused without being rewritten") {
    TempDir dir;
    const fs::path foreign = dir / "foreign.plenary";
    {
        SQLite::Database db(foreign.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
        db.exec("INSERT INTO notes (text) VALUES ('not a workshop')");
    }
    const fs::path other = dir / "other.plenary";
    SessionStore::create(other, exampleSession("urban-academy-education"));
    strayJournal(other, foreign);
    const auto before = fileHash(foreign);
    const auto result = runProcess({PLENARY_BINARY, "info", foreign.string()}, dir.path());
    CHECK(result.exitCode != 0);
    CHECK(fileHash(foreign) == before);
}

namespace {

// A session file changed by someone else's tool: a SQL text run on a copy of a real session.
fs::path tampered(const TempDir& dir, const std::string& name, const std::string& sql) {
    const fs::path path = dir / (name + ".plenary");
    SessionStore::create(path, exampleSession("urban-academy-education"));
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
    return path;
}

} // namespace

TEST_CASE("store: a file with views or triggers Plenary did not make is refused before they can run") {
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> files{
        // A table replaced by a view that never ends: it would hang info, export, search, the library.
        {"endless", "PRAGMA foreign_keys = OFF; DROP TABLE contributions; CREATE VIEW contributions AS "
                    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS id, '' AS "
                    "kind, 0 AS session_id, 0 AS person_id, '' AS title, '' AS text, x AS position FROM n"},
        // A trigger that rewrites the title whenever a person is added (outside the undo history).
        {"trigger",
         "CREATE TRIGGER rename AFTER INSERT ON people BEGIN UPDATE workshop SET title = 'pwned'; END"},
        // A view that reads where the reader keeps the file.
        {"peek", "CREATE VIEW whereami AS SELECT file FROM pragma_database_list"},
        {"negative", "PRAGMA user_version = -3"},
    };
    for (const auto& [name, sql] : files) {
        CAPTURE(name);
        const fs::path path = tampered(dir, name, sql);
        const auto before = fileHash(path);
        CHECK_THROWS_AS(SessionStore::open(path, OpenMode::ReadOnly), plenary::store::StoreError);
        CHECK_THROWS_AS(SessionStore::open(path, OpenMode::ReadWrite), plenary::store::StoreError);
        // The command ends at once, with one line, and the file keeps every byte.
        const auto result =
            runProcess({"/usr/bin/timeout", "20", PLENARY_BINARY, "info", path.string()}, dir.path());
        CHECK(result.exitCode == 1);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
        if (name != "negative")
            CHECK(result.err.find("contains parts Plenary did not make") != std::string::npos);
        CHECK(fileHash(path) == before);
    }
}

TEST_CASE("store: a file left in WAL mode is read without leaving -wal or -shm files beside it") {
    TempDir dir;
    const fs::path path = dir / "wal.plenary";
    SessionStore::create(path, exampleSession("urban-academy-education"));
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = WAL");
    }
    REQUIRE_FALSE(fs::exists(path.string() + "-wal"));
    const auto before = fileHash(path);
    {
        auto store = SessionStore::open(path, OpenMode::ReadOnly);
        CHECK(store->counts().dilemmas == 14);
    }
    runProcess({PLENARY_BINARY, "info", path.string()}, dir.path());
    CHECK_FALSE(hasSideFiles(path));
    CHECK(fileHash(path) == before);
}

// Every read is bounded in time: a statement that runs too long is interrupted, the next one gets
// its own time, and the message names the file and says it took too long.
TEST_CASE("store: a statement that runs too long is interrupted; the next one has its own time") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
    plenary::store::boundStatementTime(db, 0.2);
    const auto started = std::chrono::steady_clock::now();
    // A query that never ends (SQLite's own words for it: an unbounded recursive CTE).
    bool interrupted = false;
    try {
        SQLite::Statement endless(db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                      "SELECT count(*) FROM c");
        endless.executeStep();
    } catch (const SQLite::Exception& e) {
        interrupted = (e.getErrorCode() & 0xFF) == SQLITE_INTERRUPT;
        const auto message = plenary::store::readFailure("hostile.plenary", e);
        CHECK(std::string(message.what()).find("hostile.plenary took too long to read") == 0);
    }
    CHECK(interrupted);
    // Not a timing assertion on Plenary's speed: only that the bound, not the query, ended it.
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
    // Statements one after another, each well under the bound, all run.
    for (int i = 0; i < 5; ++i) {
        SQLite::Statement quick(
            db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) "
                "SELECT count(*) FROM c");
        REQUIRE(quick.executeStep());
        CHECK(quick.getColumn(0).getInt() == 1000);
    }
}
