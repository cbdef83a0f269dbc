#include "bench/Bench.hpp"
#include "cli/Cli.hpp"
#include "ui/Screens.hpp"
#include "ui/Window.hpp"

int main(int argc, char** argv) {
    const auto outcome = plenary::cli::runCli(argc, argv, plenary::ui::viewNames());
    if (outcome.runBench) return plenary::bench::runBench(outcome.bench.json, outcome.bench.quick);
    if (!outcome.openWindow) return outcome.exitCode;
    plenary::ui::WindowOptions options;
    options.file = outcome.window.file;
    options.screenshot = outcome.window.screenshot;
    options.readOnly = outcome.window.readOnly;
    options.presentation = outcome.window.presentation;
    options.phase = outcome.window.phase;
    options.view = outcome.window.view;
    options.round = outcome.window.round;
    options.search = outcome.window.search;
    options.recall = outcome.window.recall;
    options.width = outcome.window.width;
    options.height = outcome.window.height;
    options.benchSeconds = outcome.window.benchSeconds;
    options.benchReport = outcome.window.benchReport;
    options.benchTimer = outcome.window.benchTimer;
    return plenary::ui::runWindow(options);
}
