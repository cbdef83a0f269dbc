#include "support/Process.hpp"

#include "core/Templates.hpp"
#include "session/Paths.hpp"
#include "store/SessionStore.hpp"
#include "store/TemplateFiles.hpp"
#include "ui/AppState.hpp"
#include "ui/Headless.hpp"
#include "ui/Keys.hpp"
#include "ui/MainScreen.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace plenary;
using core::Id;
namespace keys = ui::keys;

namespace {

const std::string kTemplates = std::string(PLENARY_SOURCE_DIR) + "/templates";

// A fresh module from the Urban Academy template: three people, one thematic session, two
// dilemmas (Helsinki and Essen) that the test will join into one discussion.
std::filesystem::path prepareModule(const test::TempDir& dir) {
    const auto templates = store::loadTemplates(kTemplates);
    REQUIRE(templates.problems.empty());
    const auto* format = templates.format("urban-academy");
    REQUIRE(format != nullptr);
    auto data = core::sessionFromTemplate(*format, "Education in relation to integration");
    data.people = {
        {1, "Sanna Mäkinen", "City of Helsinki", "Helsinki", "FI", core::Role::Participant, 0},
        {2, "Katrin Schüßler", "Stadt Essen", "Essen", "DE", core::Role::Participant, 0},
        {3, "Agnė Petrauskienė", "Vilnius City", "Vilnius", "LT", core::Role::Participant, 0},
        {4, "Łukasz Wiśniewski", "Gdańsk City", "Gdańsk", "PL", core::Role::Participant, 0},
    };
    data.sessions = {{1, "Engaging multiple players", 1}};
    data.dilemmas = {
        {1, 1, 1, "What are the best practices in motivating all stakeholders?", 1, "", "", "",
         core::DilemmaStatus::Pending, 0},
        {2, 1, 2, "Do participants have ideas about helping actors agree on goals?", 2, "", "", "",
         core::DilemmaStatus::Pending, 0},
    };
    const auto path = dir / "module.plenary";
    store::SessionStore::create(path, data);
    return path;
}

struct LiveFixture {
    explicit LiveFixture(const std::filesystem::path& path)
        : state(path.parent_path(), kTemplates), screen(state), harness([this] { screen.draw(); }) {
        REQUIRE(state.openSession(path));
        state.live().setClocks([this] { return now; },
                               [this] { return "2026-11-22T10:" + std::to_string(10 + ++minute) + ":00Z"; });
        harness.frame(2);
    }
    void typeAndEnter(const std::string& text) {
        harness.type(text);
        harness.pressKey(keys::Enter);
        harness.frame(2);
    }

    double now = 1000.0;
    int minute = 0;
    ui::AppState state;
    ui::MainScreen screen;
    ui::Headless harness;
};

} // namespace

