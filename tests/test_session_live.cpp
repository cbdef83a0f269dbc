// The Urban Academy live rules, tested on the session layer alone: no ImGui, no screen.
#include "support/Process.hpp"

#include "core/Templates.hpp"
#include "session/Worker.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

using namespace plenary;
using core::Id;

namespace {

const std::string kTemplates = std::string(PLENARY_SOURCE_DIR) + "/templates";

// Three dilemmas in one thematic session; 2 and 3 are discussed together.
std::filesystem::path module(const test::TempDir& dir) {
    const auto resources = session::Resources::load(kTemplates);
    auto data = core::sessionFromTemplate(resources.requireFormat("urban-academy"), "Live rules");
    data.people = {{1, "Sanna Mäkinen", "", "Helsinki", "FI", core::Role::Participant, 0},
                   {2, "Katrin Schüßler", "", "Essen", "DE", core::Role::Participant, 0}};
    data.sessions = {{1, "Schools", 1}};
    data.dilemmas = {{1, 1, 1, "How do we keep teachers?", 1, "", "", "", core::DilemmaStatus::Pending, 0},
                     {2, 1, 2, "How do parents take part?", 2, "", "", "", core::DilemmaStatus::Pending, 7},
                     {3, 1, 3, "What do pupils need?", 2, "", "", "", core::DilemmaStatus::Pending, 7}};
    const auto path = dir / "module.plenary";
    store::SessionStore::create(path, data);
    return path;
}

// A worker on the module with clocks the test moves: the wall clock in whole minutes.
struct Live {
    explicit Live(const std::filesystem::path& path, bool readOnly = false)
        : worker(path.parent_path(), kTemplates) {
        worker.setReporter([this](session::Message m) { messages.push_back(std::move(m)); });
        REQUIRE(worker.open(path, readOnly));
        worker.live().setClocks([this] { return now; }, [this] { return wall(); });
        worker.live().attach(worker.workshop()); // again, now with the test's clocks
    }
    std::string wall() const {
        const int minutes = static_cast<int>(now / 60.0);
        return "2026-11-22T1" + std::to_string(minutes / 60) + ":" + (minutes % 60 < 10 ? "0" : "") +
               std::to_string(minutes % 60) + ":00Z";
    }
    session::LiveSession& live() { return worker.live(); }
    const core::SessionData& data() { return worker.workshop()->data(); }
    std::string phase() { return live().currentPhase() ? live().currentPhase()->key : ""; }

    double now = 0.0;
    std::vector<session::Message> messages;
    session::Worker worker;
};

} // namespace

TEST_CASE("live session: phases move on, a finished discussion is done, the next one starts") {
    test::TempDir dir;
    Live f(module(dir));
    CHECK(f.live().dilemma() == 1); // nothing logged yet: the first dilemma is up
    f.live().goToDilemma(1);
    CHECK(f.phase() == "present");
    CHECK(f.data().dilemmas[0].status == core::DilemmaStatus::Active);
    for (const char* next : {"questions", "reflection", "ideas", "result"}) {
        f.now += 60;
        f.live().nextPhase();
        CHECK(f.phase() == next);
    }
    f.live().nextPhase(); // past the last phase: the joint discussion 2+3 starts, on its lead
    CHECK(f.live().dilemma() == 2);
    CHECK(f.phase() == "present");
    CHECK(f.data().dilemmas[0].status == core::DilemmaStatus::Done);
    CHECK(f.data().dilemmas[1].status == core::DilemmaStatus::Active);
    CHECK(f.data().dilemmas[2].status == core::DilemmaStatus::Active);
    CHECK(f.live().currentMembers().size() == 2);
    f.live().previousPhase(); // before the first phase: the previous dilemma's last phase
    CHECK(f.live().dilemma() == 1);
    CHECK(f.phase() == "result");
    // Every move was logged; exactly one entry is open, the one on screen.
    int open = 0;
    for (const auto& entry : f.data().phaseLog)
        open += entry.endedAt.empty() ? 1 : 0;
    CHECK(open == 1);
    CHECK(f.data().phaseLog.size() == 7);
}

