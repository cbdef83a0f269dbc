// plenary merge as an organiser runs it on the rooms' files: the merged workshop holds every room,
// the inputs are only read, and every refusal is one line that leaves no output behind.
#include "core/Text.hpp"
#include "store/SessionStore.hpp"
#include "support/Examples.hpp"
#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using plenary::test::readFile;
using plenary::test::run;
using plenary::test::TempDir;

namespace fs = std::filesystem;
namespace core = plenary::core;
namespace store = plenary::store;

namespace {

const std::string kPlenary = PLENARY_BINARY;
const std::string kExamples = PLENARY_EXAMPLES;

int lines(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// The demo workshop as room A, and room B: the same event a day later, one name typed in lower
// case without its accents, a newcomer who asked B's first question, another city for someone.
struct Rooms {
    TempDir dir;
    std::string a = (dir / "room-a.plenary").string();
    std::string b = (dir / "room-b.plenary").string();
    core::SessionData demo = plenary::test::exampleSession("urban-academy-education");
    Rooms() {
        REQUIRE(run(kPlenary, {"import", kExamples + "/urban-academy-education.json", "-o", a}).exitCode ==
                0);
        auto copy = demo;
        copy.workshop.title = "Room B";
        copy.workshop.date = "2019-03-15";
        copy.workshop.venue = "Antwerp";
        copy.people[0].name = core::foldForSearch(copy.people[0].name) + " ";
        copy.people[1].city = "Antwerp";
        copy.people.push_back(
            {1000, "Nieuwe Deelnemer", "Gemeente Gent", "Gent", "BE", core::Role::Participant, 0});
        copy.questions[0].asker = 1000;
        store::SessionStore::create(b, copy).reset();
    }
};

std::string fails(const std::vector<std::string>& args) {
    const auto result = run(kPlenary, args);
    CHECK(result.exitCode != 0);
    CHECK(lines(result.err) == 1);
    CHECK(result.out.empty());
    return result.err;
}

} // namespace

TEST_CASE("merge cli: the demo workshop and a changed copy become one workshop, nothing lost") {
    Rooms rooms;
    const auto beforeA = readFile(rooms.a);
    const auto beforeB = readFile(rooms.b);
    const auto event = (rooms.dir / "event.plenary").string();
    const auto result = run(kPlenary, {"merge", rooms.a, rooms.b, "-o", event});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.err.empty());
    // The inputs are only read.
    CHECK(readFile(rooms.a) == beforeA);
    CHECK(readFile(rooms.b) == beforeB);
    for (const auto& entry : fs::directory_iterator(rooms.dir.path()))
        CHECK_MESSAGE(entry.path().filename().string().find(".tmp-") == std::string::npos,
                      entry.path().string());

    // A header, one line per input, the merged line, the duplicates and one note (the city).
    const auto& out = result.out;
    CHECK(out.find("people") < out.find("room-a.plenary"));
    CHECK(out.find("room-a.plenary") < out.find("room-b.plenary"));
    CHECK(out.find("room-b.plenary") < out.find("merged: event.plenary"));
    const auto people = static_cast<int>(rooms.demo.people.size());
    CHECK(out.find("people: " + std::to_string(people) + " merged as duplicates\n") != std::string::npos);
    CHECK(out.find("city \"Brussels\" kept; room-b.plenary has \"Antwerp\"") != std::string::npos);
    CHECK(lines(out) == 6);

