// The clicker and the keyboard always work in the live view: PageDown from any field (what was typed
// is kept), the result takes typing without a click, catalog matches by ↑/↓ and Enter, one Ctrl+Z
// takes back one capture and says so, Esc closes the help, PageDown in the overview.
#include "support/ScreenFixture.hpp"

#include "core/Agenda.hpp"

#include <imgui_internal.h>

#include <algorithm>

using namespace plenary;
namespace keys = plenary::ui::keys;

namespace {

const core::Dilemma* current(test::ScreenFixture& f) {
    return f.state.live().currentDilemma();
}

} // namespace

TEST_CASE(
    "keys: PageDown moves on from the result box and from a practice's web address, keeping the words") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    const core::Id dilemma = f.state.live().dilemma();

    f.state.live().goToPhase(3); // ideas: the practices have fields for their place and link
    f.harness.frame(3);
    REQUIRE(f.harness.click("##link"));
    f.harness.type("https://example.org/tandems");
    f.harness.pressKey(keys::PageDown); // one press, from inside the field
    f.harness.frame(2);
    CHECK(f.state.live().currentPhase()->key == "result");
    const auto practices = f.state.live().practices();
    const bool linkKept = std::any_of(practices.begin(), practices.end(), [](const core::Practice* p) {
        return p->link.find("https://example.org/tandems") != std::string::npos;
    });
    CHECK(linkKept);

    // The result box takes what is typed without a click.
    f.harness.frame(3);
    const std::string before = current(f)->result;
    f.harness.type(" Typed without a click."); // no click, no End: it continues the text
    f.harness.pressKey(keys::PageDown);        // past the last phase: the next dilemma
    f.harness.frame(2);
    const auto* first = f.state.workshop()->agenda().dilemma(dilemma);
    REQUIRE(first);
    CHECK(first->result == before + " Typed without a click.");
    CHECK(f.state.live().dilemma() != dilemma);
}

TEST_CASE("keys: a catalog match is picked with ↓ and Enter, the line keeping the keyboard") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    f.state.live().goToPhase(3);
    f.harness.frame(3);
    const auto before = f.state.live().practices().size();
    REQUIRE(f.harness.click("capture"));
    f.harness.type("youth migration");
    f.harness.frame(2);
    REQUIRE(f.harness.hasText("From the practice catalog"));
    f.harness.pressKey(keys::Down);
    CHECK(ImGui::GetCurrentContext()->ActiveId == ImGui::GetCurrentContext()->InputTextState.ID);
    f.harness.pressKey(keys::Enter);
    f.harness.frame(3);
    const auto practices = f.state.live().practices();
    REQUIRE(practices.size() == before + 1);
    CHECK_FALSE(practices.back()->catalog.empty()); // the catalog entry, with its place and link
    CHECK(practices.back()->title != "youth migration");
}

TEST_CASE("keys: one Ctrl+Z takes back one capture and the screen says which") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    f.state.live().goToPhase(1);
    f.harness.frame(3);
    const auto before = f.state.live().questions().size();
    REQUIRE(f.harness.click("capture"));
    for (const char* q : {"How did it start?", "Who paid for the first year?", "What would you change now?"})
        f.typeAndEnter(q);
    REQUIRE(f.state.live().questions().size() == before + 3);
    f.harness.pressKey(keys::Z, true);
    f.harness.frame(2);
    CHECK(f.state.live().questions().size() == before + 2);
    CHECK_FALSE(f.harness.hasText("What would you change now?"));
    CHECK(f.harness.hasText("Who paid for the first year?"));
    CHECK(f.state.message().find("Undone: Add question") == 0);
    f.harness.pressKey(keys::Z, true);
    f.harness.frame(2);
    CHECK(f.state.live().questions().size() == before + 1);
    CHECK(f.harness.hasText("How did it start?"));
}

TEST_CASE("keys: Ctrl+D is undone as \"Draft result\"; Esc closes the help; PageDown works in the overview") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    f.state.live().goToPhase(4);
    f.harness.frame(3);
    f.harness.pressKey(keys::D, true);
    f.harness.frame(2);
    CHECK(f.state.workshop()->undoLabel() == "Draft result");

    f.state.ui().showHelp = true;
    f.harness.frame(2);
    f.harness.pressKey(keys::Escape);
    CHECK_FALSE(f.state.ui().showHelp);

    f.state.live().goToPhase(1);
    f.state.setScreen("agenda");
    f.harness.frame(2);
    f.harness.pressKey(keys::PageDown);
    f.harness.frame(2);
    CHECK(f.state.screen() == "live");
    CHECK(f.state.live().currentPhase()->key == "reflection");
}
