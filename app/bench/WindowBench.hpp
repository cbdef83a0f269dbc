#pragma once

#include "bench/Figures.hpp"

#include <filesystem>
#include <vector>

namespace plenary::bench {

// Runs the real program (this same binary) on `file` in a window — under xvfb-run when there is
// no display — and appends idle redraws and CPU with and without a running timer, the time from
// process start to the first frame, and peak memory. `folder` is the child's data and config home.
void measureWindow(const std::filesystem::path& folder, const std::filesystem::path& file, double idleSeconds,
                   int startRepeats, std::vector<Figure>& out);

} // namespace plenary::bench
