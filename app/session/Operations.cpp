#include "session/Operations.hpp"

#include "core/Csv.hpp"
#include "core/Limits.hpp"
#include "core/SessionJson.hpp"
#include "core/Text.hpp"
#include "session/OpenWorkshop.hpp"
#include "session/Paths.hpp"
#include "store/SessionStore.hpp"
#include "store/TemplateFiles.hpp"

#include <cctype>
#include <stdexcept>

namespace plenary::session {

namespace fs = std::filesystem;

void createFromTemplate(const Resources& resources, const std::string& templateKey, const fs::path& path,
                        const std::string& title) {
    const auto& format = resources.requireFormat(templateKey);
    store::SessionStore::create(path, core::sessionFromTemplate(format, title));
}

std::string fileStem(const std::string& title) {
    std::string stem;
    for (const char32_t c : core::decodeUtf8(title)) {
        const bool ascii = c < 0x80 && std::isalnum(static_cast<unsigned char>(c));
        // Letters of any script stay; punctuation, symbols and dashes become one '-'.
        const bool letter = c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) &&
                            c < 0x1F000 && c != 0xFFFD;
        if (ascii || letter)
            core::appendUtf8(stem, c);
        else if (!stem.empty() && stem.back() != '-')
            stem += '-';
    }
    while (!stem.empty() && stem.back() == '-')
        stem.pop_back();
    if (stem.empty()) return "workshop";
    // At most 80 characters, never cutting one in half.
    std::string cut = core::ellipsize(stem, 80);
    if (cut.size() != stem.size()) cut.resize(cut.size() - std::string("…").size());
    return cut;
}

fs::path freePathFor(const fs::path& folder, const std::string& title) {
    std::error_code ec;
    const std::string stem = fileStem(title);
    fs::path path = folder / (stem + ".plenary");
    for (int n = 2; fs::exists(path, ec); ++n)
        path = folder / (stem + "-" + std::to_string(n) + ".plenary");
    return path;
}

fs::path createInFolder(const Resources& resources, const std::string& templateKey, const fs::path& folder,
                        const std::string& title) {
    const auto& format = resources.requireFormat(templateKey);
    std::error_code ec;
    fs::create_directories(folder, ec);
    const fs::path path = freePathFor(folder, title.empty() ? format.name : title);
    store::SessionStore::create(path, core::sessionFromTemplate(format, title));
    return path;
}

void importJsonFile(const fs::path& typedJson, const fs::path& typedOutput) {
    const fs::path json = expandHome(typedJson.string());
    auto data =
        core::parseSessionJson(store::readTextFile(json, core::kMaxJsonBytes), json.filename().string());
    store::SessionStore::create(expandHome(typedOutput.string()), data);
}

core::CsvImport readCsvFile(const fs::path& typed) {
    const fs::path csv = expandHome(typed.string());
    return core::parseImportCsv(store::readTextFile(csv, core::kMaxCsvBytes), csv.filename().string());
}

int importCsvFile(const Resources& resources, const fs::path& csv, const fs::path& typedOutput) {
    const fs::path output = expandHome(typedOutput.string());
    const auto batch = readCsvFile(csv);
    std::error_code ec;
    const bool fresh = !fs::exists(output, ec);
    if (fresh) createFromTemplate(resources, "urban-academy", output, csv.stem().string());
    std::string problem;
    try {
        OpenWorkshop workshop(output, OpenWorkshop::Mode::Edit, [&](const Message& m) { problem = m.text; });
        if (const auto added = workshop.importCsv(batch)) return *added;
    } catch (const std::exception& e) {
        problem = e.what();
    }
    // A workshop made for this import without what it imported is not what was asked for.
    if (fresh) fs::remove(output, ec);
    throw std::runtime_error(problem);
}

} // namespace plenary::session
