#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace plenary::ui {

struct WindowOptions {
    std::optional<std::filesystem::path> file;
    std::optional<std::filesystem::path> screenshot; // render, save a PNG, exit
    bool readOnly = false;
    bool presentation = false; // start in presentation mode (for screenshots of what the room sees)
    std::string phase;         // start the live view in this phase
    std::string view;          // start in this screen: live, rings, setup, agenda, help
    int round = 0;             // start a Social Olympics conference in this round (0: where it was)
    std::string search;        // start the search screen with these words
    bool recall = false;       // similar past dilemmas beside the live screen (and, presenting, for the room)
    int width = 1920;
    int height = 1080;
    // plenary bench: run the event loop this many seconds (0: off), then write frame counts, CPU
    // time, peak memory and the time to the first frame to benchReport and exit.
    double benchSeconds = 0.0;
    std::optional<std::filesystem::path> benchReport;
    bool benchTimer = true; // start the live timer first
};

// Opens the program window (GLFW + OpenGL 3) and runs until it is closed. Without a display it
// says so in one line and how to get a screenshot instead. Returns the process exit code.
int runWindow(const WindowOptions& options);

} // namespace plenary::ui
