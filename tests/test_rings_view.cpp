// The rings screen driven headless: the statement line's words are durable before Enter, the
// grid takes digits only, and round 1 shows one ring's work alone.
#include "support/ScreenFixture.hpp"

#include "store/SessionStore.hpp"

#include <set>

using namespace plenary;

namespace {
constexpr int kFramesPerSecond = 60;
}

TEST_CASE("rings view: a statement being typed is in the file before Enter and comes back on reopening") {
    test::ScreenFixture f;
    const auto path = f.openExample("social-olympics-renewal");
    REQUIRE(f.state.screen() == "rings");
    auto& conference = f.state.worker().conference();
    conference.goToRound(1);
    conference.goToRing(3); // residents
    f.harness.frame(2);
    f.harness.pressKey(ui::keys::F2);
    f.harness.frame(2);
    f.harness.type("Benches in the Koningsplein, ŝ ł ő");
    f.harness.frame(kFramesPerSecond * 2 / 3);
    {
        auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
        const auto draft = reader->captureDraft();
        CHECK(draft.text == "Benches in the Koningsplein, ŝ ł ő");
        CHECK(draft.kind == core::CaptureDraft::kStatementDraft);
        CHECK(draft.dilemma == 3);
    }
    f.state.closeSession();
    f.harness.frame(2);
    REQUIRE(f.state.openSession(path));
    f.harness.frame(2);
    CHECK(f.state.worker().conference().ring() == 3); // back at the ring the words were for
    const auto before = f.state.data().statements.size();
    REQUIRE(f.harness.click("statement"));
    f.harness.pressKey(ui::keys::Enter);
    f.harness.frame(2);
    REQUIRE(f.state.data().statements.size() == before + 1);
    CHECK(f.state.data().statements.back().text == "Benches in the Koningsplein, ŝ ł ő");
    CHECK(f.state.data().statements.back().ring == 3);
    auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    CHECK(reader->captureDraft().text.empty());
}

TEST_CASE("rings view: in round 1 nothing of another ring is drawn, on the console or for the room") {
    test::ScreenFixture f;
    f.openExample("social-olympics-renewal");
    auto& conference = f.state.worker().conference();
    conference.goToRound(1);
    const auto& data = f.state.data();
    for (const bool room : {false, true}) {
        f.state.ui().presentation = room;
        for (const auto& ring : data.rings) {
            conference.goToRing(ring.id);
            f.harness.frame(2);
            for (const auto& s : data.statements) {
                // The first words of each statement: the grid and the list cut long ones short.
                const std::string start = s.text.substr(0, 12);
                CAPTURE(room);
                CAPTURE(s.text);
                CHECK(f.harness.textItems(start).empty() == (s.ring != ring.id));
            }
        }
    }
    // Round 2 reveals them: the room's heat map shows statements of every ring.
    conference.goToRound(2);
    f.harness.frame(2);
    std::set<core::Id> shown;
    for (const auto& s : data.statements)
        if (!f.harness.textItems(s.text.substr(0, 12)).empty()) shown.insert(s.ring);
    CHECK(shown.size() >= 3);
    f.state.ui().presentation = false;
}

TEST_CASE("rings view: while the grid has the keys, the mouse still reaches the toolbar") {
    test::ScreenFixture f;
    f.openExample("social-olympics-renewal");
    f.harness.frame(3);
    f.harness.type("4"); // the grid has the keyboard
    f.harness.frame(2);
    REQUIRE(f.harness.click("Overview"));
    f.harness.frame(2);
    CHECK(f.state.screen() == "agenda");
}

TEST_CASE("rings view: a merge onto the last row, then a digit at once, writes into a row that is there") {
    test::ScreenFixture f;
    f.openExample("social-olympics-renewal");
    auto& conference = f.state.worker().conference();
    conference.goToRound(3);
    f.harness.frame(3);
    const auto rows = conference.statements().size();
    REQUIRE(rows > 2);
    f.harness.pressKey(ui::keys::M);
    for (std::size_t i = 0; i + 1 < rows; ++i)
        f.harness.pressKey(ui::keys::Down);
    f.harness.pressKey(ui::keys::M); // the first row merged into the last: one row fewer
    f.harness.type("7");             // the very next frame, the cursor still on the old last row
    f.harness.frame(3);
    CHECK(conference.statements().size() == rows - 1);
    // The count went into a cell of a statement still rated in round 3.
    const auto* last = conference.statements().back();
    CHECK(conference.statement(last->id)->mergedInto == 0);
}
