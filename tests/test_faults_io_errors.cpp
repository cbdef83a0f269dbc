// A disk that fails to give a file back (SQLite reads returning SQLITE_IOERR_READ) wherever the
// program reads a workshop: opening it in each mode and from each layer, the library's listing and
// search, an export, an edit. Each time: one plain line, no crash, no exception escaping where the
// layer promises none, and the file exactly as it was.
#include "support/FaultyVfs.hpp"
#include "support/Process.hpp"
#include "support/ScreenFixture.hpp"

#include "session/Export.hpp"
#include "session/Library.hpp"
#include "session/OpenWorkshop.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using namespace plenary;
namespace fs = std::filesystem;

namespace {

const std::string kPlenary = PLENARY_BINARY;
const std::string kExamples = PLENARY_EXAMPLES;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// One line naming the file and saying it could not be read because of the disk — not SQLite's
// bare "disk I/O error", and not "damaged" (the file may be perfectly good).
void checkReadMessage(const std::string& message, const std::string& file) {
    INFO(message);
    CHECK(std::count(message.begin(), message.end(), '\n') == 0);
    CHECK(contains(message, file));
    CHECK(contains(message, "disk"));
    CHECK(message != "disk I/O error");
    CHECK_FALSE(contains(message, "damaged"));
}

fs::path importExample(const test::TempDir& dir, const std::string& name, const std::string& as) {
    const auto path = dir / as;
    REQUIRE(test::run(kPlenary, {"import", kExamples + "/" + name + ".json", "-o", path.string()}).exitCode ==
            0);
    return path;
}

} // namespace

TEST_CASE("faults: a read error while opening a workshop, in either mode, after any number of good reads") {
    test::TempDir dir;
    const auto path = importExample(dir, "urban-academy-education", "education.plenary");
    const auto bytes = test::readFile(path);
    test::FaultyVfs vfs;
    for (const auto mode : {store::OpenMode::ReadOnly, store::OpenMode::ReadWrite}) {
        // From the first read on, then later and later, until opening and loading need no more.
        bool opened = false;
        int failures = 0;
        for (int good = 0; !opened && good < 2000; good += good < 8 ? 1 : good / 4) {
            CAPTURE(good);
            vfs.failReads(good, ".plenary");
            const int refusedBefore = vfs.readsRefused();
            std::string message;
            try {
                auto store = store::SessionStore::open(path, mode);
                const auto data = store->load();
                CHECK(data.dilemmas.size() == 14); // whatever was refused, what it gives is right
                opened = vfs.readsRefused() == refusedBefore;
            } catch (const store::StoreError& e) {
                message = e.what();
            } catch (const std::exception& e) {
                FAIL("not a StoreError: " << e.what());
            }
            vfs.heal();
            if (!message.empty()) {
                ++failures;
                checkReadMessage(message, "education.plenary");
            }
            CHECK(test::readFile(path) == bytes);
            CHECK_FALSE(fs::exists(path.string() + "-journal"));
        }
        CHECK(opened);
        CHECK(failures > 3);
    }
    // Healed, the file opens as it always did.
    CHECK(store::SessionStore::open(path, store::OpenMode::ReadWrite)->integrityCheck() == "ok");
}

TEST_CASE("faults: read errors under an open workshop — edits refused in one line, the snapshot kept") {
    test::TempDir dir;
    const auto path = importExample(dir, "urban-academy-education", "education.plenary");
    test::FaultyVfs vfs;
    std::vector<session::Message> messages;
    const auto reporter = [&](session::Message m) { messages.push_back(std::move(m)); };

    // Opening through the session layer: one exception with one line, as it promises.
    vfs.failReads(0, ".plenary");
    try {
        session::OpenWorkshop failed(path, session::OpenWorkshop::Mode::Edit, reporter);
        FAIL("opened a file whose reads fail");
    } catch (const std::exception& e) {
        checkReadMessage(e.what(), "education.plenary");
    }
    vfs.heal();

    session::OpenWorkshop workshop(path, session::OpenWorkshop::Mode::Edit, reporter);
    const auto bytes = test::readFile(path);
    const auto questions = workshop.data().questions;
    core::Question q;
    q.dilemma = workshop.data().dilemmas.front().id;
    q.text = "Who pays for the mentors?";
    vfs.failReads(0, ".plenary");
    CHECK(workshop.addQuestion(q) == 0);
    CHECK_FALSE(workshop.undo());
    vfs.heal();
    REQUIRE(!messages.empty());
    for (const auto& m : messages) {
        CHECK(m.level == session::Message::Level::Error);
        INFO(m.text);
        CHECK(std::count(m.text.begin(), m.text.end(), '\n') == 0);
        CHECK(contains(m.text, "education.plenary"));
        CHECK(contains(m.text, "disk"));
    }
    CHECK(workshop.data().questions == questions);
    CHECK(test::readFile(path) == bytes);
    CHECK(workshop.addQuestion(q) != 0); // the disk back: the same edit works
}

