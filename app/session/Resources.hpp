#pragma once

#include "core/QuestionClassifier.hpp"
#include "core/Templates.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::session {

// What Plenary reads from templates/ once at start: formats, question rules (as a classifier),
// the practice catalog and the benchmark sets. A broken file is listed in problems, by name and
// what is wrong; the rest still loads.
struct Resources {
    std::vector<core::FormatTemplate> formats;
    std::vector<core::CatalogPractice> catalog;
    std::vector<core::BenchmarkSet> benchmarks;
    core::QuestionClassifier classifier;
    std::vector<std::string> problems;

    const core::FormatTemplate* format(std::string_view key) const;
    // Throws std::runtime_error naming the templates there are.
    const core::FormatTemplate& requireFormat(std::string_view key) const;

    // The default folder is resourceFolder()/templates.
    static Resources load(const std::filesystem::path& templatesFolder = {});
};

} // namespace plenary::session
