// The Social Olympics conference on the session layer alone (session::Conference): no screen.
#include "support/Process.hpp"

#include "core/Templates.hpp"
#include "session/Worker.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace plenary;
using core::Id;

namespace {

const std::string kTemplates = std::string(PLENARY_SOURCE_DIR) + "/templates";

// Three rings (from the template, cut to three), two people in ring 1, statements 1–2 of ring 1
// and 3 of ring 2.
std::filesystem::path conference(const test::TempDir& dir, const std::string& scale = "agreement") {
    const auto resources = session::Resources::load(kTemplates);
    auto data = core::sessionFromTemplate(resources.requireFormat("social-olympics"), "Renewal");
    data.rings.resize(3);
    data.workshop.scale = scale;
    data.workshop.dotBudget = 2;
    data.people = {{1, "Ana Łukasik", "", "", "", core::Role::Participant, 1},
                   {2, "Bo Nyström", "", "", "", core::Role::Participant, 1}};
    data.statements = {{1, 1, 1, "More trees", 0}, {2, 1, 2, "Social rents", 0}, {3, 2, 1, "Youth centre", 0}};
    const auto path = dir / "conference.plenary";
    store::SessionStore::create(path, data);
    return path;
}

struct Open {
    explicit Open(const std::filesystem::path& path, bool readOnly = false) : worker(path.parent_path(), kTemplates) {
        worker.setReporter([this](session::Message m) { messages.push_back(std::move(m)); });
        REQUIRE(worker.open(path, readOnly));
    }
    session::Conference& conference() { return worker.conference(); }
    std::string lastMessage() const { return messages.empty() ? "" : messages.back().text; }
    std::vector<session::Message> messages;
    session::Worker worker;
};

std::vector<Id> ids(const std::vector<const core::Statement*>& list) {
    std::vector<Id> out;
    for (const auto* s : list)
        out.push_back(s->id);
    return out;
}

} // namespace

TEST_CASE("conference: a clicker steps ring by ring, then round by round, and stops at the ends") {
    test::TempDir dir;
    Open f(conference(dir));
    auto& c = f.conference();
    REQUIRE(c.active());
    CHECK(c.round() == 1);
    CHECK(c.ring() == 1);
    CHECK(ids(c.statements()) == std::vector<Id>{1, 2}); // round 1: the ring's own only
    c.nextStep();
    CHECK(c.ring() == 2);
    CHECK(ids(c.statements()) == std::vector<Id>{3});
    c.nextStep();
    c.nextStep();
    CHECK(c.round() == 2);
    CHECK(c.ring() == 1);
    CHECK(ids(c.statements()) == std::vector<Id>{1, 2, 3}); // later rounds: every statement
    c.previousStep();
    CHECK(c.round() == 1);
    CHECK(c.ring() == 3);
    c.goToRound(3);
    for (int i = 0; i < 10; ++i)
        c.nextStep();
    CHECK(c.round() == 3);
    CHECK(c.ring() == 3);
    c.previousRound();
    CHECK(c.round() == 2);
    c.goToRound(99);
    CHECK(c.round() == 3);
}

TEST_CASE("conference: a typed count is in the file at once; what is not a count changes nothing") {
    test::TempDir dir;
    const auto path = conference(dir);
    {
        Open f(path);
        auto& c = f.conference();
        CHECK(c.setCount(1, 1, "2"));
        CHECK(c.count(1, 1) == 2);
        CHECK_FALSE(c.setCount(1, 1, "-1"));
        CHECK(f.lastMessage().find("negative") != std::string::npos);
        CHECK_FALSE(c.setCount(1, 3, "x"));
        CHECK(f.lastMessage().find("whole number") != std::string::npos);
        CHECK_FALSE(c.setCount(1, 99, "1")); // not a level of the scale
        CHECK(c.count(1, 1) == 2);
        CHECK(c.votesOn(1, 1, 1) == 2);
        CHECK(c.warnings().empty()); // two votes, two members
        CHECK(c.setCount(1, 3, "1"));
        CHECK(c.warnings().size() == 1);
    }
    // A fresh store sees exactly what was typed.
    auto store = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    const auto votes = store->votes();
    REQUIRE(votes.size() == 2);
    CHECK(votes[0].count == 2);
    CHECK(votes[1].level == 3);
}

