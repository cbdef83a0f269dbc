#pragma once

#include "bench/Figures.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::bench {

// The rapporteur's export of the stress workshop, as `plenary export` runs it: the file opened
// read-only and loaded, the report built and written to a file in `folder`. HTML has a target
// (PRODUCT.md §10: ≤ 200 ms); the other formats are shown for context.
void measureExport(const std::filesystem::path& folder, const std::filesystem::path& ua,
                   const std::filesystem::path& so, const std::string& tag, int repeats,
                   std::vector<Figure>& out);

// The stress workshop's JSON (its own export) imported into a new file, as `plenary import` does:
// read, checked, written and re-opened. Shown for context.
void measureImport(const std::filesystem::path& folder, const std::filesystem::path& ua,
                   const std::string& tag, int repeats, std::vector<Figure>& out);

} // namespace plenary::bench
