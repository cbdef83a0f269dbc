#pragma once

#include "core/Counts.hpp"

#include <filesystem>
#include <string>
#include <vector>

// `plenary merge` for the command line and the library screen alike: parallel rooms of one
// Urban Academy event (one .plenary file each) become one new workshop file.
namespace plenary::session {

struct MergeReport {
    struct Input {
        std::filesystem::path path;
        core::WorkshopCounts counts; // as the file counts itself
    };
    std::filesystem::path output;
    std::vector<Input> inputs;
    core::WorkshopCounts merged;    // as the written file counts itself, re-opened
    int duplicates = 0;             // people met in more than one room, merged into one
    std::vector<std::string> notes; // where duplicates disagreed (city, country, role) and what was kept
};

// Reads the inputs read-only (never changing them), merges them (core::mergeSessions), writes the
// result as a new file (never replacing one) and re-opens it to check that it holds the inputs'
// sums. Throws std::runtime_error with one line, and leaves no output file, when the inputs cannot
// be merged or the check fails. An empty title keeps the first input's. Paths may start with "~".
MergeReport mergeFiles(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& output,
                       const std::string& title = {});

} // namespace plenary::session
