#pragma once

// One fixture for screen tests: a scratch library folder, the program's state with the
// repository's templates, the main screen, a headless harness driving it, and clocks the test
// moves (so timers and the phase log are predictable).
#include "support/Process.hpp"

#include "ui/AppState.hpp"
#include "ui/Headless.hpp"
#include "ui/Keys.hpp"
#include "ui/MainScreen.hpp"

#include <doctest/doctest.h>

#include <string>

namespace plenary::test {

struct ScreenFixture {
    explicit ScreenFixture(int width = 1920, int height = 1080)
        : state(dir.path(), std::string(PLENARY_SOURCE_DIR) + "/templates"), screen(state),
          harness([this] { screen.draw(); }, width, height) {
        state.live().setClocks([this] { return now; },
                               [this] { return "2026-11-22T10:" + std::to_string(10 + ++minute) + ":00Z"; });
        harness.frame(2);
    }

    // A workshop made from sessions/examples/NAME.json in the library folder, opened.
    std::filesystem::path openExample(const std::string& name) {
        const auto path = dir / (name + ".plenary");
        const auto result =
            run(PLENARY_BINARY,
                {"import", std::string(PLENARY_EXAMPLES) + "/" + name + ".json", "-o", path.string()});
        REQUIRE(result.exitCode == 0);
        REQUIRE(state.openSession(path));
        state.live().attach(state.workshop()); // with the fixture's clocks from the start
        harness.frame(2);
        return path;
    }

    void typeAndEnter(const std::string& text) {
        harness.type(text);
        harness.pressKey(ui::keys::Enter);
        harness.frame(2);
    }

    TempDir dir;
    double now = 1000.0;
    int minute = 0;
    ui::AppState state;
    ui::MainScreen screen;
    ui::Headless harness;
};

} // namespace plenary::test
