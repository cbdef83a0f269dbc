#pragma once

#include "core/QuestionClassifier.hpp"
#include "core/Templates.hpp"

#include <filesystem>
#include <string>
#include <vector>

// Reads the JSON templates from a folder (normally resourceFolder()/templates). A broken file is
// reported by name and what is wrong; it never stops the program.
namespace plenary::store {

// Reads a whole text file, refusing files over maxBytes; throws std::runtime_error naming it.
std::string readTextFile(const std::filesystem::path& path, std::size_t maxBytes = 64u << 20);

struct TemplateSet {
    std::vector<core::FormatTemplate> formats;
    std::vector<core::QuestionRules> questionRules;
    std::vector<core::CatalogPractice> catalog;
    std::vector<core::BenchmarkSet> benchmarks;
    std::vector<std::string> problems; // one line per file that could not be read

    const core::FormatTemplate* format(std::string_view key) const;
};

TemplateSet loadTemplates(const std::filesystem::path& folder);

} // namespace plenary::store
