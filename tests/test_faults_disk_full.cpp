// A full disk while the program writes: during a live edit (the screen as the facilitator uses
// it), an import, an export and a merge. Each time: one plain line that says the disk is full or
// the file could not be written, the workshop intact and what was saved still there, no half file
// under the final name, the inputs unchanged, and the same action working once there is room.
#include "support/FaultyVfs.hpp"
#include "support/Process.hpp"
#include "support/ScreenFixture.hpp"

#include "session/Export.hpp"
#include "session/Merge.hpp"
#include "session/OpenWorkshop.hpp"
#include "session/Operations.hpp"
#include "session/Resources.hpp"
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

// One line that a facilitator can act on: the disk is full, or the file could not be written —
// never SQLite's bare words.
void checkDiskMessage(std::string message) {
    INFO(message);
    if (message.starts_with("plenary: ") && message.ends_with("\n")) message.pop_back(); // the command line's
    CHECK(std::count(message.begin(), message.end(), '\n') == 0);
    CHECK((contains(message, "disk is full") || contains(message, "could not be written") ||
           contains(message, "cannot write") || contains(message, "cannot create") ||
           contains(message, "larger than this system allows") ||
           contains(message, "disk reported an error")));
    CHECK(message != "database or disk is full");
    CHECK(message != "disk I/O error");
}

std::vector<std::string> questionTexts(const fs::path& path) {
    auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    std::vector<std::string> texts;
    for (const auto& q : reader->load().questions)
        texts.push_back(q.text);
    return texts;
}

std::string integrity(const fs::path& path) {
    return store::SessionStore::open(path, store::OpenMode::ReadOnly)->integrityCheck();
}