TEST_CASE("conference: the keystrokes typed into one cell are one undo step") {
    test::TempDir dir;
    Open f(conference(dir));
    auto& c = f.conference();
    const std::uint64_t stretch = 4242;
    CHECK(c.setCount(1, 1, "1", stretch));
    CHECK(c.setCount(1, 1, "12", stretch));
    CHECK(c.count(1, 1) == 12);
    CHECK(f.worker.workshop()->undoLabel() == "Count votes");
    CHECK(f.worker.workshop()->undo());
    CHECK(c.count(1, 1) == 0); // both keystrokes at once
    CHECK_FALSE(f.worker.workshop()->canUndo());
}

TEST_CASE("conference: figures follow each count; the board is the core's") {
    test::TempDir dir;
    Open f(conference(dir));
    auto& c = f.conference();
    c.goToRound(2);
    // Ring 1: 2 agree, 1 disagree on statement 1 → a = 2/3, p = 3/5.
    c.setCount(1, 1, "2");
    c.setCount(1, 3, "1");
    const auto* r = c.result(2, 1);
    REQUIRE(r);
    REQUIRE(r->rings.size() == 1);
    CHECK(r->rings[0].share == doctest::Approx(2.0 / 3.0));
    CHECK(r->gac == doctest::Approx(3.0 / 5.0));
    CHECK(r->reached); // 0.667 ≥ 0.6
    CHECK(c.share(2, 1, 1) == doctest::Approx(2.0 / 3.0));
    CHECK_FALSE(c.share(2, 1, 2));
    CHECK(c.figuresRound() == 2);
    c.goToRound(3);
    CHECK(c.figuresRound() == 2); // round 3 has no votes yet: the room sees round 2's board
    // Round 1 → 2 shift: ring 1 rated statement 1 in round 1 with 1 agree of 2.
    c.goToRound(1);
    c.setCount(1, 1, "1");
    c.setCount(1, 2, "1");
    const auto* shift = c.shift(2, 1, 1);
    REQUIRE(shift);
    CHECK(shift->from == doctest::Approx(0.5));
    CHECK(shift->delta == doctest::Approx(2.0 / 3.0 - 0.5));
}

