#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plenary::cli {

// What main() should do after the command line is read.
struct WindowRequest {
    std::optional<std::filesystem::path> file; // open this session; otherwise the library view
    std::optional<std::filesystem::path> screenshot;
    bool readOnly = false;
    bool presentation = false;
    std::string phase; // start the live view in this phase (present, questions, …)
    std::string view;  // start in this screen: live, rings, setup, agenda, or help over the live screen
    int round = 0;     // start a Social Olympics conference in this round (0: where its tallies say)
    std::string search; // start the search screen with these words
    bool recall = false; // similar past dilemmas beside the live screen
    int width = 1920;
    int height = 1080;
    // Hidden, for plenary bench: run the real event loop this long, then write what it cost.
    double benchSeconds = 0.0;
    std::optional<std::filesystem::path> benchReport;
    bool benchTimer = true; // start the live timer first (an idle screen that still ticks)
};

struct BenchRequest {
    bool json = false;
    bool quick = false; // tiny workshop, few repeats: checks that it runs
};

struct CliOutcome {
    bool openWindow = false; // no subcommand: start the program
    WindowRequest window;
    bool runBench = false; // plenary bench: main() hands over to bench::runBench
    BenchRequest bench;
    int exitCode = 0;
};

// Parses the command line and runs a headless command if one is given (GNU conventions: --help,
// --version, exit 0 on success, one line on stderr and non-zero otherwise).
// viewNames: the screens --view accepts (the window's screen registry knows them).
CliOutcome runCli(int argc, char** argv, const std::vector<std::string>& viewNames);

} // namespace plenary::cli
