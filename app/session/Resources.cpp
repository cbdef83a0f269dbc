#include "session/Resources.hpp"

#include "session/Paths.hpp"
#include "store/TemplateFiles.hpp"

#include <stdexcept>

namespace plenary::session {

const core::FormatTemplate* Resources::format(std::string_view key) const {
    for (const auto& f : formats)
        if (f.key == key) return &f;
    return nullptr;
}

const core::FormatTemplate& Resources::requireFormat(std::string_view key) const {
    if (const auto* f = format(key)) return *f;
    std::string known;
    for (const auto& f : formats)
        known += (known.empty() ? "" : ", ") + f.key;
    std::string message = "no template named \"" + std::string(key) + "\" (available: " + known + ")";
    if (!problems.empty()) message += "; " + problems.front();
    throw std::runtime_error(message);
}

Resources Resources::load(const std::filesystem::path& templatesFolder) {
    auto set =
        store::loadTemplates(templatesFolder.empty() ? resourceFolder() / "templates" : templatesFolder);
    Resources r;
    r.classifier = core::QuestionClassifier(set.questionRules);
    r.formats = std::move(set.formats);
    r.catalog = std::move(set.catalog);
    r.benchmarks = std::move(set.benchmarks);
    r.problems = std::move(set.problems);
    return r;
}

} // namespace plenary::session
