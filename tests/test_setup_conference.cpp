// The setup screen of a Social Olympics conference, driven headless like a facilitator would:
// what is typed, picked and added is in the file afterwards, read back by a fresh store.
#include "support/ScreenFixture.hpp"

#include "core/Rounds.hpp"
#include "session/OpenWorkshop.hpp"
#include "store/SessionStore.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace plenary;
namespace keys = ui::keys;

namespace {

// The example conference, by default before anyone voted (once votes are counted its scale is fixed).
std::filesystem::path openConference(test::ScreenFixture& f, bool withVotes = false) {
    const auto path = f.dir / "conference.plenary";
    const auto result = test::run(PLENARY_BINARY, {"import", std::string(PLENARY_EXAMPLES) + "/social-olympics-renewal.json",
                                                  "-o", path.string()});
    REQUIRE(result.exitCode == 0);
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        if (!withVotes) db.exec("DELETE FROM votes");
    }
    REQUIRE(f.state.openSession(path));
    f.harness.frame(2);
    REQUIRE(f.state.screen() == "rings"); // where a conference opens; set up from there
    REQUIRE(f.harness.click("Set up"));
    f.harness.frame(2);
    REQUIRE(f.state.screen() == "setup");
    return path;
}

void openTab(test::ScreenFixture& f, const std::string& tab) {
    REQUIRE(f.harness.click("tab:" + tab));
    f.harness.frame(2);
}

// Clicks a field, replaces what it holds with `text` and leaves it (Esc keeps the words).
void retype(test::ScreenFixture& f, const std::string& field, const std::string& text) {
    REQUIRE_MESSAGE(f.harness.click(field), field);
    f.harness.pressKey(keys::A, true);
    f.harness.type(text);
    f.harness.pressKey(keys::Escape);
    f.harness.frame(2);
}

const core::Ring* ringNamed(const core::SessionData& data, const std::string& name) {
    for (const auto& r : data.rings)
        if (r.name == name) return &r;
    return nullptr;
}

std::vector<std::string> statementsOf(const core::SessionData& data, core::Id ring) {
    std::vector<std::string> texts;
    for (const auto& s : data.statements)
        if (s.ring == ring) texts.push_back(s.text);
    return texts;
}

} // namespace

