#pragma once

#include "bench/Figures.hpp"

#include <filesystem>
#include <vector>

namespace plenary::bench {

// The library over `files` demo-sized workshop files (the urban-academy-education example, its
// texts varied per file) written to `folder`: a search as `plenary search` runs it with a warm
// index (a new session::Library on the cache, every file stat'ed, then the search), the first
// search with no index, and the listing with a warm index. The search has a target at 500 files
// (PRODUCT.md §10: ≤ 100 ms); the other figures are for context.
void measureLibrary(const std::filesystem::path& folder, int files, int rounds, std::vector<Figure>& out);

} // namespace plenary::bench