TEST_CASE("faults: the screen opening a workshop whose reads fail shows one line and goes on") {
    test::FaultyVfs vfs;
    test::ScreenFixture f;
    const auto path = importExample(f.dir, "urban-academy-education", "education.plenary");
    const auto bytes = test::readFile(path);
    for (const bool readOnly : {false, true}) {
        vfs.failReads(0, ".plenary");
        CHECK_FALSE(f.state.openSession(path, readOnly));
        f.harness.frame(3);
        vfs.heal();
        CHECK(f.state.workshop() == nullptr);
        checkReadMessage(f.state.message(), "education.plenary");
    }
    CHECK(test::readFile(path) == bytes);

    // Open, then the disk fails: every screen still draws from what was read.
    REQUIRE(f.state.openSession(path));
    f.harness.frame(2);
    vfs.failReads(0, ".plenary");
    for (const char* screen : {"live", "setup", "report", "agenda"}) {
        f.state.setScreen(screen);
        f.harness.frame(3);
    }
    f.state.setScreen("live");
    f.harness.frame(2);
    REQUIRE(f.harness.click("capture"));
    f.typeAndEnter("What did the first school do differently?");
    vfs.heal();
    CHECK(f.state.workshop() != nullptr);
    INFO(f.state.message());
    CHECK(contains(f.state.message(), "Not saved"));
    CHECK(contains(f.state.message(), "disk"));
    CHECK(test::readFile(path) == bytes);
}

TEST_CASE("faults: the library lists and searches a folder where one file cannot be read") {
    test::TempDir dir;
    importExample(dir, "urban-academy-education", "education.plenary");
    importExample(dir, "social-olympics-renewal", "renewal.plenary");
    const auto broken = importExample(dir, "urban-academy-education", "unlucky.plenary");
    const auto bytes = test::readFile(broken);
    test::FaultyVfs vfs;
    {
        vfs.failReads(0, "unlucky.plenary");
        session::Library library(dir.path());
        const auto& entries = library.entries();
        REQUIRE(entries.size() == 3);
        int problems = 0;
        for (const auto& entry : entries) {
            if (entry.path.filename() != "unlucky.plenary") {
                CHECK(entry.problem.empty());
                continue;
            }
            ++problems;
            checkReadMessage(entry.problem, "unlucky.plenary");
        }
        CHECK(problems == 1);
        const auto found = library.search("schools");
        CHECK(found.results > 0);
        for (const auto& group : found.groups)
            CHECK(group.entry->path.filename() != "unlucky.plenary");
        // The disk recovers: the next refresh reads the file, though it did not change.
        vfs.heal();
        library.refresh();
        for (const auto& entry : library.entries())
            CHECK(entry.problem.empty());
    }
    // The shared index in the cache folder (XDG_CACHE_HOME) failing as well as every file: the
    // listing and search give what they can and say why, never throw.
    {
        session::Library warm(dir.path(), fs::path(std::getenv("XDG_CACHE_HOME")) / "faults-index.sqlite");
        CHECK(warm.entries().size() == 3);
        vfs.failReads(0);
        session::Library library(dir.path(), fs::path(std::getenv("XDG_CACHE_HOME")) / "faults-index.sqlite");
        CHECK_NOTHROW(library.entries());
        CHECK_NOTHROW(library.search("schools"));
        CHECK_NOTHROW(warm.refresh());
        CHECK_NOTHROW(warm.entries());
        CHECK_NOTHROW(warm.search("schools"));
        vfs.heal();
        for (const auto& entry : library.entries())
            if (!entry.problem.empty()) CHECK(contains(entry.problem, "disk"));
    }
    CHECK(test::readFile(broken) == bytes);
}

TEST_CASE("faults: exporting a workshop whose reads fail — one line, nothing written, the file unchanged") {
    test::TempDir dir;
    const auto path = importExample(dir, "urban-academy-education", "education.plenary");
    const auto bytes = test::readFile(path);
    test::FaultyVfs vfs;
    for (const auto& info : session::exportFormats()) {
        CAPTURE(info.key);
        const auto target =
            dir / (std::string("report") + info.extension + (info.extension[0] ? "" : "-tables"));
        for (const int good : {0, 3, 10, 40}) {
            CAPTURE(good);
            vfs.failReads(good, ".plenary");
            std::string message;
            try {
                session::exportSessionFile(path, {info.format}, target);
            } catch (const std::exception& e) {
                message = e.what();
            }
            vfs.heal();
            REQUIRE(!message.empty());
            checkReadMessage(message, "education.plenary");
            CHECK_FALSE(fs::exists(target));
        }
    }
    CHECK(test::readFile(path) == bytes);
    CHECK(
        fs::exists(session::exportSessionFile(path, {session::ExportFormat::Html}, dir / "r.html").front()));
}
