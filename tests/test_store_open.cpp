// Opening session files: every way a file can be unusable gets its own one-line message and leaves
// the file's bytes as they were; a second writer is refused.
#include "store_test_util.hpp"

#include "store/Schema.hpp"
#include "store/SessionStore.hpp"
#include "store/StoreError.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <set>

using namespace store_test;
using plenary::store::OpenMode;
using plenary::store::SessionStore;
using plenary::store::StoreError;
using plenary::store::StoreErrorKind;

namespace {

struct OpenFailure {
    StoreErrorKind kind;
    std::string message;
};

// Opens the file expecting a StoreError; returns what was thrown.
std::optional<OpenFailure> openFailure(const fs::path& path, OpenMode mode = OpenMode::ReadWrite) {
    try {
        auto store = SessionStore::open(path, mode);
    } catch (const StoreError& e) {
        return OpenFailure{e.kind(), e.what()};
    }
    return std::nullopt;
}

// Expects the open to fail with `kind`, a one-line message, and the file's bytes unchanged.
std::string expectRefused(const fs::path& path, StoreErrorKind kind, OpenMode mode = OpenMode::ReadWrite) {
    const bool existed = fs::exists(path);
    const bool regular = fs::is_regular_file(path);
    const auto hashBefore = regular ? fileHash(path) : 0;
    const auto sizeBefore = regular ? fs::file_size(path) : 0;
    const auto failure = openFailure(path, mode);
    REQUIRE_MESSAGE(failure.has_value(), "opening " << path << " should have failed");
    CHECK(failure->kind == kind);
    CHECK_FALSE(failure->message.empty());
    CHECK(failure->message.find('\n') == std::string::npos);
    CHECK(fs::exists(path) == existed);
    if (regular) {
        CHECK(fs::file_size(path) == sizeBefore);
        CHECK(fileHash(path) == hashBefore);
    }
    CHECK_FALSE(hasSideFiles(path));
    return failure->message;
}

fs::path makeSession(const TempDir& dir, const std::string& name = "session.plenary") {
    const fs::path path = dir / name;
    SessionStore::create(path, exampleSession("urban-academy-education"));
    return path;
}

void setPragma(const fs::path& path, const std::string& pragma) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA " + pragma);
}

// Overwrites pages [first, last) with pseudo-random bytes.
void scribble(const fs::path& path, std::size_t pageSize, std::size_t first, std::size_t last) {
    std::string bytes = readBytes(path);
    std::mt19937 random(1234);
    for (std::size_t i = first * pageSize; i < last * pageSize && i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(random() & 0xFF);
    writeBytes(path, bytes);
}

} // namespace