TEST_CASE(
    "setup conference: a Social Olympics file gets its own tabs, and what is set up there is in the file") {
    test::ScreenFixture f;
    const auto path = openConference(f);
    auto& h = f.harness;
    for (const char* tab : {"Conference", "Rings", "People", "Statements"})
        CHECK(h.hasItem(std::string("tab:") + tab));
    CHECK_FALSE(h.hasItem("tab:Sessions and dilemmas"));

    // Conference: the topic, another scale, a threshold, a round's name and minutes.
    openTab(f, "Conference");
    retype(f, "topic", "Renewal of Schilderswijk-Oost: what comes first?");
    retype(f, "threshold", "75");
    REQUIRE(h.click("scale"));
    REQUIRE(h.click("scale:dots"));
    CHECK(h.hasItem("dots")); // dot voting asks for the dots each person has, and has no threshold
    CHECK_FALSE(h.hasItem("threshold"));
    retype(f, "dots", "5");
    retype(f, "round-name:2", "Exchange between the rings");
    retype(f, "round-minutes:2", "25");

    // Rings: a new ring, its name typed at once.
    openTab(f, "Rings");
    const auto rings = f.state.data().rings.size();
    REQUIRE(h.click("Add ring"));
    h.frame(2); // the new ring's name takes the keyboard
    REQUIRE(f.state.data().rings.size() == rings + 1);
    h.type("Youth council");
    h.pressKey(keys::Escape);
    h.frame(2);
    const core::Id youth = f.state.data().rings.back().id;
    CHECK(f.state.data().rings.back().name == "Youth council");
    CHECK(f.state.data().rings.back().colour.size() == 7);

    // People: someone seated in the new ring.
    openTab(f, "People");
    const std::string person = f.state.data().people.front().name;
    REQUIRE(h.click("ring:" + person));
    REQUIRE(h.click("pick-ring:Youth council"));

    // Statements: one typed into the new ring, and a benchmark dimension into the politicians.
    openTab(f, "Statements");
    // The new ring is the last: down the list to it.
    REQUIRE(h.wheel("statement:" + std::to_string(f.state.data().statements.front().id), -40.0f));
    h.frame(2);
    REQUIRE(h.click("add-statement:Youth council"));
    h.frame(2); // the new statement takes the keyboard
    h.type("A skate park on the square");
    h.pressKey(keys::Escape);
    h.frame(2);
    REQUIRE(h.click("benchmark"));
    REQUIRE(h.click("benchmark:housing"));
    REQUIRE(h.click("benchmark-ring"));
    REQUIRE(h.click("pick-ring:Politicians"));
    REQUIRE(h.click("Add benchmark statements"));
    CHECK(f.state.message().find("Added 10 statements on Housing") != std::string::npos);

    const auto politicians = ringNamed(f.state.data(), "Politicians")->id;
    f.state.closeSession();
    // Read back by a store of its own, as the next start of the program would.
    const auto data = store::SessionStore::open(path, store::OpenMode::ReadOnly)->load();
    CHECK(data.workshop.title == "Renewal of Schilderswijk-Oost: what comes first?");
    CHECK(data.workshop.scale == "dots");
    CHECK(data.workshop.dotBudget == 5);
    CHECK(data.workshop.threshold == doctest::Approx(0.75));
    const auto rounds = core::roundsOf(data);
    REQUIRE(rounds.size() == 3);
    CHECK(rounds[1].name == "Exchange between the rings");
    CHECK(rounds[1].seconds == 25 * 60);
    const auto* ring = ringNamed(data, "Youth council");
    REQUIRE(ring != nullptr);
    CHECK(ring->id == youth);
    const auto seated = std::find_if(data.people.begin(), data.people.end(),
                                     [&](const core::Person& p) { return p.name == person; });
    REQUIRE(seated != data.people.end());
    CHECK(seated->ring == youth);
    CHECK(statementsOf(data, youth) == std::vector<std::string>{"A skate park on the square"});
    const auto housing = statementsOf(data, politicians);
    CHECK(housing.size() == 2 + 10);
    CHECK(std::find(housing.begin(), housing.end(),
                    "Urban planning works actively against segregated neighbourhoods.") != housing.end());
}

TEST_CASE(
    "setup conference: a ring with statements is refused with the reason; a statement goes, and undo brings "
    "it back with its votes") {
    test::ScreenFixture f;
    openConference(f, true);
    auto& h = f.harness;
    openTab(f, "Rings");
    const auto* residents = ringNamed(f.state.data(), "Residents");
    REQUIRE(residents != nullptr);
    const auto rings = f.state.data().rings.size();
    REQUIRE(h.click("remove-ring:" + std::to_string(residents->id)));
    CHECK(f.state.data().rings.size() == rings);
    CHECK(h.hasText("“Residents” cannot be removed: it already has 3 statements"));

    openTab(f, "Statements");
    const auto statement = f.state.data().statements.front();
    const auto votes = f.state.data().votes.size();
    REQUIRE(h.click("remove-statement:" + std::to_string(statement.id)));
    CHECK(f.state.data().votes.size() < votes);
    CHECK(f.state.workshop()->undoLabel() == "Remove statement");
    CHECK_FALSE(h.hasItem("statement:" + std::to_string(statement.id)));
    h.pressKey(keys::Z, true);
    h.frame(2);
    CHECK(f.state.data().votes.size() == votes);
    CHECK(h.hasItem("statement:" + std::to_string(statement.id)));
    REQUIRE(h.click("← Rings"));
    CHECK(f.state.screen() == "rings");
    // The overview of a conference leads to its set-up too.
    f.state.setScreen("agenda");
    h.frame(2);
    REQUIRE(h.click("Set up"));
    CHECK(f.state.screen() == "setup");
}

TEST_CASE("setup conference: a number that is not one is said, and the stored one stays") {
    test::ScreenFixture f;
    openConference(f);
    openTab(f, "Conference");
    const double before = f.state.data().workshop.threshold;
    retype(f, "threshold", "150");
    CHECK(f.state.data().workshop.threshold == before);
    CHECK(f.harness.hasText("Threshold (%): a whole number from 1 to 100"));
    retype(f, "threshold", "70");
    CHECK(f.state.data().workshop.threshold == doctest::Approx(0.7));
    CHECK_FALSE(f.harness.hasText("Threshold (%): a whole number"));
}