// Names in a folder, so a test can tell that nothing was left behind.
std::vector<std::string> listing(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("faults: disk full during a live capture — one plain line, nothing typed lost, the same Enter "
          "saves it once there is room") {
    test::FaultyVfs vfs; // before the screen: every database it opens goes through the shim
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    f.state.live().goToPhase(1); // open questions
    f.harness.frame(2);
    REQUIRE(f.state.live().currentPhase()->key == "questions");
    auto saved = questionTexts(path);

    // However much room is left — none, a page, part of an edit — an edit either lands whole or
    // is refused whole, and a refused one is saved by the same Enter once the disk has room.
    int refused = 0;
    for (const std::int64_t room : {0, 100, 600, 2048, 4096, 5000, 9000, 20000, 1 << 20}) {
        CAPTURE(room);
        const std::string question = "How did round " + std::to_string(room) + " reach the schools?";
        const auto before = f.state.live().questions().size();
        vfs.fillDisk(room, ".plenary");
        REQUIRE(f.harness.click("capture"));
        f.typeAndEnter(question);
        f.harness.frame(3); // frames keep drawing
        vfs.heal();
        const bool landed = f.state.live().questions().size() == before + 1;
        if (!landed) {
            ++refused;
            checkDiskMessage(f.state.message());
            CHECK(contains(f.state.message(), "Not saved"));
            CHECK(contains(f.state.message(), path.filename().string()));
            CHECK(f.harness.hasText("disk is full")); // on the screen, not only in the state
            CHECK(f.state.workshop() != nullptr);     // still open and browsable
            CHECK(questionTexts(path) == saved);      // nothing half-saved, nothing saved lost
            CHECK(integrity(path) == "ok");
            // The words are still on the line: Enter again, now with room, saves them.
            REQUIRE(f.harness.click("capture"));
            f.harness.pressKey(ui::keys::Enter);
            f.harness.frame(2);
            REQUIRE(f.state.live().questions().size() == before + 1);
        }
        CHECK(f.state.live().questions().back()->text == question);
        saved.push_back(question);
        CHECK(questionTexts(path) == saved);
        CHECK(integrity(path) == "ok");
    }
    CHECK(refused >= 3); // the small rooms really failed
    CHECK(vfs.writesRefused() >= refused);
}

TEST_CASE("faults: disk full during a reflection or result capture keeps the words on the line") {
    test::FaultyVfs vfs;
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    f.state.live().goToPhase(2); // reflection: the capture adds a paragraph to the dilemma
    f.harness.frame(2);
    REQUIRE(f.state.live().currentPhase()->key == "reflection");
    const auto dilemma = f.state.live().dilemma();
    const auto reflectionOf = [&] {
        auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
        return reader->row<core::Dilemma>(dilemma)->reflection;
    };
    const auto before = reflectionOf();
    vfs.fillDisk(0, ".plenary");
    REQUIRE(f.harness.click("capture"));
    f.typeAndEnter("Parents came once the schools asked them in person.");
    vfs.heal();
    checkDiskMessage(f.state.message());
    CHECK(reflectionOf() == before);
    CHECK(integrity(path) == "ok");
    REQUIRE(f.harness.click("capture"));
    f.harness.pressKey(ui::keys::Enter); // the words are still there
    f.harness.frame(2);
    CHECK(contains(reflectionOf(), "Parents came once the schools asked them in person."));
}

TEST_CASE("faults: disk full while the capture line's words are saved as a draft") {
    test::FaultyVfs vfs;
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    f.state.live().goToPhase(1);
    f.harness.frame(2);
    const auto draftOf = [&] {
        return store::SessionStore::open(path, store::OpenMode::ReadOnly)->captureDraft().text;
    };
    vfs.fillDisk(0, ".plenary");
    REQUIRE(f.harness.click("capture"));
    f.harness.type("Who pays for the mentors");
    f.harness.frame(90); // past the typing save (about a second)
    CHECK(vfs.writesRefused() > 0);
    checkDiskMessage(f.state.message());
    CHECK(draftOf().empty());
    CHECK(integrity(path) == "ok");
    // Room again: the words still reach the file without another keystroke.
    vfs.heal();
    f.harness.frame(150);
    CHECK(draftOf() == "Who pays for the mentors");
}

TEST_CASE("faults: disk full while the rapporteur types the result — the words stay after leaving the field "
          "and reach the file once there is room") {
    test::FaultyVfs vfs;
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    f.state.live().goToPhase(4); // the result
    f.harness.frame(2);
    REQUIRE(f.state.live().currentPhase()->key == "result");
    const auto dilemma = f.state.live().dilemma();
    const auto resultOf = [&] {
        auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
        return reader->row<core::Dilemma>(dilemma)->result;
    };
    const std::string words = " Follow-up visit to Essen in May.";
    vfs.fillDisk(0, ".plenary");
    REQUIRE(f.harness.click("result"));
    f.harness.pressKey(ui::keys::End, true);
    f.harness.type(words);
    f.harness.frame(90);                  // the typing save is due, and refused
    f.harness.pressKey(ui::keys::Escape); // the rapporteur leaves the field
    f.harness.frame(90);
    CHECK(vfs.writesRefused() > 0);
    checkDiskMessage(f.state.message());
    CHECK_FALSE(contains(resultOf(), words));
    CHECK(integrity(path) == "ok");
    vfs.heal();
    f.harness.frame(150); // no keystroke: the kept words are saved again
    CHECK(contains(resultOf(), words));
    CHECK(contains(f.state.live().currentDilemma()->result, words));
}

TEST_CASE(
    "faults: disk full during a Social Olympics tally — refused whole, the count saved once there is room") {
    test::FaultyVfs vfs;
    test::TempDir dir;
    const auto path = dir / "renewal.plenary";
    REQUIRE(test::run(kPlenary, {"import", kExamples + "/social-olympics-renewal.json", "-o", path.string()})
                .exitCode == 0);
    std::vector<session::Message> messages;
    session::OpenWorkshop workshop(path, session::OpenWorkshop::Mode::Edit,
                                   [&](session::Message m) { messages.push_back(std::move(m)); });
    REQUIRE(!workshop.data().votes.empty());
    auto tally = workshop.data().votes.front();
    const auto votesBefore = workshop.data().votes;
    tally.count += 7;
    vfs.fillDisk(0, ".plenary");
    CHECK_FALSE(workshop.setVote(tally));
    vfs.heal();
    REQUIRE(messages.size() == 1);
    checkDiskMessage(messages.front().text);
    CHECK(workshop.data().votes == votesBefore); // the screen shows what the file holds
    CHECK(store::SessionStore::open(path, store::OpenMode::ReadOnly)->load().votes == votesBefore);
    CHECK(workshop.setVote(tally));
    CHECK(store::SessionStore::open(path, store::OpenMode::ReadOnly)->load().votes.front().count ==
          tally.count);
}

TEST_CASE("faults: disk full during an import — one line, no file under the name, the input unchanged") {
    test::TempDir dir;
    const fs::path json = fs::path(kExamples) / "urban-academy-education.json";
    const auto jsonBytes = test::readFile(json);
    const auto output = dir / "imported.plenary";
    {
        test::FaultyVfs vfs;
        for (const std::int64_t room : {0, 4096, 20000, 60000}) {
            CAPTURE(room);
            vfs.fillDisk(room);
            std::string message;
            try {
                session::importJsonFile(json, output);
            } catch (const std::exception& e) {
                message = e.what();
            }
            vfs.heal();
            REQUIRE(!message.empty());
            checkDiskMessage(message);
            CHECK(contains(message, output.string()));
            CHECK(listing(dir.path()).empty()); // no half file, no temporary one, no journal
        }
        // A CSV import into a new workshop, with room for none of it, for the workshop but not the
        // people, or for all: no workshop is left behind without what it imported.
        const auto csv = dir / "people.csv";
        test::writeFile(csv,
                        "name,organisation,city,country,role\nSanna Mäkinen,City of Helsinki,Helsinki,FI,"
                        "participant\n");
        // Room for a little more each time, until the import fits: every fill level between.
        int refused = 0;
        bool fitted = false;
        for (std::int64_t room = 0; !fitted && room < (1 << 22); room += 2048) {
            CAPTURE(room);
            vfs.fillDisk(room);
            std::string message;
            try {
                session::importCsvFile(session::Resources::load(), csv, output);
            } catch (const std::exception& e) {
                message = e.what();
            }
            vfs.heal();
            if (message.empty()) {
                CHECK(store::SessionStore::open(output, store::OpenMode::ReadOnly)->load().people.size() ==
                      1);
                fitted = true;
                continue;
            }
            ++refused;
            checkDiskMessage(message);
            CHECK(listing(dir.path()) == std::vector<std::string>{"people.csv"});
        }
        CHECK(refused >= 2);
        CHECK(fitted);
        fs::remove(output);
    }
    CHECK(test::readFile(json) == jsonBytes);

    // The command line, on a disk where no file may grow past 16 KiB.
    {
        test::FileSizeLimit limit(16 * 1024);
        const auto result = test::run(kPlenary, {"import", json.string(), "-o", output.string()});
        CHECK(result.exitCode != 0);
        checkDiskMessage(result.err);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    }
    CHECK(listing(dir.path()) == std::vector<std::string>{"people.csv"});
    CHECK(test::run(kPlenary, {"import", json.string(), "-o", output.string()}).exitCode == 0);
}

TEST_CASE("faults: disk full during an export in every format — one line, nothing under the name, the "
          "workshop unchanged") {
    test::TempDir dir;
    const auto path = dir / "education.plenary";
    REQUIRE(test::run(kPlenary, {"import", kExamples + "/urban-academy-education.json", "-o", path.string()})
                .exitCode == 0);
    const auto bytes = test::readFile(path);
    const auto data = store::SessionStore::open(path, store::OpenMode::ReadOnly)->load();
    const auto out = dir / "out";
    fs::create_directory(out);
    for (const auto& info : session::exportFormats()) {
        CAPTURE(info.key);
        const auto target =
            out / (std::string("report") + info.extension + (info.extension[0] ? "" : "-tables"));
        std::string message;
        {
            test::FileSizeLimit limit(2048); // smaller than any report of this workshop
            try {
                session::exportSession(data, {info.format}, target);
            } catch (const std::exception& e) {
                message = e.what();
            }
        }
        REQUIRE(!message.empty());
        checkDiskMessage(message);
        CHECK(contains(message, target.string()));
        CHECK_FALSE(contains(message, ".tmp-"));
        CHECK(listing(out).empty()); // no half file, no temporary file, no half folder of tables
        // With room, the same export works.
        CHECK(!session::exportSession(data, {info.format}, target).empty());
        fs::remove_all(target);
    }
    // The command line too: a non-zero exit, one line.
    {
        test::FileSizeLimit limit(2048);
        const auto result = test::run(
            kPlenary, {"export", path.string(), "--format", "html", "-o", (out / "r.html").string()});
        CHECK(result.exitCode != 0);
        checkDiskMessage(result.err);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    }
    CHECK(listing(out).empty());
    CHECK(test::readFile(path) == bytes);
}

TEST_CASE("faults: disk full during a merge — one line, no output, the rooms' files unchanged") {
    test::TempDir dir;
    const auto a = dir / "room-a.plenary";
    const auto b = dir / "room-b.plenary";
    REQUIRE(test::run(kPlenary, {"import", kExamples + "/urban-academy-education.json", "-o", a.string()})
                .exitCode == 0);
    fs::copy_file(a, b);
    const auto bytesA = test::readFile(a);
    const auto bytesB = test::readFile(b);
    const auto merged = dir / "event.plenary";
    {
        test::FaultyVfs vfs;
        for (const std::int64_t room : {0, 8192, 40000}) {
            CAPTURE(room);
            vfs.fillDisk(room);
            std::string message;
            try {
                session::mergeFiles({a, b}, merged);
            } catch (const std::exception& e) {
                message = e.what();
            }
            vfs.heal();
            REQUIRE(!message.empty());
            checkDiskMessage(message);
            CHECK(contains(message, merged.string()));
            CHECK(listing(dir.path()) == std::vector<std::string>{"room-a.plenary", "room-b.plenary"});
        }
    }
    {
        test::FileSizeLimit limit(16 * 1024);
        const auto result = test::run(kPlenary, {"merge", a.string(), b.string(), "-o", merged.string()});
        CHECK(result.exitCode != 0);
        checkDiskMessage(result.err);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    }
    CHECK(listing(dir.path()) == std::vector<std::string>{"room-a.plenary", "room-b.plenary"});
    CHECK(test::readFile(a) == bytesA);
    CHECK(test::readFile(b) == bytesB);
    CHECK(test::run(kPlenary, {"merge", a.string(), b.string(), "-o", merged.string()}).exitCode == 0);
}