TEST_CASE("live ui: a whole joint dilemma, by keys and clicks, lands exactly in the file") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    {
        LiveFixture f(path);
        auto& h = f.harness;
        REQUIRE(f.state.screen() == "live");

        // Setup: tick both dilemmas and join them into one discussion.
        REQUIRE(h.click("Set up"));
        REQUIRE(f.state.screen() == "setup");
        REQUIRE(h.click("select:1"));
        REQUIRE(h.click("select:2"));
        REQUIRE(h.click("Discuss together"));
        REQUIRE(h.click("← Live"));
        CHECK(h.hasText("Dilemmas discussed together"));
        CHECK(h.hasText("Do participants have ideas about helping actors agree on goals?"));

        // Present the dilemma, then PageDown (what a clicker sends) to the open questions.
        REQUIRE(h.click("dilemma:1"));
        CHECK(h.hasText("Present the dilemma"));
        h.pressKey(keys::PageDown);
        CHECK(f.state.live().currentPhase()->key == "questions");
        CHECK(h.hasText("Ask open questions"));

        // Five questions, two of them closed; one attributed with Tab + type-ahead.
        REQUIRE(h.click("capture"));
        f.typeAndEnter("How did you bring the housing companies to the table?");
        f.typeAndEnter("Do you have a budget for this?");
        f.typeAndEnter("What would success look like in five years?");
        h.type("Is there a shared plan already?");
        h.pressKey(keys::Tab);
        f.typeAndEnter("agn");
        REQUIRE(h.click("capture"));
        f.typeAndEnter("Why do some schools stay away?");
        CHECK(h.hasText("Closed question (yes/no)"));

        // Ctrl+L relabels the last question; undo takes that back; redo does it again.
        h.pressKey(keys::L, true);
        h.pressKey(keys::Z, true);
        h.pressKey(keys::Y, true);

        // Reflection, then three practices: one typed, one from the catalog, one more typed.
        h.pressKey(keys::PageDown);
        CHECK(f.state.live().currentPhase()->key == "reflection");
        CHECK(h.hasText("Why do some schools stay away?")); // questions stay visible
        REQUIRE(h.click("capture"));
        f.typeAndEnter("Start with the schools that already work with parents.");
        h.pressKey(keys::PageDown);
        CHECK(f.state.live().currentPhase()->key == "ideas");
        REQUIRE(h.click("capture"));
        f.typeAndEnter("Neighbourhood school council");
        h.type("family mentoring");
        h.frame(2);
        REQUIRE(h.hasItem("catalog:youmig-020"));
        REQUIRE(h.click("catalog:youmig-020"));
        REQUIRE(h.click("capture"));
        h.type("Shared annual goals charter");
        h.pressKey(keys::Tab);
        f.typeAndEnter("łuk");

        // The result: a draft from what was captured, then the rapporteur's own line.
        h.pressKey(keys::PageDown);
        CHECK(f.state.live().currentPhase()->key == "result");
        h.pressKey(keys::D, true);
        REQUIRE(h.click("result"));
        h.pressKey(keys::End, true);
        h.type("\nFollow-up visit to Essen in May.");
        REQUIRE(h.click("phase:result")); // leaving the editor saves it
        h.frame(2);

        // Past the last phase the discussion is done.
        h.pressKey(keys::PageDown);
        CHECK(f.state.message().find("last dilemma") != std::string::npos);
    }

    // Everything is in the file, exactly.
    auto store = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    const auto data = store->load();
    CHECK(store->integrityCheck() == "ok");
    REQUIRE(data.dilemmas.size() == 2);
    const auto& lead = data.dilemmas[0];
    const auto& partner = data.dilemmas[1];
    CHECK(lead.jointGroup != 0);
    CHECK(lead.jointGroup == partner.jointGroup);
    CHECK(lead.status == core::DilemmaStatus::Done);
    CHECK(partner.status == core::DilemmaStatus::Done);

    REQUIRE(data.questions.size() == 5);
    const std::vector<std::pair<std::string, bool>> expected{
        {"How did you bring the housing companies to the table?", true},
        {"Do you have a budget for this?", false},
        {"What would success look like in five years?", true},
        {"Is there a shared plan already?", false},
        {"Why do some schools stay away?", false}, // relabelled closed by Ctrl+L (redone)
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(data.questions[i].dilemma == lead.id);
        CHECK(data.questions[i].text == expected[i].first);
        CHECK(data.questions[i].open == expected[i].second);
    }
    CHECK(data.questions[3].asker == 3); // Agnė, picked by typing "agn"
    CHECK(data.questions[4].overridden);
    CHECK_FALSE(data.questions[0].overridden);
    const auto closed =
        std::count_if(data.questions.begin(), data.questions.end(), [](const auto& q) { return !q.open; });
    CHECK(closed == 3); // two classified closed, one relabelled

    CHECK(lead.reflection == "Start with the schools that already work with parents.");
    REQUIRE(data.practices.size() == 3);
    CHECK(data.practices[0].title == "Neighbourhood school council");
    CHECK(data.practices[0].catalog.empty());
    CHECK(data.practices[1].catalog == "youmig-020");
    CHECK(data.practices[1].title == "Family Mentoring For Migrants: MEMI");
    CHECK_FALSE(data.practices[1].description.empty());
    CHECK(data.practices[2].title == "Shared annual goals charter");
    CHECK(data.practices[2].suggestedBy == 4); // Łukasz, typed as "łuk"

    CHECK(lead.result.find("Participants suggested 3 ideas and practices:") != std::string::npos);
    CHECK(lead.result.find("- Family Mentoring For Migrants: MEMI") != std::string::npos);
    CHECK(lead.result.find("Follow-up visit to Essen in May.") != std::string::npos);

    // Every phase was logged once, with a start and an end.
    std::vector<std::string> phases;
    for (const auto& entry : data.phaseLog) {
        INFO(entry.phase << " " << entry.startedAt << " → " << entry.endedAt);
        CHECK(entry.dilemma == lead.id);
        CHECK_FALSE(entry.startedAt.empty());
        CHECK_FALSE(entry.endedAt.empty());
        phases.push_back(entry.phase);
    }
    std::string joined;
    for (const auto& p : phases)
        joined += p + " ";
    CHECK(joined == "present questions reflection ideas result ");
}