TEST_CASE("setup conference: statements from a spreadsheet go to the ring in the file, or the one picked") {
    test::ScreenFixture f;
    openConference(f);
    openTab(f, "Statements");
    auto& h = f.harness;
    const auto file = f.dir / "statements.csv";
    test::writeFile(file, "statement,ring\nA market hall,residents\nSafe crossings,\n");
    REQUIRE(h.click("csv-ring"));
    REQUIRE(h.click("pick-ring:Politicians"));
    retype(f, "csv-path", file.string());
    REQUIRE(h.click("Import CSV"));
    CHECK_MESSAGE(f.state.message().find("Imported 2 entries") != std::string::npos, f.state.message());
    const auto& data = f.state.data();
    CHECK(statementsOf(data, ringNamed(data, "Residents")->id).back() == "A market hall");
    CHECK(statementsOf(data, ringNamed(data, "Politicians")->id).back() == "Safe crossings");
    // An unknown ring names the line, and nothing is added.
    test::writeFile(file, "statement,ring\nOne,residents\nTwo,Landlords\n");
    const auto count = f.state.data().statements.size();
    REQUIRE(h.click("Import CSV"));
    CHECK(f.state.data().statements.size() == count);
    CHECK(f.state.message().find("statements.csv: line 3: ring \"Landlords\"") != std::string::npos);
}

TEST_CASE("setup conference: typing into a ring, a statement or a number is one undo step a stretch") {
    test::TempDir dir;
    const auto path = dir / "so.plenary";
    REQUIRE(
        test::run(PLENARY_BINARY, {"import", std::string(PLENARY_EXAMPLES) + "/social-olympics-renewal.json",
                                   "-o", path.string()})
            .exitCode == 0);
    std::string problem;
    session::OpenWorkshop w(path, session::OpenWorkshop::Mode::Edit,
                            [&](const session::Message& m) { problem = m.text; });
    const auto ring = w.data().rings.front();
    const auto statement = w.data().statements.front();
    REQUIRE_FALSE(w.canUndo()); // a fresh import: every step below is one of these edits
    CHECK(w.typeInto(ring.id, &core::Ring::name, "Policy", 7001));
    CHECK(w.typeInto(ring.id, &core::Ring::name, "Policy makers", 7001));
    CHECK(w.typeInto(ring.id, &core::Ring::colour, "#112233", 7002));
    CHECK(w.typeInto(ring.id, &core::Ring::colour, "#445566", 7002));
    CHECK(w.typeInto(statement.id, &core::Statement::text, "Renew", 7003));
    CHECK(w.typeInto(statement.id, &core::Statement::text, "Renew the flats", 7003));
    auto workshop = w.data().workshop;
    workshop.threshold = 0.7;
    CHECK(w.updateWorkshop(workshop, 7004));
    workshop.threshold = 0.75;
    CHECK(w.updateWorkshop(workshop, 7004));
    auto rounds = core::roundsOf(w.data());
    const int firstRound = rounds[0].seconds;
    rounds[0].seconds = 20 * 60;
    CHECK(w.setRounds(rounds, 7005));
    rounds[0].seconds = 25 * 60;
    CHECK(w.setRounds(rounds, 7005));
    CHECK(problem.empty());
    CHECK(w.data().rings.front().name == "Policy makers");
    CHECK(w.data().rings.front().colour == "#445566");
    CHECK(w.undoLabel() == "Edit rounds");
    REQUIRE(w.undo());
    CHECK(core::roundsOf(w.data())[0].seconds == firstRound);
    REQUIRE(w.undo());
    CHECK(w.data().workshop.threshold == doctest::Approx(0.6));
    REQUIRE(w.undo());
    CHECK(w.data().statements.front().text == statement.text);
    REQUIRE(w.undo());
    CHECK(w.data().rings.front().colour == ring.colour);
    REQUIRE(w.undo());
    CHECK(w.data().rings.front().name == ring.name);
    CHECK_FALSE(w.canUndo()); // five edits of two saves each were five steps
    // A ring that has statements is refused, and the reporter says why.
    CHECK_FALSE(w.deleteRing(ring.id));
    CHECK(problem.find("cannot be removed") != std::string::npos);
}
