#pragma once

#include "core/Counts.hpp"
#include "core/Model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::store {

// One session file as the library lists it. A file that cannot be read is still listed, with
// the reason, so a damaged workshop is visible rather than silently missing.
struct LibraryEntry {
    std::filesystem::path path;
    core::Workshop workshop;
    core::WorkshopCounts counts;
    std::string problem; // empty when the file opened fine
};

std::vector<LibraryEntry> scanLibrary(const std::filesystem::path& folder);

} // namespace plenary::store