TEST_CASE("live ui: presentation mode hides every control and one key brings them back") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    LiveFixture f(path);
    auto& h = f.harness;
    REQUIRE(h.click("dilemma:1"));
    h.pressKey(keys::PageDown);
    CHECK(h.hasItem("capture"));
    h.pressKey(keys::F9);
    CHECK(f.state.ui().presentation);
    CHECK(h.hasItem("capture")); // the facilitator's slim line: typing is never thrown away
    CHECK_FALSE(h.hasItem("Set up"));
    CHECK_FALSE(h.hasItem("dilemma:1")); // no agenda sidebar
    CHECK(h.hasText("What are the best practices in motivating all stakeholders?"));
    CHECK(h.hasText("Open questions"));
    CHECK(h.hasText("8:00"));   // the timer
    h.pressKey(keys::PageDown); // clickers still work
    CHECK(f.state.live().currentPhase()->key == "reflection");
    h.pressKey(keys::Escape);
    CHECK_FALSE(f.state.ui().presentation);
    CHECK(h.hasItem("capture"));
}

TEST_CASE("live ui: the timer starts with the phase, pauses, gains a minute and counts the overrun") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    LiveFixture f(path);
    auto& h = f.harness;
    REQUIRE(h.click("dilemma:1"));
    h.pressKey(keys::PageDown); // open questions: 8 minutes
    f.now += 100.0;
    h.frame();
    CHECK(h.hasText("6:20"));
    h.pressKey(keys::F5); // pause
    f.now += 1000.0;
    h.frame();
    CHECK(h.hasText("6:20"));
    h.pressKey(keys::F7); // +1 min
    CHECK(h.hasText("7:20"));
    h.pressKey(keys::F5); // run again
    f.now += 450.0;
    h.frame();
    CHECK(h.hasText("+0:10"));
    CHECK(f.state.live().timer().colour(f.now) == core::TimerColour::Overrun);
    CHECK(f.state.animating()); // redraws once a second while it runs
    h.pressKey(keys::F6);       // reset
    CHECK(h.hasText("8:00"));
    CHECK_FALSE(f.state.animating());
}

TEST_CASE("live ui: setup reorders, moves, skips and splits dilemmas, each one undoable edit") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    LiveFixture f(path);
    auto& h = f.harness;
    REQUIRE(h.click("Set up"));
    REQUIRE(h.click("down:1"));
    auto order = [&] {
        std::vector<Id> ids;
        for (const auto& d : f.state.snapshot().dilemmas)
            ids.push_back(d.id);
        std::vector<int> positions;
        for (const auto& d : f.state.snapshot().dilemmas)
            positions.push_back(d.position);
        return std::make_pair(ids, positions);
    };
    // The store lists dilemmas in running order.
    CHECK(order().first == std::vector<Id>{2, 1});
    CHECK(order().second == std::vector<int>{1, 2});
    h.pressKey(keys::Z, true);
    CHECK(order().first == std::vector<Id>{1, 2});
    REQUIRE(h.click("skip:2"));
    CHECK(f.state.snapshot().dilemmas[1].status == core::DilemmaStatus::Skipped);
    CHECK(core::nextDilemma(f.state.snapshot(), 1) == 0); // the skipped one is passed over
    REQUIRE(h.click("select:1"));
    REQUIRE(h.click("select:2"));
    REQUIRE(h.click("Discuss together"));
    CHECK(f.state.snapshot().dilemmas[0].jointGroup != 0);
    REQUIRE(h.click("split:1"));
    CHECK(f.state.snapshot().dilemmas[0].jointGroup == 0);
    CHECK(f.state.snapshot().dilemmas[1].jointGroup == 0); // a discussion of one is no discussion
    // Adding a thematic session and moving a dilemma there.
    REQUIRE(h.click("new-session"));
    h.type("Wrap-up — Œuvres & “quotes”");
    h.pressKey(keys::Enter);
    h.frame(2);
    REQUIRE(f.state.snapshot().sessions.size() == 2);
    const Id second = f.state.snapshot().sessions[1].id;
    f.state.workshop()->moveDilemma(1, second, 0);
    CHECK(f.state.snapshot().dilemmas[0].session == second);
    CHECK(f.state.snapshot().dilemmas[1].position == 1); // the first session renumbered
}

