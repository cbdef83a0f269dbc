// Schema versions: a checked-in version 1 file (tests/fixtures/v1-session.plenary, made once by
// `plenary import sessions/examples/urban-academy-education.json -o ...`) must keep opening with the
// current code. Never regenerate the fixture: it stands for files already out there.
#include "store_test_util.hpp"

#include "store/Schema.hpp"
#include "store/SessionStore.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

using namespace store_test;
using plenary::store::OpenMode;
using plenary::store::SessionStore;

namespace {

const fs::path kFixture = fs::path(PLENARY_TEST_FIXTURES) / "v1-session.plenary";

fs::path copyFixture(const TempDir& dir) {
    const fs::path copy = dir / "v1-session.plenary";
    fs::copy_file(kFixture, copy);
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add);
    return copy;
}

} // namespace

TEST_CASE("store: the version 1 fixture is what it claims to be") {
    REQUIRE(fs::exists(kFixture));
    SQLite::Database db(kFixture.string(), SQLite::OPEN_READONLY);
    CHECK(plenary::store::applicationId(db) == 0x504C4E52); // 'PLNR'
    CHECK(plenary::store::applicationId(db) == plenary::store::kApplicationId);
    CHECK(plenary::store::userVersion(db) == 1);
}

TEST_CASE("store: a version 1 file opens with the current code, and edits work") {
    TempDir dir;
    const fs::path path = copyFixture(dir);
    const auto fixtureHash = fileHash(kFixture);
    {
        auto store = SessionStore::open(path);
        CHECK(store->schemaVersion() >= 1);
        CHECK(store->schemaVersion() == plenary::store::kSchemaVersion);
        CHECK(store->integrityCheck() == "ok");
        const auto counts = store->counts();
        CHECK(counts.people == 23);
        CHECK(counts.sessions == 4);
        CHECK(counts.dilemmas == 14);
        CHECK(counts.questions == 69);
        CHECK(counts.practices == 23);
        CHECK(counts.contributions == 2);
        CHECK(counts.phaseLog == 15);
        CHECK(counts.undoSteps == 0);
        CHECK(store->phases().size() == 5);
        CHECK(store->workshop().title.find("Urban Academy on Integration") == 0);
        CHECK_FALSE(store->search("integration").empty());

        const auto before = store->load();
        plenary::core::Question q;
        q.dilemma = before.dilemmas.front().id;
        q.text = "Asked in a file from version 1";
        const auto id = store->addQuestion(q);
        CHECK(id != 0);
        CHECK(store->counts().questions == 70);
        bool indexed = false;
        for (const auto& hit : store->search("version 1"))
            indexed = indexed || (hit.kind == "question" && hit.ref == id);
        CHECK(indexed);
        REQUIRE(store->undo());
        CHECK(store->load() == before);
        REQUIRE(store->redo());
    }
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        CHECK(plenary::store::applicationId(db) == plenary::store::kApplicationId);
        CHECK(plenary::store::userVersion(db) == plenary::store::kSchemaVersion);
    }
    auto reopened = SessionStore::open(path, OpenMode::ReadOnly);
    CHECK(reopened->counts().questions == 70);
    CHECK(fileHash(kFixture) == fixtureHash); // the checked-in fixture itself was not touched
}

TEST_CASE("store: a new file is stamped with the application id and the current schema version") {
    TempDir dir;
    const fs::path path = dir / "new.plenary";
    SessionStore::create(path, smallSession());
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        CHECK(plenary::store::applicationId(db) == plenary::store::kApplicationId);
        CHECK(plenary::store::userVersion(db) == plenary::store::kSchemaVersion);
        CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
    }
    auto store = SessionStore::open(path);
    CHECK(store->schemaVersion() == plenary::store::kSchemaVersion);
    CHECK(store->integrityCheck() == "ok");
    // Opening an up-to-date file migrates nothing and leaves it byte for byte as it was.
    store.reset();
    const auto hash = fileHash(path);
    store = SessionStore::open(path);
    store.reset();
    CHECK(fileHash(path) == hash);
}
