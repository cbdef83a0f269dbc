#include "cli/Cli.hpp"

#include "cli/Commands.hpp"
#include "core/Text.hpp"
#include "session/Paths.hpp"

#include <Version.hpp>

#include <CLI/CLI.hpp>

#include <iostream>

namespace plenary::cli {

CliOutcome runCli(int argc, char** argv, const std::vector<std::string>& viewNames) {
    CliOutcome outcome;
    CLI::App app{"Plenary — run participatory policy workshops on one shared screen and keep every word.\n"
                 "Without a command it opens the program (the library of workshops, or FILE).",
                 "plenary"};
    app.set_version_flag("--version", std::string("plenary ") + kVersion);
    app.require_subcommand(0, 1);

    std::string file;
    std::string screenshot;
    app.add_option("FILE", file, "session file (.plenary) to open");
    app.add_option("--screenshot", screenshot,
                   "render the program, save a PNG to this path and exit (works under Xvfb)");
    app.add_flag("--read-only", outcome.window.readOnly, "open FILE without changing it");
    app.add_flag("--present", outcome.window.presentation, "start in presentation mode (F9 toggles it)");
    std::string views;
    for (const auto& name : viewNames)
        views += (views.empty() ? "" : ", ") + name;
    app.add_option("--view", outcome.window.view, "start in this screen: " + views)
        ->check(CLI::IsMember(viewNames));
    app.add_option("--phase", outcome.window.phase,
                   "start the live view in this phase: present, questions, reflection, ideas or result");
    app.add_option("--round", outcome.window.round,
                   "start a Social Olympics conference in this round (1, 2 or 3) on its rings screen")
        ->check(CLI::Range(1, 20));
    app.add_option("--search", outcome.window.search, "start the search screen with these words");
    app.add_flag("--recall", outcome.window.recall,
                 "show similar past dilemmas from the library beside the live screen (with --present: to the room)");
    app.add_option("--size", outcome.window.width, "window width in pixels (the height follows 16:9)")
        ->check(CLI::Range(640, 7680));

    // What plenary bench runs the program with; not for people, so not in --help.
    std::string benchReport;
    app.add_option("--bench-window", outcome.window.benchSeconds)->group("");
    app.add_option("--bench-report", benchReport)->group("");
    app.add_flag("!--bench-no-timer", outcome.window.benchTimer)->group("");

    auto* cmdNew = app.add_subcommand("new", "create a new workshop file from a template");
    std::string templateKey = "urban-academy";
    std::string output;
    std::string title;
    cmdNew->add_option("--template", templateKey, "template name: urban-academy or social-olympics")
        ->capture_default_str();
    cmdNew->add_option("-o,--output", output, "the new .plenary file")->required();
    cmdNew->add_option("--title", title, "the workshop's title");

    auto* cmdImport =
        app.add_subcommand("import", "create a session from JSON, or add participants/dilemmas from CSV");
    std::string input;
    cmdImport->add_option("INPUT", input, "FILE.json (a whole session) or FILE.csv (see docs/csv-import.md)")
        ->required();
    cmdImport->add_option("-o,--output", output, "the .plenary file (CSV: added to it if it exists)")
        ->required();

    auto* cmdExport = app.add_subcommand(
        "export", "write the rapporteur's report (md, html, docx, xlsx, csv) or the whole session (json)");
    std::string format = "md";
    std::string exportOut;
    bool anonymise = false;
    bool bom = false;
    cmdExport->add_option("INPUT", input, "the .plenary file")->required();
    cmdExport->add_option("--format", format, "md, html, docx, xlsx, csv (a folder of tables) or json")
        ->check(CLI::IsMember({"md", "html", "docx", "xlsx", "csv", "json"}))
        ->capture_default_str();
    cmdExport->add_option("-o,--output", exportOut,
                          "where to write; - is standard output (md, html, json). Default: md and json to "
                          "standard output, the others beside INPUT (report.html, report-tables/ …)");
    cmdExport->add_flag("--anonymize,--anonymise", anonymise,
                        "replace people's names by their role and city everywhere; no people table");
    cmdExport->add_flag("--bom", bom, "csv: start each file with the UTF-8 byte-order mark Excel wants");

    auto* cmdInfo = app.add_subcommand("info", "counts, schema version and integrity of a session file");
    cmdInfo->add_option("INPUT", input, "the .plenary file")->required();

    auto* cmdSearch = app.add_subcommand("search", "full-text search across the session files of a folder");
    std::string query;
    std::string folder = session::sessionsFolder().string();
    cmdSearch->add_option("QUERY", query, "words to find")->required();
    cmdSearch->add_option("--in", folder, "folder of .plenary files")->capture_default_str();

    auto* cmdMerge = app.add_subcommand(
        "merge",
        "merge the parallel rooms of one Urban Academy event (one file each) into one new workshop file");
    std::vector<std::string> mergeInputs;
    cmdMerge
        ->add_option("INPUTS", mergeInputs,
                     "the rooms' .plenary files, in the order their sessions should follow")
        ->required();
    cmdMerge->add_option("-o,--output", output, "the new .plenary file (never replaces one)")->required();
    cmdMerge->add_option("--title", title, "the workshop's title (default: the first input's)");

    auto* cmdForget = app.add_subcommand(
        "forget", "remove a person from every workshop file of a folder (or one file), for good: their name, "
                  "organisation and city, every mention, and the undo history");
    std::string name;
    std::string forgetIn = session::sessionsFolder().string();
    cmdForget->add_option("NAME", name, "the person's name as the people list has it (case and accents aside)")
        ->required();
    cmdForget->add_option("--in", forgetIn, "a folder of .plenary files, or one file")->capture_default_str();

    auto* cmdBench =
        app.add_subcommand("bench", "measure the performance targets on a generated stress workshop");
    cmdBench->add_flag("--json", outcome.bench.json, "print the figures as JSON instead of a table");
    cmdBench->add_flag("--quick", outcome.bench.quick,
                       "a tiny workshop and few repeats (checks that it runs)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        outcome.exitCode = app.exit(e);
        return outcome;
    } catch (const CLI::CallForVersion& e) {
        outcome.exitCode = app.exit(e);
        return outcome;
    } catch (const CLI::ParseError& e) {
        std::cerr << "plenary: " << e.what() << " (see plenary --help)\n";
        outcome.exitCode = 2;
        return outcome;
    }

    try {
        if (cmdNew->parsed())
            commandNew(templateKey, output, title);
        else if (cmdImport->parsed())
            commandImport(input, output);
        else if (cmdExport->parsed())
            commandExport(input, format, exportOut, anonymise, bom);
        else if (cmdInfo->parsed())
            commandInfo(input);
        else if (cmdMerge->parsed())
            commandMerge(std::vector<std::filesystem::path>(mergeInputs.begin(), mergeInputs.end()), output,
                         title);
        else if (cmdSearch->parsed()) {
            if (commandSearch(query, folder) == 0) std::cerr << "nothing found for \"" << query << "\"\n";
        } else if (cmdForget->parsed()) {
            commandForget(name, forgetIn);
        } else if (cmdBench->parsed()) {
            outcome.runBench = true;
        } else {
            outcome.openWindow = true;
            if (!benchReport.empty()) outcome.window.benchReport = benchReport;
            if (!file.empty()) outcome.window.file = file;
            if (!screenshot.empty()) outcome.window.screenshot = screenshot;
            outcome.window.height = outcome.window.width * 9 / 16;
        }
    } catch (const std::exception& e) {
        std::cerr << "plenary: " << core::forTerminal(e.what()) << "\n";
        outcome.exitCode = 1;
    }
    return outcome;
}

} // namespace plenary::cli