TEST_CASE("live session: a capture lands in the current phase, and only with a dilemma running") {
    test::TempDir dir;
    Live f(module(dir));
    f.live().goToDilemma(2);
    CHECK(f.live().capture("Some background on the schools", 0));
    CHECK(f.data().dilemmas[1].information == "Some background on the schools");
    f.live().nextPhase();
    CHECK(f.live().capture("  Do you have a budget?  ", 1));
    CHECK(f.live().capture("How did parents hear of it?", 2));
    CHECK_FALSE(f.live().capture("   ", 1));
    const auto questions = f.live().questions();
    REQUIRE(questions.size() == 2);
    CHECK(questions[0]->text == "Do you have a budget?");
    CHECK_FALSE(questions[0]->open);
    CHECK(questions[1]->open);
    CHECK(questions[1]->asker == 2);
    f.live().toggleQuestionLabel(f.live().lastQuestion());
    CHECK_FALSE(f.live().questions()[1]->open);
    CHECK(f.live().questions()[1]->overridden);
    f.live().nextPhase();
    CHECK(f.live().capture("Start with the willing schools.", 0));
    CHECK(f.data().dilemmas[1].reflection == "Start with the willing schools.");
    f.live().nextPhase();
    CHECK(f.live().capture("Parent cafés", 1));
    REQUIRE(f.live().practices().size() == 1);
    CHECK(f.live().practices()[0]->dilemma == 2); // on the lead of the joint discussion
    f.live().nextPhase();
    CHECK(f.live().draftResult().find("Parent cafés") != std::string::npos);
    f.live().setResult("Agreed: parent cafés first.", 2);
    CHECK(f.data().dilemmas[1].result == "Agreed: parent cafés first.");

    test::TempDir empty;
    const auto resources = session::Resources::load(kTemplates);
    store::SessionStore::create(empty / "e.plenary",
                                core::sessionFromTemplate(resources.requireFormat("urban-academy"), "Empty"));
    Live none(empty / "e.plenary");
    CHECK_FALSE(none.live().capture("Anyone?", 0));
    REQUIRE_FALSE(none.messages.empty());
    CHECK(none.messages.back().level == session::Message::Level::Warning);
}

TEST_CASE("live session: undo and redo of a move, and a restart, resume exactly where the file is") {
    test::TempDir dir;
    const auto path = module(dir);
    {
        Live f(path);
        f.live().goToDilemma(1);
        f.live().nextPhase();
        f.live().nextPhase();
        REQUIRE(f.phase() == "reflection");
        REQUIRE(f.worker.workshop()->undo());
        CHECK(f.phase() == "questions");
        REQUIRE(f.worker.workshop()->redo());
        CHECK(f.phase() == "reflection");
        f.now += 30; // the phase has run for 30 s when the power goes
    }
    Live again(path);
    again.now = 30; // the same wall clock: 0:30 after the phase began, rounded to minutes
    again.live().attach(again.worker.workshop());
    CHECK(again.live().dilemma() == 1);
    CHECK(again.phase() == "reflection");
    CHECK(again.live().timer().running());
}

TEST_CASE("live session: the timer pauses, resets and gains a minute through the session") {
    test::TempDir dir;
    Live f(module(dir));
    f.live().goToDilemma(1);
    f.live().nextPhase(); // open questions: 8 minutes
    f.now += 100;
    CHECK(f.live().timer().remaining(f.now) == doctest::Approx(380));
    f.live().toggleTimer();
    f.now += 500;
    CHECK(f.live().timer().remaining(f.now) == doctest::Approx(380));
    f.live().addMinute();
    CHECK(f.live().timer().remaining(f.now) == doctest::Approx(440));
    f.live().resetTimer();
    CHECK(f.live().timer().remaining(f.now) == doctest::Approx(480));
    CHECK_FALSE(f.live().timerRunning());
}

