// Presentation mode is for the back row: its own type scale, the newest entry always in view, no
// focus ring and no facilitator's hints on the projector, and the facilitator can still type.
#include "support/ScreenFixture.hpp"

#include "core/Model.hpp"
#include "ui/Fonts.hpp"
#include "ui/NewestInView.hpp"

#include <imgui_internal.h>

using namespace plenary;
using ui::keys::Enter;
using ui::keys::PageDown;
using ui::keys::PageUp;

namespace {

// 25 questions (every sixth closed) and 8 practices on the first dilemma, as in a lively room.
void fillFirstDilemma(test::ScreenFixture& f) {
    auto* w = f.state.workshop();
    REQUIRE(w);
    const core::Id dilemma = f.state.live().dilemma();
    for (int i = 1; i <= 25; ++i) {
        core::Question q;
        q.dilemma = dilemma;
        q.text = "Question number " + std::to_string(i) + ": how did the city reach the schools in Łódź?";
        q.open = i % 6 != 0;
        REQUIRE(w->addQuestion(q) != 0);
    }
    for (int i = 1; i <= 8; ++i) {
        core::Practice p;
        p.dilemma = dilemma;
        p.title = "Practice number " + std::to_string(i);
        p.city = "Göteborg";
        p.country = "SE";
        REQUIRE(w->addPractice(p) != 0);
    }
    f.harness.frame(3);
}

// The drawn text containing `needle` whose box lies lowest on the screen.
std::optional<ui::trace::Text> lowest(const test::ScreenFixture& f, const std::string& needle) {
    std::optional<ui::trace::Text> found;
    for (const auto& t : f.harness.textItems(needle))
        if (!found || t.max.y > found->max.y) found = t;
    return found;
}

float largestFont(const test::ScreenFixture& f, const std::string& needle) {
    float size = 0.0f;
    for (const auto& t : f.harness.textItems(needle))
        size = std::max(size, t.fontSize);
    return size;
}

} // namespace

TEST_CASE("presentation: a list keeps its newest entries in view and folds the older ones") {
    CHECK(ui::firstInView({10, 10, 10}, 40, 10) == 0);         // all fit
    CHECK(ui::firstInView({10, 10, 10, 10, 10}, 40, 10) == 2); // fold line + the newest three
    CHECK(ui::firstInView({10, 10, 100}, 40, 10) == 2);        // the newest, even when too tall
    CHECK(ui::firstInView({}, 40, 10) == 0);
}

TEST_CASE("presentation: the newest question and practice are on screen, large, at 1080 and 720 lines") {
    for (const auto& [width, height] : {std::pair{1920, 1080}, std::pair{1280, 720}}) {
        INFO(width << "×" << height);
        test::ScreenFixture f(width, height);
        f.openExample("urban-academy-education");
        f.state.live().goToPhase(1); // open questions
        fillFirstDilemma(f);
        const float scale = static_cast<float>(height) / 1080.0f;
        for (const bool presenting : {true, false}) {
            const std::string mode = presenting ? "presentation" : "console";
            INFO(mode);
            f.state.ui().presentation = presenting;
            f.state.live().goToPhase(1);
            f.harness.frame(4);
            const auto newest = lowest(f, "Question number 25:");
            REQUIRE(newest);
            CHECK(newest->min.y >= 0.0f);
            CHECK(newest->max.y <= static_cast<float>(height));
            if (presenting) {
                CHECK(newest->fontSize >= 44.0f * scale);
                CHECK(f.harness.hasText("earlier questions"));
                const auto* dilemma = f.state.live().currentDilemma();
                REQUIRE(dilemma);
                CHECK(largestFont(f, dilemma->question.substr(0, 20)) >= 64.0f * scale);
                CHECK(largestFont(f, ":") >= 180.0f * scale); // the timer's digits
                // The closed-question hint is the facilitator's: not on the projector.
                CHECK_FALSE(f.harness.hasText("Closed question"));
            }
            f.state.live().goToPhase(3); // ideas
            f.harness.frame(4);
            const auto practice = lowest(f, "Practice number 8");
            REQUIRE(practice);
            CHECK(practice->max.y <= static_cast<float>(height));
            if (presenting) CHECK(practice->fontSize >= 44.0f * scale);
        }
    }
}

TEST_CASE("presentation: the clicker moves phases without a focus ring, and typing is kept") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    f.state.live().goToPhase(1);
    f.state.ui().presentation = true;
    f.harness.frame(3);
    f.harness.pressKey(PageDown);
    f.harness.pressKey(PageUp);
    f.harness.frame(2);
    CHECK(f.state.live().currentPhase()->key == "questions");
    // Nothing on the room's screen is a button the navigation could land on.
    for (const auto& phase : f.state.live().phases())
        CHECK_FALSE(f.harness.hasItem("phase:" + phase.key));
    // The facilitator types on the slim line; Enter adds the question for the room to see.
    const auto before = f.state.live().questions().size();
    REQUIRE(f.harness.click("capture"));
    f.harness.type("How did the parents hear of it?");
    f.harness.pressKey(Enter);
    f.harness.frame(3);
    CHECK(f.state.live().questions().size() == before + 1);
    CHECK(f.harness.hasText("How did the parents hear of it?"));
}
