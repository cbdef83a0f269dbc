#pragma once

#include "bench/Figures.hpp"
#include "bench/ScreenBench.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::bench {

// Tallies typed into the round-3 grid of a Social Olympics conference (so), each up to the next
// frame built with the consensus board beside the grid, interleaved with a bare SQLite upsert of
// one count into a table like votes; and the ranking recomputed after one tally (the board's
// figures, the frame aside).
void measureTally(const std::filesystem::path& so, const std::string& tag, const Repeats& repeats,
                  std::vector<Figure>& out);

} // namespace plenary::bench
