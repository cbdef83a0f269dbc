// What the headless harness can do for screen tests: drag, Alt, the wheel, where an item is and
// in what colour and size its text is drawn — each shown on the real views.
#include "support/ScreenFixture.hpp"

#include "ui/Palette.hpp"

#include <imgui_internal.h>

#include <doctest/doctest.h>

#include <algorithm>

using namespace plenary;
namespace keys = ui::keys;

namespace {

std::vector<core::Id> dilemmaOrder(const ui::AppState& state, core::Id session) {
    std::vector<core::Id> ids;
    for (const std::size_t i : const_cast<ui::AppState&>(state).workshop()->agenda().dilemmasIn(session))
        ids.push_back(state.data().dilemmas[i].id);
    return ids;
}

// The example module, on the setup screen.
void openSetup(test::ScreenFixture& f) {
    f.openExample("urban-academy-education");
    f.state.setScreen("setup");
    f.harness.frame(2);
}

bool sameColour(const ImVec4& a, const ImVec4& b) {
    return std::abs(a.x - b.x) < 0.01f && std::abs(a.y - b.y) < 0.01f && std::abs(a.z - b.z) < 0.01f;
}

} // namespace

TEST_CASE("harness: dragging a dilemma's ≡ onto another puts it in that place, in the file") {
    test::ScreenFixture f;
    openSetup(f);
    const core::Id session = f.state.data().sessions.front().id;
    const auto before = dilemmaOrder(f.state, session);
    REQUIRE(before.size() >= 3);
    const std::string third = std::to_string(before[2]);
    const std::string first = std::to_string(before[0]);
    REQUIRE(f.harness.drag("drag:" + third, "drag:" + first));
    const auto after = dilemmaOrder(f.state, session);
    CHECK(after.front() == before[2]);
    CHECK(after[1] == before[0]);
}

TEST_CASE("harness: Alt+Down in a dilemma's question moves it down") {
    test::ScreenFixture f;
    openSetup(f);
    const core::Id session = f.state.data().sessions.front().id;
    const auto before = dilemmaOrder(f.state, session);
    REQUIRE(f.harness.click("question:" + std::to_string(before[0])));
    f.harness.pressKey(keys::Down, ui::Headless::Modifiers{false, false, true});
    f.harness.frame(2);
    const auto after = dilemmaOrder(f.state, session);
    CHECK(after[0] == before[1]);
    CHECK(after[1] == before[0]);
}

TEST_CASE("harness: the mouse wheel scrolls the setup list") {
    test::ScreenFixture f;
    openSetup(f);
    const std::string item = "drag:" + std::to_string(f.state.data().dilemmas.front().id);
    const auto before = f.harness.itemRect(item);
    REQUIRE(before);
    REQUIRE(f.harness.wheel(item, -3.0f));
    const auto after = f.harness.itemRect(item);
    // Scrolled up and away, or drawn higher up.
    CHECK((!after || after->min.y < before->min.y));
}

TEST_CASE("harness: colours and sizes — the current phase stands out, the timer is the largest text") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    f.harness.pressKey(keys::PageDown); // open questions
    REQUIRE(f.state.live().currentPhase()->key == "questions");
    // The chip's label: the text drawn inside the chip's rectangle.
    auto chipText = [&](const std::string& key, const std::string& name) -> std::optional<ui::trace::Text> {
        const auto chip = f.harness.itemRect("phase:" + key);
        if (!chip) return std::nullopt;
        for (const auto& t : f.harness.textItems(name))
            if (t.min.y >= chip->min.y - 1 && t.max.y <= chip->max.y + 1 && t.min.x >= chip->min.x - 1)
                return t;
        return std::nullopt;
    };
    const auto current = chipText("questions", "Open questions");
    const auto other = chipText("reflection", "Reflection");
    REQUIRE(current);
    REQUIRE(other);
    CHECK(sameColour(current->colour, ui::palette::onAccent()));
    CHECK_FALSE(sameColour(other->colour, ui::palette::onAccent()));
    const auto all = f.harness.textItems("");
    const auto largest = std::max_element(
        all.begin(), all.end(), [](const auto& a, const auto& b) { return a.fontSize < b.fontSize; });
    const auto prompt = f.harness.textItems("Ask open questions");
    REQUIRE(largest != all.end());
    REQUIRE_FALSE(prompt.empty());
    CHECK(largest->text.find(':') != std::string::npos); // the clock
    CHECK(largest->fontSize > 3.0f * prompt.front().fontSize);
}

TEST_CASE("harness: two harnesses share no trace and no typing") {
    test::ScreenFixture first;
    first.openExample("urban-academy-education");
    first.state.setScreen("setup");
    first.harness.frame(2);
    const std::string field = "question:" + std::to_string(first.state.data().dilemmas.front().id);
    REQUIRE(first.harness.click(field));
    first.harness.type(" — typed in the first window");
    test::ScreenFixture second;
    CHECK_FALSE(second.harness.hasItem(field)); // the library: nothing of the first one's screen
    second.openExample("urban-academy-education");
    second.state.setScreen("setup");
    second.harness.frame(2);
    REQUIRE(second.harness.hasItem(field));
    CHECK_FALSE(second.harness.hasText("typed in the first window"));
}

TEST_CASE("harness: Ctrl+D adds the draft below what the rapporteur typed, never over it") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    f.state.live().goToPhase(4); // result
    f.harness.frame(2);
    REQUIRE(f.state.live().currentPhase()->key == "result");
    REQUIRE(f.harness.click("result"));
    f.harness.pressKey(keys::End, true);
    f.harness.type("\nOur own words, typed in the room.");
    f.harness.pressKey(keys::D, true);
    f.harness.frame(2);
    const auto* dilemma = f.state.live().currentDilemma();
    REQUIRE(dilemma);
    CHECK(dilemma->result.find("Our own words, typed in the room.") != std::string::npos);
    CHECK(dilemma->result.find(f.state.live().draftResult()) != std::string::npos);
}

TEST_CASE("harness: text on the capture line is added as what it was typed as, after a phase change") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    f.state.live().goToPhase(1); // open questions
    f.harness.frame(2);
    const auto dilemma = f.state.live().dilemma();
    const auto questions = f.state.live().questions().size();
    REQUIRE(f.harness.click("capture"));
    f.harness.type("How did the first schools hear of it?");
    f.harness.pressKey(keys::PageDown); // the room moves on before Enter
    REQUIRE(f.state.live().currentPhase()->key == "reflection");
    CHECK(f.harness.hasText("adds a question"));
    const std::string reflection = f.state.live().currentDilemma()->reflection;
    CHECK(ImGui::GetCurrentContext()->ActiveId != 0); // the line still has the keyboard
    f.harness.pressKey(keys::Enter);
    f.harness.frame(2);
    CHECK(f.state.live().dilemma() == dilemma);
    CHECK(f.state.live().questions().size() == questions + 1);
    CHECK(f.state.live().questions().back()->text == "How did the first schools hear of it?");
    CHECK(f.state.live().currentDilemma()->reflection == reflection);
}