TEST_CASE("live session: deleting the running dilemma moves on; a read-only file is never written") {
    test::TempDir dir;
    const auto path = module(dir);
    {
        Live f(path);
        f.live().goToDilemma(1);
        f.live().nextPhase();
        REQUIRE(f.worker.workshop()->deleteDilemma(1));
        CHECK(f.live().dilemma() == 2);
    }
    const auto before = test::readFile(path);
    Live reader(path, true);
    reader.live().goToDilemma(2);
    reader.live().nextPhase();
    CHECK(reader.phase() == "questions"); // moves on screen
    CHECK_FALSE(reader.live().capture("Is this kept?", 0));
    CHECK(test::readFile(path) == before);
}

TEST_CASE("live session: going back keeps a finished discussion finished and a phase's time run") {
    test::TempDir dir;
    Live f(module(dir));
    f.live().goToDilemma(1);
    f.now += 60;
    f.live().nextPhase(); // open questions: 8 minutes
    f.now += 600;         // ten minutes: two over
    f.live().nextPhase(); // reflection
    f.now += 60;
    f.live().previousPhase(); // back to the questions: the clock goes on from 10:00, not 8:00
    CHECK(f.phase() == "questions");
    CHECK(f.live().timer().remaining(f.now) == doctest::Approx(-120.0));
    for (int i = 0; i < 4; ++i) {
        f.now += 60;
        f.live().nextPhase(); // … to the end: dilemma 1 done, 2+3 running
    }
    REQUIRE(f.live().dilemma() == 2);
    REQUIRE(f.data().dilemmas[0].status == core::DilemmaStatus::Done);
    f.live().goToDilemma(1); // back to look at it
    CHECK(f.data().dilemmas[0].status == core::DilemmaStatus::Done);
    f.live().goToDilemma(2);
    CHECK(f.data().dilemmas[0].status == core::DilemmaStatus::Done); // still done after leaving it
    CHECK(f.data().dilemmas[1].status == core::DilemmaStatus::Active);
}

TEST_CASE("live session: the timer is in the file — a restart shows the pause, the minute added, a reset") {
    test::TempDir dir;
    const auto path = module(dir);
    double remaining = 0.0;
    {
        Live f(path);
        f.live().goToDilemma(1);
        f.now = 60;
        f.live().nextPhase();   // open questions, 8:00, started at minute 1
        f.now = 240;            // three minutes in
        f.live().toggleTimer(); // pause at 5:00 left
        f.live().addMinute();   // 6:00 left
        remaining = f.live().timer().remaining(f.now);
        CHECK(remaining == doctest::Approx(360));
        f.now = 900; // the laptop sleeps, the program is closed
    }
    {
        Live again(path);
        again.now = 1200;
        again.live().attach(again.worker.workshop());
        CHECK(again.phase() == "questions");
        CHECK_FALSE(again.live().timer().running()); // still paused
        CHECK(again.live().timer().remaining(again.now) == doctest::Approx(remaining));
        again.live().toggleTimer(); // runs on from 6:00 at minute 20
        again.now = 1320;
        CHECK(again.live().timer().remaining(again.now) == doctest::Approx(240));
        again.live().resetTimer();
    }
    Live third(path);
    third.now = 1500;
    third.live().attach(third.worker.workshop());
    CHECK_FALSE(third.live().timer().running());
    CHECK(third.live().timer().remaining(third.now) == doctest::Approx(480)); // reset: full, paused
}

TEST_CASE("live session: starting the clock on the first dilemma logs its Present phase") {
    test::TempDir dir;
    Live f(module(dir));
    REQUIRE(f.live().dilemma() == 1);
    REQUIRE(f.data().phaseLog.empty()); // on screen, not yet begun
    f.now = 120;
    f.live().toggleTimer(); // F5: the presenter begins
    REQUIRE(f.data().phaseLog.size() == 1);
    CHECK(f.data().phaseLog[0].phase == "present");
    CHECK(f.data().phaseLog[0].dilemma == 1);
    CHECK(f.live().timer().running());
    f.now = 300;
    f.live().nextPhase();
    REQUIRE(f.data().phaseLog.size() == 2);
    CHECK_FALSE(f.data().phaseLog[0].endedAt.empty()); // the report gets its three minutes
}
