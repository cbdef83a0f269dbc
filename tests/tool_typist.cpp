// A typist for the kill -9 test: opens a workshop in the program's own screens (headless), clicks
// the first dilemma's question in the setup screen and types one character per frame, sixty frames
// a second, never leaving the field. After each frame it prints "saved N 1 TEXT", TEXT being the
// whole field as typed so far. The test kills it at a random moment and checks that the file lost
// at most the last second of typing.
#include "ui/AppState.hpp"
#include "ui/Headless.hpp"
#include "ui/Keys.hpp"
#include "ui/MainScreen.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: plenary_tool_typist FILE TEMPLATES_FOLDER\n";
        return 2;
    }
    using namespace plenary;
    const std::filesystem::path file = argv[1];
    ui::AppState state(file.parent_path(), argv[2]);
    if (!state.openSession(file)) {
        std::cerr << "plenary_tool_typist: " << state.message() << "\n";
        return 1;
    }
    state.setScreen("setup");
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    harness.frame(2);
    const auto& first = state.snapshot().dilemmas.at(0);
    std::string typed = first.question;
    if (!harness.click("question:" + std::to_string(first.id))) {
        std::cerr << "plenary_tool_typist: no question field\n";
        return 1;
    }
    harness.pressKey(ui::keys::End);
    const auto frame = std::chrono::microseconds(1'000'000 / 60); // the harness's clock
    auto next = std::chrono::steady_clock::now();
    for (int i = 0;; ++i) {
        const std::string c = i % 10 == 9 ? " " : std::string(1, static_cast<char>('a' + i % 26));
        harness.type(c);
        typed += c;
        std::printf("saved %d 1 %s\n", i, typed.c_str());
        std::fflush(stdout);
        next += frame;
        std::this_thread::sleep_until(next);
    }
}
