#include "bench/Figures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plenary::bench {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

Figure figure(std::string name, std::string unit, const std::vector<double>& samples,
              std::optional<double> target) {
    Figure f;
    f.name = std::move(name);
    f.unit = std::move(unit);
    if (!samples.empty()) {
        f.min = *std::min_element(samples.begin(), samples.end());
        f.max = *std::max_element(samples.begin(), samples.end());
        f.median = percentile(samples, 0.5);
    }
    f.target = target;
    return f;
}

Figure missing(std::string name, std::string unit, std::optional<double> target, std::string why) {
    Figure f;
    f.name = std::move(name);
    f.unit = std::move(unit);
    f.target = target;
    f.notMeasured = std::move(why);
    return f;
}

namespace {

// Where the scale tag ("1x", "4x") stands in a name as a word of its own, or npos.
std::size_t tagAt(const std::string& name, const char* tag) {
    for (std::size_t at = name.find(tag); at != std::string::npos; at = name.find(tag, at + 1)) {
        const bool before = at == 0 || name[at - 1] == ' ' || name[at - 1] == '(';
        const bool after = at + 2 == name.size() || name[at + 2] == ' ' || name[at + 2] == ')';
        if (before && after) return at;
    }
    return std::string::npos;
}

} // namespace

void addGrowth(std::vector<Figure>& figures) {
    for (auto& f : figures) {
        const auto at = tagAt(f.name, "4x");
        // A ratio of two costs that both grow says nothing by growing itself.
        if (at == std::string::npos || !f.notMeasured.empty() || f.median <= 0 || f.unit == "x") continue;
        std::string twin = f.name;
        twin.replace(at, 2, "1x");
        for (const auto& one : figures)
            if (one.name == twin && one.notMeasured.empty() && one.median > 0)
                f.growth = std::log(f.median / one.median) / std::log(4.0);
    }
}

namespace {

std::string number(double value) {
    char text[32];
    const double magnitude = std::fabs(value);
    std::snprintf(text, sizeof text, magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
    return text;
}

bool met(const Figure& f) {
    return f.target && f.notMeasured.empty() && f.median <= *f.target;
}

std::string jsonString(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

} // namespace

void printTable(std::ostream& out, const std::vector<Figure>& figures) {
    std::size_t nameWidth = 6;
    for (const auto& f : figures)
        nameWidth = std::max(nameWidth, f.name.size());
    char line[512];
    std::snprintf(line, sizeof line, "%-*s  %-8s %26s  %8s  %7s  %6s  %s\n", static_cast<int>(nameWidth),
                  "figure", "unit", "min / median / max", "target", "ratio", "growth", "met");
    out << line;
    for (const auto& f : figures) {
        const std::string target = f.target ? number(*f.target) : "-";
        if (!f.notMeasured.empty()) {
            std::snprintf(line, sizeof line, "%-*s  %-8s %26s  %8s  %7s  %6s  %s\n", static_cast<int>(nameWidth),
                          f.name.c_str(), f.unit.c_str(), "", target.c_str(), "", "", f.notMeasured.c_str());
        } else {
            const std::string spread = number(f.min) + " / " + number(f.median) + " / " + number(f.max);
            const std::string ratio = f.target && *f.target > 0 ? number(f.median / *f.target) : "-";
            const std::string growth = f.growth ? number(*f.growth) : "";
            std::snprintf(line, sizeof line, "%-*s  %-8s %26s  %8s  %7s  %6s  %s\n", static_cast<int>(nameWidth),
                          f.name.c_str(), f.unit.c_str(), spread.c_str(), target.c_str(), ratio.c_str(), growth.c_str(),
                          !f.target ? "-"
                          : met(f)  ? "yes"
                                    : "no");
        }
        out << line;
    }
}

void printJson(std::ostream& out, const std::vector<Figure>& figures) {
    out << "[\n";
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const auto& f = figures[i];
        out << "  {\"name\": " << jsonString(f.name) << ", \"unit\": " << jsonString(f.unit);
        if (f.notMeasured.empty())
            out << ", \"min\": " << f.min << ", \"median\": " << f.median << ", \"max\": " << f.max;
        else
            out << ", \"min\": null, \"median\": null, \"max\": null, \"not_measured\": "
                << jsonString(f.notMeasured);
        out << ", \"growth\": ";
        if (f.growth)
            out << *f.growth;
        else
            out << "null";
        out << ", \"target\": ";
        if (f.target)
            out << *f.target << ", \"met\": " << (met(f) ? "true" : "false");
        else
            out << "null, \"met\": null";
        out << "}" << (i + 1 < figures.size() ? "," : "") << "\n";
    }
    out << "]\n";
}

} // namespace plenary::bench
