#include "store/TemplateFiles.hpp"

#include "core/JsonRead.hpp"
#include "core/Limits.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace plenary::store {

namespace fs = std::filesystem;

std::string readTextFile(const fs::path& path, std::size_t maxBytes) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw std::runtime_error(path.string() + ": cannot read (" + ec.message() + ")");
    if (size > maxBytes)
        throw std::runtime_error(path.string() + ": " + core::fileTooLargeMessage(size, maxBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const core::FormatTemplate* TemplateSet::format(std::string_view key) const {
    for (const auto& f : formats)
        if (f.key == key) return &f;
    return nullptr;
}

namespace {

std::vector<fs::path> jsonFiles(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec) && entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

template <class Parse, class Out>
void readEach(const fs::path& folder, Parse&& parse, Out&& out, TemplateSet& set) {
    for (const auto& file : jsonFiles(folder)) {
        try {
            out(parse(readTextFile(file, 16u << 20), file.string()), file);
        } catch (const std::exception& e) {
            set.problems.push_back(e.what());
        }
    }
}

} // namespace

TemplateSet loadTemplates(const fs::path& folder) {
    TemplateSet set;
    // A copied template whose key was not changed would otherwise be hidden behind the original.
    std::map<std::string, fs::path> formatFiles;
    readEach(
        folder / "formats", core::parseFormatTemplate,
        [&](auto f, const fs::path& file) {
            if (const auto [it, fresh] = formatFiles.emplace(f.key, file); !fresh)
                set.problems.push_back(file.string() + ": key \"" + f.key + "\" is already used by " +
                                       it->second.filename().string() +
                                       "; this file is ignored (give a copied template its own key)");
            else
                set.formats.push_back(std::move(f));
        },
        set);
    readEach(
        folder / "questions", core::parseQuestionRules,
        [&](auto r, const fs::path&) { set.questionRules.push_back(std::move(r)); }, set);
    readEach(
        folder / "catalog", core::parsePracticeCatalog,
        [&](auto c, const fs::path&) { set.catalog.insert(set.catalog.end(), c.begin(), c.end()); }, set);
    readEach(
        folder / "benchmarks", core::parseBenchmarkSet,
        [&](auto b, const fs::path&) { set.benchmarks.push_back(std::move(b)); }, set);
    if (set.formats.empty())
        set.problems.push_back((folder / "formats").string() + ": no format templates found");
    return set;
}

} // namespace plenary::store
