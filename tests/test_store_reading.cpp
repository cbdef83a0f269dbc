// Reading never writes: commands and screens that only read leave a workshop file and any journal
// beside it byte for byte as they were.
#include "store_test_util.hpp"

#include "store/SessionStore.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

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