TEST_CASE("live ui: hostile input is stored intact and drawn without a crash") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    LiveFixture f(path);
    auto& h = f.harness;
    REQUIRE(h.click("dilemma:1"));
    h.pressKey(keys::PageDown);
    std::string paste;
    while (paste.size() < 50 * 1024)
        paste +=
            "Ποιος αποφασίζει; Кто решает? Kto decyduje — Łódź, Šiauliai 🙂 ";
    const std::string longWord(3000, 'x');
    REQUIRE(f.state.live().capture(paste, 0));
    REQUIRE(f.state.live().capture(longWord, 0));
    CHECK_FALSE(f.state.live().capture("   ", 0)); // an empty line adds nothing
    h.frame(3);
    f.state.ui().presentation = true;
    h.frame(3);
    auto store = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    const auto questions = store->questions(1);
    REQUIRE(questions.size() == 2);
    CHECK(questions[0].text == paste.substr(0, paste.find_last_not_of(' ') + 1));
    CHECK(questions[1].text == longWord);
}

TEST_CASE("live ui: a typed practice gets its origin and link on the card; Alt+Down reorders in setup") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    LiveFixture f(path);
    auto& h = f.harness;
    REQUIRE(h.click("dilemma:1"));
    f.state.live().goToPhase(3); // ideas
    h.frame(2);
    REQUIRE(h.click("capture"));
    f.typeAndEnter("Buddy system for newcomers");
    REQUIRE(f.state.snapshot().practices.size() == 1);
    REQUIRE(h.click("##city"));
    h.type("Göteborg");
    h.pressKey(keys::Tab);
    h.type("se");
    h.pressKey(keys::Tab);
    h.type("https://example.org/buddy");
    h.pressKey(keys::Enter);
    h.frame(2);
    const auto& p = f.state.snapshot().practices.front();
    CHECK(p.city == "Göteborg");
    CHECK(p.country == "SE"); // typed in lower case, kept as a code
    CHECK(p.link == "https://example.org/buddy");

    REQUIRE(h.click("Set up"));
    REQUIRE(h.click("question:1"));
    h.pressKey(keys::Down, ui::Headless::Modifiers{false, false, true});
    h.frame(2);
    CHECK(f.state.snapshot().dilemmas.front().id == 2);
}

TEST_CASE("live ui: one undo takes back one move, and the live view follows it") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    LiveFixture f(path);
    auto& h = f.harness;
    REQUIRE(h.click("dilemma:1"));
    h.pressKey(keys::PageDown); // open questions
    REQUIRE(h.click("capture"));
    f.typeAndEnter("How do the schools see it?");
    h.pressKey(keys::PageDown); // reflection
    REQUIRE(f.state.live().currentPhase()->key == "reflection");
    h.pressKey(keys::Z, true);
    CHECK(f.state.live().currentPhase()->key == "questions"); // the move is undone, and shown
    CHECK(f.state.snapshot().questions.size() == 1);          // the question is still there
    CHECK(h.hasText("Ask open questions"));
    h.pressKey(keys::Z, true);
    CHECK(f.state.snapshot().questions.empty());
    h.pressKey(keys::Y, true);
    h.pressKey(keys::Y, true);
    CHECK(f.state.live().currentPhase()->key == "reflection");
    CHECK(f.state.snapshot().questions.size() == 1);
    // Exactly one phase is open in the log: the one on screen.
    int open = 0;
    for (const auto& entry : f.state.snapshot().phaseLog)
        open += entry.endedAt.empty() ? 1 : 0;
    CHECK(open == 1);
}