TEST_CASE("conference: figures that follow tally by tally equal the figures counted from scratch") {
    // The conference patches its counts and boards for each tally (the grid's hot path); through
    // counts, zeros, undo and redo, in every round, they stay what counting every tally gives.
    for (const char* scaleKey : {"agreement", "dots"}) {
        test::TempDir dir;
        Open f(conference(dir, scaleKey));
        auto& c = f.conference();
        auto* w = f.worker.workshop();
        std::mt19937 random(7u);
        auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
        for (int step = 0; step < 150; ++step) {
            INFO(scaleKey << ", step " << step);
            const int action = pick(10);
            if (step % 25 == 24) {
                c.goToRound(1 + pick(3)); // the clicker: another round and ring on screen
                c.goToRing(1 + pick(3));
            } else if (action == 0) {
                w->undo();
            } else if (action == 1) {
                w->redo();
            } else {
                const int round = 1 + pick(3);
                const Id statement = 1 + pick(3);
                // Round 1: a ring rates its own statements (1 and 2 are ring 1's, 3 is ring 2's).
                const Id ring = round == 1 ? (statement == 3 ? 2 : 1) : 1 + pick(3);
                const int level = c.scale().levels[static_cast<std::size_t>(pick(static_cast<int>(c.scale().levels.size())))].value;
                REQUIRE(c.setCount(round, ring, statement, level, pick(4)));
            }
            // Read the figures every step, so that each is patched rather than rebuilt.
            const auto& d = w->data();
            for (int round = 1; round <= 3; ++round) {
                CHECK(c.board(round) == core::rankRound(d.votes, round, d.statements, c.scale(), c.threshold()));
                for (Id statement = 1; statement <= 3; ++statement)
                    for (Id ring = 1; ring <= 3; ++ring) {
                        int cast = 0;
                        for (const auto& level : c.scale().levels) {
                            int expected = 0;
                            for (const auto& v : d.votes)
                                if (v.round == round && v.ring == ring && v.statement == statement && v.level == level.value)
                                    expected = v.count;
                            CHECK(c.count(round, ring, statement, level.value) == expected);
                            cast += expected;
                        }
                        CHECK(c.votesOn(round, ring, statement) == cast);
                    }
            }
            {
                // The tally grid's totals row (the current round and ring), patched count by count.
                const auto& levels = c.scale().levels;
                std::vector<int> sums(levels.size() + 1, 0);
                for (const core::Statement* s : c.statements())
                    for (std::size_t k = 0; k < levels.size(); ++k) {
                        const int n = c.count(s->id, levels[k].value);
                        sums[k] += n;
                        sums.back() += n;
                    }
                CHECK(c.totals() == sums);
            }
            for (int to = 2; to <= 3; ++to) {
                const auto expected = core::shiftBetween(d.votes, 1, to, c.scale());
                const auto& got = c.shifts(to);
                REQUIRE(got.size() == expected.size());
                for (std::size_t i = 0; i < got.size(); ++i) {
                    CHECK(got[i].statement == expected[i].statement);
                    CHECK(got[i].ring == expected[i].ring);
                    CHECK(got[i].delta == expected[i].delta);
                }
            }
        }
    }
}

TEST_CASE("conference: a merge is one step, duplicates follow, and undo takes it back") {
    test::TempDir dir;
    Open f(conference(dir));
    auto& c = f.conference();
    CHECK(c.merge(2, 1));
    CHECK(c.statement(2)->mergedInto == 1);
    CHECK(c.merge(1, 3)); // 2 follows 1 into 3: no chain
    CHECK(c.statement(1)->mergedInto == 3);
    CHECK(c.statement(2)->mergedInto == 3);
    CHECK_FALSE(c.merge(3, 3));
    CHECK_FALSE(c.merge(3, 1)); // 1 is merged itself
    CHECK(f.worker.workshop()->undo());
    CHECK(c.statement(1)->mergedInto == 0);
    CHECK(c.statement(2)->mergedInto == 1);
    CHECK(c.unmerge(2));
    CHECK(c.statement(2)->mergedInto == 0);
}

TEST_CASE("conference: a file that never ran opens at the latest round with votes, its clock not started") {
    test::TempDir dir;
    const auto path = conference(dir);
    {
        auto store = store::SessionStore::open(path);
        store->setVote({0, 2, 1, 1, 1, 1});
    }
    Open f(path);
    CHECK(f.conference().round() == 2);
    CHECK(f.conference().ring() == 1);
    CHECK_FALSE(f.conference().timer().running());
    CHECK(f.worker.workshop()->data().roundLog.empty()); // opening writes nothing
}