TEST_CASE("store: six unusable files give six distinct one-line messages and stay untouched") {
    TempDir dir;
    std::map<StoreErrorKind, std::string> messages;

    // Missing.
    messages[StoreErrorKind::Missing] = expectRefused(dir / "nowhere.plenary", StoreErrorKind::Missing);
    CHECK_FALSE(fs::exists(dir / "nowhere.plenary"));

    // Not a database: a text file, long and short.
    writeBytes(dir / "notes.plenary",
               std::string(5000, 'x') + "\nThis is a shopping list, not a workshop.\n");
    messages[StoreErrorKind::NotDatabase] = expectRefused(dir / "notes.plenary", StoreErrorKind::NotDatabase);
    writeBytes(dir / "short.plenary", "hello");
    expectRefused(dir / "short.plenary", StoreErrorKind::NotDatabase);

    // Another program's database: no application id at all, and someone else's id.
    {
        SQLite::Database db((dir / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        db.exec("INSERT INTO customers (name) VALUES ('Ada')");
    }
    messages[StoreErrorKind::ForeignDatabase] =
        expectRefused(dir / "other.db", StoreErrorKind::ForeignDatabase);
    {
        SQLite::Database db((dir / "geo.gpkg").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA application_id = 1196444487"); // 'GPKG'
        db.exec("CREATE TABLE gpkg_contents (table_name TEXT)");
    }
    expectRefused(dir / "geo.gpkg", StoreErrorKind::ForeignDatabase);

    // From a newer Plenary.
    const fs::path newer = makeSession(dir, "newer.plenary");
    setPragma(newer, "user_version = " + std::to_string(plenary::store::kSchemaVersion + 1));
    messages[StoreErrorKind::NewerVersion] = expectRefused(newer, StoreErrorKind::NewerVersion);

    // Damaged: cut in half.
    const fs::path whole = makeSession(dir, "whole.plenary");
    const std::string bytes = readBytes(whole);
    REQUIRE(bytes.size() >= 8 * 4096);
    writeBytes(dir / "half.plenary", bytes.substr(0, bytes.size() / 2));
    messages[StoreErrorKind::Damaged] = expectRefused(dir / "half.plenary", StoreErrorKind::Damaged);

    // Read-only (tests may run as root, so the permission bits are what counts).
    const fs::path locked = makeSession(dir, "locked.plenary");
    fs::permissions(locked, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    messages[StoreErrorKind::ReadOnly] = expectRefused(locked, StoreErrorKind::ReadOnly);

    REQUIRE(messages.size() == 6);
    std::set<std::string> distinct;
    for (const auto& [kind, message] : messages) {
        INFO(message);
        distinct.insert(message);
    }
    CHECK(distinct.size() == 6);

    // Every refusal except "read-only" also holds when asking for read-only access.
    for (const auto& [path, kind] : std::vector<std::pair<fs::path, StoreErrorKind>>{
             {dir / "nowhere.plenary", StoreErrorKind::Missing},
             {dir / "notes.plenary", StoreErrorKind::NotDatabase},
             {dir / "other.db", StoreErrorKind::ForeignDatabase},
             {newer, StoreErrorKind::NewerVersion},
             {dir / "half.plenary", StoreErrorKind::Damaged}}) {
        INFO(path);
        expectRefused(path, kind, OpenMode::ReadOnly);
    }
}

TEST_CASE("store: a folder and an empty file are not session files") {
    TempDir dir;
    fs::create_directory(dir / "folder.plenary");
    expectRefused(dir / "folder.plenary", StoreErrorKind::NotDatabase);
    CHECK(fs::is_directory(dir / "folder.plenary"));

    writeBytes(dir / "empty.plenary", "");
    expectRefused(dir / "empty.plenary", StoreErrorKind::NotDatabase);
    expectRefused(dir / "empty.plenary", StoreErrorKind::NotDatabase, OpenMode::ReadOnly);
    CHECK(fs::file_size(dir / "empty.plenary") == 0);
}

TEST_CASE("store: truncated and scribbled-on copies of a real session are damaged, not crashes") {
    TempDir dir;
    const fs::path whole = makeSession(dir, "whole.plenary");
    const std::string bytes = readBytes(whole);
    const std::size_t pageSize = 4096;
    REQUIRE(bytes.size() % pageSize == 0);
    const std::size_t pages = bytes.size() / pageSize;
    REQUIRE(pages >= 8);

    SUBCASE("cut at half, on a page boundary") {
        const std::size_t cut = (pages / 2) * pageSize;
        writeBytes(dir / "cut.plenary", bytes.substr(0, cut));
        expectRefused(dir / "cut.plenary", StoreErrorKind::Damaged);
    }
    SUBCASE("cut at half, mid-page") {
        writeBytes(dir / "cut.plenary", bytes.substr(0, bytes.size() / 2 + 123));
        expectRefused(dir / "cut.plenary", StoreErrorKind::Damaged);
    }
    SUBCASE("cut inside the header") {
        writeBytes(dir / "cut.plenary", bytes.substr(0, 60));
        expectRefused(dir / "cut.plenary", StoreErrorKind::Damaged);
    }
    SUBCASE("only the first page") {
        writeBytes(dir / "cut.plenary", bytes.substr(0, pageSize));
        expectRefused(dir / "cut.plenary", StoreErrorKind::Damaged);
    }
    SUBCASE("garbage in the middle pages") {
        const fs::path path = dir / "scribbled.plenary";
        fs::copy_file(whole, path);
        scribble(path, pageSize, pages / 3, 2 * pages / 3);
        expectRefused(path, StoreErrorKind::Damaged);
        expectRefused(path, StoreErrorKind::Damaged, OpenMode::ReadOnly);
    }
    SUBCASE("garbage in the header's page-size field") {
        std::string broken = bytes;
        broken[16] = 0x03;
        broken[17] = 0x01;
        writeBytes(dir / "header.plenary", broken);
        expectRefused(dir / "header.plenary", StoreErrorKind::Damaged);
    }
    // The original is still fine.
    auto store = SessionStore::open(whole);
    CHECK(store->integrityCheck() == "ok");
}

TEST_CASE("store: a read-only file opens read-only and refuses edits without touching the file") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto hash = fileHash(path);
    {
        auto store = SessionStore::open(path, OpenMode::ReadOnly);
        CHECK(store->readOnly());
        CHECK(store->counts().questions == 69);
        CHECK(store->integrityCheck() == "ok");
        CHECK_FALSE(store->canUndo());
        plenary::core::Question q;
        q.dilemma = store->dilemmas().front().id;
        q.text = "Can I write here?";
        try {
            store->addQuestion(q);
            FAIL("a read-only store accepted an edit");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreErrorKind::ReadOnly);
            CHECK(std::string(e.what()).find('\n') == std::string::npos);
        }
    }
    CHECK(fileHash(path) == hash);
    CHECK_FALSE(hasSideFiles(path));
}

TEST_CASE("store: a second writer in the same process is refused with \"already open\"") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    auto first = SessionStore::open(path);

    const auto failure = openFailure(path, OpenMode::ReadWrite);
    REQUIRE(failure.has_value());
    CHECK(failure->kind == StoreErrorKind::AlreadyOpen);
    CHECK(failure->message.find("already open") != std::string::npos);
    CHECK(failure->message.find('\n') == std::string::npos);

    // The first writer is unaffected by the refused attempt.
    plenary::core::Question q;
    q.dilemma = first->dilemmas().front().id;
    q.text = "Written by the first window after the refusal";
    const auto id = first->addQuestion(q);
    CHECK(id != 0);

    // Read-only access to the locked file works and sees the committed edit.
    {
        auto reader = SessionStore::open(path, OpenMode::ReadOnly);
        CHECK(reader->readOnly());
        CHECK(reader->counts().questions == 70);
        CHECK(reader->integrityCheck() == "ok");
    }

    // Once the first writer closes, the file can be opened for writing again.
    first.reset();
    auto again = SessionStore::open(path);
    CHECK(again->counts().questions == 70);
    CHECK(again->canUndo());
}

TEST_CASE("store: a second process gets \"already open\" and never writes") {
    TempDir dir;
    const fs::path path = dir / "held.plenary";
    SessionStore::create(path, smallSession());
    auto holder = SessionStore::open(path);
    const auto before = holder->load();

    const auto result = runProcess({PLENARY_WRITER_TOOL, path.string(), "1", "5"}, dir.path());
    INFO("stderr: " << result.err);
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("already open") != std::string::npos);
    CHECK(result.out.find("saved") == std::string::npos);
    CHECK(holder->load() == before);
    CHECK(holder->counts().questions == 0);

    // With the file closed, the same tool writes.
    holder.reset();
    const auto ok = runProcess({PLENARY_WRITER_TOOL, path.string(), "1", "2"}, dir.path());
    INFO("stderr: " << ok.err);
    CHECK(ok.exitCode == 0);
    auto store = SessionStore::open(path);
    CHECK(store->counts().questions == 2);
    CHECK_FALSE(hasSideFiles(path));
}

TEST_CASE("store: create never replaces an existing file") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    const auto hash = fileHash(path);
    try {
        SessionStore::create(path, smallSession());
        FAIL("create replaced an existing file");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreErrorKind::AlreadyExists);
    }
    CHECK(fileHash(path) == hash);

    // A session whose references do not hold is refused, and leaves nothing behind.
    auto broken = smallSession();
    plenary::core::Question orphan;
    orphan.id = 1;
    orphan.dilemma = 42;
    orphan.text = "Which dilemma?";
    broken.questions.push_back(orphan);
    try {
        SessionStore::create(dir / "broken.plenary", broken);
        FAIL("create accepted a question without its dilemma");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreErrorKind::Invalid);
    }
    CHECK_FALSE(fs::exists(dir / "broken.plenary"));

    // No temporary file is left behind.
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path()))
        ++entries;
    CHECK(entries == 1);
}