    auto merged = store::SessionStore::open(event, store::OpenMode::ReadOnly);
    const auto c = merged->counts();
    CHECK(c.people == people + 1);
    CHECK(c.sessions == 2 * static_cast<int>(rooms.demo.sessions.size()));
    CHECK(c.dilemmas == 2 * static_cast<int>(rooms.demo.dilemmas.size()));
    CHECK(c.questions == 2 * static_cast<int>(rooms.demo.questions.size()));
    CHECK(c.practices == 2 * static_cast<int>(rooms.demo.practices.size()));
    CHECK(c.contributions == 2 * static_cast<int>(rooms.demo.contributions.size()));
    CHECK(c.phaseLog == 2 * static_cast<int>(rooms.demo.phaseLog.size()));
    CHECK(merged->integrityCheck() == "ok");
    const auto w = merged->workshop();
    CHECK(w.title == rooms.demo.workshop.title);
    CHECK(w.date == "2019-03-14");
    CHECK(w.endDate == "2019-03-15");
    CHECK(w.venue == rooms.demo.workshop.venue);
    const auto data = merged->load();
    CHECK(data.phases == rooms.demo.phases);
    // The person typed in lower case in room B is the demo's, written as the demo writes them.
    CHECK(std::count_if(data.people.begin(), data.people.end(),
                        [&](const core::Person& p) { return p.name == rooms.demo.people[0].name; }) == 1);
    // Room B's first question is the newcomer's, in one of room B's sessions.
    const auto newcomer = std::find_if(data.people.begin(), data.people.end(),
                                       [](const core::Person& p) { return p.name == "Nieuwe Deelnemer"; });
    REQUIRE(newcomer != data.people.end());
    const auto asked = std::count_if(data.questions.begin(), data.questions.end(),
                                     [&](const core::Question& q) { return q.asker == newcomer->id; });
    CHECK(asked == 1);

    // --title names the event; the same inputs merge again into another file.
    const auto titled = (rooms.dir / "titled.plenary").string();
    REQUIRE(run(kPlenary, {"merge", rooms.b, rooms.a, "-o", titled, "--title", "Urban Academy — all rooms"})
                .exitCode == 0);
    const auto info = run(kPlenary, {"info", titled});
    CHECK(info.out.find("Urban Academy — all rooms") != std::string::npos);
    CHECK(info.out.find("Venue:             Antwerp") != std::string::npos);
    CHECK(readFile(rooms.a) == beforeA);
    CHECK(readFile(rooms.b) == beforeB);
}

TEST_CASE("merge cli: refusals are one line and leave no output") {
    Rooms rooms;
    const auto event = rooms.dir / "event.plenary";
    const auto beforeA = readFile(rooms.a);

    // A file that is not a workshop: the store's message, naming it.
    const auto broken = rooms.dir / "broken.plenary";
    plenary::test::writeFile(broken, std::string(4096, 'x'));
    CHECK(fails({"merge", rooms.a, broken.string(), "-o", event.string()}).find("broken.plenary") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(event));
    CHECK(fails({"merge", rooms.a, (rooms.dir / "missing.plenary").string(), "-o", event.string()})
              .find("missing.plenary") != std::string::npos);
    CHECK_FALSE(fs::exists(event));

    // A Social Olympics conference.
    const auto so = (rooms.dir / "renewal.plenary").string();
    REQUIRE(run(kPlenary, {"import", kExamples + "/social-olympics-renewal.json", "-o", so}).exitCode == 0);
    const auto so2 = (rooms.dir / "renewal-2.plenary").string();
    fs::copy_file(so, so2);
    CHECK(
        fails({"merge", so, so2, "-o", event.string()})
            .find("Social Olympics conferences cannot be merged: their votes belong to one room's rounds") !=
        std::string::npos);
    CHECK(fails({"merge", rooms.a, so, "-o", event.string()}).find("mixed formats") != std::string::npos);
    CHECK_FALSE(fs::exists(event));

    // Too few inputs, the same file twice (however spelled), the output among the inputs.
    CHECK(fails({"merge", rooms.a, "-o", event.string()}).find("at least two") != std::string::npos);
    const auto dotted = (rooms.dir.path() / "." / "room-a.plenary").string();
    CHECK(fails({"merge", rooms.a, dotted, "-o", event.string()}).find("given twice") != std::string::npos);
    CHECK(fails({"merge", rooms.a, rooms.b, "-o", rooms.b}).find("one of the inputs") != std::string::npos);
    CHECK_FALSE(fs::exists(event));

    // An output that exists is never replaced, not by one byte.
    plenary::test::writeFile(event, "someone else's file");
    CHECK(fails({"merge", rooms.a, rooms.b, "-o", event.string()}).find("already exists") !=
          std::string::npos);
    CHECK(readFile(event) == "someone else's file");

    CHECK(readFile(rooms.a) == beforeA);
    for (const auto& entry : fs::directory_iterator(rooms.dir.path()))
        CHECK_MESSAGE(entry.path().filename().string().find(".tmp-") == std::string::npos,
                      entry.path().string());
}
