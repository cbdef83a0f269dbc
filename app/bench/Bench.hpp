#pragma once

// plenary bench (PRODUCT.md §10): builds the stress workshop at 1× and 4× in a temporary folder,
// measures frames, captures, idle redraws, start-up and memory, and prints one table (or JSON).
namespace plenary::bench {

// quick: a tiny workshop and few repeats, to check that everything runs. Returns the exit code.
int runBench(bool json, bool quick);

} // namespace plenary::bench
