#pragma once

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace plenary::bench {

// One row of the bench table: a figure measured over repeats against its target (lower is better).
struct Figure {
    std::string name;
    std::string unit;
    double min = 0.0;
    double median = 0.0;
    double max = 0.0;
    std::optional<double> target; // none: shown for context only
    std::string notMeasured;      // set when the figure could not be measured, and why
    // On a 4× figure: the exponent k in cost ∝ size^k between its 1× twin and it (1: linear, 0: it
    // follows what is on screen, not the size of the workshop).
    std::optional<double> growth;
};

// Sets growth on every figure named with "4x" whose twin named with "1x" was measured too.
void addGrowth(std::vector<Figure>& figures);

// Milliseconds from `since` to now (steady clock).
inline double millisecondsSince(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

double percentile(std::vector<double> values, double p); // p in 0..1, nearest rank
Figure figure(std::string name, std::string unit, const std::vector<double>& samples,
              std::optional<double> target = std::nullopt);
Figure missing(std::string name, std::string unit, std::optional<double> target, std::string why);

void printTable(std::ostream& out, const std::vector<Figure>& figures);
void printJson(std::ostream& out, const std::vector<Figure>& figures);

} // namespace plenary::bench