TEST_CASE("live ui: after a restart the live view resumes in the running phase") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    {
        LiveFixture f(path);
        REQUIRE(f.harness.click("dilemma:2"));
        f.harness.pressKey(keys::PageDown);
        f.harness.pressKey(keys::PageDown);
        f.harness.pressKey(keys::PageDown);
        REQUIRE(f.state.live().currentPhase()->key == "ideas");
    } // the window closes (or the power goes) in the middle of the ideas round
    LiveFixture again(path);
    CHECK(again.state.live().dilemma() == 2);
    CHECK(again.state.live().currentPhase()->key == "ideas");
    CHECK(again.state.live().timer().running());
    REQUIRE(again.harness.click("capture"));
    again.typeAndEnter("Mentors from the local football club");
    REQUIRE(again.state.snapshot().practices.size() == 1); // it lands as a practice, not as context
    CHECK(again.state.snapshot().practices[0].dilemma == 2);
    // Only one dilemma is active at a time: moving to another puts the first back.
    again.state.live().goToDilemma(1);
    CHECK(again.state.snapshot().dilemmas[0].status == core::DilemmaStatus::Active);
    CHECK(again.state.snapshot().dilemmas[1].status == core::DilemmaStatus::Pending);
}

TEST_CASE("live ui: deleting the running dilemma moves the live view on; a stale name is not attributed") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    LiveFixture f(path);
    auto& h = f.harness;
    REQUIRE(h.click("dilemma:1"));
    h.pressKey(keys::PageDown);
    f.state.workshop()->deleteDilemma(1);
    h.frame(2);
    CHECK(f.state.live().dilemma() == 2);
    h.pressKey(keys::PageDown); // no foreign-key error: the live view follows the file
    CHECK(f.state.message().find("FOREIGN KEY") == std::string::npos);
    REQUIRE(h.click("dilemma:2"));
    h.pressKey(keys::PageDown);
    REQUIRE(h.click("capture"));
    h.type("Who pays for it?");
    h.pressKey(keys::Tab);
    h.type("ag");
    h.frame();
    h.type("zz"); // "agzz" matches nobody
    h.pressKey(keys::Enter);
    h.frame(2);
    REQUIRE(f.state.snapshot().questions.size() == 1);
    CHECK(f.state.snapshot().questions[0].asker == 0);
}

TEST_CASE("live ui: clicking from one setup field to another keeps what was typed in the first") {
    test::TempDir dir;
    const auto path = prepareModule(dir);
    LiveFixture f(path);
    auto& h = f.harness;
    REQUIRE(h.click("Set up"));
    REQUIRE(h.click("question:2"));
    h.pressKey(keys::End);
    h.type(" (Essen)");
    REQUIRE(h.click("question:1")); // upwards: the field above takes the keyboard in the same frame
    h.pressKey(keys::End);
    h.type(" (Helsinki)");
    REQUIRE(h.click("question:2"));
    h.frame(2);
    CHECK(f.state.snapshot().dilemmas[1].question ==
          "Do participants have ideas about helping actors agree on goals? (Essen)");
    CHECK(f.state.snapshot().dilemmas[0].question ==
          "What are the best practices in motivating all stakeholders? (Helsinki)");
    // Ctrl+Z while typing undoes the typing first, then the workshop's last edit.
    REQUIRE(h.click("question:1"));
    h.pressKey(keys::End);
    h.type("!");
    h.pressKey(keys::Z, true); // the "!" goes
    h.pressKey(keys::Z, true); // then the edit of question 1
    h.frame(2);
    CHECK(f.state.snapshot().dilemmas[0].question ==
          "What are the best practices in motivating all stakeholders?");
    CHECK(f.state.snapshot().dilemmas[1].question.find("(Essen)") != std::string::npos);
}