TEST_CASE("conference: the round log keeps the round and its clock across a restart, an undo and a return") {
    test::TempDir dir;
    const auto path = conference(dir);
    double now = 0;         // monotonic seconds
    int wall = 0;           // wall-clock seconds after 10:00
    auto clocks = [&](session::Conference& c) {
        c.setClocks([&] { return now; }, [&] {
            const int m = wall / 60, s = wall % 60;
            return "2026-11-23T1" + std::to_string(m / 60) + ":" + (m % 60 < 10 ? "0" : "") +
                   std::to_string(m % 60) + ":" + (s < 10 ? "0" : "") + std::to_string(s) + "Z";
        });
    };
    {
        Open f(path);
        auto& c = f.conference();
        clocks(c);
        c.toggleTimer(); // the first start of round 1 starts it in the log
        REQUIRE(f.worker.workshop()->data().roundLog.size() == 1);
        CHECK(c.timer().running());
        now += 300;
        wall += 300;
        c.nextRound(); // round 2 after five minutes of round 1
        CHECK(f.worker.workshop()->undoLabel() == "Round 2: Exchange");
        const auto& log = f.worker.workshop()->data().roundLog;
        REQUIRE(log.size() == 2);
        CHECK(log[0].endedAt == "2026-11-23T10:05:00Z");
        CHECK(log[1].round == 2);
        CHECK(c.timer().remaining(c.now()) == doctest::Approx(30 * 60));
        now += 60;
        wall += 60;
        c.toggleTimer(); // paused after a minute
        c.addMinute();
        CHECK(c.timer().remaining(c.now()) == doctest::Approx(30 * 60));
    }
    {
        // A restart (another monotonic clock) shows round 2 paused with 30:00 left.
        Open f(path);
        auto& c = f.conference();
        now = 5000;
        wall += 600;
        clocks(c);
        c.attach(f.worker.workshop());
        CHECK(c.round() == 2);
        CHECK_FALSE(c.timer().running());
        CHECK(c.timer().remaining(c.now()) == doctest::Approx(30 * 60));
        // Back to round 1: it goes on from its five minutes.
        c.previousRound();
        CHECK(c.round() == 1);
        CHECK(c.timer().remaining(c.now()) == doctest::Approx(25 * 60)); // the template's 30 − 5
        // Undo the move: round 2 again, as the log had it.
        REQUIRE(f.worker.workshop()->undo());
        CHECK(c.round() == 2);
        CHECK_FALSE(c.timer().running());
    }
}

TEST_CASE("conference: a statement lands in the current ring; read-only files refuse every change") {
    test::TempDir dir;
    const auto path = conference(dir);
    {
        Open f(path);
        f.conference().goToRing(2);
        const Id id = f.conference().addStatement("  A bench in every courtyard ");
        REQUIRE(id != 0);
        CHECK(f.conference().statement(id)->ring == 2);
        CHECK(f.conference().statement(id)->text == "A bench in every courtyard");
        CHECK(f.conference().addStatement("   ") == 0);
    }
    Open f(path, true);
    CHECK_FALSE(f.conference().setCount(1, 1, "3"));
    CHECK(f.lastMessage().find("read-only") != std::string::npos);
    CHECK(f.conference().addStatement("x") == 0);
    CHECK_FALSE(f.conference().merge(2, 1));
}

TEST_CASE("conference: dot voting warns when a ring spends more dots than its members hold") {
    test::TempDir dir;
    Open f(conference(dir, "dots"));
    auto& c = f.conference();
    CHECK(c.scale().dots);
    c.setCount(1, 1, "3");
    CHECK(c.warnings().empty()); // 3 of 2 × 2
    c.setCount(2, 1, "2");
    REQUIRE(c.warnings().size() == 1);
    CHECK(c.warnings()[0].find("spent 5 dots") != std::string::npos);
}

TEST_CASE("conference: once votes are counted the scale stays, and a typed cell of another ring is refused") {
    test::TempDir dir;
    Open f(conference(dir));
    auto& c = f.conference();
    auto changed = f.worker.workshop()->data().workshop;
    changed.scale = "fist-to-five";
    CHECK(f.worker.workshop()->updateWorkshop(changed)); // nothing counted yet
    CHECK(c.setCount(1, 3, "2"));
    changed = f.worker.workshop()->data().workshop;
    changed.scale = "agreement";
    CHECK_FALSE(f.worker.workshop()->updateWorkshop(changed));
    CHECK(f.lastMessage().find("already counted") != std::string::npos);
    CHECK(f.worker.workshop()->data().workshop.scale == "fist-to-five");
    // Round 1: ring 2 does not rate ring 1's statement 1.
    CHECK_FALSE(c.setCount(1, 2, 1, 3, "1"));
    CHECK(c.count(1, 2, 1, 3) == 0);
}
